/**
 * The confirm link S3 sends a browser to after an upload (GET, JavaScript off), driven with plain
 * HTTP through the local runtime: success and a refused file go back to the receipt; every other
 * failure (wrong or missing secret, unknown request, malformed link, nothing uploaded) is a readable
 * HTML page in the browser's language with a link back, never JSON. API clients keep JSON.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime';
import { SPOOFED_PDF } from '../fixtures/files';
import { type Call, client, NIK, skuBody, startRuntime, TAMANSARI } from '../support/runtime';

let runtime: LocalRuntime;
let call: ReturnType<typeof client>;
const HTML = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

/** A request filed through the HTML form: its receipt URL and each upload form's S3 action and fields. */
async function fileByForm(name: string) {
  const form: Record<string, string> = {
    ...Object.fromEntries(Object.entries(skuBody(name).fields).map(([k, v]) => [`fields.${k}`, v])),
    serviceCode: 'sku',
    'applicant.name': name,
    'applicant.nik': NIK,
  };
  const posted = await call('POST', `/villages/${TAMANSARI}/requests`, { form });
  expect(posted.status).toBe(303);
  const receiptUrl = posted.headers.get('location') ?? '';
  const receipt = await call('GET', receiptUrl, { headers: HTML });
  expect(receipt.status).toBe(200);
  const forms = [...receipt.text.matchAll(/<form method="post" action="([^"]+)"[^>]*>(.*?)<\/form>/gs)].map(
    ([, action, inner]) => ({
      action: action ?? '',
      fields: Object.fromEntries(
        [...(inner ?? '').matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [
          m[1],
          (m[2] ?? '').replaceAll('&amp;', '&'),
        ]),
      ) as Record<string, string>,
    }),
  );
  expect(forms.length).toBeGreaterThan(0);
  return { receiptUrl, forms };
}

/** The confirm URL S3 redirects the browser to (the form's success_action_redirect), path and query. */
function confirmUrl(fields: Record<string, string>): URL {
  const url = new URL(fields.success_action_redirect ?? '');
  expect(url.pathname).toMatch(/^\/requests\/[^/]+\/documents\/[^/]+\/confirm$/);
  expect(url.searchParams.get('secret')).toBeTruthy();
  return url;
}

const pathOf = (url: URL) => url.pathname + url.search;

/**
 * Another request's id: the last character becomes a different digit (keys are stored lower-cased, so
 * swapping `a` for `A` would find the same request again).
 */
const otherId = (id: string) => `${id.slice(0, -1)}${id.endsWith('0') ? '1' : '0'}`;

/** An HTML page (not JSON) with the status, in `lang`, no script, and the one link back it offers. */
function expectPage(res: Call, status: number, lang: 'id' | 'en') {
  expect(res.status, res.text).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  expect(res.data).toBeUndefined(); // not JSON
  expect(res.text).toMatch(new RegExp(`^<!doctype html><html lang="${lang}">`));
  expect(res.text).not.toContain('<script');
  const links = [...res.text.matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)].map((m) => ({
    href: (m[1] ?? '').replaceAll('&amp;', '&'),
    label: m[2],
  }));
  expect(links).toHaveLength(1);
  return { link: links[0] as { href: string; label: string } };
}

beforeAll(async () => {
  runtime = await startRuntime();
  call = client(runtime.apiUrl);
}, 120_000);

afterAll(async () => {
  await runtime?.stop();
});

