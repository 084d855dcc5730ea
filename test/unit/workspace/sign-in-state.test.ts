import { describe, expect, it } from 'vitest';
import { userOf } from '../../../site/kerja/src/client/auth/session';
import {
  encodeState,
  returnPathOf,
  safeReturnPath,
  savePending,
  takePending,
} from '../../../site/kerja/src/client/auth/state';

class MemoryStorage {
  private map = new Map<string, string>();
  getItem = (k: string) => this.map.get(k) ?? null;
  setItem = (k: string, v: string) => void this.map.set(k, v);
  removeItem = (k: string) => void this.map.delete(k);
}

describe('the sign-in round trip', () => {
  it('carries the screen to come back to in state, query included', () => {
    const state = encodeState('r4nd0m', '/kerja/en/request/?id=01HXYZabc123');
    expect(state.startsWith('r4nd0m.')).toBe(true);
    expect(returnPathOf(state)).toBe('/kerja/en/request/?id=01HXYZabc123');
  });

  it('never returns outside the app: other origins, protocol-relative, traversal, the callback', () => {
    for (const bad of [
      'https://evil.example/kerja/',
      '//evil.example/kerja/',
      '/kerja/../admin',
      '/kerja//evil.example',
      '/kerja\\..\\x',
      '/other/',
      '/kerja/callback/?code=x',
      'javascript:alert(1)',
      '',
    ])
      expect(safeReturnPath(bad), bad).toBe('/kerja/');
    expect(returnPathOf('r4nd0m')).toBe('/kerja/');
    expect(returnPathOf('r4nd0m.%%%')).toBe('/kerja/');
    expect(returnPathOf(encodeState('x', 'https://evil.example/'))).toBe('/kerja/');
  });

  it('keeps the verifier for one callback only', () => {
    const storage = new MemoryStorage() as unknown as Storage;
    savePending(storage, { state: 's', verifier: 'v', nonce: 'n', redirectUri: 'http://x/kerja/callback/' });
    expect(takePending(storage)?.verifier).toBe('v');
    expect(takePending(storage)).toBeUndefined();
  });

  it("reads roles and scope from the ID token's claims", () => {
    expect(
      userOf({
        name: 'Sari',
        'cognito:groups': ['village-officer', 'something-else'],
        'custom:village': '35.10.24.2008',
        'custom:kecamatan': '35.10.24',
      }),
    ).toEqual({ name: 'Sari', roles: ['village-officer'], village: '35.10.24.2008', kecamatan: '35.10.24' });
    expect(userOf({ email: 'a@b' }).roles).toEqual([]);
  });
});
