/**
 * What each function's role is granted in the synthesized templates (not recomputed from
 * infra/access.ts), as "action resource" strings with our resources given short names (`table`,
 * `bucket:uploads/…`, `queue:photo`, `event-bus`, `distribution`, `user-pool`): the grants tests
 * compare what functions really send against these. A grant confined by `dynamodb:LeadingKeys`
 * (public readers, the site build) keeps its patterns, and a call is allowed by it only when every
 * partition key the call names matches one of them (IAM's `ForAllValues:StringLike`).
 */
import { Template } from 'aws-cdk-lib/assertions';
import { type FunctionSpec, functionSpecs } from '../../infra/bundles';
import { flattenForNag } from '../../infra/nag';
import { buildApp, resourcesOfType } from '../infra/support';
import { stringLike } from './string-like';

const specs = functionSpecs();

/**
 * A role's grants: the set of "action resource" it may send at all, and for each of them the
 * LeadingKeys patterns of every statement granting it (`null`: a statement without that condition).
 */
export class Grants extends Set<string> {
  readonly leadingKeys = new Map<string, (string[] | null)[]>();

  grant(actionResource: string, leadingKeys: string[] | null): void {
    this.add(actionResource);
    this.leadingKeys.set(actionResource, [...(this.leadingKeys.get(actionResource) ?? []), leadingKeys]);
  }
}

/**
 * A granted "action resource" allows an observed one: the same, or a `prefix*` object grant covering
 * its key; and, for a grant confined by LeadingKeys, one statement whose patterns match every
 * partition key of the call (`keys`: the partition keys one request named).
 */
export function allows(granted: Set<string>, observedAction: string, keys: readonly string[] = []): boolean {
  if (granted.has(observedAction)) {
    const statements = granted instanceof Grants ? granted.leadingKeys.get(observedAction) : undefined;
    if (!statements) return true;
    return statements.some(
      (patterns) => !patterns || keys.every((key) => patterns.some((pattern) => stringLike(pattern, key))),
    );
  }
  const [verb, resource = ''] = observedAction.split(' ');
  for (const grant of granted) {
    const [grantVerb, grantResource = ''] = grant.split(' ');
    if (grantVerb === verb && grantResource.endsWith('*') && resource.startsWith(grantResource.slice(0, -1)))
      return true;
  }
  return false;
}

/** The site build's CodeBuild role, under this id (the grants test runs the build's reads as it). */
export const SITE_BUILD = 'SiteBuild';

/** What each function's role (and the site build's) allows, as "action resource" in the names used above. */
export function grantedByTemplates(): Map<string, Grants> {
  const { stacks } = buildApp();
  const templates = {
    api: Template.fromStack(stacks.api).toJSON(),
    publish: Template.fromStack(stacks.publish).toJSON(),
    operations: Template.fromStack(stacks.operations).toJSON(),
  };
  const stackOf = (spec: FunctionSpec) =>
    spec.kind === 'site-dispatch' ? 'publish' : spec.kind === 'overdue-metric' ? 'operations' : 'api';
  const name = (resource: string) =>
    resource
      .replace(
        /^arn:<AWS::Partition>:dynamodb:<AWS::Region>:<AWS::AccountId>:table\/smart-kampung-3510/,
        'table',
      )
      .replace(
        /^arn:<AWS::Partition>:s3:::smart-kampung-3510-(\w+)-<AWS::AccountId>-<AWS::Region>/,
        'bucket:$1',
      )
      .replace(/^<Bus[0-9A-F]*\.Arn>$/, 'event-bus')
      .replace(/^SmartKampung-3510-Auth:ExportsOutputFnGetAttUsers[0-9A-F]{8}Arn[0-9A-F]{8}$/, 'user-pool')
      .replace(/^<PhotoQueue[0-9A-F]{8}\.Arn>$/, 'queue:photo')
      .replace(/^<LetterQueue[0-9A-F]{8}\.Arn>$/, 'queue:letter')
      .replace(
        /^arn:<AWS::Partition>:cloudfront::<AWS::AccountId>:distribution\/SmartKampung-3510-Sites:ExportsOutputRefDistribution[0-9A-F]+$/,
        'distribution',
      );
  const grantsOf = (template: typeof templates.api, roleId: string) => {
    const grants = new Grants();
    for (const [, policy] of resourcesOfType(template, 'AWS::IAM::Policy')) {
      if (JSON.stringify(policy.Roles) !== JSON.stringify([{ Ref: roleId }])) continue;
      for (const statement of (
        policy.PolicyDocument as {
          Statement: {
            Action: unknown;
            Resource: unknown;
            Condition?: Record<string, Record<string, unknown>>;
          }[];
        }
      ).Statement) {
        const conditions = Object.keys(statement.Condition ?? {});
        const leading = statement.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys'];
        // a condition this reading does not evaluate would be taken for no condition at all
        if (conditions.some((c) => c !== 'ForAllValues:StringLike') || (conditions.length > 0 && !leading))
          throw new Error(
            `a condition the grants test cannot evaluate: ${JSON.stringify(statement.Condition)}`,
          );
        for (const action of [statement.Action].flat() as string[])
          for (const resource of [statement.Resource].flat())
            grants.grant(
              `${action} ${name(flattenForNag(resource))}`,
              leading ? ([leading].flat() as string[]) : null,
            );
      }
    }
    return grants;
  };
  const granted = new Map<string, Grants>();
  for (const spec of specs) {
    const template = templates[stackOf(spec)];
    const [[roleId] = ['']] = resourcesOfType(template, 'AWS::IAM::Role').filter(([id]) =>
      new RegExp(`^${spec.id}Role[0-9A-F]{8}$`).test(id),
    );
    granted.set(spec.id, grantsOf(template, roleId));
  }
  const [[, project] = ['', {}]] = resourcesOfType(templates.publish, 'AWS::CodeBuild::Project');
  const buildRole = (project.ServiceRole as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0] as string;
  granted.set(SITE_BUILD, grantsOf(templates.publish, buildRole));
  return granted;
}
