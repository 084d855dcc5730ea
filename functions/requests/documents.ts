import { randomBytes } from 'node:crypto';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { UpdateItemCommand } from 'dynamodb-toolbox/entity/actions/update';
import { DOCUMENT_MIME_TYPES } from '../catalogue/defaults';
import { config } from '../lib/config';
import { Conflict, Invalid, Unprocessable } from '../lib/errors';
import { type PostCondition, presignedGet, presignedPost } from '../lib/s3-links';
import { copyObject, deleteObject, getObject, headObject } from '../lib/s3-objects';
import { sniffType } from '../lib/sniff';
import { isConditionFailed } from '../lib/table';
import { getVillage } from '../villages/store';
import { acceptsDocuments } from './domain/transitions';
import { type DocumentItem, RequestDocument, type RequestItem, ServiceRequest } from './entities';
import { dueCalculator, getDocument, getRequest, listDocuments, queueSort } from './store';

export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
/**
 * How long a receipt's upload form works after the page loads: an hour, for a villager who must
 * first find, scan or photograph the paper (the issue bounds only the officers' GET links, to 5
 * minutes). Past it S3 answers its own English error page; the receipt says to go back and reload.
 */
export const POST_EXPIRES_SECONDS = 60 * 60;
export const GET_EXPIRES_SECONDS = 5 * 60;

/** Where a confirmed document lives for good. */
export const documentKey = (requestId: string, documentId: string) => `requests/${requestId}/${documentId}`;
/**
 * Where the browser uploads it. The bucket's lifecycle rule expires `incoming/` after two days, so a
 * file that is never confirmed (abandoned, or refused) does not stay; confirm moves accepted files out.
 */
export const incomingKey = (requestId: string, documentId: string) =>
  `incoming/${documentKey(requestId, documentId)}`;
export const newDocumentId = (requirement: string) =>
  `${requirement}.${randomBytes(9).toString('base64url')}`;

/** Optional documents may be uploaded but never hold up completeness (items written before the flag: required). */
export const isRequired = (d: { required?: boolean }) => d.required !== false;

/** Any document requirement of the request, required or optional. */
function requirementOf(request: RequestItem, code: string) {
  const requirement = request.requiredDocuments.find((d) => d.code === code);
  if (!requirement) throw new Invalid([{ path: 'requirement', message: 'field.requirement' }]);
  return requirement;
}

/** After sign-off (forwarded, approved, closed) the documents stay as they were checked: 409. */
function assertOpen(request: RequestItem) {
  if (!acceptsDocuments(request.status)) throw new Conflict('error.documents_locked', 'documents_locked');
}

/**
 * A presigned POST for one document: the server picks the key, the size range and (for API
 * clients) the exact content type. The API never sees the bytes.
 */
export async function presignDocument(
  request: RequestItem,
  input: { requirement: string; contentType?: string; size?: number; redirect?: string },
) {
  assertOpen(request);
  const requirement = requirementOf(request, input.requirement);
  if (input.contentType && requirement.accept.length && !requirement.accept.includes(input.contentType))
    throw new Invalid([{ path: 'contentType', message: 'field.content_type' }]);
  const documentId = newDocumentId(requirement.code);
  const key = incomingKey(request.id, documentId);
  const conditions: PostCondition[] = [
    ['content-length-range', 1, Math.min(input.size ?? MAX_DOCUMENT_BYTES, MAX_DOCUMENT_BYTES)],
  ];
  const fields: Record<string, string> = {};
  if (input.contentType) {
    conditions.push(['eq', '$Content-Type', input.contentType]);
    fields['Content-Type'] = input.contentType;
  }
  if (input.redirect) {
    const redirect = input.redirect.replace('{documentId}', documentId);
    conditions.push(['eq', '$success_action_redirect', redirect]);
    fields.success_action_redirect = redirect;
  }
  const post = await presignedPost({ key, conditions, fields, expiresSeconds: POST_EXPIRES_SECONDS });
  return { documentId, url: post.url, fields: post.fields, requirement };
}

