/**
 * What the functions really send, against what they are really granted. Representative flows run
 * through the local runtime (and the non-route functions are invoked as AWS invokes them) while every
 * request leaving the process is recorded at the one HTTP handler the functions share (the DynamoDB
 * client's, which functions/lib/s3.ts sends S3 requests through too), attributed to the function it
 * belongs to by the local runtime's invocation context (infra/local/invocation.ts). Each request is
 * turned into the IAM action(s) AWS authorizes it with — DynamoDB's `X-Amz-Target` *is* the action;
 * an S3 HEAD/GET answered 404 needs s3:ListBucket on AWS (else S3 answers 403); SQS's JSON protocol
 * names its action in `X-Amz-Target` too (photo confirm's SendMessage); CloudFront's REST API is
 * `POST /<version>/distribution/<id>/invalidation` = cloudfront:CreateInvalidation (answered here, never
 * sent: the distribution id is set for this test only, as on AWS) — and every one must be
 * allowed by that function's policy in the synthesized templates (built from infra/access.ts).
 *
 * The policies are read from the templates, not recomputed from infra/access.ts: a grant missing from
 * the access model (BatchWriteItem was) fails here, whatever the model says. The recording:
 * test/support/grants.ts; the flows: test/support/grants-flows.ts.
 */
import { describe, expect, it } from 'vitest';
import { allows, grantedByTemplates, SITE_BUILD } from '../support/granted';
import { observed, partitionKeys, specs, useGrantsRuntime } from '../support/grants';
import {
  citizenFlow,
  officerAndOpen311,
  publicReads,
  scheduledFunctions,
  sellerFlow,
  siteBuild,
} from '../support/grants-flows';
import { workspaceFlow } from '../support/grants-workspace';
import { TAMANSARI } from '../support/runtime';

useGrantsRuntime();

