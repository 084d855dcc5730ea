/**
 * Walk-in filing: an officer files a request at the counter for a villager who came in person. The
 * body is the citizen's JSON submission plus `documentsSeen`, the requirement codes of the documents
 * the officer saw in original; every required one must be there. The request is complete at once, so
 * its promised time starts now; it is filed through the citizen's path (one transaction, the
 * Idempotency-Key replaying the first receipt, in the counter's own key space).
 */
import { type FieldError, Invalid, Unprocessable } from '../lib/errors';
import * as z from '../lib/zod';
import { checkSubmission, documentRefs, fileChecked } from './submit';

const DocumentsSeen = z.array(z.string().check(z.minLength(1), z.maxLength(60))).check(z.maxLength(30));

export interface WalkInOptions {
  idempotencyKey?: string | undefined;
  now: Date;
  officer: { username: string; name: string };
}

/** Files a walk-in request; the receipt (with the secret, for the printed receipt) and the service. */
export async function fileWalkIn(villageCode: string, raw: unknown, opts: WalkInOptions) {
  const body = (raw && typeof raw === 'object' && !Array.isArray(raw) ? raw : {}) as Record<string, unknown>;
  const { documentsSeen: rawSeen, ...submission } = body;
  const seen = DocumentsSeen.safeParse(rawSeen ?? []);
  // the submission's own problems and documentsSeen's in one 400
  let checked: Awaited<ReturnType<typeof checkSubmission>> | undefined;
  const errors: FieldError[] = seen.success ? [] : [{ path: 'documentsSeen', message: 'field.invalid' }];
  try {
    checked = await checkSubmission(villageCode, submission);
  } catch (error) {
    if (!(error instanceof Invalid) || !error.fields) throw error;
    throw new Invalid([...error.fields, ...errors]);
  }
  if (!seen.success) throw new Invalid(errors);
  const refs = documentRefs(checked.service);
  const unknown = seen.data.filter((code) => !refs.some((r) => r.code === code));
  if (unknown.length)
    throw new Invalid(unknown.map((code) => ({ path: `documentsSeen.${code}`, message: 'field.invalid' })));
  const missing = refs.filter((r) => r.required && !seen.data.includes(r.code));
  if (missing.length)
    throw new Unprocessable(
      'documents_missing',
      'error.documents_missing',
      missing.map((r) => ({
        path: `documentsSeen.${r.code}`,
        message: 'field.document_not_seen',
        params: { name: r.name.id },
      })),
    );
  const receipt = await fileChecked(checked, {
    source: 'web',
    now: opts.now,
    ...(opts.idempotencyKey ? { idempotencyKey: opts.idempotencyKey } : {}),
    counter: {
      by: opts.officer.username,
      byName: opts.officer.name,
      documentsSeen: [...new Set(seen.data)],
    },
  });
  return {
    ...receipt,
    service: { code: checked.service.code, name: checked.service.name, level: checked.service.level },
  };
}
