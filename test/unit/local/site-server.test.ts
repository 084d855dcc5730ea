import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSiteServer, listen } from '../../../infra/local/site-server';

// an empty output folder (a first `npm start` before its first build published anything); the S3
// client is never called on these paths
const root = mkdtempSync(join(tmpdir(), 'sk-site-empty-'));
const server = createSiteServer({
  root,
  s3: new S3Client({ region: 'ap-southeast-3' }),
  photosBucket: 'none',
});
let base = '';
beforeAll(async () => {
  base = `http://127.0.0.1:${await listen(server, 0)}`;
});
afterAll(() => {
  server.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the local site server before the first build', () => {
  it('answers a bilingual "being built" page that reloads itself (503 + Retry-After), not a bare 404', async () => {
    for (const path of ['/', '/tamansari-licin/']) {
      const res = await fetch(base + path);
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      const html = await res.text();
      expect(html).toContain('<meta http-equiv="refresh" content="5">');
      expect(html).toContain('Situs desa sedang dibangun');
      expect(html).toContain('The village sites are being built');
    }
  });
});
