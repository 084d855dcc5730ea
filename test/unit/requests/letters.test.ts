import { describe, expect, it } from 'vitest';
import { letterTemplate } from '../../../functions/catalogue/letter-templates';
import { DEFAULT_CATALOGUE } from '../../../functions/catalogue/regency-defaults';
import {
  letterCounterName,
  letterNumber,
  maskName,
  registerYear,
  romanMonth,
  tanggal,
} from '../../../functions/requests/domain/letters';

const PATTERN = '[klasifikasi]/[urut]/[kode desa]/[bulan romawi]/[tahun]';

describe('letter numbers', () => {
  it('follow the default pattern, month and year in WIB', () => {
    const at = new Date('2026-12-31T17:30:00Z'); // 1 January 2027, 00:30 WIB
    expect(
      letterNumber({
        pattern: PATTERN,
        classification: '400.9.4',
        sequence: 7,
        officeCode: '35.10.24.2008',
        at,
      }),
    ).toBe('400.9.4/0007/35.10.24.2008/I/2027');
    expect(registerYear(at)).toBe('2027');
    expect(romanMonth(4)).toBe('IV');
    expect(romanMonth(12)).toBe('XII');
    expect(() => romanMonth(13)).toThrow();
  });

  it('counters are per office and year: the village keeps its old counter, the kecamatan has its own', () => {
    expect(letterCounterName({ level: 'desa', code: '35.10.24.2008' }, '2026')).toBe(
      'letter#35.10.24.2008#2026',
    );
    expect(letterCounterName({ level: 'kecamatan', code: '35.10.24' }, '2026')).toBe(
      'letter#kecamatan#35.10.24#2026',
    );
  });

  it('mask a holder name word by word, and write dates as Indonesian letters do', () => {
    expect(maskName('Siti Aminah')).toBe('S*** A*****');
    expect(maskName('  Budi ')).toBe('B***');
    expect(maskName('A B')).toBe('A* B*');
    expect(tanggal('2026-12-08T02:00:00Z')).toBe('8 Desember 2026');
    expect(tanggal('2026-12-08T02:00:00Z', 6)).toBe('8 Juni 2027');
  });
});

describe('letter templates', () => {
  it('every default service has one, with a classification code, and its answers are its own fields', () => {
    for (const service of DEFAULT_CATALOGUE) {
      const t = letterTemplate(service);
      expect(t.classification, service.code).toMatch(/^\d{3}(\.\d{1,3}){0,3}$/);
      const codes = new Set(service.fields.map((f) => f.code));
      for (const code of t.answers) expect(codes.has(code), `${service.code}.${code}`).toBe(true);
      if (t.purpose) expect(codes.has(t.purpose), `${service.code} purpose`).toBe(true);
    }
  });

  it("a village's wording replaces the default's parts it gives", () => {
    const sku = DEFAULT_CATALOGUE.find((s) => s.code === 'sku');
    if (!sku) throw new Error('no sku');
    const own = letterTemplate({
      ...sku,
      letter: { title: 'SURAT KETERANGAN BERUSAHA', validityMonths: 12 },
    });
    expect(own).toMatchObject({
      title: 'SURAT KETERANGAN BERUSAHA',
      validityMonths: 12,
      classification: '500.13.2',
    });
  });
});
