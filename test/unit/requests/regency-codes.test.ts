/**
 * The generated regency-code module (functions/requests/domain/regency-codes.ts) holds exactly the
 * regencies and cities of the installed idn-area-data: an upgrade of the package, or a hand edit of
 * the module, fails here until `npx tsx scripts/regency-codes.ts` is run again.
 */
import { readFileSync } from 'node:fs';
import { getRegencies } from 'idn-area-data';
import { describe, expect, it } from 'vitest';
import { decodeRegencyCodes, PROVINCE_CODES, REGENCIES } from '../../../functions/requests/domain/nik';
import { REGENCY_CODES } from '../../../functions/requests/domain/regency-codes';
import { encodeRegencyCodes, renderRegencyCodesModule, TARGET } from '../../../scripts/regency-codes';

describe('regency codes for the NIK check', () => {
  it('are exactly the regencies and cities of idn-area-data', async () => {
    const expected = (await getRegencies()).map((r) => r.code.replace('.', ''));
    expect(expected.length).toBeGreaterThan(500);
    expect([...REGENCIES].sort()).toEqual([...new Set(expected)].sort());
  });

  it('the committed module is what the script generates now (same data, same package version)', async () => {
    expect(readFileSync(TARGET, 'utf8')).toBe(await renderRegencyCodesModule());
  });

  it('stay small: the module is one compact string', () => {
    expect(Buffer.byteLength(readFileSync(TARGET, 'utf8'))).toBeLessThan(1500);
    expect(REGENCY_CODES.length).toBeLessThan(1000);
  });

  it('every regency lies in a known province', () => {
    for (const code of REGENCIES) expect(PROVINCE_CODES, code).toContain(code.slice(0, 2));
  });

  it('encode and decode are inverse, with ranges and gaps', () => {
    const codes = ['35.01', '35.02', '35.03', '35.71', '73.22', '73.24', '73.26', '11.01'];
    const encoded = encodeRegencyCodes(codes);
    expect(encoded).toBe('11:01 35:01-03,71 73:22,24,26');
    expect([...decodeRegencyCodes(encoded)].sort()).toEqual(codes.map((c) => c.replace('.', '')).sort());
  });
});
