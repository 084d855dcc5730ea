/**
 * A kecamatan-level letter (pindah, issue 16): approved by the camat, numbered in the kecamatan's
 * register with the kecamatan's code, signed in the camat's block. And the verification's rate limit
 * (a small budget for this file's runtime: RATE_LIMIT_VERIFY is read when the runtime starts).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { downloadLetter, pdfText } from '../support/letters';
import {
  call,
  officerToken,
  pindahService,
  requiredAnswers,
  runtime,
  uploadRequired,
  useRequestsRuntime,
} from '../support/requests';
import { NIK, signIn, TAMANSARI } from '../support/runtime';

const VERIFY_LIMIT = 5;
const before = process.env.RATE_LIMIT_VERIFY;
process.env.RATE_LIMIT_VERIFY = String(VERIFY_LIMIT);
afterAll(() => {
  if (before === undefined) delete process.env.RATE_LIMIT_VERIFY;
  else process.env.RATE_LIMIT_VERIFY = before;
});
useRequestsRuntime();

describe('a kecamatan-level letter', () => {
  it("is numbered in the kecamatan's register and signed by the camat", async () => {
    const officer = await officerToken();
    const camat = await signIn(runtime.apiUrl, 'camat@licin');
    const pindah = await pindahService();
    const submitted = await call('POST', `/villages/${TAMANSARI}/requests`, {
      json: {
        serviceCode: 'pindah',
        applicant: { name: 'Joko Susilo', nik: NIK },
        fields: requiredAnswers(pindah),
      },
    });
    const { id, secret } = submitted.data;
    const required = pindah.requirements
      .filter((r: { kind: string; required: boolean }) => r.kind === 'document' && r.required)
      .map((r: { code: string }) => r.code);
    await uploadRequired(id, secret, required);
    let version = 2;
    for (const [to, token] of [
      ['in_review', officer],
      ['forwarded', officer],
      ['approved', camat],
      ['completed', officer],
    ] as const) {
      const res = await call('POST', `/requests/${id}/transitions`, { token, json: { to, version } });
      expect(res.status, res.text).toBe(200);
      version = res.data.version;
      if (to === 'completed')
        expect(res.data.letterNumber).toMatch(/^400\.12\.2\.3\/\d{4}\/35\.10\.24\/[IVX]+\/\d{4}$/);
    }
    const text = pdfText(await downloadLetter(id, secret));
    expect(text).toContain('SURAT KETERANGAN PINDAH');
    expect(text).toContain('Camat Licin');
    expect(text).toContain('Bambang Hermanto');
    expect(text).toContain('Joko Susilo');
    // the camat's office downloads it too
    expect((await call('GET', `/requests/${id}/letter`, { token: camat })).status).toBe(200);
  });
});

describe('verification look-ups', () => {
  it('are limited per address, found or not: 429 with Retry-After past the budget', async () => {
    for (let i = 0; i < VERIFY_LIMIT; i++)
      expect((await call('GET', `/verifikasi/${'ab'.repeat(16)}`)).status).toBe(404);
    const refused = await call('GET', `/verifikasi/${'cd'.repeat(16)}`);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
