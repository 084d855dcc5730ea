import type { Condition } from 'dynamodb-toolbox/entity/actions/parseCondition';
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
import { type Actor, checkTransition, NEEDS_COMPLETE, type Status } from './domain/transitions';
import { type RequestItem, ServiceRequest } from './entities';
import { dueCalculator, getRequest, pauseClock, queueSort } from './store';

/** The request still exists and is at the version the caller read (optimistic concurrency). */
const atVersion = (version: number): Condition<typeof ServiceRequest> => ({
  and: [
    { attr: 'id', exists: true },
    { attr: 'version', eq: version },
  ],
});

/** Keys the entity needs to rebuild every index the update touches (queueSort and status are composites). */
function indexKeys(r: RequestItem, status: Status, queue: string) {
  return { status, queueSort: queue, villageCode: r.villageCode, kecamatanCode: r.kecamatanCode };
}

/**
 * An officer moves a request. The transition table (domain) says who may move what where; the
 * write is conditional on the version the officer saw, so two officers can't both act on it.
 * Completing a request gives it the next letter number of its village and year, gap-free.
 */
export async function transition(
  id: string,
  input: { to: Status; reason?: string; version: number },
  who: { role: Role; username: string },
  now: Date,
) {
  const request = await getRequest(id);
  if (request.version !== input.version) throw new Conflict();
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
    throw new Unprocessable('invalid_transition', 'error.invalid_transition');
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
    const year = at.slice(0, 4);
    const counterName = `letter#${request.villageCode}#${year}`;
    for (let attempt = 0; attempt < 5; attempt++) {
      const { Item: counter } = await getItem(Counter, { name: counterName }, { consistent: true });
      const current = counter?.value ?? 0;
      const letterNumber = `470/${String(current + 1).padStart(4, '0')}/${request.villageCode}/${year}`;
      // in this order: reasons[1] is the request's version check
      const result = await transact(
        Counter.build(UpdateTransaction)
          .item({ name: counterName, value: current + 1 })
          .options({
            condition: current === 0 ? { attr: 'value', exists: false } : { attr: 'value', eq: current },
          }),
        ServiceRequest.build(UpdateTransaction)
          .item({ id, ...set, history: $set(history), letterNumber })
          .options({ condition: atVersion(request.version) }),
      );
      if (!result.canceled) return { ...next, ...set, letterNumber };
      if (result.reasons[1] === 'ConditionalCheckFailed') throw new Conflict();
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
    if (isConditionFailed(error)) throw new Conflict();
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
