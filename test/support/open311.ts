// biome-ignore-all lint/suspicious/noExplicitAny: the API answers under test are untyped JSON
/**
 * Open311 GeoReport v2 over the real local runtime (DynamoDB Local, the route table, the adapter that
 * builds API Gateway events): every answer is validated against the official JSON Schemas in
 * shared/open311/georeport-v2, and no GET may carry the applicant's personal data. Here: a runtime per
 * test file (test/integration/open311*.test.ts), the schema validator and the calls they share.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, expect } from 'vitest';
import { startLocalRuntime } from '../../infra/local/runtime';
import { type Call, toCall } from './runtime';

/** Registers this world's hooks: call it once at the top level of a test file that uses it. */
export function useOpen311Runtime(): void {
  beforeAll(setUp, 120_000);
  afterAll(tearDown, 30_000);
}

export const SCHEMAS = '/work/shared/open311/georeport-v2';
export const VILLAGE = '35.10.24.2008'; // Tamansari, Licin
export const NIK = '3510241508900001';
export const NAME = 'Rahmat Hidayatullah';
export const WHATSAPP = '081298765432';
export const BUSINESS = 'Warung Kopi Kawah Ijen Biru';

export let api: string;
export let stop: () => Promise<void>;
// formats checked too (date-time of requested/expected_datetime, uri of media_url)
export const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));

export function validate(file: string, data: unknown): string[] {
  const check = ajv.getSchema(file);
  if (!check) throw new Error(`schema ${file} not loaded`);
  return check(data) ? [] : (check.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

export async function call(path: string, init: RequestInit = {}): Promise<Call> {
  return toCall(await fetch(api + path, { redirect: 'manual', ...init }));
}

export const post = (form: Record<string, string | string[]>, headers: Record<string, string> = {}) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  return call('/open311/v2/requests.json', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: body.toString(),
  });
};

export const skuForm = (extra: Record<string, string | string[]> = {}) => ({
  jurisdiction_id: VILLAGE,
  service_code: 'sku',
  'attribute[applicant_name]': NAME,
  'attribute[applicant_nik]': NIK,
  'attribute[applicant_whatsapp]': WHATSAPP,
  'attribute[nama_usaha]': BUSINESS,
  'attribute[jenis_usaha]': 'kuliner',
  'attribute[alamat_usaha]': 'Dusun Krajan RT 03 RW 01',
  'attribute[lama_usaha]': '3',
  'attribute[keperluan]': 'Pengajuan KUR',
  ...extra,
});

/** An Open311 error answer: `[{code, description}]`, code = the HTTP status. */
export function expectOpen311Error(r: { status: number; data: any }, status: number) {
  expect(r.status).toBe(status);
  expect(Array.isArray(r.data)).toBe(true);
  expect(r.data.length).toBeGreaterThan(0);
  for (const e of r.data) {
    expect(e.code).toBe(status);
    expect(typeof e.description).toBe('string');
    expect(Object.keys(e).sort()).toEqual(['code', 'description']);
  }
}

/** No applicant data anywhere in an answer's raw text. */
export function expectNoPersonalData(text: string) {
  for (const secret of [
    NIK,
    NAME,
    'Rahmat',
    BUSINESS,
    WHATSAPP,
    '81298765432',
    'Siti Aminah',
    'Budi Santoso',
  ])
    expect(text).not.toContain(secret);
  expect(text).not.toMatch(/\b\d{16}\b/);
}

async function setUp() {
  for (const file of readdirSync(SCHEMAS).filter((f) => f.endsWith('.json')))
    ajv.addSchema(JSON.parse(readFileSync(join(SCHEMAS, file), 'utf8')), file);
  const runtime = await startLocalRuntime({ port: 0, seed: true });
  api = runtime.apiUrl;
  stop = runtime.stop;
}

async function tearDown() {
  await stop?.();
}
