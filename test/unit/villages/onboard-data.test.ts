import { beforeAll, describe, expect, it } from 'vitest';
import {
  displayName,
  type RegencyVillages,
  regencyVillages,
  slugify,
  villageKind,
} from '../../../functions/villages/onboard-data';

describe('regencyVillages for Banyuwangi (35.10)', () => {
  let data: RegencyVillages;
  beforeAll(async () => {
    data = await regencyVillages('35.10');
  });

  it('Banyuwangi has 217 villages in 25 kecamatan: 189 desa and 28 kelurahan', () => {
    expect(data.regency).toEqual({ code: '35.10', name: 'Kabupaten Banyuwangi' });
    expect(data.kecamatan).toHaveLength(25);
    expect(data.villages).toHaveLength(217);
    expect(data.villages.filter((v) => v.kind === 'desa')).toHaveLength(189);
    expect(data.villages.filter((v) => v.kind === 'kelurahan')).toHaveLength(28);
  });

  it('35.10.24.2008 is the desa Tamansari in Licin with slug tamansari-licin', () => {
    expect(data.villages.find((v) => v.code === '35.10.24.2008')).toEqual({
      code: '35.10.24.2008',
      name: 'Tamansari',
      kecamatanCode: '35.10.24',
      kecamatanName: 'Licin',
      regencyCode: '35.10',
      kind: 'desa',
      slug: 'tamansari-licin',
    });
  });

  it('Kemiren is a desa in Glagah with slug kemiren-glagah', () => {
    expect(data.villages.find((v) => v.name === 'Kemiren')).toMatchObject({
      kecamatanName: 'Glagah',
      kind: 'desa',
      slug: 'kemiren-glagah',
    });
  });

  it('all village slugs are unique, lower-case and hyphenated', () => {
    const slugs = data.villages.map((v) => v.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)+$/);
    expect(data.kecamatan.find((k) => k.code === '35.10.24')).toEqual({
      code: '35.10.24',
      name: 'Licin',
      slug: 'licin',
    });
  });

  it('at least three village names repeat across kecamatan, so names alone are not identifiers', () => {
    const counts = new Map<string, number>();
    for (const v of data.villages) counts.set(v.name, (counts.get(v.name) ?? 0) + 1);
    const repeated = [...counts].filter(([, n]) => n > 1).map(([name]) => name);
    expect(repeated.length).toBeGreaterThanOrEqual(3);
    expect(repeated).toEqual(expect.arrayContaining(['Tamansari', 'Karangrejo', 'Watukebo']));
  });

  it('every village belongs to one of the listed kecamatan and the regency', () => {
    const kec = new Map(data.kecamatan.map((k) => [k.code, k.name]));
    for (const v of data.villages) {
      expect(kec.get(v.kecamatanCode)).toBe(v.kecamatanName);
      expect(v.code.startsWith(`${v.kecamatanCode}.`)).toBe(true);
      expect(v.regencyCode).toBe('35.10');
    }
  });
});

describe('regencyVillages errors', () => {
  it('an unknown regency code is refused with a clear error', async () => {
    await expect(regencyVillages('35.99')).rejects.toThrow(/unknown regency code 35\.99/);
  });

  it('a malformed regency code is refused before reading the data', async () => {
    await expect(regencyVillages('3510')).rejects.toThrow(/must look like "35\.10"/);
  });
});

describe('villageKind', () => {
  it('1xxx is a kelurahan, 2xxx a desa and 3xxx (desa adat) a desa', () => {
    expect(villageKind('35.10.16.1001')).toBe('kelurahan');
    expect(villageKind('35.10.24.2008')).toBe('desa');
    expect(villageKind('91.03.01.3007')).toBe('desa');
    expect(() => villageKind('35.10.24')).toThrow();
  });
});

describe('displayName', () => {
  it('upper- and lower-case names become Title Case', () => {
    expect(displayName('TAMANSARI')).toBe('Tamansari');
    expect(displayName('kemiren')).toBe('Kemiren');
    expect(displayName('KABUPATEN  BANYUWANGI')).toBe('Kabupaten Banyuwangi');
    expect(displayName('SUMBER SARI II')).toBe('Sumber Sari II');
  });

  it('mixed-case names keep their spelling and get capital initials', () => {
    expect(displayName('Mesjid baro')).toBe('Mesjid Baro');
    expect(displayName('Lumban Sitio-tio')).toBe('Lumban Sitio-tio');
    expect(displayName("Pasi Kuala Ba'u")).toBe("Pasi Kuala Ba'u");
    expect(displayName('Pulo Ie I')).toBe('Pulo Ie I');
  });

  it('a short all-caps name is kept as an acronym', () => {
    expect(displayName('MKCM')).toBe('MKCM');
  });
});

describe('slugify', () => {
  it('collapses everything that is not a letter or digit into single hyphens', () => {
    expect(slugify('Lubuk Pakam I,II')).toBe('lubuk-pakam-i-ii');
    expect(slugify('Soka"an')).toBe('soka-an');
    expect(slugify("  Pasi Kuala Ba'u ")).toBe('pasi-kuala-ba-u');
    expect(slugify('Désa Ñ')).toBe('desa-n');
  });
});