/** Records an API client's announced upload (declared type and size are checked again on confirm). */
export async function createDocument(
  request: RequestItem,
  input: { requirement: string; contentType: string; size: number },
  now: Date,
) {
  const presigned = await presignDocument(request, input);
  await RequestDocument.build(PutItemCommand)
    .item({
      requestId: request.id,
      documentId: presigned.documentId,
      requirement: presigned.requirement.code,
      key: incomingKey(request.id, presigned.documentId),
      declaredType: input.contentType,
      declaredSize: input.size,
      status: 'pending',
      createdAt: now.toISOString(),
    })
    .options({ condition: { attr: 'documentId', exists: false } })
    .send();
  return { documentId: presigned.documentId, url: presigned.url, fields: presigned.fields };
}

/** Why a file was refused: each has its own message (`error.<why>` in the strings files). */
export const FILE_ERRORS = [
  'file_empty',
  'file_too_big',
  'file_size_declared',
  'file_type_unknown',
  'file_type_not_accepted',
  'file_type_mismatch',
] as const;
export type FileError = (typeof FILE_ERRORS)[number];

const TYPE_NAMES: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
};
/** `image/jpeg` → `JPEG`: the name a villager knows a type by. */
export const typeName = (mime: string) => TYPE_NAMES[mime] ?? mime;
/** A size as a villager reads it, rounded up (5 MB and a few bytes is `5.1 MB`, never "5.0 MB, over 5 MB"). */
const megabytes = (bytes: number) =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 * 1024
      ? `${Math.ceil(bytes / 1024)} kB`
      : `${(Math.ceil(bytes / ((1024 * 1024) / 10)) / 10).toFixed(1)} MB`;

/** What the message of a refused file names: its size, its real type, what was announced or accepted. */
export interface FileFacts {
  size?: number;
  declaredSize?: number;
  detected?: string;
  declared?: string;
  accept?: readonly string[];
}

/** The `{placeholders}` of a refused file's message (sizes in MB, types by name; language-neutral). */
export function fileErrorParams(facts: FileFacts): Record<string, string> {
  return {
    ...(facts.size !== undefined ? { size: megabytes(facts.size) } : {}),
    ...(facts.declaredSize !== undefined ? { declared: megabytes(facts.declaredSize) } : {}),
    ...(facts.declared !== undefined ? { declared: typeName(facts.declared) } : {}),
    ...(facts.detected !== undefined ? { detected: typeName(facts.detected) } : {}),
    ...(facts.accept ? { accept: facts.accept.map(typeName).join('/') } : {}),
  };
}

/** 422 `invalid_file`, saying what is wrong with the file (too big, empty, which type it really is). */
export class InvalidFile extends Unprocessable {
  constructor(
    readonly why: FileError,
    readonly facts: FileFacts,
  ) {
    const params = fileErrorParams(facts);
    super('invalid_file', `error.${why}`, [{ path: 'file', message: `error.${why}`, params }], params);
  }
}

async function rejectFile(key: string, why: FileError, facts: FileFacts): Promise<never> {
  await deleteObject(config().UPLOADS_BUCKET, key);
  throw new InvalidFile(why, facts);
}

/**
 * Counts an uploaded document once its bytes are checked: size within 5 MB and the real type (from
 * the first bytes, not the name or the declared type) one the requirement accepts. A spoofed file is
 * deleted. When the last required document is in, the request is complete and its promise starts.
 *
 * Idempotent, also when confirms of one upload run at once (S3's redirect GET and the client's POST,
 * a reload, a retry): the document write is conditional, so only the first confirm turns the upload
 * `confirmed` (and sets its `confirmedAt`); every other one finds it confirmed — before it starts,
 * or when its own write is refused, or when the file it was checking has already been moved away —
 * and answers from the stored document what the first answered. Each one then finishes what a
 * confirm may have left undone (retiring earlier files, settling completeness).
 */
