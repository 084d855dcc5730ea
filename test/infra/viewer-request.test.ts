import { describe, expect, it } from 'vitest';
import { viewerRequestCode } from '../../infra/cloudfront/render';

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

/** The function's own code, as deployed, evaluated the way CloudFront calls it: `handler(event)`. */
function viewerRequest(
  config = { canonicalHost: domain, aliases: { 'tamansari.desa.id': 'tamansari-licin' } },
) {
  const run = new Function('event', `${viewerRequestCode(config)}\nreturn handler(event);`) as (
    event: unknown,
  ) => CfRequest | CfResponse;
  return (uri: string, host = domain, querystring: CfRequest['querystring'] = {}) =>
    run({
      version: '1.0',
      context: { eventType: 'viewer-request' },
      request: { method: 'GET', uri, headers: { host: { value: host } }, querystring, cookies: {} },
    });
}

describe('the viewer-request CloudFront Function', () => {
  const handle = viewerRequest();

  it('serves a directory URL from its index.html', () => {
    expect(handle('/tamansari-licin/layanan/')).toMatchObject({ uri: '/tamansari-licin/layanan/index.html' });
    expect(handle('/tamansari-licin/')).toMatchObject({ uri: '/tamansari-licin/index.html' });
    expect(handle('/')).toMatchObject({ uri: '/index.html' });
  });

  it('redirects a village path without its trailing slash to the directory', () => {
    expect(handle('/tamansari-licin')).toMatchObject({
      statusCode: 301,
      headers: { location: { value: '/tamansari-licin/' } },
    });
    expect(handle('/tamansari-licin/layanan', domain, { lang: { value: 'en' } })).toMatchObject({
      statusCode: 301,
      headers: { location: { value: '/tamansari-licin/layanan/?lang=en' } },
    });
  });

  it('leaves files alone', () => {
    expect(handle('/_astro/page.3f9a1c.css')).toMatchObject({ uri: '/_astro/page.3f9a1c.css' });
    expect(handle('/tamansari-licin/logo.png')).toMatchObject({ uri: '/tamansari-licin/logo.png' });
  });

  it("redirects a village's own host name to its canonical path", () => {
    expect(handle('/', 'tamansari.desa.id')).toMatchObject({
      statusCode: 301,
      headers: { location: { value: `https://${domain}/tamansari-licin/` } },
    });
    expect(handle('/layanan/', 'Tamansari.Desa.ID')).toMatchObject({
      statusCode: 301,
      headers: { location: { value: `https://${domain}/tamansari-licin/layanan/` } },
    });
  });

  it('does not redirect hosts it does not know, nor aliases when there is no canonical domain', () => {
    expect(handle('/tamansari-licin/', 'd111111abcdef8.cloudfront.net')).toMatchObject({
      uri: '/tamansari-licin/index.html',
    });
    const noDomain = viewerRequest({
      canonicalHost: '',
      aliases: { 'tamansari.desa.id': 'tamansari-licin' },
    });
    expect(noDomain('/', 'tamansari.desa.id')).toMatchObject({ uri: '/index.html' });
  });

  it('fits in the 10 KB CloudFront allows', () => {
    expect(Buffer.byteLength(viewerRequestCode({ canonicalHost: domain, aliases: {} }))).toBeLessThan(10_240);
  });
});
