/**
 * A stand-in for the sign-in endpoints and the JSON API, inside the browser (page.route): enough to
 * drive the workspace's screens signed in before the real ones (issue #15's other branches) are merged.
 * The ID token is unsigned (the app reads its claims, as OIDC lets a client do for a token it received
 * straight from the token endpoint; the API verifies signatures); its header says RS256, what
 * oauth4webapi expects.
 */
import type { Page, Route } from 'playwright-core';
import { API, ISSUER } from './workspace-browser';

export const VILLAGE = '35.10.24.2008';
const cors = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'authorization, content-type, idempotency-key',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
};
const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

export function idToken(claims: Record<string, unknown>): string {
  return `${b64({ alg: 'RS256', typ: 'JWT', kid: 'k' })}.${b64(claims)}.c2lnbmF0dXJl`;
}

export const OFFICER = {
  name: 'Sari Operator',
  'cognito:groups': ['village-officer'],
  'custom:village': VILLAGE,
  'custom:kecamatan': '35.10.24',
  'custom:regency': '35.10',
};

const service = {
  code: 'sku',
  name: { id: 'Surat Keterangan Usaha', en: 'Business certificate' },
  level: 'desa',
  duration: 'PT4H',
  requirements: [
    { code: 'ktp', name: { id: 'KTP', en: 'ID card' }, kind: 'document', required: true },
    { code: 'business_name', name: { id: 'Nama usaha', en: 'Business name' }, kind: 'field', required: true },
  ],
  fields: [
    {
      code: 'business_name',
      label: { id: 'Nama usaha', en: 'Business name' },
      datatype: 'string',
      required: true,
      order: 1,
    },
  ],
};

export const queueItem = (id: string, overdue: boolean, dueAt: string) => ({
  id,
  trackingCode: `SK-${id}`,
  villageCode: VILLAGE,
  service: { code: 'sku', name: service.name, level: 'desa' },
  applicantName: `Pemohon ${id}`,
  status: 'submitted',
  version: 1,
  createdAt: '2026-12-07T01:00:00Z',
  dueAt,
  overdue,
});

export function detail(status: string, version: number, allowedMoves: object[]) {
  return {
    ...queueItem('R1', false, '2099-01-01T01:00:00Z'),
    serviceCode: 'sku',
    serviceName: service.name,
    serviceLevel: 'desa',
    status,
    version,
    applicant: { name: '<b>Budi</b> & "Ani"', nik: '3510241201900001', whatsapp: '+6281234567890' },
    fields: { business_name: 'Warung <script>alert(1)</script>' },
    documents: [],
    documentsSeen: [{ requirement: 'ktp', byName: 'Sari Operator' }],
    history: [{ at: '2026-12-07T01:00:00Z', actor: 'citizen', role: 'citizen', from: null, to: 'submitted' }],
    allowedMoves,
  };
}

export type Handler = (
  method: string,
  path: string,
  body: unknown,
) => { status?: number; json: unknown } | undefined;

/** Sign-in endpoints that sign `claims` in, and an API answered by `handle` (404 when it returns nothing). */
export async function fakeBackend(
  page: Page,
  claims: Record<string, unknown>,
  handle: Handler,
): Promise<string[]> {
  const calls: string[] = [];
  let nonce = '';
  // the sign-in endpoints live under the API's origin locally: the route added last is asked first
  await page.route(`${API}/**`, async (route: Route) => {
    const request = route.request();
    if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
    const url = new URL(request.url());
    const path = url.pathname + url.search;
    calls.push(`${request.method()} ${path} ${request.headers().authorization ? 'bearer' : 'anonymous'}`);
    if (url.pathname.endsWith('/services')) return json(route, 200, { items: [service], cursor: null });
    const answer = handle(request.method(), path, request.postDataJSON());
    return json(route, answer?.status ?? (answer ? 200 : 404), answer?.json ?? { error: 'not_found' });
  });
  await page.route(`${ISSUER}/**`, async (route: Route) => {
    const url = new URL(route.request().url());
    if (url.pathname.endsWith('/oauth2/authorize')) {
      nonce = url.searchParams.get('nonce') ?? '';
      const back = new URL(url.searchParams.get('redirect_uri') ?? '');
      back.search = new URLSearchParams({
        code: 'c0de',
        state: url.searchParams.get('state') ?? '',
      }).toString();
      return route.fulfill({ status: 302, headers: { location: back.href } });
    }
    if (route.request().method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
    if (url.pathname.endsWith('/oauth2/token')) {
      const now = Math.floor(Date.now() / 1000);
      const token = idToken({
        iss: ISSUER,
        aud: 'workspace',
        sub: 'u1',
        iat: now,
        exp: now + 3600,
        nonce,
        ...claims,
      });
      return route.fulfill({
        status: 200,
        headers: cors,
        contentType: 'application/json',
        body: JSON.stringify({
          id_token: token,
          access_token: 'a',
          refresh_token: 'r',
          token_type: 'Bearer',
          expires_in: 3600,
        }),
      });
    }
    return route.fulfill({ status: 200, headers: cors, body: '' });
  });
  return calls;
}

const json = (route: Route, status: number, body: unknown) =>
  route.fulfill({ status, headers: cors, contentType: 'application/json', body: JSON.stringify(body) });
