import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface ViewerRequestConfig {
  /** the regency's site domain; empty when the distribution's own domain is used (aliases then do nothing) */
  canonicalHost: string;
  /** a village's own host → its slug */
  aliases: Record<string, string>;
}

const source = fileURLToPath(new URL('./viewer-request.js', import.meta.url));
const configLine = /^const CONFIG = .*;$/m;

/** The function's code with this deployment's host names in it (CloudFront Functions cannot read context). */
export function viewerRequestCode(config: ViewerRequestConfig): string {
  const code = readFileSync(source, 'utf8');
  if (!configLine.test(code)) throw new Error('viewer-request.js lost its `const CONFIG = ...;` line');
  const normalized = {
    canonicalHost: config.canonicalHost.toLowerCase(),
    aliases: Object.fromEntries(
      Object.entries(config.aliases).map(([host, slug]) => [host.toLowerCase(), slug]),
    ),
  };
  const rendered = code.replace(configLine, `const CONFIG = ${JSON.stringify(normalized)};`);
  // CloudFront Functions are limited to 10 KB of code
  if (Buffer.byteLength(rendered) > 10_240) throw new Error('viewer-request function exceeds 10 KB');
  return rendered;
}
