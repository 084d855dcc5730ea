import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CROCKFORD_ALPHABET,
  hashSecret,
  newSecret,
  newTrackingCode,
  normalizeTrackingCode,
  secretMatches,
} from '../../../functions/requests/domain/tracking';

describe('newTrackingCode', () => {
  it('a tracking code is ten Crockford base32 characters shown as XXXXX-XXXXX', () => {
    for (let i = 0; i < 200; i++) {
      expect(newTrackingCode()).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    }
  });

  it('ten thousand tracking codes are all different', () => {
    const codes = new Set(Array.from({ length: 10_000 }, newTrackingCode));
    expect(codes.size).toBe(10_000);
  });

  it('every character of the alphabet turns up', () => {
    const seen = new Set(Array.from({ length: 500 }, newTrackingCode).join('').replace(/-/g, ''));
    expect([...seen].sort().join('')).toBe(CROCKFORD_ALPHABET);
  });

  it('a fresh tracking code is already in canonical form', () => {
    for (let i = 0; i < 100; i++) {
      const code = newTrackingCode();
      expect(normalizeTrackingCode(code)).toBe(code);
    }
  });
});

describe('normalizeTrackingCode', () => {
  it('a code typed in lower case with spaces is read back in canonical form', () => {
    expect(normalizeTrackingCode(' 7k2qd m9xwa ')).toBe('7K2QD-M9XWA');
    expect(normalizeTrackingCode('7k2qdm9xwa')).toBe('7K2QD-M9XWA');
    expect(normalizeTrackingCode('7K2-QD-M9X-WA')).toBe('7K2QD-M9XWA');
  });

  it('O is read as zero and I or L as one', () => {
    expect(normalizeTrackingCode('OOIIL-lloio')).toBe('00111-11010');
  });

  it.each(['', '7K2QD-M9XW', '7K2QD-M9XWAB', '7K2QD-M9XWU', '7K2QD_M9XWA', '7K2QD-M9XW!', 'ÄK2QD-M9XWA'])(
    '%j is not a tracking code',
    (input) => {
      expect(normalizeTrackingCode(input)).toBeNull();
    },
  );

  it('normalising is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 14 }), (s) => {
        const once = normalizeTrackingCode(s);
        if (once !== null) expect(normalizeTrackingCode(once)).toBe(once);
      }),
    );
  });
});

describe('secrets', () => {
  it('a secret carries at least 128 bits as base64url', () => {
    const secret = newSecret();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(secret, 'base64url').length).toBeGreaterThanOrEqual(16);
    expect(newSecret()).not.toBe(secret);
  });

  it('a secret is stored as its SHA-256 hex digest', () => {
    expect(hashSecret('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('the right secret matches its hash and a wrong one does not', () => {
    const secret = newSecret();
    const hash = hashSecret(secret);
    expect(secretMatches(secret, hash)).toBe(true);
    expect(secretMatches(secret, hash.toUpperCase())).toBe(true);
    expect(secretMatches(`${secret}x`, hash)).toBe(false);
    expect(secretMatches('', hash)).toBe(false);
  });

  it('a malformed stored hash never matches', () => {
    expect(secretMatches('abc', '')).toBe(false);
    expect(secretMatches('abc', 'ba7816bf')).toBe(false);
    expect(secretMatches('abc', 'z'.repeat(64))).toBe(false);
  });
});