export async function confirmDocument(requestId: string, documentId: string, now: Date) {
  const request = await getRequest(requestId);
  assertOpen(request);
  const requirementCode = documentId.split('.')[0] ?? '';
  const requirement = requirementOf(request, requirementCode);
  const key = incomingKey(request.id, documentId);
  const finalKey = documentKey(request.id, documentId);
  const existing = await getDocument(requestId, documentId);
  // confirmed already (a reload, a retry, a confirm that died after its document write), or replaced
  // by a newer file since
  if (existing && existing.status !== 'pending') return settle(request, existing, now);
  /** Another confirm of this upload got there first: its result, or undefined when none did. */
  const byAnother = async () => {
    const stored = await getDocument(requestId, documentId);
    return stored && stored.status !== 'pending' ? settle(request, stored, now) : undefined;
  };
  /** No file: moved away by a concurrent confirm (whose document answers), or never uploaded. */
  const gone = async () => {
    const settled = await byAnother();
    if (!settled) throw new Unprocessable('file_missing', 'error.file_missing');
    return settled;
  };

  // this function may list the uploads bucket (route `probes`): a missing key is a 404 (undefined);
  // a 403 is a real denial and fails loudly instead of reading as "not uploaded"
  const head = await headObject(config().UPLOADS_BUCKET, key);
  if (!head) return gone();
  const size = head.size;
  if (size < 1) return rejectFile(key, 'file_empty', {});
  if (size > MAX_DOCUMENT_BYTES) return rejectFile(key, 'file_too_big', { size });
  if (existing && size > existing.declaredSize)
    return rejectFile(key, 'file_size_declared', { size, declaredSize: existing.declaredSize });

  const head4k = await getObject(config().UPLOADS_BUCKET, key, { range: 'bytes=0-4099' });
  // moved away by a concurrent confirm since the HEAD: not a file of unknown type
  if (!head4k) return gone();
  // the real type, from the first bytes (not the name or the declared type)
  const detected = sniffType(head4k);
  const accept = requirement.accept.length ? requirement.accept : [...DOCUMENT_MIME_TYPES];
  if (!detected || !(DOCUMENT_MIME_TYPES as readonly string[]).includes(detected))
    return rejectFile(key, 'file_type_unknown', {});
  if (!accept.includes(detected)) return rejectFile(key, 'file_type_not_accepted', { detected, accept });
  if (existing && existing.declaredType !== detected)
    return rejectFile(key, 'file_type_mismatch', { detected, declared: existing.declaredType });

  try {
    // the copy gets the detected type, not the one the browser declared
    await copyObject(config().UPLOADS_BUCKET, key, finalKey, { contentType: detected });
  } catch (error) {
    // NoSuchKey: a concurrent confirm moved the file between our reads and this copy
    const settled = await byAnother();
    if (settled) return settled;
    throw error;
  }
  const confirmedAt = now.toISOString();
  const confirmed = {
    requestId,
    documentId,
    requirement: requirement.code,
    key: finalKey,
    declaredType: existing?.declaredType ?? detected,
    declaredSize: existing?.declaredSize ?? size,
    status: 'confirmed' as const,
    detectedType: detected,
    size,
    createdAt: existing?.createdAt ?? confirmedAt,
    confirmedAt,
  };
  try {
    // only an upload not confirmed yet (announced by an API client, or none for a browser's form)
    await RequestDocument.build(PutItemCommand)
      .item(confirmed)
      .options({
        condition: {
          or: [
            { attr: 'documentId', exists: false },
            { attr: 'status', eq: 'pending' },
          ],
        },
      })
      .send();
  } catch (error) {
    if (!isConditionFailed(error)) throw error;
    // a concurrent confirm wrote first: its document (and its confirmedAt) stand
    const settled = await byAnother();
    if (settled) return settled;
    throw error;
  }
  await deleteObject(config().UPLOADS_BUCKET, key);
  return settle(request, confirmed, now);
}

/**
 * The answer for a document that is stored as confirmed or replaced. A confirmed one first retires
 * the earlier files of its requirement and settles completeness (both idempotent), so a retry
 * finishes what a confirm that died half-way left undone.
 */
