/**
 * The local stand-in for CloudFront in front of the site bucket and the photos bucket:
 *   /<slug>/…        the built village sites (dist/sites, where the publisher writes)
 *   /photos/…        processed product photos (the WebP variants only), read from the local photos bucket
 *   /_s3/…           presigned uploads and document links to the private uploads bucket (s3-front.ts)
 *   /kerja/…         the workspace app (dist/sites/kerja), with its strict CSP and headers from
 *                    infra/workspace-headers.ts, the same values CloudFront sets on AWS
 *   /kerja/config.json  the workspace's configuration (./workspace-config.ts; on AWS an object in the bucket)
 * Directory URLs serve their index.html (the CloudFront Function does this on AWS), unknown paths
 * the village's or the portal's 404 page; text is compressed (brotli/gzip) as CloudFront would.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { WORKSPACE_CONFIG_PATH, type WorkspaceConfig } from '../../site/workspace-config';
import { contentType } from '../content-types';
import { WORKSPACE_PATH, type WorkspaceOrigins, workspaceHeaders } from '../workspace-headers';
import { createS3Front, type S3FrontOptions } from './s3-front';

/** what /photos/ serves: the processed WebP variants of product photos */
const PHOTO_VARIANT = /^photos\/products\/[0-9A-Za-z_-]{10,40}\/[0-9A-Za-z_-]{6,40}-\d{2,4}\.webp$/;

const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.json', '.xml', '.svg', '.txt', '.webmanifest']);

export interface SiteServerOptions {
  root: string;
  s3: S3Client;
  photosBucket: string;
  port: number;
  /**
   * `/_s3/…`: the browser-facing front of the local S3 server, what presigned URLs point at locally
   * (see s3-front.ts: presigned POSTs and GETs to the uploads bucket, checked; nothing else)
   */
  s3Front?: S3FrontOptions;
  /**
   * the origins the workspace's CSP allows (the API, the sign-in endpoints, the uploads front), read
   * per answer: the runtime knows its ports only once both servers listen; default: its own origin only
   */
  workspace?: () => WorkspaceOrigins;
  /** `/kerja/config.json`: the workspace's configuration, made on each request from the running one */
  workspaceConfig?: () => WorkspaceConfig;
}

export async function listen(server: Server, port: number): Promise<number> {
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', ok);
  });
  const address = server.address();
  return typeof address === 'object' && address ? address.port : port;
}