describe('GET confirm (the browser after the S3 upload) answers HTML', () => {
  it('a wrong or missing secret: a page saying the link is not valid, with the way to the tracking form', async () => {
    const { forms } = await fileByForm('Rahasia Salah');
    const url = confirmUrl(forms[0]?.fields ?? {});

    url.searchParams.set('secret', 'not-the-secret');
    const wrong = await call('GET', pathOf(url), {
      headers: { ...HTML, 'accept-language': 'id-ID,id;q=0.9' },
    });
    const { link } = expectPage(wrong, 403, 'id');
    expect(wrong.text).toContain('Tautan unggah ini tidak berlaku');
    expect(wrong.text).toContain('Kode rahasia permohonan salah atau tidak ada.');
    expect(link.label).toBe('Lacak permohonan dengan kode pelacakan');
    expect(link.href).toMatch(/\/track\?lang=id$/);
    expect(wrong.text).not.toContain('not-the-secret');

    // the page speaks the language of the receipt the form was on (lang in the link)
    url.searchParams.delete('secret');
    url.searchParams.set('lang', 'en');
    const missing = await call('GET', pathOf(url), { headers: HTML });
    expect(expectPage(missing, 403, 'en').link.label).toBe('Track the request with its tracking code');
    expect(missing.text).toContain('This upload link is not valid');
    expect(missing.text).toContain('The request secret is wrong or missing.');

    // the link leads somewhere a browser can use: the tracking form
    const track = await call('GET', new URL(link.href).pathname + new URL(link.href).search, {
      headers: HTML,
    });
    expect(track.headers.get('content-type')).toMatch(/^text\/html/);
    expect(track.text).toContain('<form method="get"');
  });

  it('an unknown request or a malformed link: the same kind of page (404, 400)', async () => {
    const { forms } = await fileByForm('Tautan Rusak');
    const url = confirmUrl(forms[0]?.fields ?? {});
    const [, , id = '', , documentId = ''] = url.pathname.split('/');

    const unknown = new URL(url);
    unknown.pathname = url.pathname.replace(id, otherId(id));
    unknown.searchParams.delete('lang'); // without it, Accept-Language decides
    const notFound = await call('GET', pathOf(unknown), { headers: { ...HTML, 'accept-language': 'en' } });
    expectPage(notFound, 404, 'en');
    expect(notFound.text).toContain('This upload link is not valid');

    const malformed = new URL(url);
    malformed.pathname = url.pathname.replace(documentId, 'no dot here');
    const bad = await call('GET', pathOf(malformed), { headers: { ...HTML, 'accept-language': 'id' } });
    expectPage(bad, 400, 'id');
    expect(bad.text).toContain('Tautan unggah ini tidak berlaku');
  });

  it('nothing uploaded yet: the request is known, so the page links back to its receipt', async () => {
    const { forms, receiptUrl } = await fileByForm('Belum Unggah');
    const url = confirmUrl(forms[0]?.fields ?? {});
    url.searchParams.set('lang', 'en');
    const res = await call('GET', pathOf(url), { headers: HTML });
    const { link } = expectPage(res, 422, 'en');
    expect(res.text).toContain('The document was not recorded');
    expect(res.text).toContain('The file has not been uploaded yet. Upload it first.');
    expect(link.label).toBe('Back to the receipt');
    const back = new URL(link.href, runtime.apiUrl);
    expect(back.pathname).toBe(new URL(receiptUrl, runtime.apiUrl).pathname);
    const receipt = await call('GET', back.pathname + back.search, { headers: HTML });
    expect(receipt.status).toBe(200);
    expect(receipt.text).toContain('<form method="post"');
  });

  it('a refused file goes back to the receipt, which shows the error beside the form (id and en)', async () => {
    const { forms } = await fileByForm('Berkas Palsu');
    const { action, fields } = forms[0] ?? { action: '', fields: {} };
    const upload = new FormData();
    for (const [k, v] of Object.entries(fields)) upload.append(k, v);
    upload.append('file', new Blob([new Uint8Array(SPOOFED_PDF)], { type: 'application/pdf' }), 'ktp.pdf');
    const s3 = await fetch(action, { method: 'POST', body: upload, redirect: 'manual' });
    expect(s3.status).toBe(303);
    const confirm = new URL(s3.headers.get('location') ?? '');
    const res = await call('GET', pathOf(confirm), { headers: HTML });
    expect(res.status).toBe(303);
    const location = res.headers.get('location') ?? '';
    expect(location).toMatch(/\/receipt\?secret=.*&error=invalid_file&requirement=/);
    const id = await call('GET', location, { headers: { ...HTML, 'accept-language': 'id' } });
    expect(id.text).toContain('Berkas ditolak');
    const en = await call('GET', location.replace('lang=id', 'lang=en'), { headers: HTML });
    expect(en.text).toContain('File refused');
  });

  it('API clients still get JSON from both confirm routes', async () => {
    const { forms } = await fileByForm('Klien API');
    const url = confirmUrl(forms[0]?.fields ?? {});
    url.searchParams.set('secret', 'wrong');
    const get = await call('GET', pathOf(url), { headers: { accept: 'application/json' } });
    expect(get.status).toBe(403);
    expect(get.data).toEqual({ error: { code: 'forbidden', message: expect.any(String) } });
    const post = await call('POST', url.pathname, { headers: { 'x-request-secret': 'wrong' } });
    expect(post.status).toBe(403);
    expect(post.data.error.code).toBe('forbidden');
  });
});

describe('GET receipt with a link that does not open it answers a page fit for it', () => {
  it('a wrong or missing secret, an unknown request, a malformed id: "this receipt link is not valid", the way to the tracking form, never "go back to the form"', async () => {
    const { receiptUrl } = await fileByForm('Tautan Tanda Terima');
    const url = new URL(receiptUrl, runtime.apiUrl);

    url.searchParams.set('secret', 'not-the-secret');
    const wrong = await call('GET', pathOf(url), { headers: { ...HTML, 'accept-language': 'id' } });
    const { link } = expectPage(wrong, 403, 'id');
    expect(wrong.text).toContain('Tautan tanda terima ini tidak berlaku');
    expect(wrong.text).toContain('Kode rahasia permohonan salah atau tidak ada.');
    expect(wrong.text).not.toContain('Tekan tombol Kembali');
    expect(wrong.text).not.toContain('not-the-secret');
    expect(link.label).toBe('Lacak permohonan dengan kode pelacakan');
    expect(link.href).toMatch(/\/track\?lang=id$/);

    url.searchParams.delete('secret');
    url.searchParams.set('lang', 'en');
    const missing = await call('GET', pathOf(url), { headers: HTML });
    expect(expectPage(missing, 403, 'en').link.label).toBe('Track the request with its tracking code');
    expect(missing.text).toContain('This receipt link is not valid');
    expect(missing.text).not.toContain('Back button');

    const id = url.pathname.split('/')[2] ?? '';
    const unknown = new URL(url);
    unknown.pathname = url.pathname.replace(id, otherId(id));
    expectPage(await call('GET', pathOf(unknown), { headers: HTML }), 404, 'en');
    const malformed = new URL(url);
    malformed.pathname = url.pathname.replace(id, 'kurang');
    const bad = await call('GET', pathOf(malformed), { headers: HTML });
    expectPage(bad, 400, 'en');
    expect(bad.text).toContain('This receipt link is not valid');

    // API clients still get JSON
    const json = await call('GET', pathOf(url), { headers: { accept: 'application/json' } });
    expect(json.status).toBe(403);
    expect(json.data.error.code).toBe('forbidden');
  });
});
