import { type LocalRuntime, startLocalRuntime } from '../../infra/local/runtime';

/** One embedded runtime (DynamoDB Local + S3 server + adapter) per test file, in memory. */
export async function startRuntime(): Promise<LocalRuntime> {
  process.env.LOG_LEVEL = 'silent';
  // tests submit and track hundreds of requests from 127.0.0.1; the limits have their own tests
  // (requests.test.ts: 'rate limits'), which set them low or back to the defaults
  process.env.RATE_LIMIT_SUBMIT = '1000000';
  process.env.RATE_LIMIT_TRACK = '1000000';
  return startLocalRuntime({ port: 0, sitePort: 0, seed: true });
}

export interface Call {
  status: number;
  headers: Headers;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: test helper returns parsed JSON of any shape
  data: any;
}

export function client(apiUrl: string) {
  return async function call(
    method: string,
    path: string,
    opts: {
      json?: unknown;
      form?: Record<string, string>;
      token?: string;
      headers?: Record<string, string>;
    } = {},
  ): Promise<Call> {
    const headers: Record<string, string> = { ...opts.headers };
    let body: string | undefined;
    if (opts.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(opts.json);
    }
    if (opts.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(opts.form).toString();
    }
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    return toCall(await fetch(apiUrl + path, { method, headers, body, redirect: 'manual' }));
  };
}

/** A response read whole: status, headers, text, and the JSON when it is JSON. */
export async function toCall(res: Response): Promise<Call> {
  const text = await res.text();
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {}
  return { status: res.status, headers: res.headers, text, data };
}

export async function signIn(apiUrl: string, username: string): Promise<string> {
  const res = await client(apiUrl)('POST', '/local/token', { json: { username, password: 'smartkampung' } });
  if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status}`);
  return res.data.idToken;
}

export const TAMANSARI = '35.10.24.2008';
export const KEMIREN = '35.10.15.2004';
export const NIK = '3510241508900001';

export const skuBody = (name = 'Siti Aminah') => ({
  serviceCode: 'sku',
  applicant: { name, nik: NIK, whatsapp: '081234567890' },
  fields: {
    nama_usaha: 'Kopi Ijen',
    jenis_usaha: 'kuliner',
    alamat_usaha: 'Dusun Krajan',
    lama_usaha: '3',
    keperluan: 'Pengajuan KUR',
  },
});
