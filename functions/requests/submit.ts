import { randomBytes } from 'node:crypto';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import type { FieldInput, Service } from '../catalogue/defaults';
import { findService } from '../catalogue/store';
import { type FieldError, Invalid } from '../lib/errors';
import { zodFields } from '../lib/http';
import { bodyHashOf, findReplay, type Replay, replayKey, replayPut } from '../lib/idempotency';
import { type Budget, takeFromBudget } from '../lib/rate-limit';
import { transact } from '../lib/transact';
import type { VillageItem } from '../villages/entities';
import { getVillage, villageHeading } from '../villages/store';
import { checkFields } from './domain/fields';
import { hashSecret, newSecret, newTrackingCode } from './domain/tracking';
import { ServiceRequest, TrackingCode } from './entities';
import { SubmitBody, type SubmitInput } from './schemas';
import { dueCalculator, queueSort } from './store';

export interface Receipt {
  id: string;
  trackingCode: string;
  secret: string;
  status: 'submitted';
  dueAt: string | null;
}

export interface SubmitOptions {
  /** client-generated Idempotency-Key header */
  idempotencyKey?: string;
  /** a plain HTML form post (dedupes identical posts for 10 minutes even without a key) */
  source: 'web' | 'form' | 'open311';
  now: Date;
  /** the caller's budget of new submissions (rate-limit.ts): only a new, accepted one takes from it */
  budget?: Budget;
}

const KEY_TTL_SECONDS = 60 * 60; // the replay holds the (sealed) secret: gone within the hour
const FORM_WINDOW_SECONDS = 10 * 60;

/** Stable JSON (sorted keys) so the same submission hashes the same whatever the key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value ?? null);
}

/** How often a submission canceled by a TransactionConflict is tried again (nothing was written). */
const MAX_CONFLICT_RETRIES = 3;
/** Exponential backoff with jitter: about 25, 50, 100 ms. */
const backoff = (n: number) =>
  new Promise((resolve) => setTimeout(resolve, 25 * 2 ** (n - 1) * (0.5 + Math.random())));

export const newRequestId = () => randomBytes(12).toString('base64url');

/** A submission that passed every check, with what it was checked against. */
export interface CheckedSubmission {
  village: VillageItem;
  service: Service;
  input: SubmitInput;
  /** the service's fields, normalised by checkFields */
  values: Record<string, string | string[]>;
}

/** The text, number and text-list values of a `fields` object as sent (the rest is the schema's to report). */
function fieldValues(raw: unknown): Record<string, FieldInput> {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {};
  return Object.fromEntries(
    Object.entries(raw).filter(
      ([, v]) =>
        typeof v === 'string' ||
        (typeof v === 'number' && Number.isFinite(v)) ||
        (Array.isArray(v) && v.every((x) => typeof x === 'string')),
    ),
  );
}

/**
 * Checks a submission in one round: the body's own problems (applicant, serviceCode) and those of the
 * service's fields come back together in one 400, so a villager posting the plain form fixes every
 * field at once instead of meeting them one Back press at a time. Each error on a service field
 * carries the catalogue's label; the error names the village's service page for the HTML answer.
 * `raw` is what the client sent (parsed JSON, or the form as an object); an unknown village is a 404.
 */
export async function checkSubmission(villageCode: string, raw: unknown): Promise<CheckedSubmission> {
  const village = await getVillage(villageCode);
  const parsed = SubmitBody.safeParse(raw);
  const errors: FieldError[] = parsed.success ? [] : zodFields(parsed.error);
  const body = (raw && typeof raw === 'object' && !Array.isArray(raw) ? raw : {}) as Record<string, unknown>;
  const serviceCode = parsed.success
    ? parsed.data.serviceCode
    : typeof body.serviceCode === 'string' && body.serviceCode.trim().length <= 40
      ? body.serviceCode.trim()
      : '';
  const service = serviceCode ? await findService(village.code, serviceCode) : undefined;
  if (serviceCode && !service) errors.push({ path: 'serviceCode', message: 'error.service_unknown' });
  let values: Record<string, string | string[]> = {};
  if (service) {
    const checked = checkFields(service, parsed.success ? parsed.data.fields : fieldValues(body.fields));
    values = checked.values;
    const reported = new Set(errors.map((e) => e.path));
    errors.push(...checked.errors.filter((e) => !reported.has(e.path)));
    // the schema's own errors on a service field (too long, not text) get its label too
    const labels = new Map(service.fields.map((f) => [`fields.${f.code}`, f.label]));
    for (const e of errors) {
      const label = labels.get(e.path.split('.').slice(0, 2).join('.'));
      if (label && !e.label) e.label = label;
    }
  }
  if (!parsed.success || !service || errors.length)
    throw new Invalid(errors, undefined, {
      slug: village.slug,
      segments: service ? ['layanan', service.code] : ['layanan'],
      village: villageHeading(village),
    });
  return { village, service, input: parsed.data, values };
}

