/**
 * CDK template assertions: least privilege — every function's policy grants what its routes declare,
 * and no more (the stacks and shared matchers: ./stacks-world.ts).
 */
import { describe, expect, it } from 'vitest';
import {
  cdnActions,
  identityActions,
  listActions,
  objectActions,
  queueActions,
  staffAccountActions,
  tableActions,
} from '../../infra/access';
import { accessKeys, functionSpecs } from '../../infra/bundles';
import { flattenForNag } from '../../infra/nag';
import { leadingKeysByResource } from '../../infra/partitions';
import { gsiNames } from '../../infra/table-design';
import {
  allTemplates,
  asArray,
  bucketArn,
  bucketObjects,
  distributionArn,
  type Json,
  namedDistribution,
  type Statement,
  tableArn,
  templates,
  useStacks,
} from './stacks-world';
import { resourcesOfType } from './support';

useStacks();

describe('least privilege', () => {
  function policyOf(stackTemplate: Json, roleLogicalId: string): Statement[] {
    return resourcesOfType(stackTemplate, 'AWS::IAM::Policy')
      .filter(([, props]) => JSON.stringify(props.Roles) === JSON.stringify([{ Ref: roleLogicalId }]))
      .flatMap(([, props]) => (props.PolicyDocument as { Statement: Statement[] }).Statement);
  }

  /** What a spec may be granted: [action, flattened resource] pairs. */
  function allowedGrants(spec: typeof functionSpecs extends () => (infer S)[] ? S : never): Set<string> {
    const allowed = new Set<string>();
    for (const key of accessKeys) {
      const access = spec.access[key];
      if (!access) continue;
      if (key === 'identity') {
        for (const action of identityActions[access]) allowed.add(`${action} <user-pool>`);
      } else if (key === 'staffAccounts') {
        for (const action of staffAccountActions[access]) allowed.add(`${action} <user-pool>`);
      } else if (key === 'photoQueue') {
        for (const action of queueActions[access]) allowed.add(`${action} <photo-queue>`);
      } else if (key === 'letterQueue') {
        for (const action of queueActions[access]) allowed.add(`${action} <letter-queue>`);
      } else if (key === 'cdn') {
        for (const action of cdnActions[access]) allowed.add(`${action} ${distributionArn}`);
      } else if (key === 'table') {
        // a function whose routes name their partitions: only the table or indexes they live in
        // (each statement's LeadingKeys condition: least-privilege.test.ts)
        const resources = spec.partitions
          ? [...leadingKeysByResource('35.10', spec.partitions).keys()].map((r) =>
              r === 'table' ? tableArn : `${tableArn}/index/${r}`,
            )
          : [tableArn, ...gsiNames.map((n) => `${tableArn}/index/${n}`)];
        for (const action of tableActions[access]) {
          for (const resource of resources) {
            allowed.add(`${action} ${resource}`);
          }
        }
        // a counting reader (route `counts`): UpdateItem on the table, confined to the rate-limit
        // counters by LeadingKeys (least-privilege.test.ts)
        if (spec.counts) allowed.add(`dynamodb:UpdateItem ${tableArn}`);
      } else {
        const prefixes = spec.keys[key];
        const resources = prefixes ? prefixes.map((p) => `${bucketArn(key)}/${p}*`) : [bucketObjects(key)];
        for (const action of objectActions[access]) for (const r of resources) allowed.add(`${action} ${r}`);
      }
    }
    for (const bucket of spec.probes)
      for (const action of listActions) allowed.add(`${action} ${bucketArn(bucket)}`);
    return allowed;
  }

  /** Where each kind of function is deployed. */
  const stackOf = (spec: { kind: string }) =>
    spec.kind === 'site-dispatch' ? 'publish' : spec.kind === 'overdue-metric' ? 'operations' : 'api';

  it("each function's policy grants only the table, buckets and actions its routes declare", () => {
    const kinds = new Set(functionSpecs().map((spec) => spec.kind));
    expect([...kinds].sort()).toEqual([
      'api',
      'letter-issuer',
      'not-found',
      'overdue-metric',
      'photo-processor',
      'site-dispatch',
    ]);
    for (const spec of functionSpecs()) {
      const template = templates[stackOf(spec)];
      const roles = resourcesOfType(template, 'AWS::IAM::Role').filter(([id]) =>
        new RegExp(`^${spec.id}Role[0-9A-F]{8}$`).test(id),
      );
      expect(roles.length, `${spec.id}: one role in the ${stackOf(spec)} stack`).toBe(1);
      const roleId = roles[0]?.[0] ?? '';
      const statements = policyOf(template, roleId);
      expect(statements.length, spec.id).toBeGreaterThan(0);
      const allowed = allowedGrants(spec);
      const granted = new Set<string>();
      for (const statement of statements) {
        expect(statement.Effect).toBe('Allow');
        for (const action of asArray(statement.Action)) {
          for (const resource of asArray(statement.Resource)) {
            const raw = flattenForNag(resource);
            // the user pool's ARN arrives from the auth stack (an import): one name for it
            const flat =
              action.startsWith('cognito-idp:') && /Users/.test(JSON.stringify(resource))
                ? '<user-pool>'
                : raw;
            expect(flat, `${spec.id}: ${action}`).not.toBe('*');
            if (action.startsWith('logs:')) {
              expect(flat, `${spec.id} logs only to its own log group`).toMatch(/^<.*Logs.*\.Arn>$/);
            } else if (action.startsWith('sqs:') && spec.kind === 'photo-processor') {
              expect(flat).toMatch(/^<PhotoQueue.*\.Arn>$/);
            } else if (action.startsWith('sqs:') && spec.kind === 'letter-issuer') {
              expect(flat).toMatch(/^<LetterQueue.*\.Arn>$/);
            } else if (action === 'events:PutEvents' && spec.kind === 'site-dispatch') {
              expect(flat).toMatch(/^<Bus.*\.Arn>$/);
            } else {
              // the photo queue (a route's `photoQueue`): one name for it
              // and the distribution (a route's `cdn`), imported from the Sites stack
              const named = action.startsWith('sqs:')
                ? flat
                    .replace(/^<PhotoQueue[0-9A-F]*\.Arn>$/, '<photo-queue>')
                    .replace(/^<LetterQueue[0-9A-F]*\.Arn>$/, '<letter-queue>')
                : action.startsWith('cloudfront:')
                  ? namedDistribution(flat)
                  : flat;
              expect(allowed.has(`${action} ${named}`), `${spec.id} may not ${action} on ${named}`).toBe(
                true,
              );
              granted.add(`${action} ${named}`);
            }
          }
        }
      }
      // and it gets all of what it declares
      expect(
        [...allowed].filter((grant) => !granted.has(grant)),
        spec.id,
      ).toEqual([]);
    }
  });

  it('s3:ListBucket on the uploads bucket exactly for the functions that probe for an upload', () => {
    const listing = resourcesOfType(templates.api, 'AWS::IAM::Policy')
      .filter(([, props]) =>
        (props.PolicyDocument as { Statement: Statement[] }).Statement.some((s) =>
          asArray(s.Action).includes('s3:ListBucket'),
        ),
      )
      .map(([, props]) => (props.Roles as { Ref: string }[])[0]?.Ref.replace(/Role[0-9A-F]{8}$/, ''))
      .sort();
    // a missing upload is then 404 (→ 422 / "refused"), not 403 (→ 500 / retried into the DLQ)
    expect(listing).toEqual(['ProductsPhotoConfirm', 'ProductsProcessPhoto', 'RequestsDocumentConfirm']);
    for (const [, props] of resourcesOfType(templates.api, 'AWS::IAM::Policy')) {
      for (const statement of (props.PolicyDocument as { Statement: Statement[] }).Statement) {
        if (!asArray(statement.Action).includes('s3:ListBucket')) continue;
        expect(asArray(statement.Resource).map((r) => flattenForNag(r))).toEqual([bucketArn('uploads')]);
      }
    }
  });

  it('the public receipt route cannot touch confirmed documents: its object grants stop at incoming/requests/', () => {
    const receipt = functionSpecs().find((spec) => spec.routeIds.includes('requests.receipt'));
    if (!receipt) throw new Error('no receipt function');
    const [[roleId] = ['']] = resourcesOfType(templates.api, 'AWS::IAM::Role').filter(([id]) =>
      new RegExp(`^${receipt.id}Role[0-9A-F]{8}$`).test(id),
    );
    const s3Resources = resourcesOfType(templates.api, 'AWS::IAM::Policy')
      .filter(([, props]) => JSON.stringify(props.Roles) === JSON.stringify([{ Ref: roleId }]))
      .flatMap(([, props]) => (props.PolicyDocument as { Statement: Statement[] }).Statement)
      .filter((statement) => asArray(statement.Action).some((a) => a.startsWith('s3:')))
      .flatMap((statement) => asArray(statement.Resource).map((r) => flattenForNag(r)));
    expect(s3Resources).toEqual([`${bucketArn('uploads')}/incoming/requests/*`]);
    // the officer's read of confirmed documents is confined the same way
    const get = functionSpecs().find((spec) => spec.routeIds.includes('requests.get'));
    expect(get?.keys).toEqual({ uploads: ['requests/'] });
  });

  it("no function may touch a whole bucket: every object grant names its key prefixes, and no product route reaches the citizens' documents", () => {
    const s3Resources = (specId: string) => {
      const [[roleId] = ['']] = resourcesOfType(templates.api, 'AWS::IAM::Role').filter(([id]) =>
        new RegExp(`^${specId}Role[0-9A-F]{8}$`).test(id),
      );
      return resourcesOfType(templates.api, 'AWS::IAM::Policy')
        .filter(([, props]) => JSON.stringify(props.Roles) === JSON.stringify([{ Ref: roleId }]))
        .flatMap(([, props]) => (props.PolicyDocument as { Statement: Statement[] }).Statement)
        .filter((statement) =>
          asArray(statement.Action).some((a) => a.startsWith('s3:') && a.endsWith('Object')),
        )
        .flatMap((statement) => asArray(statement.Resource).map((r) => flattenForNag(r)));
    };
    const routeSpecs = functionSpecs().filter((spec) => spec.routeIds.length > 0);
    let checked = 0;
    for (const spec of routeSpecs) {
      for (const resource of s3Resources(spec.id)) {
        checked++;
        // `<bucket>/*` is the whole bucket; `<bucket>/incoming/products/*` a prefix
        expect(resource.split('/').length, `${spec.id}: ${resource}`).toBeGreaterThan(2);
        if (spec.routeIds.some((id) => id.startsWith('products.') || id.startsWith('photos.')))
          expect(resource, spec.id).not.toMatch(/\/(incoming\/)?requests\//);
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('exactly the functions that withhold photos (take-down, seller suspension) may invalidate the distribution, and only it', () => {
    const withholding = functionSpecs()
      .filter((spec) => spec.access.cdn)
      .map((spec) => spec.id)
      .sort();
    expect(withholding).toEqual(['ProductsPatch', 'SellersTransition']);
    expect(
      functionSpecs()
        .filter((spec) => spec.access.cdn)
        .flatMap((spec) => spec.routeIds)
        .sort(),
    ).toEqual(['products.patch', 'sellers.transition']);
    // the distribution id: the Sites stack's distribution, in those functions' environment only
    const sitesDistribution = resourcesOfType(templates.sites, 'AWS::CloudFront::Distribution');
    expect(sitesDistribution).toHaveLength(1);
    const withEnv = resourcesOfType(templates.api, 'AWS::Lambda::Function')
      .filter(
        ([, props]) => (props.Environment as { Variables?: Json } | undefined)?.Variables?.DISTRIBUTION_ID,
      )
      .map(([id, props]) => {
        const value = flattenForNag((props.Environment as { Variables: Json }).Variables.DISTRIBUTION_ID);
        expect(value, id).toMatch(/^<?SmartKampung-3510-Sites:ExportsOutputRefDistribution[0-9A-F]{8,}>?$/);
        expect(value, id).toContain(`Ref${sitesDistribution[0]?.[0]}`);
        return id.replace(/[0-9A-F]{8}$/, '');
      })
      .sort();
    expect(withEnv).toEqual(withholding);
    // the grant: CreateInvalidation, on that distribution's ARN, for those roles only
    const granted: string[] = [];
    for (const template of allTemplates())
      for (const [, props] of resourcesOfType(template, 'AWS::IAM::Policy'))
        for (const statement of (props.PolicyDocument as { Statement: Statement[] }).Statement) {
          const actions = asArray(statement.Action).filter((a) => a.startsWith('cloudfront:'));
          if (actions.length === 0 || template !== templates.api) continue;
          expect(actions).toEqual(['cloudfront:CreateInvalidation']);
          expect(asArray(statement.Resource).map((r) => namedDistribution(flattenForNag(r)))).toEqual([
            distributionArn,
          ]);
          granted.push((props.Roles as { Ref: string }[])[0]?.Ref.replace(/Role[0-9A-F]{8}$/, '') ?? '');
        }
    expect(granted.sort()).toEqual(withholding);
  });

  it('no policy of any stack grants an action on every resource (`*`)', () => {
    for (const template of allTemplates()) {
      for (const [id, props] of resourcesOfType(template, 'AWS::IAM::Policy')) {
        for (const statement of (props.PolicyDocument as { Statement: Statement[] }).Statement) {
          expect(asArray(statement.Resource), id).not.toContain('*');
        }
      }
    }
  });
});
