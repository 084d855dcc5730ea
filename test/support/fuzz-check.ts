/**
 * The fuzzer's contract and runner (test/support/fuzz.ts makes the cases): an answer is never a 5xx;
 * a redirect says where; an error has the route's shape — `{error: {code, message, fields?}}`, the
 * GeoReport list `[{code, description}]` on Open311 routes, or an HTML page on routes that answer
 * browsers; and after a write to one of the world's resources, every read of it still answers 2xx.
 */
import type { Route, RouteId } from '../../functions/routes';
import { describeCase, type FuzzCase, type Plan } from './fuzz';
import { currentVersion, NEW_WHATSAPP, read, readsOf, targetOf, VERSION, type World } from './fuzz-world';
import type { Call } from './runtime';

const cut = (s: string, n = 160) => (s.length > n ? `${s.slice(0, n)}…(${s.length} chars)` : s);

/**
 * Routes only browsers call (a page, S3's redirect after an upload, the local sign-in pages and
 * sign-out): their errors are pages for anyone.
 */
const BROWSER_ONLY: RouteId[] = [
  'requests.receipt',
  'documents.confirmRedirect',
  'local.authorize',
  'local.authorize.submit',
  'local.logout',
];
/** The local OAuth endpoints an app calls: OAuth's error shape `{error, error_description?}` (RFC 6749 §5.2). */
const OAUTH_JSON: RouteId[] = ['local.oauth.token', 'local.oauth.revoke'];

/** What one case came to: the answer's status and whatever broke the contract. */
export interface Outcome {
  status: number;
  problems: string[];
  /** the start of the answer */
  text?: string;
}

/** The contract of an answer: no 5xx; redirects say where; an error in the route's shape. */
export function shapeProblems(
  route: Route,
  res: Call,
  { routed = true, browser = false }: { routed?: boolean; browser?: boolean } = {},
): string[] {
  const say = (what: string) => [`${what}: ${res.status} ${cut(res.text, 300)}`];
  if (res.status >= 500) return say('5xx');
  if (res.status >= 300 && res.status < 400)
    return res.headers.get('location') ? [] : say('redirect without location');
  if (res.status < 400) return [];
  const type = res.headers.get('content-type') ?? '';
  if (type.startsWith('text/html')) {
    if (!route.html) return say('HTML error on a JSON route');
    return browser || BROWSER_ONLY.includes(route.id as RouteId) ? [] : say('HTML error to a JSON client');
  }
  if (!type.startsWith('application/json')) return say(`error as ${type || 'no content-type'}`);
  if (OAUTH_JSON.includes(route.id as RouteId) && routed) {
    const e = res.data;
    const fine = typeof e?.error === 'string' && /^[a-z_]+$/.test(e.error);
    return fine ? [] : say('not an OAuth error {error, error_description}');
  }
  // a path the router matches to no route is the `$default` route's (lib/not-found.ts): `{error}`
  if (route.path.startsWith('/open311/') && routed) {
    const list = res.data;
    const fine =
      Array.isArray(list) &&
      list.length > 0 &&
      list.every((e) => e?.code === res.status && typeof e.description === 'string' && e.description !== '');
    return fine ? [] : say('not an Open311 error list');
  }
  const e = res.data?.error;
  const fine =
    typeof e?.code === 'string' &&
    typeof e.message === 'string' &&
    e.message !== '' &&
    (e.fields === undefined ||
      (Array.isArray(e.fields) &&
        e.fields.every(
          (f: { path?: unknown; message?: unknown }) =>
            typeof f?.path === 'string' && f.path !== '' && typeof f.message === 'string' && f.message !== '',
        )));
  return fine ? [] : say('not {error:{code,message}}');
}

const VERSIONED: Partial<Record<RouteId, (id: string) => string>> = {
  'products.patch': (id) => `/products/${id}`,
  'requests.transition': (id) => `/requests/${id}`,
  'sellers.transition': (id) => `/sellers/${id}`,
};

