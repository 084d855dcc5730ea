/**
 * The local stand-in for CloudFront in front of the site bucket and the photos bucket:
 *   /<slug>/…        the built village sites (dist/sites, where the publisher writes)
 *   /photos/…        processed product photos, read from the local photos bucket
 * Directory URLs serve their index.html (the CloudFront Function does this on AWS), unknown paths
 * the village's or the portal's 404 page; text is compressed (brotli/gzip) as CloudFront would.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { contentType } from '../content-types';

const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.json', '.xml', '.svg', '.txt', '.webmanifest']);

export interface SiteServerOptions {
  root: string;
  s3: S3Client;
  photosBucket: string;
  port: number;
  /** the local S3 server: `/_s3/…` is forwarded to it with CORS added (browser uploads) */
  s3Endpoint?: string;
}

export async function listen(server: Server, port: number): Promise<number> {
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', ok);
  });
  const address = server.address();
  return typeof address === 'object' && address ? address.port : port;
}

const S3_CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, HEAD, POST, PUT',
  'access-control-allow-headers': '*',
  'access-control-expose-headers': 'etag, location',
};

/**
 * Real S3 answers CORS preflights per the bucket's rules (the data stack allows the site origins);
 * the local S3 server answers none. Presigned URLs therefore point here locally (S3_PUBLIC_ENDPOINT),
 * and this forwards them untouched — a presigned POST's policy does not cover the host — adding CORS.
 */
function proxyS3(req: IncomingMessage, res: ServerResponse, endpoint: string, path: string) {
  if (req.method === 'OPTIONS') {
    res.writeHead(204, { ...S3_CORS, 'access-control-max-age': '600' });
    res.end();
    return;
  }
  const target = new URL(path, endpoint);
  const upstream = request(
    target,
    { method: req.method, headers: { ...req.headers, host: target.host } },
    (up) => {
      res.writeHead(up.statusCode ?? 502, { ...up.headers, ...S3_CORS });
      up.pipe(res);
    },
  );
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502, S3_CORS);
    res.end();
  });
  req.pipe(upstream);
}

export function createSiteServer(opts: Omit<SiteServerOptions, 'port'>): Server {
  const root = resolve(opts.root);
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

  async function sendFile(req: IncomingMessage, res: ServerResponse, file: string, status = 200) {
    const ext = extname(file);
    const type = contentType(ext);
    const hashed = /\/_astro\//.test(file);
    const headers: Record<string, string> = {
      'content-type': type,
      'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'public, max-age=60',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
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

  async function sendPhoto(res: ServerResponse, key: string) {
    try {
      const object = await opts.s3.send(new GetObjectCommand({ Bucket: opts.photosBucket, Key: key }));
      res.writeHead(200, {
        'content-type': object.ContentType ?? 'image/webp',
        'cache-control': 'public, max-age=31536000, immutable',
        'x-content-type-options': 'nosniff',
        ...(object.ContentLength ? { 'content-length': String(object.ContentLength) } : {}),
      });
      res.end(Buffer.from((await object.Body?.transformToByteArray()) ?? []));
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found');
    }
  }

  return createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (opts.s3Endpoint && url.pathname.startsWith('/_s3/'))
        return proxyS3(req, res, opts.s3Endpoint, (req.url ?? '/').slice('/_s3'.length));
      const path = decodeURIComponent(url.pathname);
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD' });
        res.end();
        return;
      }
      if (path.startsWith('/photos/')) return await sendPhoto(res, path.slice(1));
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
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(
        'No site built yet. Run `npm run sites:build` (npm start builds and publishes the sites on its own).',
      );
    } catch {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    }
  });
}
