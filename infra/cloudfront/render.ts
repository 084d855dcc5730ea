import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface ViewerRequestConfig {
  /** the regency's site domain; empty when the distribution's own domain is used (aliases then do nothing) */
  canonicalHost: string;
}

const source = fileURLToPath(new URL('./viewer-request.js', import.meta.url));
const configLine = /^const CONFIG = .*;$/m;
/** the KeyValueStore helper import CloudFront wants on the function's first line */
export const KVS_IMPORT = "import cf from 'cloudfront';";

/** The function's code with this deployment's site domain in it (CloudFront Functions cannot read context). */
export function viewerRequestCode(config: ViewerRequestConfig): string {
  const code = readFileSync(source, 'utf8');
  if (!configLine.test(code)) throw new Error('viewer-request.js lost its `const CONFIG = ...;` line');
  const rendered = code
    .replace(
      configLine,
      `const CONFIG = ${JSON.stringify({ canonicalHost: config.canonicalHost.toLowerCase() })};`,
    )
    // CloudFront wants the import first: drop the leading comment block
    .replace(/^(\/\/.*\n)+/, '');
  if (!rendered.startsWith(KVS_IMPORT)) throw new Error(`viewer-request.js must start with ${KVS_IMPORT}`);
  // CloudFront Functions are limited to 10 KB of code
  if (Buffer.byteLength(rendered) > 10_240) throw new Error('viewer-request function exceeds 10 KB');
  return rendered;
}

/** The alias map as a KeyValueStore import file: host (lower case) → slug. */
export function aliasStoreData(aliases: Record<string, string>): string {
  const data = Object.entries(aliases)
    .map(([host, slug]) => ({ key: host.toLowerCase(), value: slug }))
    .sort((a, b) => a.key.localeCompare(b.key));
  return JSON.stringify({ data });
}

/**
 * The store's name, unique per content. CloudFront applies a store's import file only when the store is
 * created, so a changed alias map must be a new store: a new name makes CloudFormation create it, point
 * the function at it and delete the old one.
 */
export function aliasStoreName(prefix: string, aliases: Record<string, string>): string {
  const hash = createHash('sha256').update(aliasStoreData(aliases)).digest('hex').slice(0, 12);
  return `${prefix}-aliases-${hash}`.slice(0, 64);
}
