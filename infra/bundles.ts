/**
 * What gets deployed as a Lambda function, and how each one is bundled.
 *
 * - `functionSpecs()` turns the route table into one function per handler module (routes that share a
 *   module — the two tracking routes, the two confirm routes — share one function) plus the functions
 *   that no route reaches (the S3-event photo processor, the site dispatcher, the overdue metric).
 * - `buildOptions` is THE esbuild configuration: `SkFunction` hands it to NodejsFunction, and
 *   `npm run bench` hands the same object to esbuild directly, so the budget is measured on exactly
 *   what ships.
 *
 * Pure Node (no aws-cdk-lib import) so a bench script can use it without loading the CDK.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Access, type Partition, type ProbedBucket, type Route, routes } from '../functions/routes';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The resources a function may declare access to. A route declares `table`/`uploads` today; later
 * issues add keys here (and in `accessBindings` in infra/access.ts) — nothing else changes.
 */
export const accessKeys = [
  'table',
  'uploads',
  'photos',
  'letters',
  'identity',
  'staffAccounts',
  'photoQueue',
  'letterQueue',
  'cdn',
] as const;
export type AccessKey = (typeof accessKeys)[number];
export type AccessDeclarations = Partial<Record<AccessKey, Access>>;

/**
 * `api`: serves routes of the route table (ApiStack); `photo-processor`: S3 events of product photos
 * (ApiStack); `letter-issuer`: completed requests' letters, from the outbox's queue (ApiStack);
 * `site-dispatch`: out-of-date village sites → publish events (PublishStack);
 * `overdue-metric`: the overdue-requests metric (OperationsStack).
 */
export type FunctionKind =
  | 'api'
  | 'not-found'
  | 'photo-processor'
  | 'letter-issuer'
  | 'site-dispatch'
  | 'overdue-metric';

export interface FunctionSpec {
  /** construct id, unique, PascalCase (derived from the handler module) */
  id: string;
  kind: FunctionKind;
  /** module under functions/ exporting `handler`, e.g. `villages/handlers/get` */
  handler: string;
  /** ids of the routes this function serves (empty for non-API functions) */
  routeIds: string[];
  /** union over its routes: `write` wins over `read` */
  access: AccessDeclarations;
  /** buckets it may list (s3:ListBucket), so that a missing object reads as 404, not 403 */
  probes: ProbedBucket[];
  /** key prefixes per bucket its object grants are confined to; a bucket absent here: the whole bucket */
  keys: Partial<Record<ProbedBucket, string[]>>;
  /** the table partitions its reads are confined to (IAM LeadingKeys); absent: the whole table */
  partitions?: Partition[];
  /** true when a route it serves counts its calls in rate-limit windows (route `counts`) */
  counts?: boolean;
  /** true when at least one of its routes needs a signed-in caller */
  authenticated: boolean;
  /** true when one of its public routes verifies an optional bearer token itself (route `optionalAuth`) */
  optionalAuth: boolean;
  /** modules left out of the bundle and shipped from node_modules instead (native code) */
  nodeModules: string[];
  timeoutSeconds: number;
  memoryMb: number;
}

/** Default sizing: handlers are I/O bound; 512 MB buys a faster cold start than 128–256 MB for ~the same cost. */
const apiDefaults = { timeoutSeconds: 10, memoryMb: 512 };

function union(a: Access | undefined, b: Access | undefined): Access | undefined {
  if (a === 'write' || b === 'write') return 'write';
  return a ?? b;
}

