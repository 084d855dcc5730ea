/**
 * The one rule for text the API accepts: it is well-formed Unicode. A JSON string may carry a lone
 * UTF-16 surrogate (`"\ud800"`), which no character is, and a form post may carry percent-encoded
 * bytes that are not UTF-8 (`%ED%A0%80`), which URLSearchParams silently reads as U+FFFD. Either is
 * refused with a 400 naming the field (`field.unicode`), never stored: a string with a lone surrogate
 * makes `encodeURIComponent` throw and shows as "�" wherever it is printed.
 *
 * Where the rule is applied: every `z.string()` of lib/zod.ts (so every text field of every schema),
 * and, for whatever no string schema reads (a body taken as `z.unknown()`, keys of a record, extra
 * keys), the validation middleware (lib/middleware/validate.ts) scans the input. Views use
 * `toWellFormed` (below) on stored text, so text stored before the rule can never make a read throw.
 */

/** The strings-file key of the message. */
export const UNICODE_MESSAGE = 'field.unicode';

/** Paths (dotted, as in our field errors) of every ill-formed string in `value`, keys included. */
export function illFormedPaths(value: unknown, prefix: string[] = [], out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (!value.isWellFormed()) out.push(prefix.join('.') || '(body)');
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => {
      illFormedPaths(item, [...prefix, String(i)], out);
    });
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (!key.isWellFormed()) out.push([...prefix, key].join('.'));
      else illFormedPaths(item, [...prefix, key], out);
    }
  }
  return out;
}

/** Every string in `value` (keys included) with lone surrogates replaced by U+FFFD; a copy. */
export function wellFormedDeep<T>(value: T): T {
  if (typeof value === 'string') return value.toWellFormed() as T;
  if (Array.isArray(value)) return value.map(wellFormedDeep) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k.toWellFormed(), wellFormedDeep(v)]),
    ) as T;
  return value;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Percent-decodes one `application/x-www-form-urlencoded` name or value; undefined when not UTF-8. */
function decodeStrict(encoded: string): string | undefined {
  if (!encoded.includes('%')) return encoded.replaceAll('+', ' ');
  const bytes: number[] = [];
  const text = Buffer.from(encoded.replaceAll('+', ' '), 'utf8');
  for (let i = 0; i < text.length; i++) {
    const byte = text[i] as number;
    const hex = byte === 0x25 ? text.subarray(i + 1, i + 3).toString('latin1') : '';
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else bytes.push(byte);
  }
  try {
    return strictUtf8.decode(new Uint8Array(bytes));
  } catch {
    return undefined;
  }
}

/**
 * A form body read as URLSearchParams reads it, plus the names of the fields whose name or value
 * percent-decodes to bytes that are not UTF-8 (a browser never sends those; URLSearchParams would
 * turn them into U+FFFD without a word).
 */
export function readForm(body: string): { form: URLSearchParams; illFormed: string[] } {
  const form = new URLSearchParams(body);
  const illFormed: string[] = [];
  if (body.includes('%'))
    for (const pair of body.split('&')) {
      if (!pair.includes('%')) continue;
      const at = pair.indexOf('=');
      const [name, value] = at < 0 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)];
      if (decodeStrict(name) === undefined || decodeStrict(value) === undefined)
        illFormed.push(new URLSearchParams(`${name}=`).keys().next().value || '(body)');
    }
  return { form, illFormed: [...new Set(illFormed)] };
}
