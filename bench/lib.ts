/**
 * Small helpers for the benchmarks: latency statistics, DynamoDB call counting, template filling and
 * a plain-text table printer. Nothing here imports `functions/` (their config reads the environment
 * at import, which the local runtime sets first).
 */
import { createConnection, type Socket } from 'node:net';

export interface Stats {
  n: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  min: number;
  max: number;
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

export function stats(samples: readonly number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((s, x) => s + x, 0);
  return {
    n: sorted.length,
    mean: sum / sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

/** Counts the commands a client sends, by command name (e.g. `GetItemCommand`). */
export class CallCounter {
  private counts = new Map<string, number>();
  total = 0;

  record(commandName: string): void {
    this.counts.set(commandName, (this.counts.get(commandName) ?? 0) + 1);
    this.total++;
  }

  snapshot(): Map<string, number> {
    return new Map(this.counts);
  }

  /** Per-command difference since `before`. */
  since(before: Map<string, number>): Map<string, number> {
    const out = new Map<string, number>();
    for (const [name, n] of this.counts) {
      const d = n - (before.get(name) ?? 0);
      if (d) out.set(name, d);
    }
    return out;
  }
}

/** `GetItem×2 Query×2 TransactWriteItems×1` from per-command counts. */
export function describeCalls(calls: ReadonlyMap<string, number>): string {
  const parts = [...calls.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, n]) => `${name.replace(/Command$/, '')}×${n}`);
  return parts.length ? parts.join(' ') : '(none)';
}

/**
 * Deep copy of `template` with every placeholder replaced in every string (keys untouched).
 * Used to stamp fresh ids into request params built once with dynamodb-toolbox's `.params()`.
 */
export function fill<T>(template: T, subs: readonly (readonly [string, string])[]): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      let s = v;
      for (const [from, to] of subs) if (s.includes(from)) s = s.replaceAll(from, to);
      return s;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = walk(x);
      return out;
    }
    return v;
  };
  return walk(template) as T;
}

/** A fixed-width text table; numbers are right-aligned. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const numeric = header.map((_, i) => rows.every((r) => /^[-+]?[\d.,×%]+$|^$/.test((r[i] ?? '').trim())));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (numeric[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Size of an HTTP request body as the SDK hands it to the handler (string or bytes). */
export function bodyBytes(body: unknown): number {
  if (typeof body === 'string') return Buffer.byteLength(body);
  if (body instanceof Uint8Array) return body.byteLength;
  return 0;
}

export const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '-');
export const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : '-');

/**
 * The benchmarks' HTTP client (the load generator, not the system under test, so as light as honest
 * HTTP gets): one persistent TCP socket per origin, Nagle off, each request written as one buffer, the
 * answer parsed just enough to know where it ends (status line + `content-length`, which the adapter
 * and the floor server always send). Measured against the same bare server on this machine: undici's
 * `fetch` costs ~0.2 ms a request more than `node:http`'s keep-alive client, and that one ~15 µs more
 * than this (p50 0.037 vs 0.022 ms). Real HTTP all the same: the adapter's own `node:http` server
 * parses every request. One request at a time per origin (the benches are sequential).
 */
export function rawHttpClient() {
  interface Pending {
    resolve(r: { status: number; text: string }): void;
    reject(e: Error): void;
  }
  interface Conn {
    socket: Socket;
    buf: Buffer;
    pending?: Pending;
    ready: Promise<void>;
  }
  const conns = new Map<string, Conn>();

  function feed(conn: Conn, chunk: Buffer) {
    conn.buf = conn.buf.length === 0 ? chunk : Buffer.concat([conn.buf, chunk]);
    const end = conn.buf.indexOf('\r\n\r\n');
    if (end === -1 || !conn.pending) return;
    const head = conn.buf.toString('latin1', 0, end);
    const status = Number(head.slice(9, 12));
    const m = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    if (!m) {
      conn.pending.reject(new Error('rawHttpClient: answer without content-length'));
      conn.pending = undefined;
      return;
    }
    const total = end + 4 + Number(m[1]);
    if (conn.buf.length < total) return;
    const text = conn.buf.toString('utf8', end + 4, total);
    conn.buf = conn.buf.subarray(total);
    const p = conn.pending;
    conn.pending = undefined;
    p.resolve({ status, text });
  }

  function connect(host: string, port: number): Conn {
    const key = `${host}:${port}`;
    let conn = conns.get(key);
    if (conn && !conn.socket.destroyed) return conn;
    const socket = createConnection({ host, port, noDelay: true });
    const c: Conn = {
      socket,
      buf: Buffer.alloc(0),
      ready: new Promise((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('error', reject);
      }),
    };
    socket.on('data', (chunk: Buffer) => feed(c, chunk));
    const fail = (e: Error) => {
      c.pending?.reject(e);
      c.pending = undefined;
    };
    socket.on('error', fail);
    socket.on('close', () => fail(new Error('rawHttpClient: connection closed')));
    conns.set(key, c);
    conn = c;
    return conn;
  }

  return {
    async request(
      url: string,
      init: { method?: string; headers?: Record<string, string>; body?: string } = {},
    ): Promise<{ status: number; text: string }> {
      const u = new URL(url);
      const conn = connect(u.hostname, Number(u.port || 80));
      await conn.ready;
      if (conn.pending) throw new Error('rawHttpClient: one request at a time per origin');
      let head = `${init.method ?? 'GET'} ${u.pathname}${u.search} HTTP/1.1\r\nhost: ${u.host}\r\n`;
      for (const [k, v] of Object.entries(init.headers ?? {})) head += `${k}: ${v}\r\n`;
      const body = init.body === undefined ? undefined : Buffer.from(init.body);
      if (body) head += `content-length: ${body.length}\r\n`;
      head += '\r\n';
      return new Promise((resolve, reject) => {
        conn.pending = { resolve, reject };
        conn.socket.write(body ? Buffer.concat([Buffer.from(head, 'latin1'), body]) : head);
      });
    },
    close: () => {
      for (const c of conns.values()) c.socket.destroy();
      conns.clear();
    },
  };
}