function pascal(handler: string): string {
  return handler
    .split(/[/\-.]/)
    .filter((part) => part !== 'handlers' && part.length > 0)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

function declaredAccess(route: Route): AccessDeclarations {
  const declared: AccessDeclarations = {};
  const record = route as unknown as Partial<Record<AccessKey, Access>>;
  for (const key of accessKeys) {
    const access = record[key];
    if (access) declared[key] = access;
  }
  return declared;
}

/**
 * The key prefixes a function's routes confine each bucket to: a bucket any of them declares without
 * `keys` is granted whole; otherwise the union of their prefixes.
 */
function keysOf(routesOfFunction: Route[]): Partial<Record<ProbedBucket, string[]>> {
  const keys: Partial<Record<ProbedBucket, string[]>> = {};
  for (const bucket of ['uploads', 'photos', 'letters'] as const) {
    const declaring = routesOfFunction.filter((r) => (r as unknown as Record<string, unknown>)[bucket]);
    if (declaring.length === 0 || declaring.some((r) => !r.keys?.[bucket])) continue;
    keys[bucket] = [...new Set(declaring.flatMap((r) => r.keys?.[bucket] ?? []))].sort();
  }
  return keys;
}

/**
 * The table partitions a function's routes confine its table access to: only when every one of its
 * routes that declares the table names its partitions (else the whole table), the union of them.
 */
function partitionsOf(routesOfFunction: Route[]): Partition[] | undefined {
  const declaring = routesOfFunction.filter((r) => r.table);
  if (declaring.length === 0 || declaring.some((r) => !r.partitions)) return undefined;
  return [...new Set(declaring.flatMap((r) => r.partitions ?? []))].sort();
}

/** Routes that AWS serves: everything in the route table except `localOnly` ones. */
export function deployedRoutes(): Route[] {
  return (routes as readonly Route[]).filter((route) => !route.localOnly);
}

/** One spec per handler module of the deployed routes, plus the non-API functions. */
export function functionSpecs(): FunctionSpec[] {
  const byHandler = new Map<string, FunctionSpec>();
  for (const route of deployedRoutes()) {
    const existing = byHandler.get(route.handler);
    const access = declaredAccess(route);
    if (!existing) {
      byHandler.set(route.handler, {
        id: pascal(route.handler),
        kind: 'api',
        handler: route.handler,
        routeIds: [route.id],
        access,
        probes: [...(route.probes ?? [])],
        keys: {},
        authenticated: route.auth !== 'public',
        optionalAuth: route.optionalAuth === true,
        nodeModules: [...(route.nodeModules ?? [])],
        ...apiDefaults,
      });
      continue;
    }
    existing.routeIds.push(route.id);
    existing.authenticated ||= route.auth !== 'public';
    existing.optionalAuth ||= route.optionalAuth === true;
    for (const bucket of route.probes ?? [])
      if (!existing.probes.includes(bucket)) existing.probes.push(bucket);
    for (const key of accessKeys) {
      const merged = union(existing.access[key], access[key]);
      if (merged) existing.access[key] = merged;
    }
  }
  for (const spec of byHandler.values()) {
    const served = deployedRoutes().filter((r) => r.handler === spec.handler);
    spec.keys = keysOf(served);
    const partitions = partitionsOf(served);
    if (partitions) spec.partitions = partitions;
    if (partitions && served.some((r) => r.counts)) spec.counts = true;
  }
  return [
    ...byHandler.values(),
    {
      // API Gateway's $default route: what no route serves answers our 404 shape, in the caller's language
      id: 'NotFound',
      kind: 'not-found',
      handler: 'lib/not-found',
      routeIds: [],
      access: {},
      probes: [],
      keys: {},
      authenticated: false,
      optionalAuth: false,
      nodeModules: [],
      timeoutSeconds: 5,
      memoryMb: 256,
    },
    {
      // S3 upload of a product photo → resized WebP variants in the photos bucket (issue 3)
      id: 'ProductsProcessPhoto',
      kind: 'photo-processor',
      handler: 'products/handlers/process-photo',
      routeIds: [],
      access: { uploads: 'write', photos: 'write', table: 'write' },
      // a redelivered event finds the upload gone (moved on the first delivery): 404, not 403
      probes: ['uploads'],
      // photo-store.ts: incoming/products/ → originals/products/ (uploads), photos/products/ (photos)
      keys: {
        uploads: ['incoming/products/', 'originals/products/'],
        // withheld/: a photo finished after its product was taken down (photo-withhold.ts)
        photos: ['photos/products/', 'withheld/products/'],
      },
      authenticated: false,
      optionalAuth: false,
      // sharp's JavaScript is bundled like everything else; its native linux-arm64 build — npm's
      // optional platform package, with libvips as its own dependency — cannot be, and ships beside the
      // bundle as installed. sharp finds it with its own createRequire from the bundle's directory.
      // (Shipping the whole sharp package instead left its ~60 JS files, semver and detect-libc to be
      // resolved and compiled one by one at every cold start: ~7–10 ms more, measured.)
      nodeModules: ['@img/sharp-linux-arm64'],
      timeoutSeconds: 60,
      memoryMb: 1536,
    },
    {
      // a completion's letter intent → the rendered PDF in the letters bucket, its SHA-256 (issue 16)
      id: 'RequestsIssueLetter',
      kind: 'letter-issuer',
      handler: 'requests/handlers/issue-letter',
      routeIds: [],
      access: { table: 'write', letters: 'write' },
      probes: [],
      keys: { letters: ['letters/'] },
      authenticated: false,
      optionalAuth: false,
      nodeModules: [],
      timeoutSeconds: 30,
      memoryMb: 1024,
    },
    {
      // every minute: village sites whose data changed → site.outOfDate events (PublishStack; also
      // events:PutEvents on the regency's bus, granted there); the id predates the module's move from
      // sites/ to publish/ and stays, so the deployed function keeps its logical id
      id: 'SitesDispatch',
      kind: 'site-dispatch',
      handler: 'publish/handlers/dispatch',
      routeIds: [],
      access: { table: 'write' },
      probes: [],
      keys: {},
      authenticated: false,
      optionalAuth: false,
      nodeModules: [],
      timeoutSeconds: 30,
      memoryMb: 256,
    },
    {
      // every 15 minutes: open requests past their due time → an EMF log line (OperationsStack)
      id: 'OverdueMetric',
      kind: 'overdue-metric',
      handler: 'requests/handlers/overdue-metric',
      routeIds: [],
      access: { table: 'read' },
      probes: [],
      keys: {},
      authenticated: false,
      optionalAuth: false,
      nodeModules: [],
      timeoutSeconds: 60,
      memoryMb: 256,
    },
  ];
}

/** Every package some function ships beside its bundle (`nodeModules`): what .lambda-deps/ must hold. */
export function nativeModulesOfFunctions(): string[] {
  return [...new Set(functionSpecs().flatMap((spec) => spec.nodeModules))].sort();
}

/** The one function of a non-API kind. */
export function functionSpec(kind: Exclude<FunctionKind, 'api'>): FunctionSpec {
  const spec = functionSpecs().find((s) => s.kind === kind);
  if (!spec) throw new Error(`no ${kind} function in functionSpecs()`);
  return spec;
}

/**
 * Where a handler module lives. `exists: false` means the module has not landed yet: SkFunction then
 * deploys a stand-in that answers 501 (and synth warns), so the stacks synthesize before every
 * feature is written.
 */
export function handlerEntry(handler: string): { entry: string; exists: boolean } {
  const candidates = ['.ts', '.mts', '.js', '.mjs'].map((ext) =>
    join(repoRoot, 'functions', `${handler}${ext}`),
  );
  const entry = candidates.find((candidate) => existsSync(candidate));
  return entry ? { entry, exists: true } : { entry: candidates[0] as string, exists: false };
}

/** Handler modules referenced by the deployment that do not exist yet (synth warns about them). */
export function missingHandlers(): string[] {
  return functionSpecs()
    .filter((spec) => !handlerEntry(spec.handler).exists)
    .map((spec) => spec.handler);
}

/**
 * ESM needs `require` for the few CommonJS dependencies that call it at runtime; this banner gives
 * them one. Kept short: it is part of every bundle.
 */
const requireShim =
  "import{createRequire as __skCreateRequire}from'node:module';const require=__skCreateRequire(import.meta.url);";

/** What the deployed functions import instead of `@aws-sdk/credential-provider-node`. */
export const lambdaCredentialsModule = join(repoRoot, 'functions', 'lib', 'lambda-credentials.ts');

/**
 * THE esbuild options of every function, in esbuild's own shape: a bench script can pass
 * `{ ...buildOptions, entryPoints: [entry], external, outdir }` to `esbuild.build` as is.
 */
export const buildOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  minify: true,
  // no source maps: logs carry error names only, never stacks (personal data), so a map would serve
  // nothing, and NODE_OPTIONS=--enable-source-maps cost every cold start ~7 ms (measured)
  sourcemap: false,
  sourcesContent: false,
  // the SDK clients' default credential chain → the Lambda environment's credentials only
  // (functions/lib/lambda-credentials.ts: −135 KB and ~−20 ms of import in every function)
  alias: { '@aws-sdk/credential-provider-node': lambdaCredentialsModule },
  // prefer ESM entry points: better tree-shaking of the AWS SDK and smaller bundles
  mainFields: ['module', 'main'],
  banner: { js: requireShim },
  // everything is bundled, the AWS SDK included: a bundled client starts faster than the runtime's copy
  external: [] as string[],
  outExtension: { '.js': '.mjs' },
} as const;

