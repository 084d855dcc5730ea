/**
 * Sync of built village sites to the site bucket (what `publish:site` does after the Astro build):
 * under each prefix, put the files whose bytes changed (MD5 = S3's ETag of a single-part put) with
 * their content type and cache policy, and delete the objects that no longer exist locally. Hashed
 * assets (`_astro/`) are immutable; pages are cached for 5 minutes (and invalidated on publish).
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import {
  DeleteObjectsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { contentType } from '../content-types';

async function files(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await files(path)));
    else out.push(path);
  }
  return out;
}

export interface SyncOptions {
  s3: S3Client;
  bucket: string;
  /** the built sites (dist/sites) */
  outDir: string;
  /** key prefixes to sync, e.g. `tamansari-licin/`; `''` is the whole bucket */
  prefixes: string[];
  /**
   * with prefix `''`: what is never deleted — by first path segment (villages not built this time),
   * or by whole key (`kerja/config.json`, which `cdk deploy` writes and no build makes)
   */
  keep?: (firstSegment: string, key: string) => boolean;
}

export async function syncSites(
  opts: SyncOptions,
): Promise<{ put: number; unchanged: number; deleted: number }> {
  let put = 0;
  let unchanged = 0;
  let deleted = 0;
  for (const prefix of opts.prefixes) {
    const local = new Map<string, string>();
    for (const file of await files(join(opts.outDir, prefix)))
      local.set(relative(opts.outDir, file).split('\\').join('/'), file);
    const remote = new Map<string, string>();
    let token: string | undefined;
    do {
      const page = await opts.s3.send(
        new ListObjectsV2Command({ Bucket: opts.bucket, Prefix: prefix, ContinuationToken: token }),
      );
      for (const o of page.Contents ?? []) if (o.Key) remote.set(o.Key, (o.ETag ?? '').replaceAll('"', ''));
      token = page.NextContinuationToken;
    } while (token);
    for (const [key, file] of local) {
      const body = await readFile(file);
      if (remote.get(key) === createHash('md5').update(body).digest('hex')) {
        unchanged++;
        continue;
      }
      const hashed = key.startsWith('_astro/') || key.includes('/_astro/');
      await opts.s3.send(
        new PutObjectCommand({
          Bucket: opts.bucket,
          Key: key,
          Body: body,
          ContentType: contentType(extname(key)),
          CacheControl: hashed ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
        }),
      );
      put++;
    }
    const stale = [...remote.keys()].filter(
      (key) => !local.has(key) && !opts.keep?.(key.split('/')[0] ?? '', key),
    );
    for (let i = 0; i < stale.length; i += 1000) {
      await opts.s3.send(
        new DeleteObjectsCommand({
          Bucket: opts.bucket,
          Delete: { Objects: stale.slice(i, i + 1000).map((Key) => ({ Key })) },
        }),
      );
    }
    deleted += stale.length;
  }
  return { put, unchanged, deleted };
}
