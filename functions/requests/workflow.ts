import type { Condition } from 'dynamodb-toolbox/entity/actions/parseCondition';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { $remove, $set, UpdateItemCommand } from 'dynamodb-toolbox/entity/actions/update';
import { findService } from '../catalogue/store';
import { Counter } from '../lib/counter';
import { Conflict, Forbidden, Invalid, Unprocessable } from '../lib/errors';
import { getItem, isConditionFailed } from '../lib/table';
import { transact } from '../lib/transact';
import type { Role } from '../routes';
import { getVillage } from '../villages/store';
import { checkFields } from './domain/fields';
import { type Actor, allowedMoves, checkTransition, NEEDS_COMPLETE, type Status } from './domain/transitions';
import { Letter, type RequestItem, ServiceRequest } from './entities';
import { announceLetter, letterIntent } from './letters';
import { dueCalculator, getRequest, pauseClock, queueSort } from './store';

/** The request still exists and is at the version the caller read (optimistic concurrency). */
const atVersion = (version: number): Condition<typeof ServiceRequest> => ({
  and: [
    { attr: 'id', exists: true },
    { attr: 'version', eq: version },
  ],
});

/**
 * The 409 of a stale version: what the request is now, and its last change (who moved it where, and
 * why), so the workspace can say "changed by …" and reload.
 */
export async function staleConflict(id: string, known?: RequestItem): Promise<Conflict> {
  const now = known ?? (await getRequest(id));
  const last = now.history.at(-1);
  return new Conflict('error.conflict', 'conflict', {
    current: {
      status: now.status,
      version: now.version,
      lastChange: last ? { ...last, actorName: last.actorName ?? last.actor } : null,
    },
  });
}

/** Keys the entity needs to rebuild every index the update touches (queueSort and status are composites). */
function indexKeys(r: RequestItem, status: Status, queue: string) {
  return { status, queueSort: queue, villageCode: r.villageCode, kecamatanCode: r.kecamatanCode };
}

/**
 * An officer moves a request. The transition table (domain) says who may move what where; the
 * write is conditional on the version the officer saw, so two officers can't both act on it.
 * Completing a request gives it the next letter number of its issuing office and year, gap-free, and
 * writes its letter's intent in the same transaction (requests/letters.ts).
 */
export async function transition(
  id: string,
  input: { to: Status; reason?: string; version: number },
  who: { role: Role; username: string; name?: string | undefined },
  now: Date,
) {
  const request = await getRequest(id);
  if (request.version !== input.version) throw await staleConflict(id, request);
  const actor = who.role as Actor;
  const check = checkTransition({
    from: request.status,
    to: input.to,
    actor,
    level: request.serviceLevel,
    reason: input.reason,
  });
  if (!check.ok) {
    if (check.code === 'reason_required')
      throw new Unprocessable('reason_required', 'error.reason_required', [
        { path: 'reason', message: 'field.required' },
      ]);
    throw new Unprocessable('invalid_transition', 'error.invalid_transition', undefined, undefined, {
      allowed: allowedMoves(request.status, actor, request.serviceLevel),
    });
  }
  if (NEEDS_COMPLETE.includes(input.to) && !request.completeAt)
    throw new Unprocessable('documents_incomplete', 'error.documents_incomplete');
  const at = now.toISOString();
  const closed = input.to === 'completed' || input.to === 'rejected';
  const history = [
    ...request.history,
    {
      at,
      actor: who.username,
      actorName: who.name ?? who.username,
      role: who.role,
      from: request.status,
      to: input.to,
      ...(input.reason ? { reason: input.reason } : {}),
    },
  ];
  // sent back to the citizen: the promise pauses with the office time it has left, and the request
  // leaves the due-time order (it waits for the citizen, not for the office)
  const paused =
    input.to === 'needs_revision'
      ? await pauseClock(await getVillage(request.villageCode), request.dueAt, now)
      : undefined;
  const next = {
    ...request,
    status: input.to,
    closedAt: closed ? at : undefined,
    ...(paused ? { dueAt: undefined, clockRemaining: paused } : {}),
  };
  const queue = queueSort(next);
  const set = {
    ...indexKeys(request, input.to, queue),
    version: request.version + 1,
    updatedAt: at,
    history,
    ...(closed ? { closedAt: at } : {}),
  };

  if (input.to === 'completed') {
    const intent = await letterIntent(request, at);
    for (let attempt = 0; attempt < 5; attempt++) {
      const { Item: counter } = await getItem(Counter, { name: intent.counterName }, { consistent: true });
      const current = counter?.value ?? 0;
      const letter = intent.letter(current + 1);
      // in this order: reasons[1] is the request's version check. The letter's item, `pending`, is the
      // outbox intent: the letter issuer renders it (requests/handlers/issue-letter), never this handler
      const result = await transact(
        Counter.build(UpdateTransaction)
          .item({ name: intent.counterName, value: current + 1 })
          .options({
            condition: current === 0 ? { attr: 'value', exists: false } : { attr: 'value', eq: current },
          }),
        ServiceRequest.build(UpdateTransaction)
          .item({
            id,
            ...set,
            history: $set(history),
            letterNumber: letter.number,
            letterToken: letter.token,
          })
          .options({ condition: atVersion(request.version) }),
        Letter.build(PutTransaction)
          .item(letter)
          .options({ condition: { attr: 'token', exists: false } }),
      );
      if (!result.canceled) {
        await announceLetter(letter);
        return { ...next, ...set, letterNumber: letter.number, letterToken: letter.token };
      }
      if (result.reasons[1] === 'ConditionalCheckFailed') throw await staleConflict(id);
    }
    throw new Conflict();
  }

  try {
    await ServiceRequest.build(UpdateItemCommand)
      .item({
        id,
        ...set,
        history: $set(history),
        ...(paused ? { clockRemaining: paused, dueAt: $remove() } : {}),
      })
      .options({ condition: atVersion(request.version) })
      .send();
  } catch (error) {
    if (isConditionFailed(error)) throw await staleConflict(id);
    throw error;
  }
  return { ...next, ...set };
}