export interface BundleEntry {
  id: string;
  kind: FunctionKind;
  handler: string;
  routeIds: string[];
  entry: string;
  /** false while the handler module does not exist yet (skip it) */
  exists: boolean;
  /** esbuild `external` for this function (its `nodeModules`) */
  external: string[];
}

/** For `npm run bench`: every function's entry, bundled with `buildOptions` plus `external`. */
export function listBundles(): BundleEntry[] {
  return functionSpecs().map((spec) => ({
    id: spec.id,
    kind: spec.kind,
    handler: spec.handler,
    routeIds: spec.routeIds,
    ...handlerEntry(spec.handler),
    external: [...buildOptions.external, ...spec.nodeModules],
  }));
}

/**
 * A package and everything it needs at runtime, as installed in node_modules (optional
 * dependencies only when npm installed them — e.g. sharp's `@img/sharp-linux-arm64`).
 */
export function packageClosure(names: string[], root = repoRoot): { found: string[]; missing: string[] } {
  const found = new Set<string>();
  const missing = new Set<string>();
  const visit = (name: string, optional: boolean) => {
    if (found.has(name) || missing.has(name)) return;
    const manifest = join(root, 'node_modules', name, 'package.json');
    if (!existsSync(manifest)) {
      if (!optional) missing.add(name);
      return;
    }
    found.add(name);
    const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as {
      dependencies?: Record<string, string>;
      optionalDependencies?: Record<string, string>;
    };
    for (const dep of Object.keys(pkg.dependencies ?? {})) visit(dep, false);
    for (const dep of Object.keys(pkg.optionalDependencies ?? {})) visit(dep, true);
  };
  for (const name of names) visit(name, false);
  return { found: [...found].sort(), missing: [...missing].sort() };
}

/** Where a bundled module comes from an AWS SDK client or one of the S3 presigners. */
const SDK_CLIENT_PACKAGE =
  /(?:^|\/)node_modules\/(@aws-sdk\/(?:client-[a-z0-9-]+|s3-presigned-post|s3-request-presigner))\//;

/**
 * The AWS SDK clients (and S3 presigners) whose code a bundle carries, from its esbuild metafile
 * output (`inputs` with bytes in the output: what tree-shaking kept), e.g. `['@aws-sdk/client-dynamodb',
 * '@aws-sdk/client-s3']`. `npm run bench` measures each function against a bundle of just these.
 */
export function sdkClientsOf(output: { inputs: Record<string, { bytesInOutput: number }> }): string[] {
  const packages = new Set<string>();
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    const name = bytesInOutput > 0 ? SDK_CLIENT_PACKAGE.exec(input)?.[1] : undefined;
    if (name) packages.add(name);
  }
  return [...packages].sort();
}