async function settle(
  request: RequestItem,
  doc: Pick<DocumentItem, 'documentId' | 'requirement' | 'status' | 'confirmedAt'>,
  now: Date,
) {
  // confirming again (a reloaded redirect) changes nothing once a newer file replaced this one
  if (doc.status === 'replaced')
    return { documentId: doc.documentId, status: 'replaced' as const, complete: !!request.completeAt };
  await retirePrevious(request.id, doc.requirement, doc);
  return {
    documentId: doc.documentId,
    status: 'confirmed' as const,
    complete: request.completeAt ? true : await markCompleteIfReady(request.id, now),
  };
}

/**
 * A new file for a requirement that already had one (a replacement, typically asked for in
 * `needs_revision`) retires the earlier ones: they stay stored but are `replaced`, so the officer's
 * links and the receipt show the current file only. Runs after the new one is confirmed, so the
 * requirement is never without a confirmed file: only OTHER files are retired, never `current`
 * itself, and only those confirmed before it (by the stored `confirmedAt`, which the first confirm
 * alone writes) — two replacements confirmed at once must not retire each other (the later one
 * stays, whichever confirm runs last).
 */
async function retirePrevious(
  requestId: string,
  requirement: string,
  current: { documentId: string; confirmedAt?: string },
) {
  const order = (d: { confirmedAt?: string; documentId: string }) => `${d.confirmedAt ?? ''}|${d.documentId}`;
  const earlier = (await listDocuments(requestId)).filter(
    (d) =>
      d.requirement === requirement &&
      d.documentId !== current.documentId &&
      d.status === 'confirmed' &&
      order(d) < order(current),
  );
  await Promise.all(
    earlier.map(async (d) => {
      try {
        await RequestDocument.build(UpdateItemCommand)
          .item({ requestId, documentId: d.documentId, status: 'replaced' })
          .options({ condition: { attr: 'status', eq: 'confirmed' } })
          .send();
      } catch (error) {
        // retired already by a concurrent confirm
        if (!isConditionFailed(error)) throw error;
      }
    }),
  );
}

/** Sets completeAt and the due time once every required document is confirmed (optimistic, retried). */
async function markCompleteIfReady(requestId: string, now: Date, attempt = 0): Promise<boolean> {
  const request = await getRequest(requestId);
  if (request.completeAt) return true;
  const confirmed = new Set(
    (await listDocuments(requestId)).filter((d) => d.status === 'confirmed').map((d) => d.requirement),
  );
  if (!request.requiredDocuments.filter(isRequired).every((d) => confirmed.has(d.code))) return false;
  // complete while waiting for the citizen (needs_revision): the promise starts paused, in full
  const waiting = request.status === 'needs_revision';
  const dueAt = waiting
    ? undefined
    : (await dueCalculator(await getVillage(request.villageCode)))(now, request.duration);
  const completeAt = now.toISOString();
  try {
    await ServiceRequest.build(UpdateItemCommand)
      .item({
        id: requestId,
        completeAt,
        ...(dueAt ? { dueAt } : { clockRemaining: request.duration }),
        updatedAt: completeAt,
        version: request.version + 1,
        queueSort: queueSort({ ...request, dueAt }),
        status: request.status,
        villageCode: request.villageCode,
        kecamatanCode: request.kecamatanCode,
      })
      .options({
        condition: {
          and: [
            { attr: 'id', exists: true },
            { attr: 'version', eq: request.version },
          ],
        },
      })
      .send();
  } catch (error) {
    if (attempt < 3 && isConditionFailed(error)) return markCompleteIfReady(requestId, now, attempt + 1);
    throw error;
  }
  return true;
}

/** Short-lived links for an officer to read the documents. */
export async function documentLinks(requestId: string) {
  const docs = (await listDocuments(requestId)).filter((d) => d.status === 'confirmed');
  return Promise.all(
    docs.map(async (d) => ({
      documentId: d.documentId,
      requirement: d.requirement,
      contentType: d.detectedType,
      size: d.size,
      confirmedAt: d.confirmedAt,
      url: await presignedGet({ key: d.key, expiresSeconds: GET_EXPIRES_SECONDS }),
      expiresIn: GET_EXPIRES_SECONDS,
    })),
  );
}
