import { describe, expect, it } from 'vitest';
import { RESERVED_SLUGS } from '../../../functions/villages/onboard-data';

describe('the site origin paths that are not villages', () => {
  it('reserves kerja (the workspace) and the portal, photo and asset paths', () => {
    for (const path of ['kerja', 'en', 'cari', 'photos', '_astro'])
      expect(RESERVED_SLUGS.has(path), path).toBe(true);
  });
});
