import type { Service } from '../../catalogue/defaults';
import type { FieldError } from '../../lib/errors';

type Value = string | string[];
/** an answer as sent: text, a list of keys, or (for a `number` field) a JSON number */
type Input = Value | number;

/** what a field of another datatype says to a JSON number */
const NOT_A_NUMBER_FIELD: Record<string, string> = {
  singlevaluelist: 'field.value_list',
  multivaluelist: 'field.value_list',
  datetime: 'field.date',
};

/**
 * Checks a request's service-specific fields against the service definition (Open311 datatypes).
 * Returns the normalised values and every problem at once, each with its `fields.<code>` path and, for
 * the HTML error page, the label the form showed (JSON answers keep the path only).
 */
export function checkFields(
  service: Pick<Service, 'fields'>,
  input: Record<string, Input>,
): { values: Record<string, Value>; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const values: Record<string, Value> = {};
  const known = new Map(service.fields.map((f) => [f.code, f]));
  for (const code of Object.keys(input)) {
    if (!known.has(code)) errors.push({ path: `fields.${code}`, message: 'field.unknown' });
  }
  for (const field of [...service.fields].sort((a, b) => a.order - b.order)) {
    const path = `fields.${field.code}`;
    const raw = input[field.code];
    const empty =
      raw === undefined ||
      (Array.isArray(raw) ? raw.length === 0 : typeof raw === 'string' && raw.trim() === '');
    if (empty) {
      if (field.required) errors.push({ path, label: field.label, message: 'field.required' });
      continue;
    }
    if (typeof raw === 'number') {
      // JSON clients send numbers as numbers; stored as the canonical text a form's answer becomes
      const v = field.datatype === 'number' ? jsonNumber(raw) : undefined;
      if (v === undefined)
        errors.push({
          path,
          label: field.label,
          message:
            field.datatype === 'number'
              ? 'field.number'
              : (NOT_A_NUMBER_FIELD[field.datatype] ?? 'field.invalid'),
        });
      else values[field.code] = v;
      continue;
    }
    const keys = new Set((field.values ?? []).map((v) => v.key));
    switch (field.datatype) {
      case 'multivaluelist': {
        const list = (Array.isArray(raw) ? raw : raw.split(',')).map((v) => v.trim()).filter(Boolean);
        if (list.some((v) => !keys.has(v)))
          errors.push({ path, label: field.label, message: 'field.value_list' });
        else values[field.code] = [...new Set(list)];
        break;
      }
      case 'singlevaluelist': {
        const v = Array.isArray(raw) ? raw[0] : raw.trim();
        if (Array.isArray(raw) && raw.length > 1)
          errors.push({ path, label: field.label, message: 'field.value_list' });
        else if (!v || !keys.has(v)) errors.push({ path, label: field.label, message: 'field.value_list' });
        else values[field.code] = v;
        break;
      }
      case 'number': {
        const v = Array.isArray(raw) ? undefined : indonesianNumber(raw);
        if (v === undefined) errors.push({ path, label: field.label, message: 'field.number' });
        else values[field.code] = v;
        break;
      }
      case 'datetime': {
        const v = Array.isArray(raw) ? '' : raw.trim();
        if (!/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(v) || Number.isNaN(Date.parse(v)))
          errors.push({ path, label: field.label, message: 'field.date' });
        else values[field.code] = v;
        break;
      }
      default: {
        if (Array.isArray(raw)) {
          errors.push({ path, label: field.label, message: 'field.invalid' });
          break;
        }
        const max = field.datatype === 'text' ? 2000 : 200;
        if (raw.trim().length > max) errors.push({ path, label: field.label, message: 'field.too_long' });
        else values[field.code] = raw.trim();
      }
    }
  }
  return { values, errors };
}

/**
 * A JSON number in the canonical form `indonesianNumber` answers (`3`, `2.5`, `-4`), or undefined for
 * what has no plain decimal writing (`1e21`). Never read as Indonesian writing: 1.234 is not 1234.
 */
export function jsonNumber(n: number): string | undefined {
  const text = String(n);
  return Number.isFinite(n) && /^-?\d+(\.\d+)?$/.test(text) ? text : undefined;
}

/**
 * A number as villagers type it, in the canonical form (`1500000`, `2.5`), or undefined. Indonesian
 * writing groups thousands with dots and marks decimals with a comma: `1.500.000` and `Rp 1.500.000`
 * are one and a half million (not 1.5), `2,5` is two and a half. A plain `2.5` (one dot, not a group of
 * three digits) stays the decimal other clients send.
 */
export function indonesianNumber(typed: string): string | undefined {
  const v = typed
    .trim()
    .replace(/^rp\.?\s*/i, '')
    .replace(/\s+/g, '');
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(v)) return v.replaceAll('.', '').replace(',', '.');
  if (/^-?\d+,\d+$/.test(v)) return v.replace(',', '.');
  if (/^-?\d+(\.\d+)?$/.test(v)) return v;
  return undefined;
}
