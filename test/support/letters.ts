/**
 * The letters' world (test/integration/letters*.test.ts): a request filed, its documents uploaded and
 * worked to `completed` by Tamansari's officer; the PDF fetched, its text (poppler's `pdftotext`) and
 * its QR code (`pdftoppm -png` then zbar's `zbarimg`) read back.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { call, officerToken, submitSku, uploadRequired } from './requests';

export interface Completed {
  id: string;
  secret: string;
  trackingCode: string;
  letterNumber: string;
  version: number;
}

/** Moves a request through review and approval to `completed`; answers the completion's answer. */
export async function complete(id: string, token?: string) {
  const t = token ?? (await officerToken());
  let version = (await call('GET', `/requests/${id}`, { token: t })).data.version as number;
  let last = { status: 0, data: {} as { letterNumber?: string; version?: number } };
  for (const to of ['in_review', 'approved', 'completed']) {
    const res = await call('POST', `/requests/${id}/transitions`, { token: t, json: { to, version } });
    last = res;
    if (res.status !== 200) return res;
    version = res.data.version;
  }
  return last;
}

/** Files an SKU for `name`, uploads its documents and completes it. */
export async function fileAndComplete(name: string): Promise<Completed> {
  const { data: receipt } = await submitSku(name);
  await uploadRequired(receipt.id, receipt.secret);
  const done = await complete(receipt.id);
  expect(done.status).toBe(200);
  return {
    id: receipt.id,
    secret: receipt.secret,
    trackingCode: receipt.trackingCode,
    letterNumber: done.data.letterNumber as string,
    version: done.data.version as number,
  };
}

/** The PDF's bytes, fetched with the receipt's secret as the receipt page's link does. */
export async function downloadLetter(id: string, secret: string): Promise<Buffer> {
  const { runtime } = await import('./requests');
  const res = await fetch(`${runtime.apiUrl}/requests/${id}/letter?secret=${encodeURIComponent(secret)}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  return Buffer.from(await res.arrayBuffer());
}

function inTemp<T>(pdf: Buffer, work: (dir: string, file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'letter-'));
  try {
    const file = join(dir, 'letter.pdf');
    writeFileSync(file, pdf);
    return work(dir, file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The PDF's text, as poppler extracts it. */
export const pdfText = (pdf: Buffer): string =>
  inTemp(pdf, (_, file) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }));

/** Every QR code on the PDF's first page rendered at 150 dpi, decoded by zbar. */
export const pdfQrCodes = (pdf: Buffer): string[] =>
  inTemp(pdf, (dir, file) => {
    execFileSync('pdftoppm', ['-png', '-r', '150', '-f', '1', '-l', '1', file, join(dir, 'page')]);
    const png = readFileSync(join(dir, 'page-1.png'));
    writeFileSync(join(dir, 'p.png'), png);
    const out = execFileSync('zbarimg', ['--quiet', '--raw', join(dir, 'p.png')], { encoding: 'utf8' });
    return out.split('\n').filter(Boolean);
  });