/** Whether the citizen may send the request back now (it waits for them: `needs_revision`). */
const revisable = (request: RequestItem) =>
  checkTransition({ from: request.status, to: 'resubmitted', actor: 'citizen', level: request.serviceLevel })
    .ok;
const notRevisable = () => new Unprocessable('invalid_transition', 'error.not_revisable');

/**
 * The citizen sends a request back after `needs_revision`, with corrected fields if any (replaced
 * documents were confirmed already). The promise, paused while the request waited for the citizen,
 * resumes with the office time it had left.
 */
export async function resubmit(
  request: RequestItem,
  input: {
    /** corrected answers; a `number` field may be a JSON number (stored as canonical text) */
    fields?: Record<string, string | number | string[]>;
    /** corrected applicant data, already validated by ResubmitBody (a NIK by the same check as submit's) */
    applicant?: { name?: string; nik?: string; whatsapp?: string };
  },
  now: Date,
  attempt = 0,
): Promise<RequestItem> {
  if (!revisable(request)) throw notRevisable();
  let fields = request.fields;
  if (input.fields) {
    const service = await findService(request.villageCode, request.serviceCode);
    if (!service) throw new Forbidden();
    const checked = checkFields(service, { ...request.fields, ...input.fields });
    if (checked.errors.length) throw new Invalid(checked.errors);
    fields = checked.values;
  }
  const at = now.toISOString();
  const village = await getVillage(request.villageCode);
  // the paused promise resumes with the office time it had left; a request that was already late
  // keeps its due time; one that became complete while waiting starts its whole promise now
  const dueAt = request.clockRemaining
    ? (await dueCalculator(village))(now, request.clockRemaining)
    : request.dueAt
      ? request.dueAt
      : request.completeAt
        ? (await dueCalculator(village))(now, request.duration)
        : undefined;
  const applicant = {
    ...request.applicant,
    ...(input.applicant?.name ? { name: input.applicant.name } : {}),
    ...(input.applicant?.nik ? { nik: input.applicant.nik } : {}),
    ...(input.applicant?.whatsapp ? { whatsapp: input.applicant.whatsapp } : {}),
  };
  const next = { ...request, status: 'resubmitted' as const, dueAt, clockRemaining: undefined };
  const set = {
    ...indexKeys(request, 'resubmitted', queueSort(next)),
    fields,
    applicant,
    version: request.version + 1,
    updatedAt: at,
    ...(dueAt ? { dueAt } : {}),
    history: [
      ...request.history,
      { at, actor: 'citizen', role: 'citizen', from: request.status, to: 'resubmitted' },
    ],
  };
  try {
    await ServiceRequest.build(UpdateItemCommand)
      .item({
        id: request.id,
        ...set,
        fields: $set(set.fields),
        applicant: $set(applicant),
        history: $set(set.history),
        ...(request.clockRemaining ? { clockRemaining: $remove() } : {}),
      })
      .options({ condition: atVersion(request.version) })
      .send();
  } catch (error) {
    if (!isConditionFailed(error)) throw error;
    // a concurrent resubmission (a double tap) got there first: answer what a repeated one answers;
    // another change meanwhile (completeness settled by a document confirm): once more on it
    const latest = await getRequest(request.id);
    if (!revisable(latest)) throw notRevisable();
    if (attempt < 3) return resubmit(latest, input, now, attempt + 1);
    throw new Conflict();
  }
  return { ...next, ...set };
}