let fresh = Date.now();

/** Sends a case, checks the answer, and after a write to a real resource reads it back. */
export async function runCase(world: World, plan: Plan, c: FuzzCase): Promise<Outcome> {
  let body = c.body;
  const versionOf = VERSIONED[c.route];
  if (body?.includes(String(VERSION)) && versionOf && c.params.id) {
    const version = await currentVersion(world, versionOf(c.params.id));
    body = body.replaceAll(String(VERSION), String(version ?? 1));
  }
  body = body?.replaceAll(NEW_WHATSAPP, `0819${String(++fresh % 1e8).padStart(8, '0')}`);
  const headers = { ...c.headers };
  if (c.auth === 'garbage') headers.authorization = 'Bearer eyJhbGciOiJub25lIn0.e30.';
  else if (c.auth !== 'none') headers.authorization = `Bearer ${world.tokens[c.auth]}`;
  let res: Call;
  try {
    const answer = await fetch(world.apiUrl + c.url, {
      method: c.method,
      headers,
      body: body ?? null,
      redirect: 'manual',
      signal: AbortSignal.timeout(30_000),
    });
    const text = await answer.text();
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {}
    res = { status: answer.status, headers: answer.headers, text, data };
  } catch (e) {
    return { status: 599, problems: [`no answer: ${String(e)}`] };
  }
  const problems = shapeProblems(plan.route, res, { routed: c.routed, browser: c.browser });
  // the handlers run in this process (the local runtime): a `__proto__` key must not reach the prototype
  for (const key in {}) problems.push(`Object.prototype polluted: ${key}`);
  const target = c.method !== 'GET' ? targetOf(world, plan.route.path, c.params) : undefined;
  if (target)
    for (const r of readsOf(world, target)) {
      const after = await read(world, r);
      if (after.status < 200 || after.status > 299)
        problems.push(`read GET ${r.path} after it → ${after.status} ${cut(after.text, 300)}`);
    }
  return { status: res.status, problems, text: cut(res.text, 500) };
}

/** Counts by route and status, by mutation, and the findings. */
export class Tally {
  readonly byRoute = new Map<string, Map<number, number>>();
  readonly byMutation = new Map<string, number>();
  readonly findings: { case: string; problems: string[] }[] = [];
  cases = 0;

  add(c: FuzzCase, o: Outcome) {
    this.cases++;
    const statuses = this.byRoute.get(c.route) ?? new Map<number, number>();
    statuses.set(o.status, (statuses.get(o.status) ?? 0) + 1);
    this.byRoute.set(c.route, statuses);
    this.byMutation.set(c.mutation, (this.byMutation.get(c.mutation) ?? 0) + 1);
    if (o.problems.length) this.findings.push({ case: describeCase(c), problems: o.problems });
  }

  /** Every status seen, and the number of answers with it. */
  byStatus(): Map<number, number> {
    const all = new Map<number, number>();
    for (const s of this.byRoute.values()) for (const [k, n] of s) all.set(k, (all.get(k) ?? 0) + n);
    return new Map([...all].sort(([a], [b]) => a - b));
  }

  report(): string {
    const fmt = (m: Map<number, number>) =>
      [...m]
        .sort(([a], [b]) => a - b)
        .map(([k, n]) => `${k}×${n}`)
        .join(' ');
    const lines = [`${this.cases} cases; by status: ${fmt(this.byStatus())}`, 'by route:'];
    for (const [route, m] of [...this.byRoute].sort()) lines.push(`  ${route.padEnd(26)} ${fmt(m)}`);
    lines.push(
      `by mutation: ${[...this.byMutation]
        .sort()
        .map(([k, n]) => `${k} ${n}`)
        .join(', ')}`,
    );
    lines.push(`findings: ${this.findings.length}`);
    for (const f of this.findings.slice(0, 30)) lines.push(`  ${f.case}\n    ${f.problems.join('\n    ')}`);
    return lines.join('\n');
  }
}
