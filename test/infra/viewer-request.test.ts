import { describe, expect, it } from 'vitest';
import { aliasStoreData, aliasStoreName, KVS_IMPORT, viewerRequestCode } from '../../infra/cloudfront/render';

interface CfRequest {
  uri: string;
  headers: Record<string, { value: string }>;
  querystring: Record<string, { value: string; multiValue?: { value: string }[] }>;
}
interface CfResponse {
  statusCode: number;
  headers: Record<string, { value: string }>;
}

const domain = 'desa.banyuwangikab.go.id';
const tamansari = { 'tamansari.desa.id': 'tamansari-licin' };

/**
 * A stand-in for CloudFront's `cloudfront` module: `cf.kvs()` over the deployment's import file
 * (`aliasStoreData`, exactly what the KeyValueStore is created from). Like the real store, `get` of an
 * unknown key rejects. It records the keys read, so tests can check when the store is consulted.
 */
function kvsStandIn(aliases: Record<string, string>) {
  const { data } = JSON.parse(aliasStoreData(aliases)) as { data: { key: string; value: string }[] };
  const store = new Map(data.map(({ key, value }) => [key, value]));
  const reads: string[] = [];
  const cf = {
    kvs: () => ({
      get: async (key: string) => {
        reads.push(key);
        const value = store.get(key);
        if (value === undefined) throw new Error(`KeyNotFound: ${key}`);
        return value;
      },
    }),
  };
  return { cf, reads };
}

/**
 * The function's own code, as deployed, evaluated the way CloudFront calls it: `await handler(event)`,
 * with the `cloudfront` import replaced by the KeyValueStore stand-in above.
 */
function viewerRequest(canonicalHost = domain, aliases: Record<string, string> = tamansari) {
  const code = viewerRequestCode({ canonicalHost });
  expect(code.startsWith(KVS_IMPORT)).toBe(true);
  const { cf, reads } = kvsStandIn(aliases);
  const run = new Function('cf', 'event', `${code.replace(KVS_IMPORT, '')}\nreturn handler(event);`) as (
    cf: unknown,
    event: unknown,
  ) => Promise<CfRequest | CfResponse>;
  const handle = (uri: string, host = domain, querystring: CfRequest['querystring'] = {}) =>
    run(cf, {
      version: '1.0',
      context: { eventType: 'viewer-request' },
      request: { method: 'GET', uri, headers: { host: { value: host } }, querystring, cookies: {} },
    });
  return Object.assign(handle, { reads });
}

describe('the viewer-request CloudFront Function (alias map from a KeyValueStore stand-in)', () => {
  const handle = viewerRequest();

  it('serves a directory URL from its index.html', async () => {
    expect(await handle('/tamansari-licin/layanan/')).toMatchObject({
      uri: '/tamansari-licin/layanan/index.html',
    });
    expect(await handle('/tamansari-licin/')).toMatchObject({ uri: '/tamansari-licin/index.html' });
    expect(await handle('/')).toMatchObject({ uri: '/index.html' });
  });

  it('redirects a village path without its trailing slash to the directory', async () => {
    expect(await handle('/tamansari-licin')).toMatchObject({
      statusCode: 301,
      headers: { location: { value: '/tamansari-licin/' } },
    });
    expect(await handle('/tamansari-licin/layanan', domain, { lang: { value: 'en' } })).toMatchObject({
      statusCode: 301,
      headers: { location: { value: '/tamansari-licin/layanan/?lang=en' } },
    });
  });

  it('never redirects to another host: leading slashes and backslashes fold into one (no open redirect)', async () => {
    for (const uri of ['//evil%2ecom', '/\\evil%2ecom', '//1572395042', '///evil.com/x', '/\\/evil%2ecom']) {
      const answer = (await handle(uri)) as CfResponse;
      expect(answer.statusCode, uri).toBe(301);
      const location = answer.headers?.location?.value ?? '';
      expect(location, uri).toMatch(/^\/[^/\\]/);
      expect(new URL(location, `https://${domain}/a/b`).host, uri).toBe(domain);
    }
  });

  it('leaves files alone', async () => {
    expect(await handle('/_astro/page.3f9a1c.css')).toMatchObject({ uri: '/_astro/page.3f9a1c.css' });
    expect(await handle('/tamansari-licin/logo.png')).toMatchObject({ uri: '/tamansari-licin/logo.png' });
  });

  it("redirects a village's own host name to its canonical path (slug read from the store)", async () => {
    expect(await handle('/', 'tamansari.desa.id')).toMatchObject({
      statusCode: 301,
      headers: { location: { value: `https://${domain}/tamansari-licin/` } },
    });
    expect(await handle('/layanan/', 'Tamansari.Desa.ID')).toMatchObject({
      statusCode: 301,
      headers: { location: { value: `https://${domain}/tamansari-licin/layanan/` } },
    });
  });

  it('does not redirect hosts the store does not know, nor aliases when there is no canonical domain', async () => {
    expect(await handle('/tamansari-licin/', 'd111111abcdef8.cloudfront.net')).toMatchObject({
      uri: '/tamansari-licin/index.html',
    });
    const noDomain = viewerRequest('');
    expect(await noDomain('/', 'tamansari.desa.id')).toMatchObject({ uri: '/index.html' });
    expect(noDomain.reads).toEqual([]);
  });

  it("never reads the store for the site's own host", async () => {
    const own = viewerRequest();
    await own('/tamansari-licin/');
    await own('/', domain.toUpperCase());
    expect(own.reads).toEqual([]);
  });

  it('fits in the 10 KB CloudFront allows, whatever the number of aliases', () => {
    expect(Buffer.byteLength(viewerRequestCode({ canonicalHost: domain }))).toBeLessThan(10_240);
  });

  it('names the store by its content (an import applies only when a store is created)', () => {
    const many = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`desa${i}.desa.id`, `desa-${i}`]));
    expect(aliasStoreName('SmartKampung-3510', tamansari)).toBe(
      aliasStoreName('SmartKampung-3510', tamansari),
    );
    expect(aliasStoreName('SmartKampung-3510', many)).not.toBe(
      aliasStoreName('SmartKampung-3510', tamansari),
    );
    expect(aliasStoreName('SmartKampung-3510', many)).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(JSON.parse(aliasStoreData({ 'Tamansari.Desa.ID': 'tamansari-licin' }))).toEqual({
      data: [{ key: 'tamansari.desa.id', value: 'tamansari-licin' }],
    });
  });
});
