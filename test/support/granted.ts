/**
 * What each function's role is granted in the synthesized templates (not recomputed from
 * infra/access.ts), as "action resource" strings with our resources given short names (`table`,
 * `bucket:uploads/…`, `queue:photo`, `event-bus`, `distribution`, `user-pool`): the grants tests
 * compare what functions really send against these.
 */
import { Template } from 'aws-cdk-lib/assertions';
import { type FunctionSpec, functionSpecs } from '../../infra/bundles';
import { flattenForNag } from '../../infra/nag';
import { buildApp, resourcesOfType } from '../infra/support';

const specs = functionSpecs();

/** A granted "action resource" allows an observed one: the same, or a `prefix*` object grant covering its key. */
export function allows(granted: Set<string>, observedAction: string): boolean {
  if (granted.has(observedAction)) return true;
  const [verb, resource = ''] = observedAction.split(' ');
  for (const grant of granted) {
    const [grantVerb, grantResource = ''] = grant.split(' ');
    if (grantVerb === verb && grantResource.endsWith('*') && resource.startsWith(grantResource.slice(0, -1)))
      return true;
  }
  return false;
}

/** What each function's role allows, as "action resource" in the names used above. */
export function grantedByTemplates(): Map<string, Set<string>> {
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
      .replace(
        /^arn:<AWS::Partition>:cloudfront::<AWS::AccountId>:distribution\/SmartKampung-3510-Sites:ExportsOutputRefDistribution[0-9A-F]+$/,
        'distribution',
      );
  const granted = new Map<string, Set<string>>();
  for (const spec of specs) {
    const template = templates[stackOf(spec)];
    const [[roleId] = ['']] = resourcesOfType(template, 'AWS::IAM::Role').filter(([id]) =>
      new RegExp(`^${spec.id}Role[0-9A-F]{8}$`).test(id),
    );
    const set = new Set<string>();
    for (const [, policy] of resourcesOfType(template, 'AWS::IAM::Policy')) {
      if (JSON.stringify(policy.Roles) !== JSON.stringify([{ Ref: roleId }])) continue;
      for (const statement of (
        policy.PolicyDocument as { Statement: { Action: unknown; Resource: unknown }[] }
      ).Statement) {
        for (const action of [statement.Action].flat() as string[])
          for (const resource of [statement.Resource].flat())
            set.add(`${action} ${name(flattenForNag(resource))}`);
      }
    }
    granted.set(spec.id, set);
  }
  return granted;
}
