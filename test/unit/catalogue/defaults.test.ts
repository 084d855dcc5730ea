import { describe, expect, it } from 'vitest';
import { parseIsoDuration } from '../../../functions/calendar/due';
import {
  DOCUMENT_MIME_TYPES,
  mergeCatalogue,
  type Service,
  ServiceSchema,
} from '../../../functions/catalogue/defaults';
import { DEFAULT_CATALOGUE } from '../../../functions/catalogue/regency-defaults';

const byCode = (catalogue: Service[], code: string) => catalogue.find((s) => s.code === code) as Service;

describe('DEFAULT_CATALOGUE', () => {
  it('offers the seven letters villagers ask for', () => {
    expect(DEFAULT_CATALOGUE.map((s) => s.code)).toEqual([
      'sku',
      'sktm',
      'domisili',
      'pindah',
      'kelahiran',
      'kematian',
      'ktp-kk',
    ]);
  });

  it('every default service passes the schema', () => {
    for (const s of DEFAULT_CATALOGUE) expect(ServiceSchema.safeParse(s).success).toBe(true);
  });

  it('only the relocation letter needs the camat, everything else is signed in the village', () => {
    expect(DEFAULT_CATALOGUE.filter((s) => s.level === 'kecamatan').map((s) => s.code)).toEqual(['pindah']);
  });

  it('village-level letters are promised within four office hours and all services are free', () => {
    for (const s of DEFAULT_CATALOGUE) {
      expect(s.cost).toBe(0);
      const d = parseIsoDuration(s.duration);
      if (s.level === 'desa') expect(d).toEqual({ days: 0, minutes: 240 });
    }
  });

  it('every service asks for one to three required documents, each accepting PDF and images', () => {
    for (const s of DEFAULT_CATALOGUE) {
      const docs = s.requirements.filter((r) => r.kind === 'document');
      const required = docs.filter((r) => r.required);
      expect(required.length, s.code).toBeGreaterThanOrEqual(1);
      expect(required.length, s.code).toBeLessThanOrEqual(3);
      for (const d of docs) expect(d.accept).toEqual([...DOCUMENT_MIME_TYPES]);
    }
  });

  it('every field requirement has a form field of the same code and the same required flag', () => {
    for (const s of DEFAULT_CATALOGUE) {
      for (const r of s.requirements.filter((x) => x.kind === 'field')) {
        const f = s.fields.find((x) => x.code === r.code);
        expect(f, `${s.code}.${r.code}`).toBeDefined();
        expect(f?.required).toBe(r.required);
      }
    }
  });

  it('the business certificate asks for the business name, type, address and years in business', () => {
    const sku = byCode(DEFAULT_CATALOGUE, 'sku');
    expect(sku.fields.map((f) => f.code)).toEqual(
      expect.arrayContaining(['nama_usaha', 'jenis_usaha', 'alamat_usaha', 'lama_usaha']),
    );
    expect(sku.requirements.map((r) => r.code)).toEqual(
      expect.arrayContaining(['ktp', 'kk', 'pengantar_rt_rw']),
    );
    expect(sku.fields.find((f) => f.code === 'lama_usaha')?.datatype).toBe('number');
  });

  it('every text is bilingual and procedures have matching steps', () => {
    for (const s of DEFAULT_CATALOGUE) {
      expect(s.procedure.id).toHaveLength(s.procedure.en.length);
      for (const t of [s.name, s.product, s.complaints]) {
        expect(t.id.length).toBeGreaterThan(0);
        expect(t.en.length).toBeGreaterThan(0);
      }
      expect(s.complaints.id).toContain('SP4N-LAPOR!');
    }
  });

  it('fields are listed in a strictly increasing order', () => {
    for (const s of DEFAULT_CATALOGUE) {
      const orders = s.fields.map((f) => f.order);
      expect(orders).toEqual([...orders].sort((a, b) => a - b));
    }
  });
});

