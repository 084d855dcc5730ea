/**
 * The village content schemas admit only numbers the table can store. Found by the route fuzzer
 * (issue 13): `PUT /villages/{code}/apbdes/{year}` with `"budget": 5e-324` passed `nonnegative()` and
 * then failed DynamoDB's write (numbers are 0 or 1e-130 … <1e126 in magnitude) with a 500.
 */
import { describe, expect, it } from 'vitest';
import { ApbdesBody, ProfileBody } from '../../../functions/villages/schemas';

const name = { id: 'Jalan', en: 'Roads' };
const apbdes = (budget: number, income = 1_000) => ({
  income,
  sectors: [{ code: 'a', name, budget, realisation: 1 }],
});

describe('numbers the table cannot store are a 400, not a failed write', () => {
  it('APBDes amounts: tiny magnitudes are refused with the field named', () => {
    for (const tiny of [5e-324, 1.6e-281, 1e-131]) {
      const budget = ApbdesBody.safeParse(apbdes(tiny));
      expect(budget.success, String(tiny)).toBe(false);
      expect(budget.error?.issues[0]?.path).toEqual(['sectors', 0, 'budget']);
      expect(ApbdesBody.safeParse(apbdes(1, tiny)).success).toBe(false);
    }
  });

  it('APBDes amounts: zero, rupiah and sen, and the largest allowed pass', () => {
    for (const ok of [0, 1, 0.5, 1e-7, 1e-130, 1_250_000_000.75, 1e13])
      expect(ApbdesBody.safeParse(apbdes(ok, ok)).success, String(ok)).toBe(true);
  });

  it('profile: a location or area outside what the table stores is refused', () => {
    expect(ProfileBody.safeParse({ location: { lat: 5e-324, lng: 114.2 } }).success).toBe(false);
    expect(ProfileBody.safeParse({ location: { lat: -8.2, lng: -1e-200 } }).success).toBe(false);
    expect(ProfileBody.safeParse({ areaKm2: 1e300 }).success).toBe(false);
    expect(ProfileBody.safeParse({ location: { lat: 0, lng: 0 }, areaKm2: 12.5 }).success).toBe(true);
    expect(ProfileBody.safeParse({ location: { lat: -8.1963, lng: 114.2317 } }).success).toBe(true);
  });
});
