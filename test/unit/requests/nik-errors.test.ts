/**
 * A NIK naming no real regency is refused like any bad field: 400 with a structured field error on
 * `applicant.nik`, in Indonesian or English by Accept-Language. Driven through the real endpoint
 * chain (lib/http.ts) with the real submit body schema, as the submit handler validates.
 */
import type { APIGatewayProxyEventV2WithJWTAuthorizer, Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { contract } from '../../../functions/lib/contract';
import { endpoint, json } from '../../../functions/lib/http';
import { SubmitBody } from '../../../functions/requests/schemas';

const submit = endpoint(contract({ route: 'requests.submit', body: SubmitBody }), async () =>
  json(201, { ok: true }),
);

async function post(nik: string, acceptLanguage: string) {
  const event = {
    version: '2.0',
    routeKey: 'POST /villages/{code}/requests',
    rawPath: '/villages/35.10.24.2008/requests',
    rawQueryString: '',
    headers: { 'content-type': 'application/json', 'accept-language': acceptLanguage },
    pathParameters: { code: '35.10.24.2008' },
    body: JSON.stringify({ serviceCode: 'sku', applicant: { name: 'Siti Aminah', nik }, fields: {} }),
    isBase64Encoded: false,
    requestContext: { requestId: 'unit', http: { method: 'POST', sourceIp: '127.0.0.1' } },
  } as unknown as APIGatewayProxyEventV2WithJWTAuthorizer;
  const res = await submit(event, {} as Context);
  return { status: res.statusCode, body: JSON.parse(res.body ?? 'null') };
}

describe('a NIK with a made-up regency', () => {
  it.each([
    ['id', 'enam angka pertama NIK (kode wilayah) tidak dikenal; salin NIK persis seperti di KTP atau KK'],
    [
      'en',
      'the first six NIK digits (the region code) are unknown; copy the NIK exactly as on the ID or family card',
    ],
  ])('gets 400 with a field error on applicant.nik (%s)', async (lang, message) => {
    const res = await post('3599241505900001', lang);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    expect(res.body.error.fields).toEqual([{ path: 'applicant.nik', message }]);
  });

  it('while a real one of another regency passes validation (Kota Batu, 35.79)', async () => {
    const res = await post('3579011505900001', 'en');
    expect(res.status).toBe(201);
  });
});
