import * as z from './zod';

/**
 * The one place that reads `process.env`, through `config()`: parsed on first call and kept. Every
 * function entry calls it once at import (`endpoint()` does, for the API's handlers), so a bad variable
 * fails the cold start loudly (`invalid environment: API_URL: …`) instead of surfacing as a confusing
 * error in a request. No other module reads it at import — clients are made on first use (`fromConfig`)
 * — so the local runtime can load the functions before its servers listen, then set the environment and
 * `resetConfig()`. Locally and on AWS the same variables exist; only the endpoints differ.
 */
export const Env = z.object({
  TABLE_NAME: z._default(z.string().check(z.minLength(1)), 'smart-kampung'),
  UPLOADS_BUCKET: z._default(z.string().check(z.minLength(1)), 'smart-kampung-uploads'),
  /** processed product photos (public through CloudFront at SITE_URL/photos/…, locally the site server) */
  PHOTOS_BUCKET: z._default(z.string().check(z.minLength(1)), 'smart-kampung-photos'),
  /** issued letters (PDF), private: downloads go through the API (requests/letters.ts) */
  LETTERS_BUCKET: z._default(z.string().check(z.minLength(1)), 'smart-kampung-letters'),
  /**
   * AWS: the letter issuer's queue (outbox → SQS → requests/handlers/issue-letter). Unset locally: the
   * local runtime delivers the completion's message to the issuer itself (infra/local/letter-events.ts).
   */
  LETTER_QUEUE_URL: z.optional(z.url()),
  /** AWS only: the user pool sellers' sign-ins are created in; unset locally (the local identity store) */
  COGNITO_USER_POOL_ID: z.optional(z.string().check(z.minLength(1))),
  AWS_REGION: z._default(z.string().check(z.minLength(1)), 'ap-southeast-3'),
  /** local runtime only: where DynamoDB Local / the S3-compatible server listen */
  DYNAMODB_ENDPOINT: z.optional(z.url()),
  S3_ENDPOINT: z.optional(z.url()),
  /** local runtime only: the browser-facing S3 endpoint of presigned URLs (a CORS-adding front) */
  S3_PUBLIC_ENDPOINT: z.optional(z.url()),
  /** local runtime only: where SQS requests go (the S3 server serves SQS too); on AWS the SDK's regional endpoint */
  SQS_ENDPOINT: z.optional(z.url()),
  /**
   * AWS: the photo processor's queue (infra/stacks/api-stack.ts), which photo confirm sends the
   * upload's event to (route `photoQueue: 'write'`). Unset locally: the local runtime delivers the
   * event to the processor itself on confirm (infra/local/s3-events.ts).
   */
  PHOTO_QUEUE_URL: z.optional(z.url()),
  /**
   * AWS only: the regency's CloudFront distribution (infra/stacks/sites-stack.ts), invalidated under
   * the withheld variants' paths after a product's photos are withheld (route `cdn: 'write'`). Unset
   * locally: no invalidation is sent.
   */
  DISTRIBUTION_ID: z.optional(z.string().check(z.minLength(1))),
  /** public base URL of this API, used in links the API hands to browsers (receipt, S3 redirects) */
  API_URL: z._default(z.url(), 'http://localhost:3000'),
  /** where village sites live; used for links back to the site */
  SITE_URL: z._default(z.url(), 'http://localhost:4321'),
  /**
   * the one browser origin allowed to call the JSON API cross-origin (CORS): the site's, where the
   * workspace runs at /kerja/ (locally http://localhost:4321; unset: SITE_URL's origin). On AWS the
   * HTTP API's corsPreflight holds the regency's site domain (infra/stacks/api-stack.ts).
   */
  SITE_ORIGIN: z.optional(z.url()),
  REGENCY_CODE: z._default(z.string().check(z.regex(/^\d{2}\.\d{2}$/)), '35.10'),
  /**
   * JWT issuer and app client id (Cognito on AWS; the local issuer in `npm start`). On AWS two ids,
   * comma-separated: the web client's and the workspace's (tokens of either are accepted)
   */
  AUTH_ISSUER: z._default(z.url(), 'http://localhost:3000/local-cognito'),
  AUTH_CLIENT_ID: z._default(z.string().check(z.minLength(1)), 'local-app-client'),
  /** local runtime only: where the local signing key is kept (in memory when unset) */
  LOCAL_DATA_DIR: z.optional(z.string()),
  /**
   * New submissions an address may file to one village per hour (functions/lib/rate-limit.ts). Only
   * accepted new submissions count: a replay (same Idempotency-Key, or the same form re-posted) and a
   * refused one (400) never do. Sized for a village office of fifty people behind one address: on a
   * normal morning each files one or two requests, and they bunch (at opening, after a village
   * meeting), so the whole office may file about 100 within one hour; 120 leaves room, while a script
   * filling one village's queue from one address gets 120 fake requests an hour at most.
   */
  RATE_LIMIT_SUBMIT: z._default(z.coerce.number().check(z.int(), z.minimum(1)), 120),
  /**
   * Tracking-code look-ups per address per 10 minutes, found or not (`/track`, Open311 by code). Fifty
   * people re-checking their requests six times within the same ten minutes fit; a script trying codes
   * gets 300 guesses per 10 minutes against 2^50 codes.
   */
  RATE_LIMIT_TRACK: z._default(z.coerce.number().check(z.int(), z.minimum(1)), 300),
  /** Letter verification look-ups (`/verifikasi/{token}`) per address per 10 minutes. */
  RATE_LIMIT_VERIFY: z._default(z.coerce.number().check(z.int(), z.minimum(1)), 300),
  LOG_LEVEL: z._default(z.enum(['debug', 'info', 'warn', 'error', 'silent']), 'info'),
});

