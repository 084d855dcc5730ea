/**
 * The letter issuer's one step (handlers/issue-letter): renders a pending letter, stores it and marks it
 * issued with its SHA-256 — idempotent (requests/letters.ts says why one letter, one number). Apart from
 * letters.ts so that only the issuer's bundle carries pdf-lib and qrcode.
 */
import { createHash } from 'node:crypto';
import { UpdateItemCommand } from 'dynamodb-toolbox/entity/actions/update';
import { letterTemplate } from '../catalogue/letter-templates';
import { findService } from '../catalogue/store';
import { config } from '../lib/config';
import { NotFound, Unprocessable } from '../lib/errors';
import { putObject } from '../lib/s3-objects';
import { isConditionFailed } from '../lib/table';
import { getKecamatan, getVillage } from '../villages/store';
import { Letter, type LetterItem } from './entities';
import { renderLetter } from './letter-pdf';
import { getLetter, letterObjectKey, verificationUrl } from './letters';
import { getRequest } from './store';

/** Test seam: a crash between the issuer's steps (after the PDF is stored, before it is marked issued). */
export interface IssueHooks {
  afterStore?: () => void | Promise<void>;
}

/** The hooks every issue runs with: none, but in tests that inject a crash (test/integration/letters-*.test.ts). */
export const letterIssueHooks: IssueHooks = {};

/**
 * Renders and stores a pending letter, then marks it issued with its SHA-256 (idempotent: an issued or
 * revoked letter is left alone). Answers the letter as it is now.
 */
export async function issueLetter(token: string, hooks: IssueHooks = letterIssueHooks): Promise<LetterItem> {
  const letter = await getLetter(token);
  if (!letter) throw new NotFound();
  if (letter.status !== 'pending') return letter;
  const request = await getRequest(letter.requestId);
  const [village, service, kecamatan] = await Promise.all([
    getVillage(request.villageCode),
    findService(request.villageCode, request.serviceCode),
    request.serviceLevel === 'kecamatan' ? getKecamatan(request.kecamatanCode) : null,
  ]);
  if (!service) throw new Unprocessable('service_unknown', 'error.service_unknown');
  const bytes = await renderLetter({
    letter,
    request,
    village,
    camat: kecamatan?.camat,
    service,
    template: letterTemplate(service),
    verifyUrl: verificationUrl(letter.token),
  });
  const key = letterObjectKey(letter);
  await putObject(config().LETTERS_BUCKET, key, bytes, { contentType: 'application/pdf' });
  await hooks.afterStore?.();
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  try {
    await Letter.build(UpdateItemCommand)
      .item({ token, status: 'issued', objectKey: key, sha256, renderedAt: new Date().toISOString() })
      .options({ condition: { attr: 'status', eq: 'pending' } })
      .send();
  } catch (error) {
    if (!isConditionFailed(error)) throw error;
  }
  return (await getLetter(token)) ?? letter;
}