export function createSiteServer(opts: Omit<SiteServerOptions, 'port'>): Server {
  const root = resolve(opts.root);
  const s3Front = opts.s3Front && createS3Front(opts.s3Front);
  const cache = new Map<string, { mtimeMs: number; br: Buffer; gzip: Buffer; raw: Buffer }>();

  async function findFile(path: string): Promise<string | undefined> {
    const file = normalize(join(root, path));
    if (!file.startsWith(root)) return undefined;
    try {
      const s = await stat(file);
      if (s.isFile()) return file;
      if (s.isDirectory()) {
        const index = join(file, 'index.html');
        if ((await stat(index).catch(() => undefined))?.isFile()) return index;
      }
    } catch {}
    return undefined;
  }

  const workspaceRoot = join(root, WORKSPACE_PATH);
  async function sendFile(req: IncomingMessage, res: ServerResponse, file: string, status = 200) {
    const ext = extname(file);
    const type = contentType(ext);
    const hashed = /\/_astro\//.test(file);
    const headers: Record<string, string> = {
      'content-type': type,
      'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'public, max-age=60',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
      ...(file.startsWith(workspaceRoot)
        ? workspaceHeaders(opts.workspace?.() ?? { api: '', auth: [] }, hashed)
        : {}),
    };
    if (!COMPRESSIBLE.has(ext)) {
      res.writeHead(status, headers);
      createReadStream(file).pipe(res);
      return;
    }
    const s = await stat(file);
    let entry = cache.get(file);
    if (!entry || entry.mtimeMs !== s.mtimeMs) {
      const raw = await readFile(file);
      entry = {
        mtimeMs: s.mtimeMs,
        raw,
        br: brotliCompressSync(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9 } }),
        gzip: gzipSync(raw, { level: 9 }),
      };
      cache.set(file, entry);
    }
    const accept = String(req.headers['accept-encoding'] ?? '');
    const [encoding, body] = /\bbr\b/.test(accept)
      ? ['br', entry.br]
      : /\bgzip\b/.test(accept)
        ? ['gzip', entry.gzip]
        : [undefined, entry.raw];
    res.writeHead(status, {
      ...headers,
      vary: 'accept-encoding',
      'content-length': String(body.length),
      ...(encoding ? { 'content-encoding': encoding } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  /**
   * Only the processor's variants (`photos/products/<product>/<photo>-<width>.webp`, variantKey in
   * functions/products/photo-store.ts; the placeholder is a data URI in the page, not an object), as
   * WebP whatever the object says: anything else written to the bucket is not served.
   */
  async function sendPhoto(res: ServerResponse, key: string) {
    try {
      if (!PHOTO_VARIANT.test(key)) throw new Error('not a photo variant');
      const object = await opts.s3.send(new GetObjectCommand({ Bucket: opts.photosBucket, Key: key }));
      res.writeHead(200, {
        'content-type': 'image/webp',
        'cache-control': 'public, max-age=31536000, immutable',
        'x-content-type-options': 'nosniff',
        ...(object.ContentLength ? { 'content-length': String(object.ContentLength) } : {}),
      });
      res.end(Buffer.from((await object.Body?.transformToByteArray()) ?? []));
    } catch {
      res.writeHead(404, {
        'content-type': 'text/plain; charset=utf-8',
        'x-content-type-options': 'nosniff',
      });
      res.end('not found');
    }
  }

  return createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (s3Front && url.pathname.startsWith('/_s3/')) return await s3Front(req, res);
      const path = decodeURIComponent(url.pathname);
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD' });
        res.end();
        return;
      }
      if (path.startsWith('/photos/')) return await sendPhoto(res, path.slice(1));
      if (opts.workspaceConfig && path === WORKSPACE_CONFIG_PATH) {
        const body = JSON.stringify(opts.workspaceConfig());
        res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-cache' });
        res.end(req.method === 'HEAD' ? undefined : body);
        return;
      }
      // a directory without its trailing slash: redirect like the CloudFront Function does
      if (!path.endsWith('/') && !extname(path) && (await findFile(`${path}/`))) {
        res.writeHead(301, { location: `${path}/${url.search}` });
        res.end();
        return;
      }
      const file = await findFile(path);
      if (file) return await sendFile(req, res, file);
      const village = path.split('/')[1];
      const notFound = (village && (await findFile(`/${village}/404.html`))) || (await findFile('/404.html'));
      if (notFound) return await sendFile(req, res, notFound, 404);
      // nothing built yet (npm start's first build runs for ~15 s after "ready"): a page that says so,
      // in both languages, and looks again by itself
      const body = BUILDING_PAGE;
      res.writeHead(503, {
        'content-type': 'text/html; charset=utf-8',
        'retry-after': '5',
        'cache-control': 'no-store',
        'content-length': String(Buffer.byteLength(body)),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    }
  });
}

/** What the site port answers before the first build has published anything. */
export const BUILDING_PAGE = `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="refresh" content="5"><title>Situs desa sedang dibangun</title>
<style>body{font:1rem/1.5 system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#1a2e22}</style></head>
<body><h1>Situs desa sedang dibangun</h1>
<p>Smart Kampung sedang membangun situs semua desa untuk pertama kalinya (sekitar 15 detik). Halaman ini memuat ulang sendiri.</p>
<p lang="en">The village sites are being built for the first time (about 15 seconds). This page reloads by itself.
If it stays, run <code>npm run sites:build</code>.</p></body></html>
`;