describe('what functions send is what they are granted', () => {
  it('every DynamoDB, S3 and EventBridge action of representative flows is in its function’s policy', async () => {
    await publicReads();
    await citizenFlow();
    await sellerFlow();
    await officerAndOpen311();
    await workspaceFlow();
    await scheduledFunctions();

    await siteBuild();

    const granted = grantedByTemplates();
    const denied: string[] = [];
    for (const [functionId, actions] of observed) {
      const allowed = granted.get(functionId) ?? new Set<string>();
      for (const [action, where] of actions) {
        const calls = [...(partitionKeys.get(functionId)?.get(action) ?? [])].map(
          (keys) => JSON.parse(keys) as string[],
        );
        for (const keys of calls.length ? calls : [[]])
          if (!allows(allowed, action, keys))
            denied.push(
              `${functionId} (${[...where].join(', ')}): ${action}${keys.length ? ` ${keys}` : ''}`,
            );
      }
    }
    expect(denied, 'AccessDenied on AWS').toEqual([]);

    // the flows reached what matters: the batch writers, the probes, the non-route functions
    const seen = (functionId: string, action: string) => observed.get(functionId)?.has(action) ?? false;
    // the search index of a product is written inside the product's transaction (a publish, a photo
    // of a public product, a relist), never by BatchWriteItem
    const transactWriters = [...observed]
      .filter(([, a]) => a.has('dynamodb:TransactWriteItems table'))
      .map(([id]) => id);
    expect(transactWriters).toEqual(
      expect.arrayContaining(['ProductsPatch', 'ProductsProcessPhoto', 'SellersTransition']),
    );
    expect(seen('ProductsPatch', 'dynamodb:BatchWriteItem table')).toBe(false);
    expect(seen('ProductsPhotoConfirm', 's3:ListBucket bucket:uploads')).toBe(true);
    expect(seen('ProductsPhotoConfirm', 'sqs:SendMessage queue:photo')).toBe(true);
    expect(
      [...(observed.get('ProductsPatch')?.keys() ?? [])].filter((a) => a.includes('bucket:photos/withheld/')),
    ).not.toEqual([]);
    // the take-down and the suspension invalidate the edges' copies of the withheld photos
    expect(seen('ProductsPatch', 'cloudfront:CreateInvalidation distribution')).toBe(true);
    expect(seen('SellersTransition', 'cloudfront:CreateInvalidation distribution')).toBe(true);
    // the suspension at the end of the seller flow withholds the product's photos
    expect(
      [...(observed.get('SellersTransition')?.keys() ?? [])].filter((a) =>
        a.includes('bucket:photos/withheld/'),
      ),
    ).not.toEqual([]);
    expect(seen('RequestsDocumentConfirm', 's3:ListBucket bucket:uploads')).toBe(true);
    expect(seen('ProductsProcessPhoto', 's3:ListBucket bucket:uploads')).toBe(true);
    expect(observed.has('SitesDispatch')).toBe(true);
    expect(observed.has('OverdueMetric')).toBe(true);
    // every function that may touch a resource of ours (the OpenAPI document touches none)
    const deployed = specs.filter((spec) => Object.keys(spec.access).length > 0).map((s) => s.id);
    const exercised = deployed.filter((id) => observed.has(id));
    expect(
      exercised.length,
      `not exercised: ${deployed.filter((id) => !observed.has(id)).join(', ')}`,
    ).toBeGreaterThanOrEqual(deployed.length - 5);
  }, 120_000);

  it('reads LeadingKeys right: the partition keys of calls are recorded, and a confined grant allows only its own', () => {
    const keysOf = (functionId: string, action: string) =>
      [...(partitionKeys.get(functionId)?.get(action) ?? [])].flatMap((k) => JSON.parse(k) as string[]);
    // a Query's partition is the index's own key, a GetItem's the item's pk
    expect(keysOf('ProductsList', 'dynamodb:Query table/index/gsi3')).toContain(
      `village#${TAMANSARI}#products#public`,
    );
    expect(keysOf('VillagesGet', 'dynamodb:GetItem table')).toContain(`village#${TAMANSARI}`);
    expect(keysOf(SITE_BUILD, 'dynamodb:Query table/index/gsi2')).toContain(`village#${TAMANSARI}#requests`);
    const granted = grantedByTemplates();
    const villagesGet = granted.get('VillagesGet') ?? new Set<string>();
    expect(allows(villagesGet, 'dynamodb:GetItem table', [`village#${TAMANSARI}`])).toBe(true);
    // a request by id, a replay record of the village, one key of two
    for (const keys of [
      ['request#a1b2c3d4e5f6g7h8'],
      [`idempotency#${TAMANSARI}#form:0a1b`],
      [`village#${TAMANSARI}`, 'request#a1b2c3d4e5f6g7h8'],
    ])
      expect(allows(villagesGet, 'dynamodb:BatchGetItem table', keys), keys.join(' ')).toBe(false);
    // products, sellers and requests are apart: the product route reads the products it reads, and
    // no request or seller by id; a request reader no product
    const productsGet = granted.get('ProductsGet') ?? new Set<string>();
    const productKeys = keysOf('ProductsGet', 'dynamodb:GetItem table');
    expect(productKeys.length).toBeGreaterThan(0);
    expect(productKeys.every((k) => k.startsWith('product#'))).toBe(true);
    expect(allows(productsGet, 'dynamodb:GetItem table', productKeys)).toBe(true);
    for (const key of ['request#a1b2c3d4e5f6g7h8', 'seller#a1b2c3d4e5f6g7h8', 'documents#a1b2c3d4e5f6g7h8'])
      expect(allows(productsGet, 'dynamodb:GetItem table', [key]), key).toBe(false);
    const requestKey = keysOf('RequestsTrack', 'dynamodb:GetItem table').find((k) =>
      k.startsWith('request#'),
    );
    expect(requestKey).toBeDefined();
    expect(allows(productsGet, 'dynamodb:GetItem table', [requestKey ?? ''])).toBe(false);
    expect(
      allows(granted.get('RequestsTrack') ?? new Set(), 'dynamodb:GetItem table', [
        'product#a1b2c3d4e5f6g7h8',
      ]),
    ).toBe(false);
    expect(allows(granted.get(SITE_BUILD) ?? new Set(), 'dynamodb:Query table/index/gsi4', ['x'])).toBe(
      false,
    );
    // an unconfined grant allows any key
    expect(allows(granted.get('RequestsGet') ?? new Set(), 'dynamodb:GetItem table', ['anything'])).toBe(
      true,
    );
  });

  it('reads the templates right: the observed TransactWriteItems of a product patch is a granted action there', () => {
    // the comparison above is only as good as its naming of template grants; one known pair, spelled out
    expect(observed.get('ProductsPatch')?.has('dynamodb:TransactWriteItems table')).toBe(true);
    expect(grantedByTemplates().get('ProductsPatch')?.has('dynamodb:TransactWriteItems table')).toBe(true);
    expect(grantedByTemplates().get('ProductsGet')?.has('dynamodb:TransactWriteItems table')).toBe(false);
  });
});
