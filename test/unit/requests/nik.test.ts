import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checkNik,
  isKnownRegency,
  maskNik,
  PROVINCE_CODES,
  REGENCIES,
  RENUMBERED_PROVINCES,
} from '../../../functions/requests/domain/nik';

const now = new Date('2026-06-01T00:00:00Z');

describe('checkNik', () => {
  it('a NIK from Licin, Banyuwangi of a man born 15 May 1990 is valid', () => {
    expect(checkNik('3510241505900001', now)).toEqual({
      ok: true,
      regionCode: '35.10.24',
      birthDate: '1990-05-15',
      sex: 'M',
    });
  });

  it('a birth day above 40 marks a woman and is read as day minus 40', () => {
    expect(checkNik('3510245505900002', now)).toMatchObject({ ok: true, birthDate: '1990-05-15', sex: 'F' });
    expect(checkNik('3510247112850003', now)).toMatchObject({ ok: true, birthDate: '1985-12-31', sex: 'F' });
  });

  it('a two-digit year is the most recent one not in the future', () => {
    expect(checkNik('3510240101200001', now)).toMatchObject({ birthDate: '2020-01-01' });
    expect(checkNik('3510240105260001', now)).toMatchObject({ birthDate: '2026-05-01' });
    expect(checkNik('3510240112260001', now)).toMatchObject({ birthDate: '1926-12-01' });
    expect(checkNik('3510240101270001', now)).toMatchObject({ birthDate: '1927-01-01' });
  });

  it.each([
    ['351024150590000', '15 digits'],
    ['35102415059000011', '17 digits'],
    ['35102415059O0001', 'a letter O'],
    ['3510 24150590001', 'a space'],
    ['3510241505900000', 'serial 0000'],
  ])('%s is rejected for its format (%s)', (nik) => {
    expect(checkNik(nik, now)).toEqual({ ok: false, reason: 'format' });
  });

  it.each([
    ['1010241505900001', 'province 10 does not exist'],
    ['9910241505900001', 'province 99 does not exist'],
    ['3500241505900001', 'regency 00'],
    ['3510001505900001', 'kecamatan 00'],
    ['3599011505900001', 'Jawa Timur has no regency 35.99'],
    ['3530011505900001', 'nor 35.30 (its kabupaten end at 35.29)'],
    ['3580011505900001', 'nor 35.80 (its kota end at 35.79)'],
    ['3102011505900001', 'Jakarta has one kabupaten, 31.01'],
    ['7319011505900001', 'Sulawesi Selatan has no 73.19 (its numbers skip to 73.22)'],
    ['9305011505900001', 'Papua Selatan (2022) has 93.01-93.04 only: no older NIK can carry 93'],
    ['9672011505900001', 'Papua Barat Daya has one kota, 96.71'],
  ])('%s is rejected for its region (%s)', (nik) => {
    expect(checkNik(nik, now)).toEqual({ ok: false, reason: 'region' });
  });

  it.each([
    ['3579011505900001', '35.79 Kota Batu'],
    ['3529011505900001', '35.29 Kabupaten Sumenep'],
    ['3101011505900001', '31.01 Kabupaten Kepulauan Seribu'],
    ['7326011505900001', '73.26 Kabupaten Toraja Utara'],
    ['6571011505900001', '65.71 Kota Tarakan'],
    ['9671011505900001', '96.71 Kota Sorong'],
  ])('%s names a real regency or city (%s)', (nik) => {
    expect(checkNik(nik, now)).toMatchObject({ ok: true });
  });

  it.each([
    ['6405011505900001', 'Bulungan was 64.05 until Kalimantan Utara (2012)'],
    ['9471011505900001', 'Kota Jayapura was 94.71 until the 2022 renumbering'],
    ['9101011505900001', 'Fakfak was 91.01 (Papua Barat) until 2022'],
    ['9201011505900001', 'Sorong was part of Papua Barat until Papua Barat Daya (2022)'],
  ])('%s: an older NIK of a province split since keeps its old code (%s)', (nik) => {
    expect(REGENCIES.has(nik.slice(0, 4))).toBe(false);
    expect(checkNik(nik, now)).toMatchObject({ ok: true });
  });

  it('only parents of provinces created after NIKs began skip the regency check', () => {
    // 65, 93, 95, 96 are new: nobody was registered under them before their own codes existed
    expect([...RENUMBERED_PROVINCES].sort()).toEqual(['64', '91', '92', '94']);
    expect(isKnownRegency('6499')).toBe(true);
    expect(isKnownRegency('6400')).toBe(false);
    expect(isKnownRegency('6599')).toBe(false);
    expect(isKnownRegency('3599')).toBe(false);
  });

  it.each([
    ['3510243102900001', '31 February'],
    ['3510240013900001', 'month 13'],
    ['3510240005900001', 'day 00'],
    ['3510244005900001', 'day 40 (female day 00)'],
    ['3510247205900001', 'day 72 (female day 32)'],
    ['3510243205900001', 'day 32'],
    ['3510242902010001', '29 February 2001'],
  ])('%s is rejected for its date (%s)', (nik) => {
    expect(checkNik(nik, now)).toEqual({ ok: false, reason: 'date' });
  });

  it('29 February of a leap year is a real birth date', () => {
    expect(checkNik('3510246902000001', now)).toMatchObject({ ok: true, birthDate: '2000-02-29', sex: 'F' });
  });
});

describe('PROVINCE_CODES', () => {
  it('matches the provinces of idn-area-data', () => {
    const csv = readFileSync('node_modules/idn-area-data/data/provinces.csv', 'utf8');
    const codes = csv
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',')[0]);
    expect([...PROVINCE_CODES]).toEqual(codes);
  });
});

describe('maskNik', () => {
  it('a NIK shown to the citizen keeps only the regency prefix and the serial', () => {
    expect(maskNik('3510241505900001')).toBe('3510********0001');
  });

  it('a malformed NIK is masked completely', () => {
    expect(maskNik('12345')).toBe('****************');
    expect(maskNik('')).toBe('****************');
  });
});
