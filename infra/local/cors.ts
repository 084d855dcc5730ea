/**
 * CORS as API Gateway's HTTP API answers it with a `corsPreflight` configuration (infra/stacks/
 * api-stack.ts): for the allowed origins only — the site's, where the workspace runs at /kerja/ — on
 * every path (the local OAuth endpoints under /local-cognito/ too, which the app calls with fetch):
 *
 * - a preflight (`OPTIONS`) is answered by the gateway itself, 204, with the configured methods and
 *   headers when the origin is allowed, and without any CORS header when it is not;
 * - every other answer, the handler's or the gateway's own (401, 404, 413, 500), carries
 *   `Access-Control-Allow-Origin: <that origin>` and `Vary: Origin` for an allowed origin, and the
 *   headers the app may read (`Access-Control-Expose-Headers`); nothing for another origin.
 */
import { corsExposedHeaders, corsMethods, corsRequestHeaders } from '../../functions/routes';

export const DEFAULT_SITE_ORIGIN = 'http://localhost:4321';
const MAX_AGE_SECONDS = 3600;

const allowed = (origins: readonly string[], origin: string | undefined): origin is string =>
  origin !== undefined && origins.includes(origin);

/** The headers of an answer to a request from `origin` (none when it is not allowed). */
export function corsHeaders(origins: readonly string[], origin: string | undefined): Record<string, string> {
  if (!allowed(origins, origin)) return {};
  return {
    'access-control-allow-origin': origin,
    'access-control-expose-headers': corsExposedHeaders.join(','),
    vary: 'Origin',
  };
}

/** The headers of a preflight from `origin` (none when it is not allowed). */
export function preflightHeaders(
  origins: readonly string[],
  origin: string | undefined,
): Record<string, string> {
  if (!allowed(origins, origin)) return {};
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': corsMethods.join(','),
    'access-control-allow-headers': corsRequestHeaders.join(','),
    'access-control-max-age': String(MAX_AGE_SECONDS),
    vary: 'Origin',
  };
}

/** `Vary` of a handler's answer with `Origin` added (a header it varies on already stays). */
export function withVary(existing: string | string[] | undefined, add: string): string {
  const have = [existing ?? []]
    .flat()
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  return have.some((v) => v.toLowerCase() === add.toLowerCase())
    ? have.join(', ')
    : [...have, add].join(', ');
}
