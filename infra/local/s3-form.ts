/**
 * The multipart side of the local S3 front (s3-front.ts): reading a POST form's Content-Type without
 * ambiguity, and writing the checked form again for the S3 server.
 *
 * Why re-encode: the front checks the form as undici parses it, while the local S3 server (fauxqs)
 * parses the bytes its own way (the first `boundary=` anywhere in the header, the first
 * `Content-Disposition` anywhere in a part's headers). Forwarding the client's bytes let one form be
 * checked and another stored. The front forwards only the form it checked, written by itself with a
 * boundary of its own choosing, so any reading of it is the same one.
 */
import { randomBytes } from 'node:crypto';
import { MIMEType } from 'node:util';

/** What the front refuses, with S3's error code; the front answers it in S3's XML error shape. */
export class Refused extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const malformed = (why: string) => new Refused(400, 'MalformedPOSTRequest', why);

/** RFC 2046's boundary: 1–70 of its characters, not ending in a space */
const BOUNDARY = /^[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]$/;

/**
 * The names of a media type's parameters, in order and lower-cased, as the WHATWG MIME type parser
 * delimits them (a value is quoted only when it starts with `"`; `\` escapes inside quotes), so a
 * repeated one is seen even where that parser keeps only the first.
 */
function parameterNames(contentType: string): string[] {
  const names: string[] = [];
  let i = contentType.indexOf(';');
  while (i >= 0 && i < contentType.length) {
    const start = i + 1;
    let end = start;
    while (end < contentType.length && contentType[end] !== ';' && contentType[end] !== '=') end++;
    names.push(contentType.slice(start, end).trim().toLowerCase());
    if (contentType[end] === '=') {
      end++;
      while (contentType[end] === ' ' || contentType[end] === '\t') end++;
      if (contentType[end] === '"')
        for (end++; end < contentType.length && contentType[end] !== '"'; end++)
          if (contentType[end] === '\\') end++;
      while (end < contentType.length && contentType[end] !== ';') end++;
    }
    i = end < contentType.length ? end : -1;
  }
  return names.filter(Boolean);
}

/**
 * The boundary of a `multipart/form-data` Content-Type, read by the WHATWG MIME type parser (what
 * browsers and undici use, so what the front's own form parser uses). A header that parsers could
 * read two ways is refused: a repeated parameter (the WHATWG parser keeps the first, others the last)
 * or `boundary=` appearing more than once anywhere, even inside another parameter's value (a parser
 * that searches the header for it would take that one).
 */
export function formBoundary(contentType: string): string {
  let mime: MIMEType;
  try {
    mime = new MIMEType(contentType);
  } catch {
    throw malformed('the Content-Type is not a media type');
  }
  if (mime.essence !== 'multipart/form-data') throw malformed('expected a multipart/form-data form');
  const names = parameterNames(contentType);
  if (new Set(names).size !== names.length) throw malformed('a Content-Type parameter is repeated');
  if ((contentType.match(/boundary\s*=/gi) ?? []).length !== 1)
    throw malformed('the Content-Type must name its boundary exactly once');
  const boundary = mime.params.get('boundary');
  if (!boundary || !BOUNDARY.test(boundary)) throw malformed('the multipart boundary is missing or invalid');
  return boundary;
}

/** A field name or file name in a part header, escaped as the HTML standard's form encoder does. */
const headerValue = (value: string) =>
  value.replaceAll('"', '%22').replaceAll('\r', '%0D').replaceAll('\n', '%0A');

/**
 * The checked form as a fresh `multipart/form-data` body: the fields in order, then the file (S3's
 * rule: the file is the last part), under a random boundary that occurs nowhere in the content.
 */
export function encodeForm(
  fields: { name: string; value: string }[],
  file: { name: string; type: string; bytes: Buffer },
): { contentType: string; body: Buffer } {
  const values = fields.map((f) => Buffer.from(f.value, 'utf8'));
  let boundary: string;
  do boundary = `SmartKampungFront${randomBytes(16).toString('hex')}`;
  while ([...values, file.bytes].some((v) => v.includes(boundary)));
  const chunks: Buffer[] = [];
  const part = (disposition: string, value: Buffer, type?: string) =>
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; ${disposition}\r\n${type ? `Content-Type: ${type}\r\n` : ''}\r\n`,
      ),
      value,
      Buffer.from('\r\n'),
    );
  fields.forEach((f, i) => {
    part(`name="${headerValue(f.name)}"`, values[i] as Buffer);
  });
  // S3 stores the `Content-Type` field, not this; a Blob's type is printable ASCII or empty anyway
  const type = /^[\x21-\x7e][\x20-\x7e]*$/.test(file.type) ? file.type : 'application/octet-stream';
  part(`name="file"; filename="${headerValue(file.name)}"`, file.bytes, type);
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { contentType: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat(chunks) };
}

const xmlText = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** S3's error document: `<Error><Code>…</Code><Message>…</Message><RequestId>…</RequestId></Error>`. */
export function s3ErrorXml(error: Refused): string {
  const requestId = randomBytes(8).toString('hex').toUpperCase();
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${xmlText(error.code)}</Code><Message>${xmlText(error.message)}</Message><RequestId>${requestId}</RequestId></Error>`;
}
