/**
 * A whole request as the workspace shows it to an officer: the applicant, the service's answers with
 * their labels, the documents (each a fresh 5-minute GET link, made on every call and never stored;
 * those seen in original at the counter, with who saw them), the history with who did what and why,
 * and the moves the caller's role may make now.
 */
import type { Service } from '../catalogue/defaults';
import { findService } from '../catalogue/store';
import type { Role } from '../routes';
import { documentLinks } from './documents';
import { allowedMoves, NEEDS_COMPLETE } from './domain/transitions';
import type { RequestItem } from './entities';
import { calendarCache, officeMinutesLeft } from './queue';
import { overdue } from './store';

type Label = { id: string; en: string };

/** Each answer with the field's label (and, for list fields, the names of the chosen keys), in form order. */
export function answersOf(request: Pick<RequestItem, 'fields'>, service: Service | undefined) {
  const fields = [...(service?.fields ?? [])].sort((a, b) => a.order - b.order);
  const known = new Set(fields.map((f) => f.code));
  const named = (f: (typeof fields)[number], value: string | string[]) => {
    if (!f.values) return undefined;
    const keys = Array.isArray(value) ? value : [value];
    return keys.map((key) => ({
      key,
      name: f.values?.find((v) => v.key === key)?.name ?? { id: key, en: key },
    }));
  };
  const answers: {
    code: string;
    label: Label;
    value: string | string[];
    values?: { key: string; name: Label }[];
  }[] = [];
  for (const f of fields) {
    const value = request.fields[f.code];
    if (value === undefined) continue;
    const values = named(f, value);
    answers.push({ code: f.code, label: f.label, value, ...(values ? { values } : {}) });
  }
  // answers to fields the catalogue no longer has: shown under their code
  for (const [code, value] of Object.entries(request.fields))
    if (!known.has(code)) answers.push({ code, label: { id: code, en: code }, value });
  return answers;
}

/** The moves the caller may make now; those that need a complete dossier only once it is. */
export function movesFor(request: RequestItem, role: Role) {
  return allowedMoves(request.status, role, request.serviceLevel).filter(
    (m) => request.completeAt || !NEEDS_COMPLETE.includes(m.to),
  );
}

export async function requestDetail(request: RequestItem, role: Role, now: Date) {
  const { secretHash: _secret, queueSort: _sort, ...rest } = request;
  const [service, documents, calendar] = await Promise.all([
    findService(request.villageCode, request.serviceCode),
    documentLinks(request.id),
    calendarCache()(request.villageCode),
  ]);
  const names = new Map(request.requiredDocuments.map((d) => [d.code, d.name]));
  return {
    ...rest,
    service: { code: request.serviceCode, name: request.serviceName, level: request.serviceLevel },
    filedAt: request.createdAt,
    answers: answersOf(request, service),
    documents: documents.map((d) => ({
      ...d,
      name: names.get(d.requirement) ?? { id: d.requirement, en: d.requirement },
    })),
    requiredDocuments: request.requiredDocuments.map((d) => ({ ...d, required: d.required !== false })),
    documentsSeen: (request.documentsSeen ?? []).map((d) => ({
      ...d,
      name: names.get(d.requirement) ?? { id: d.requirement, en: d.requirement },
    })),
    history: request.history.map((h) => ({ ...h, actorName: h.actorName ?? h.actor })),
    overdue: overdue(request, now),
    officeMinutesLeft: officeMinutesLeft(request, now, calendar),
    allowedMoves: movesFor(request, role),
  };
}
