/**
 * The local S3 front's multipart helpers (infra/local/s3-form.ts): one reading of a POST's
 * Content-Type, and the checked form written again so that any parser reads it the same way.
 */
import { describe, expect, it } from 'vitest';
import { encodeForm, formBoundary, Refused } from '../../../infra/local/s3-form';

const refusal = (contentType: string) => {
  try {
    formBoundary(contentType);
  } catch (error) {
    return error instanceof Refused ? `${error.status} ${error.code}` : String(error);
  }
  return 'accepted';
};

describe('formBoundary', () => {
  it('reads the boundary of the Content-Types browsers and HTTP clients send', () => {
    expect(formBoundary('multipart/form-data; boundary=----WebKitFormBoundaryAbC123')).toBe(
      '----WebKitFormBoundaryAbC123',
    );
    expect(formBoundary('multipart/form-data; boundary=----geckoformboundary8f3a9c')).toBe(
      '----geckoformboundary8f3a9c',
    );
    expect(formBoundary('multipart/form-data; boundary="quoted boundary:1"')).toBe('quoted boundary:1');
    expect(formBoundary('Multipart/Form-Data;charset=UTF-8;Boundary=abc')).toBe('abc');
  });

  it('refuses a Content-Type that two parsers could read two ways', () => {
    for (const contentType of [
      'multipart/form-data; x="boundary=EVIL"; boundary=Real',
      'multipart/form-data; boundary=Real; x="boundary=EVIL"',
      'multipart/form-data; boundary=a; boundary=b',
      'multipart/form-data; boundary=a; BOUNDARY=a',
      'multipart/form-data; charset=utf-8; boundary=a; charset=latin1',
      'multipart/form-data; boundary=a=boundary=b',
    ])
      expect(refusal(contentType), contentType).toBe('400 MalformedPOSTRequest');
  });

  it('refuses what is no multipart form or has no usable boundary', () => {
    for (const contentType of [
      '',
      'text/plain; boundary=a',
      'multipart/mixed; boundary=a',
      'multipart/form-data',
      'multipart/form-data; boundary=',
      'multipart/form-data; boundary="ends in space "',
      `multipart/form-data; boundary=${'a'.repeat(71)}`,
    ])
      expect(refusal(contentType), contentType).toBe('400 MalformedPOSTRequest');
  });

  it('counts a quoted ; inside a value as part of that value', () => {
    expect(formBoundary('multipart/form-data; x="a;b\\"c;d"; boundary=real')).toBe('real');
  });
});

describe('encodeForm', () => {
  it('writes the fields and then the file under a boundary of its own that the standard parser reads back', async () => {
    const file = Buffer.from('%PDF-1.4 body\r\n--Real\r\n');
    const { contentType, body } = encodeForm(
      [
        { name: 'key', value: 'incoming/requests/a/b' },
        { name: 'odd"name', value: 'line one\r\nline two\r\n' },
      ],
      { name: 'ktp\r\n.pdf', type: 'application/pdf', bytes: file },
    );
    expect(contentType).toMatch(/^multipart\/form-data; boundary=SmartKampungFront[0-9a-f]{32}$/);
    const form = await new Request('http://local/', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: new Uint8Array(body),
    }).formData();
    const entries = [...form];
    expect(entries.map(([name]) => name)).toEqual(['key', 'odd"name', 'file']);
    expect(form.get('key')).toBe('incoming/requests/a/b');
    expect(form.get('odd"name')).toBe('line one\r\nline two\r\n');
    const uploaded = form.get('file') as File;
    expect(uploaded.type).toBe('application/pdf');
    expect(Buffer.from(await uploaded.arrayBuffer()).equals(file)).toBe(true);
  });
});