export type Config = z.infer<typeof Env>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid environment: ${detail}`);
  }
  return parsed.data;
}

let loaded: Config | undefined;

/** The configuration of this container: `process.env`, parsed on first call (throws if it is invalid). */
export function config(): Config {
  loaded ??= loadConfig();
  return loaded;
}

/**
 * Forgets the parsed configuration: the next `config()` reads `process.env` again, and what
 * `fromConfig` made is made anew. For the local runtime, once it has set the environment, and for tests.
 */
export function resetConfig(): void {
  loaded = undefined;
}

/**
 * A value made from the configuration on first use and kept, once per container — an SDK client: not
 * at import, so importing a module reads no configuration. Made again when the configuration is read
 * anew (`resetConfig`). Mark the call pure (esbuild's `@__PURE__` comment) so an unused one is dropped.
 */
/** The origin CORS allows: SITE_ORIGIN, else SITE_URL's origin. */
export const siteOrigin = (c: Config): string => new URL(c.SITE_ORIGIN ?? c.SITE_URL).origin;

export function fromConfig<T>(make: (c: Config) => T): () => T {
  let made: { from: Config; value: T } | undefined;
  return () => {
    const current = config();
    if (made?.from !== current) made = { from: current, value: make(current) };
    return made.value;
  };
}

/** The local servers' credentials (DynamoDB Local and the S3/SQS server check none). */
export const localCredentials = { accessKeyId: 'local', secretAccessKey: 'local' };

/**
 * An AWS SDK client's settings: the region and, where a local server stands in for the service (its
 * endpoint set in the environment), that endpoint with the local credentials. On AWS the region only:
 * the SDK's own endpoint, credentials (the function's role) and retries.
 */
export const clientSettings = (endpoint: string | undefined) => ({
  region: config().AWS_REGION,
  ...(endpoint ? { endpoint, credentials: localCredentials } : {}),
});

/** An S3 client's settings: path-style addressing on a configured endpoint (the local server, its front). */
export const s3Settings = (endpoint: string | undefined) => ({
  ...clientSettings(endpoint),
  forcePathStyle: endpoint !== undefined,
});