describe('ServiceSchema', () => {
  const sku = byCode(DEFAULT_CATALOGUE, 'sku');
  const issues = (s: unknown) => {
    const r = ServiceSchema.safeParse(s);
    return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
  };

  it('rejects a field requirement without a matching field', () => {
    expect(issues({ ...sku, fields: sku.fields.filter((f) => f.code !== 'nama_usaha') })).toContain(
      'requirements.4.code',
    );
  });

  it('rejects a duration that is not ISO 8601 office time', () => {
    expect(issues({ ...sku, duration: '4 jam' })).toEqual(['duration']);
  });

  it('rejects a list field without values and a text field with values', () => {
    const fields = sku.fields.map((f) =>
      f.code === 'jenis_usaha'
        ? { ...f, values: undefined }
        : f.code === 'nama_usaha'
          ? { ...f, values: [{ key: 'a', name: { id: 'a', en: 'a' } }] }
          : f,
    );
    expect(issues({ ...sku, fields })).toEqual(
      expect.arrayContaining(['fields.0.values', 'fields.1.values']),
    );
  });

  it('rejects a document that accepts something other than PDF or images', () => {
    const requirements = sku.requirements.map((r) =>
      r.code === 'ktp' ? { ...r, accept: ['application/zip'] } : r,
    );
    expect(issues({ ...sku, requirements })).toContain('requirements.0.accept.0');
  });

  it('rejects a negative or fractional cost', () => {
    expect(issues({ ...sku, cost: -1 })).toEqual(['cost']);
    expect(issues({ ...sku, cost: 1.5 })).toEqual(['cost']);
  });
});

describe('mergeCatalogue', () => {
  it('without overrides a village gets the regency defaults', () => {
    expect(mergeCatalogue(DEFAULT_CATALOGUE, [])).toEqual(DEFAULT_CATALOGUE);
  });

  it('a village overriding the SKU promise keeps everything else of the default', () => {
    const merged = mergeCatalogue(DEFAULT_CATALOGUE, [{ code: 'sku', duration: 'PT2H' }]);
    const sku = byCode(merged, 'sku');
    expect(sku.duration).toBe('PT2H');
    expect(sku.requirements).toEqual(byCode(DEFAULT_CATALOGUE, 'sku').requirements);
    expect(merged.map((s) => s.code)).toEqual(DEFAULT_CATALOGUE.map((s) => s.code));
  });

  it('a disabled service disappears from the village catalogue', () => {
    const merged = mergeCatalogue(DEFAULT_CATALOGUE, [{ code: 'kematian', disabled: true }]);
    expect(merged.map((s) => s.code)).not.toContain('kematian');
    expect(merged).toHaveLength(DEFAULT_CATALOGUE.length - 1);
  });

  it('a new code adds a village-specific service at the end', () => {
    const base = byCode(DEFAULT_CATALOGUE, 'domisili');
    const own: Service = {
      ...base,
      code: 'izin-keramaian',
      name: { id: 'Surat Pengantar Izin Keramaian', en: 'Cover Letter for an Event Permit' },
      product: { id: 'Surat Pengantar Izin Keramaian', en: 'Event permit cover letter' },
    };
    const merged = mergeCatalogue(DEFAULT_CATALOGUE, [own]);
    expect(merged.at(-1)).toEqual(own);
    expect(merged).toHaveLength(DEFAULT_CATALOGUE.length + 1);
  });

  it('an incomplete new service is refused with its code in the message', () => {
    expect(() => mergeCatalogue(DEFAULT_CATALOGUE, [{ code: 'baru', duration: 'PT1H' }])).toThrow(
      /"baru" is invalid/,
    );
  });

  it('an override that breaks a service is refused', () => {
    expect(() => mergeCatalogue(DEFAULT_CATALOGUE, [{ code: 'sku', duration: 'sehari' }])).toThrow(/"sku"/);
  });

  it('an override with undefined properties keeps the defaults for them', () => {
    const merged = mergeCatalogue(DEFAULT_CATALOGUE, [{ code: 'sku', name: undefined, cost: 5000 }]);
    expect(byCode(merged, 'sku').name).toEqual(byCode(DEFAULT_CATALOGUE, 'sku').name);
    expect(byCode(merged, 'sku').cost).toBe(5000);
  });

  it('does not modify the defaults it is given', () => {
    const before = structuredClone(DEFAULT_CATALOGUE);
    mergeCatalogue(DEFAULT_CATALOGUE, [
      { code: 'sku', cost: 1000 },
      { code: 'sktm', disabled: true },
    ]);
    expect(DEFAULT_CATALOGUE).toEqual(before);
  });
});