/**
 * Files a request. All-or-nothing: the request, its tracking-code claim and the replay record are
 * one DynamoDB transaction, so a crash leaves either everything or nothing, and a retry (same
 * Idempotency-Key, or the same form posted again within 10 minutes) answers the first receipt.
 * `input` is checked here (checkSubmission), whatever the caller parsed before. With `opts.budget`,
 * a new submission (and only that: never a replay, never a refused one) counts against it.
 */
export async function submitRequest(
  villageCode: string,
  input: unknown,
  opts: SubmitOptions,
): Promise<Receipt> {
  const checked = await checkSubmission(villageCode, input);
  const held: Held = {};
  try {
    return await fileRequest(checked, opts, held);
  } catch (error) {
    await giveBack(held); // nothing was filed
    throw error;
  }
}

/** What this submission took from its budget, given back if it turns out to be no new request. */
interface Held {
  giveBack?: () => Promise<void>;
}
const giveBack = async (held: Held) => {
  const back = held.giveBack;
  held.giveBack = undefined;
  await back?.();
};

async function fileRequest(
  checked: CheckedSubmission,
  opts: SubmitOptions,
  held: Held,
  attempt = 0,
): Promise<Receipt> {
  const { village, service, input, values } = checked;
  const body = canonical({
    village: village.code,
    serviceCode: service.code,
    applicant: input.applicant,
    fields: values,
  });
  const bodyHash = bodyHashOf(body);
  // the replay record is found by a hash of what the retry presents, and its receipt (the secret)
  // is sealed with a key only that retry can derive: the Idempotency-Key (stored hashed) with the body,
  // or for a form post without one, the whole body (stored hashed)
  const replay: Replay | undefined = opts.idempotencyKey
    ? {
        scope: village.code,
        key: replayKey(opts.idempotencyKey),
        ttlSeconds: KEY_TTL_SECONDS,
        material: `${opts.idempotencyKey}\n${body}`,
      }
    : opts.source === 'form'
      ? { scope: village.code, key: `form:${bodyHash}`, ttlSeconds: FORM_WINDOW_SECONDS, material: body }
      : undefined;

  if (replay) {
    const previous = await findReplay<Receipt>(replay, bodyHash, opts.now);
    if (previous) {
      await giveBack(held);
      return previous;
    }
  }
  // a replay never gets here: only a new submission takes from the budget (429 when none is left)
  if (opts.budget && !held.giveBack) held.giveBack = await takeFromBudget(opts.budget, opts.now);

  // every document requirement, optional ones too (they may be uploaded); only required ones make it complete
  const requiredDocuments = documentRefs(service);
  const createdAt = opts.now.toISOString();
  const complete = requiredDocuments.every((d) => !d.required);
  const dueAt = complete ? (await dueCalculator(village))(opts.now, service.duration) : undefined;
  const id = newRequestId();
  const secret = newSecret();
  const receipt: Receipt = {
    id,
    trackingCode: newTrackingCode(),
    secret,
    status: 'submitted',
    dueAt: dueAt ?? null,
  };

  // one transaction, in this order: the reasons of a canceled one are read by position below
  const result = await transact(
    ...submitTransaction({
      id,
      trackingCode: receipt.trackingCode,
      secretHash: hashSecret(secret),
      village,
      service,
      applicant: input.applicant,
      fields: values,
      requiredDocuments,
      source: opts.source,
      lang: input.lang ?? 'id',
      createdAt,
      ...(complete ? { dueAt } : {}),
      ...(replay ? { replay: { record: replay, bodyHash, answer: receipt } } : {}),
    }),
  );

  if (result.canceled) {
    const { reasons } = result;
    const conflicted = reasons.includes('TransactionConflict');
    // lost a race against an identical retry: answer what it stored. Real DynamoDB may instead cancel
    // one of two concurrent identical transactions with TransactionConflict (before the twin's write
    // is visible): look again briefly before deciding the twin failed too.
    if (replay && (reasons[2] === 'ConditionalCheckFailed' || conflicted)) {
      for (let look = 0; look < (conflicted ? 3 : 1); look++) {
        if (look > 0) await backoff(look);
        const previous = await findReplay<Receipt>(replay, bodyHash, opts.now);
        if (previous) {
          await giveBack(held);
          return previous;
        }
      }
    }
    // a tracking-code collision (about 1 in 2^50): try again with a fresh code and id
    if (reasons[1] === 'ConditionalCheckFailed') return fileRequest(checked, opts, held, attempt);
    // nothing was written: both twins were canceled, or a concurrent write touched an item; try again
    if (conflicted && attempt < MAX_CONFLICT_RETRIES) {
      await backoff(attempt + 1);
      return fileRequest(checked, opts, held, attempt + 1);
    }
    throw new Error(`submit transaction canceled: ${reasons.join(',')}`);
  }
  return receipt;
}

