import { describe, expect, it } from 'vitest';
import { checkFields, indonesianNumber, jsonNumber } from '../../../functions/requests/domain/fields';

describe('numbers as villagers type them', () => {
  it('reads Indonesian thousands dots and decimal commas', () => {
    expect(indonesianNumber('1.500.000')).toBe('1500000');
    expect(indonesianNumber('1.500')).toBe('1500');
    expect(indonesianNumber('Rp 1.500.000')).toBe('1500000');
    expect(indonesianNumber('Rp. 750.000')).toBe('750000');
    expect(indonesianNumber('2,5')).toBe('2.5');
    expect(indonesianNumber('1.250,75')).toBe('1250.75');
    expect(indonesianNumber(' 3 ')).toBe('3');
    expect(indonesianNumber('2.5')).toBe('2.5');
    expect(indonesianNumber('1 500 000')).toBe('1500000');
  });

  it('refuses what is not a number', () => {
    for (const bad of ['', 'tiga', '1.5.0', '1,5,0', '12.34.567', 'Rp', '1e6', '0x10'])
      expect(indonesianNumber(bad), bad).toBeUndefined();
  });

  it('checkFields stores the canonical number and names a bad one', () => {
    const service = {
      fields: [
        {
          code: 'penghasilan',
          label: { id: 'Penghasilan per bulan', en: 'Monthly income' },
          datatype: 'number' as const,
          required: true,
          order: 1,
        },
      ],
    };
    expect(checkFields(service as never, { penghasilan: '1.500.000' })).toEqual({
      values: { penghasilan: '1500000' },
      errors: [],
    });
    expect(checkFields(service as never, { penghasilan: 'sejuta' }).errors).toEqual([
      { path: 'fields.penghasilan', label: service.fields[0]?.label, message: 'field.number' },
    ]);
  });

  it('a JSON number is stored as the same canonical text, never read as Indonesian writing', () => {
    expect(jsonNumber(3)).toBe('3');
    expect(jsonNumber(2.5)).toBe('2.5');
    expect(jsonNumber(1.234)).toBe('1.234');
    expect(jsonNumber(-4)).toBe('-4');
    expect(jsonNumber(1e21)).toBeUndefined();
    const service = {
      fields: [
        {
          code: 'lama',
          label: { id: 'Lama', en: 'Years' },
          datatype: 'number' as const,
          required: true,
          order: 1,
        },
        {
          code: 'nama',
          label: { id: 'Nama', en: 'Name' },
          datatype: 'string' as const,
          required: true,
          order: 2,
        },
      ],
    };
    expect(checkFields(service as never, { lama: 3, nama: 'Kopi' })).toEqual(
      checkFields(service as never, { lama: '3', nama: 'Kopi' }),
    );
    expect(checkFields(service as never, { lama: 0, nama: 7 }).errors).toEqual([
      { path: 'fields.nama', label: service.fields[1]?.label, message: 'field.invalid' },
    ]);
  });
});
