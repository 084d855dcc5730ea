/**
 * Path B of the API latency benchmark (./api.ts), the baseline: the same DynamoDB calls the submit and
 * track handlers make, their params built once with dynamodb-toolbox's `.params()`, fresh ids stamped
 * per iteration, sent with plain lib-dynamodb commands on a client of its own.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  GetCommand,
  type GetCommandInput,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { CatalogueEntry, catalogueOfScope } from '../functions/catalogue/entities';
import { findService } from '../functions/catalogue/store';
import { config } from '../functions/lib/config';
import { Idempotency, replayKey } from '../functions/lib/idempotency';
import { counterUpdate, submitBudget, TRACK_WINDOW_SECONDS } from '../functions/lib/rate-limit';
import { queryOf } from '../functions/lib/table';
import { checkFields } from '../functions/requests/domain/fields';
import { hashSecret, newSecret, newTrackingCode } from '../functions/requests/domain/tracking';
import { ServiceRequest, TrackingCode } from '../functions/requests/entities';
import type { SubmitInput } from '../functions/requests/schemas';
import { documentRefs, newRequestId, submitTransaction } from '../functions/requests/submit';
import { Village } from '../functions/villages/entities';
import { getVillage } from '../functions/villages/store';
import { holdUntilCommitted } from '../infra/local/commit-barrier';
import type { LocalRuntime } from '../infra/local/runtime';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../infra/local/servers';
import { TAMANSARI } from '../test/support/runtime';
import { check, idempotencyKey, type Path } from './api-model';
import { type CallCounter, fill } from './lib';

/** Path B, on its own client (instrumented like the handlers' one); `destroy()` closes that client. */
export async function baselinePath(
  rt: LocalRuntime,
  inputs: { parsedBody: SubmitInput; bodyText: string },
  instrument: (client: DynamoDBClient, counter: CallCounter, bytes: { n: number }) => void,
  counter: CallCounter,
  bytes: { n: number },
): Promise<{ path: Path; destroy(): void }> {
  const { parsedBody, bodyText } = inputs;
  // ---- Path B's client: plain SDK, same endpoint/credentials/region, same marshalling options
  const rawDynamo = new DynamoDBClient({
    region: LOCAL_REGION,
    endpoint: rt.dynamoEndpoint,
    credentials: LOCAL_CREDENTIALS,
  });
  // as the runtime's own client: a transaction answers once DynamoDB Local has committed it (emulator
  // plumbing, on both paths alike)
  holdUntilCommitted(rawDynamo);
  instrument(rawDynamo, counter, bytes);
  const raw = DynamoDBDocumentClient.from(rawDynamo, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: true },
  });

  // ---- Path B's params: exactly what the handler's toolbox calls send, built once, ids as placeholders
  const ID = 'QQIDQQ';
  const TC = 'QQTCQQ';
  const KEY = 'QQKEYQQ';
  const village = await getVillage(TAMANSARI);
  const service = await findService(TAMANSARI, parsedBody.serviceCode);
  check(service, 'service sku not found');
  const { values, errors } = checkFields(service, parsedBody.fields);
  check(errors.length === 0, 'sku fields rejected');
  const requiredDocuments = documentRefs(service);
  // submit only reads the regency (due-time calendar) for a service without documents
  check(
    requiredDocuments.some((d) => d.required),
    'sku now has no required documents: add the Regency GetItem to Path B',
  );
  const createdAt = new Date().toISOString();
  // toolbox's `.params()` also carries the parsed item (`ToolboxItem`), which its `send()` drops
  const sdk = <T>({ ToolboxItem: _, ...input }: { ToolboxItem?: unknown }) => input as T;
  // the rate limiters (functions/lib/rate-limit.ts): submit takes one from the address's budget of new
  // submissions (an ADD conditioned on room left) after the replay look-up; track counts every look-up
  const rateUpdate = sdk<UpdateCommandInput>(
    counterUpdate(submitBudget(TAMANSARI, '127.0.0.1'), new Date(), 1, true).params(),
  );
  const trackCount = sdk<UpdateCommandInput>(
    counterUpdate(
      {
        scope: 'track',
        who: '127.0.0.1',
        limit: config().RATE_LIMIT_TRACK,
        windowSeconds: TRACK_WINDOW_SECONDS,
      },
      new Date(),
    ).params(),
  );
  const villageGet = Village.build(GetItemCommand).key({ code: TAMANSARI }).params() as GetCommandInput;
  const catalogueQueries = [
    queryOf(CatalogueEntry, catalogueOfScope, { scope: config().REGENCY_CODE }, { all: true }).params(),
    queryOf(CatalogueEntry, catalogueOfScope, { scope: TAMANSARI }, { all: true }).params(),
  ] as QueryCommandInput[];
  const idempotencyGet = Idempotency.build(GetItemCommand)
    .key({ scope: TAMANSARI, key: replayKey(KEY) })
    .options({ consistent: true })
    .params() as GetCommandInput;
  // the submit transaction as functions/requests/submit.ts builds it (execute() sends exactly these)
  const transaction: TransactWriteCommandInput = {
    TransactItems: submitTransaction({
      id: ID,
      trackingCode: TC,
      secretHash: hashSecret(newSecret()),
      village,
      service,
      applicant: parsedBody.applicant,
      fields: values,
      requiredDocuments,
      source: 'web',
      lang: parsedBody.lang ?? 'id',
      createdAt,
      // sealed as the handler seals it (the same work and the same stored size)
      replay: {
        record: { scope: TAMANSARI, key: replayKey(KEY), material: `${KEY}\n${bodyText}`, ttlSeconds: 3600 },
        bodyHash: hashSecret('body'),
        answer: { id: ID, trackingCode: TC, secret: newSecret(), status: 'submitted', dueAt: null },
      },
    }).map((t) => sdk<NonNullable<TransactWriteCommandInput['TransactItems']>[number]>(t.params())),
  };
  const trackingGet = TrackingCode.build(GetItemCommand)
    .key({ trackingCode: TC })
    .options({ consistent: true })
    .params() as GetCommandInput;
  const requestGet = ServiceRequest.build(GetItemCommand)
    .key({ id: ID })
    .options({ consistent: true })
    .params() as GetCommandInput;
  // stored keys are lower-cased (functions/lib/table.ts keyOf): each placeholder appears in both cases
  const stamp = (id: string, tc: string, key: string) =>
    [
      [ID, id],
      [ID.toLowerCase(), id.toLowerCase()],
      [TC, tc],
      [TC.toLowerCase(), tc.toLowerCase()],
      // the replay record's key is a hash of the Idempotency-Key (functions/lib/idempotency.ts)
      [replayKey(KEY), replayKey(key)],
      [replayKey(KEY).toLowerCase(), replayKey(key).toLowerCase()],
      [KEY, key],
      [KEY.toLowerCase(), key.toLowerCase()],
    ] as const;

  async function queryAll(input: QueryCommandInput) {
    let ExclusiveStartKey: QueryCommandInput['ExclusiveStartKey'];
    const items: unknown[] = [];
    do {
      const page = await raw.send(new QueryCommand({ ...input, ExclusiveStartKey }));
      items.push(...(page.Items ?? []));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return items;
  }

  const path: Path = {
    id: 'B',
    label: 'raw SDK (baseline)',
    counter,
    bytes,
    async submit() {
      const id = newRequestId();
      const tc = newTrackingCode();
      const subs = stamp(id, tc, idempotencyKey());
      const v = await raw.send(new GetCommand(villageGet));
      check(v.Item, 'B village missing');
      const [defaults] = await Promise.all(catalogueQueries.map(queryAll));
      check(defaults?.length, 'B catalogue empty');
      const previous = await raw.send(new GetCommand(fill(idempotencyGet, subs)));
      check(!previous.Item, 'B idempotency key reused');
      await raw.send(new UpdateCommand(rateUpdate));
      await raw.send(new TransactWriteCommand(fill(transaction, subs)));
      return tc;
    },
    async track(code) {
      const counted = await raw.send(new UpdateCommand(trackCount));
      check(typeof counted.Attributes?.value === 'number', 'B track counter missing');
      const claim = await raw.send(new GetCommand(fill(trackingGet, stamp('', code, ''))));
      const requestId = claim.Item?.requestId as string | undefined;
      check(requestId, 'B tracking claim missing');
      const request = await raw.send(new GetCommand(fill(requestGet, stamp(requestId, '', ''))));
      check(request.Item, 'B request missing');
    },
  };
  return { path, destroy: () => rawDynamo.destroy() };
}