/** The document requirements a request stores: every one, each with its `required` flag. */
export function documentRefs(service: {
  requirements: {
    code: string;
    name: { id: string; en: string };
    kind: string;
    accept?: string[];
    required: boolean;
  }[];
}) {
  return service.requirements
    .filter((r) => r.kind === 'document')
    .map((r) => ({ code: r.code, name: r.name, accept: r.accept ?? [], required: r.required }));
}

/** What a submission writes, for its one transaction. */
export interface SubmitWrite {
  id: string;
  trackingCode: string;
  secretHash: string;
  village: { code: string; kecamatanCode: string; regencyCode: string };
  service: { code: string; level: 'desa' | 'kecamatan'; name: { id: string; en: string }; duration: string };
  applicant: { name: string; nik: string; whatsapp?: string | undefined };
  fields: Record<string, string | string[]>;
  requiredDocuments: {
    code: string;
    name: { id: string; en: string };
    accept: string[];
    required: boolean;
  }[];
  source: 'web' | 'form' | 'open311';
  lang: 'id' | 'en';
  createdAt: string;
  /** set when the request is complete at submission (no documents required): the promise starts now */
  dueAt?: string;
  /** the replay record (Idempotency-Key or form fingerprint) and the answer it keeps (sealed) */
  replay?: { record: Replay; bodyHash: string; answer: Receipt };
}

/**
 * The submission's transaction items, in the order whose cancellation reasons `submitRequest` reads:
 * [0] the request, [1] the tracking-code claim (never two requests on one code), [2] the replay record
 * (a live one means a concurrent twin won). Also what `npm run bench` sends as its raw-SDK baseline.
 */
export function submitTransaction(w: SubmitWrite) {
  return [
    ServiceRequest.build(PutTransaction)
      .item({
        id: w.id,
        trackingCode: w.trackingCode,
        secretHash: w.secretHash,
        villageCode: w.village.code,
        kecamatanCode: w.village.kecamatanCode,
        regencyCode: w.village.regencyCode,
        serviceCode: w.service.code,
        serviceLevel: w.service.level,
        serviceName: w.service.name,
        duration: w.service.duration,
        applicant: {
          name: w.applicant.name,
          nik: w.applicant.nik,
          ...(w.applicant.whatsapp !== undefined ? { whatsapp: w.applicant.whatsapp } : {}),
        },
        fields: w.fields,
        requiredDocuments: w.requiredDocuments,
        status: 'submitted',
        version: 1,
        source: w.source,
        lang: w.lang,
        createdAt: w.createdAt,
        updatedAt: w.createdAt,
        ...(w.dueAt !== undefined ? { completeAt: w.createdAt, dueAt: w.dueAt } : {}),
        queueSort: queueSort({ status: 'submitted', dueAt: w.dueAt, createdAt: w.createdAt }),
        history: [{ at: w.createdAt, actor: 'citizen', role: 'citizen', from: null, to: 'submitted' }],
      })
      .options({ condition: { attr: 'id', exists: false } }),
    TrackingCode.build(PutTransaction)
      .item({ trackingCode: w.trackingCode, requestId: w.id })
      .options({ condition: { attr: 'trackingCode', exists: false } }),
    ...(w.replay
      ? [replayPut(w.replay.record, w.replay.bodyHash, w.replay.answer, new Date(w.createdAt))]
      : []),
  ];
}
