/**
 * Letters (issue 16): the intent a completion writes in its own transaction (workflow.ts), the issuer
 * that renders and stores it once (handlers/issue-letter, behind a queue), the download, the
 * revocation and what the public verification page shows.
 *
 * Issued once: the number and the token are fixed in the completion's transaction; the issuer renders
 * the same letter to the same key (`letters/<request>/<token>.pdf`) on every delivery and marks it
 * `issued` with its SHA-256 only if still `pending`. A crash between storing and marking leaves it
 * `pending`, and the retry overwrites the same object: one letter, one number.
 */
import { randomBytes } from 'node:crypto';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { UpdateItemCommand } from 'dynamodb-toolbox/entity/actions/update';
import { letterTemplate } from '../catalogue/letter-templates';
import { findService } from '../catalogue/store';
import { config } from '../lib/config';
import { Conflict, NotFound, Unprocessable } from '../lib/errors';
import { log } from '../lib/log';
import { getObject } from '../lib/s3-objects';
import { sendMessage } from '../lib/sqs-messages';
import { getItem, isConditionFailed } from '../lib/table';
import { transact } from '../lib/transact';
import { getVillage } from '../villages/store';
import { letterCounterName, letterNumber, maskName, registerYear } from './domain/letters';
import { Letter, type LetterItem, type RequestItem, ServiceRequest } from './entities';

export const NUMBER_PATTERN = '[klasifikasi]/[urut]/[kode desa]/[bulan romawi]/[tahun]';

/** A verification token: 128 random bits, hex (keys are lower-cased, so no mixed case). */
export const newLetterToken = () => randomBytes(16).toString('hex');

export const verificationUrl = (token: string) => `${config().API_URL}/verifikasi/${token}`;

const officeName = (village: { kind: string; name: string }) =>
  `${village.kind === 'kelurahan' ? 'Kelurahan' : 'Desa'} ${village.name}`;

/** What completing `request` will issue: its counter, and the letter item of the `sequence`th number. */
export async function letterIntent(request: RequestItem, at: string) {
  const [village, service] = await Promise.all([
    getVillage(request.villageCode),
    findService(request.villageCode, request.serviceCode),
  ]);
  const byCamat = request.serviceLevel === 'kecamatan';
  const issuer = byCamat
    ? { level: 'kecamatan' as const, code: village.kecamatanCode }
    : { level: 'desa' as const, code: village.code };
  const template = service ? letterTemplate(service) : undefined;
  const when = new Date(at);
  const token = newLetterToken();
  return {
    counterName: letterCounterName(issuer, registerYear(when)),
    letter: (sequence: number) => ({
      token,
      requestId: request.id,
      number: letterNumber({
        pattern: NUMBER_PATTERN,
        classification: template?.classification ?? '400.12',
        sequence,
        officeCode: issuer.code,
        at: when,
      }),
      serviceCode: request.serviceCode,
      title: template?.title ?? request.serviceCode.toUpperCase(),
      office: byCamat ? `Kecamatan ${village.kecamatanName}` : officeName(village),
      villageCode: village.code,
      kecamatanCode: village.kecamatanCode,
      holderMasked: maskName(request.applicant.name),
      issuedAt: at,
      status: 'pending' as const,
    }),
  };
}

/** After the completion committed: tells the issuer's queue (AWS). Locally the runtime delivers it. */
export async function announceLetter(letter: { token: string; requestId: string }): Promise<void> {
  const queue = config().LETTER_QUEUE_URL;
  if (!queue) return;
  try {
    await sendMessage(queue, JSON.stringify({ token: letter.token, requestId: letter.requestId }));
  } catch (error) {
    // the intent stays `pending` in the table (decision 0031: a sweep of pending letters is to come)
    log('error', 'letter.announce_failed', { requestId: letter.requestId, error: (error as Error).name });
  }
}

export async function getLetter(token: string): Promise<LetterItem | undefined> {
  const { Item } = await getItem(Letter, { token }, { consistent: true });
  return Item;
}

export const letterObjectKey = (letter: Pick<LetterItem, 'requestId' | 'token'>) =>
  `letters/${letter.requestId}/${letter.token}.pdf`;

/** The stored PDF of a request's letter; 404 while it is not issued (or there is none). */
export async function getLetterFile(
  request: RequestItem,
): Promise<{ letter: LetterItem; bytes: Uint8Array }> {
  if (!request.letterToken) throw new NotFound();
  const letter = await getLetter(request.letterToken);
  if (!letter?.objectKey || letter.status === 'pending') throw new NotFound('error.letter_pending');
  const bytes = await getObject(config().LETTERS_BUCKET, letter.objectKey);
  if (!bytes) throw new NotFound();
  return { letter, bytes };
}

/** An officer revokes a request's letter, with a reason; the verification page says so at once. */
export async function revokeLetter(request: RequestItem, reason: string, by: string, now: Date) {
  if (!request.letterToken) throw new NotFound();
  try {
    await Letter.build(UpdateItemCommand)
      .item({
        token: request.letterToken,
        status: 'revoked',
        revokedAt: now.toISOString(),
        revokedBy: by,
        revokeReason: reason,
      })
      .options({ condition: { attr: 'status', ne: 'revoked' } })
      .send();
  } catch (error) {
    if (!isConditionFailed(error)) throw error;
    throw new Unprocessable('already_revoked', 'error.letter_revoked');
  }
  const letter = await getLetter(request.letterToken);
  if (!letter) throw new NotFound();
  return letter;
}

/**
 * Re-issues a request's letter after a correction: a new version under the same number, with a new
 * token, `pending` for the issuer; the old one revoked (replaced) in the same transaction, and the
 * request pointing at the new one. Answers the new letter's intent.
 */
export async function reissueLetter(request: RequestItem, reason: string, by: string, now: Date) {
  const old = request.letterToken ? await getLetter(request.letterToken) : undefined;
  if (!old) throw new NotFound();
  if (old.status === 'pending') throw new Unprocessable('letter_pending', 'error.letter_pending');
  const at = now.toISOString();
  const {
    sha256: _s,
    objectKey: _o,
    renderedAt: _r,
    revokedAt: _ra,
    revokedBy: _rb,
    revokeReason: _rr,
    ...kept
  } = old;
  const next = {
    ...kept,
    token: newLetterToken(),
    status: 'pending' as const,
    version: (old.version ?? 1) + 1,
    previousToken: old.token,
    issuedAt: at,
  };
  const result = await transact(
    Letter.build(UpdateTransaction)
      .item({
        token: old.token,
        status: 'revoked',
        replacedBy: next.token,
        ...(old.status === 'revoked' ? {} : { revokedAt: at, revokedBy: by, revokeReason: reason }),
      })
      .options({ condition: { attr: 'token', exists: true } }),
    Letter.build(PutTransaction)
      .item(next)
      .options({ condition: { attr: 'token', exists: false } }),
    ServiceRequest.build(UpdateTransaction)
      .item({ id: request.id, letterToken: next.token })
      .options({ condition: { attr: 'letterToken', eq: old.token } }),
  );
  if (result.canceled) throw new Conflict();
  await announceLetter(next);
  return next;
}

/** What anyone holding the letter may see: nothing personal but the masked name, no NIK. */
export function verificationView(letter: LetterItem) {
  return {
    status: letter.status === 'revoked' ? ('revoked' as const) : ('valid' as const),
    revokedAt: letter.revokedAt ?? null,
    number: letter.number,
    type: letter.title,
    office: letter.office,
    issuedAt: letter.issuedAt,
    holder: letter.holderMasked,
    sha256: letter.sha256 ?? null,
    version: letter.version ?? 1,
  };
}
