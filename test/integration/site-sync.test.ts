/**
 * The publish sync (infra/publish/site-sync.ts) against the embedded S3-compatible server through the
 * real SDK: changed files go up with their type and cache policy, unchanged ones are skipped, vanished
 * ones deleted, and other villages' prefixes are left alone.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateBucketCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS, LOCAL_REGION, startEmbedded } from '../../infra/local/servers';
import { syncSites } from '../../infra/publish/site-sync';
import { WORKSPACE_CONFIG_KEY } from '../../infra/workspace-headers';

let embedded: Awaited<ReturnType<typeof startEmbedded>>;
let s3: S3Client;
let outDir: string;
const Bucket = 'site-sync-test';

beforeAll(async () => {
  embedded = await startEmbedded({});
  s3 = new S3Client({
    region: LOCAL_REGION,
    endpoint: embedded.s3Endpoint,
    forcePathStyle: true,
    credentials: LOCAL_CREDENTIALS,
  });
  await s3.send(new CreateBucketCommand({ Bucket }));
  outDir = await mkdtemp(join(tmpdir(), 'sk-sync-'));
}, 120_000);
afterAll(async () => {
  s3?.destroy();
  await embedded?.stop();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

async function write(path: string, text: string) {
  await mkdir(join(outDir, path, '..'), { recursive: true });
  await writeFile(join(outDir, path), text);
}
const keys = async () =>
  ((await s3.send(new ListObjectsV2Command({ Bucket }))).Contents ?? []).map((o) => o.Key).sort();

describe('site sync', () => {
  it('puts what changed, skips what did not, deletes what vanished, and leaves other villages alone', async () => {
    await write('tamansari-licin/index.html', '<h1>Tamansari</h1>');
    await write('tamansari-licin/produk/kopi/index.html', '<h1>Kopi</h1>');
    await write('kemiren-glagah/index.html', '<h1>Kemiren</h1>');
    await write('_astro/site.abc123.css', 'body{}');
    await write('index.html', '<h1>Portal</h1>');
    const first = await syncSites({ s3, bucket: Bucket, outDir, prefixes: [''] });
    expect(first).toEqual({ put: 5, unchanged: 0, deleted: 0 });

    const page = await s3.send(new GetObjectCommand({ Bucket, Key: 'tamansari-licin/index.html' }));
    expect(page.ContentType).toBe('text/html; charset=utf-8');
    expect(page.CacheControl).toBe('public, max-age=300');
    const asset = await s3.send(new GetObjectCommand({ Bucket, Key: '_astro/site.abc123.css' }));
    expect(asset.CacheControl).toBe('public, max-age=31536000, immutable');

    // one village republished: a page changed, one vanished; Kemiren is not touched
    await write('tamansari-licin/index.html', '<h1>Tamansari, baru</h1>');
    await rm(join(outDir, 'tamansari-licin/produk'), { recursive: true });
    await rm(join(outDir, 'kemiren-glagah'), { recursive: true });
    const second = await syncSites({ s3, bucket: Bucket, outDir, prefixes: ['tamansari-licin/'] });
    expect(second).toEqual({ put: 1, unchanged: 0, deleted: 1 });
    expect(await keys()).toEqual([
      '_astro/site.abc123.css',
      'index.html',
      'kemiren-glagah/index.html',
      'tamansari-licin/index.html',
    ]);
    const body = await (
      await s3.send(new GetObjectCommand({ Bucket, Key: 'tamansari-licin/index.html' }))
    ).Body?.transformToString();
    expect(body).toBe('<h1>Tamansari, baru</h1>');

    // a whole-bucket sync keeps the villages it was told to keep
    const third = await syncSites({
      s3,
      bucket: Bucket,
      outDir,
      prefixes: [''],
      keep: (s) => s === 'kemiren-glagah',
    });
    expect(third).toEqual({ put: 0, unchanged: 3, deleted: 0 });

    // and a key it was told to keep: the workspace's config.json, which `cdk deploy` writes
    await s3.send(new PutObjectCommand({ Bucket, Key: 'kerja/config.json', Body: '{}' }));
    await s3.send(new PutObjectCommand({ Bucket, Key: 'kerja/old.js', Body: '' }));
    const fourth = await syncSites({
      s3,
      bucket: Bucket,
      outDir,
      prefixes: [''],
      keep: (s) => s === 'kemiren-glagah',
      preserve: (key) => key === 'kerja/config.json',
    });
    expect(fourth).toEqual({ put: 0, unchanged: 3, deleted: 1 });
    expect(await keys()).toContain('kerja/config.json');
  });

  it("never puts or deletes the workspace's config.json (CDK writes it), and syncs the rest of kerja/", async () => {
    const Key = WORKSPACE_CONFIG_KEY;
    await s3.send(new PutObjectCommand({ Bucket, Key, Body: '{"from":"cdk"}' }));
    await write('kerja/index.html', '<h1>Ruang kerja</h1>');
    await write(Key, '{"from":"local"}');
    const preserve = (key: string) => key === Key;
    await syncSites({ s3, bucket: Bucket, outDir, prefixes: [''], preserve });
    const config = async () =>
      (await s3.send(new GetObjectCommand({ Bucket, Key }))).Body?.transformToString();
    expect(await config()).toBe('{"from":"cdk"}');
    expect(await keys()).toContain('kerja/index.html');
    await rm(join(outDir, 'kerja'), { recursive: true });
    const { deleted } = await syncSites({ s3, bucket: Bucket, outDir, prefixes: [''], preserve });
    expect(deleted).toBe(1);
    expect(await config()).toBe('{"from":"cdk"}');
  });
});
