/**
 * The build's environment, parsed once (nothing else in site/ reads process.env):
 *   SITE_DATA_DIR   snapshot folder (regency.json + villages/<slug>.json); default site/fixtures
 *   SITE_VILLAGES   comma-separated slugs: only these villages' pages are generated; default all
 *   SITE_PORTAL     "0" skips the regency portal pages (/, /en/, /cari/, root sitemap)
 */
import * as z from 'zod';

const Env = z.object({
  SITE_DATA_DIR: z.string().trim().optional(),
  SITE_VILLAGES: z
    .string()
    .optional()
    .transform((s) => {
      const list = (s ?? '')
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);
      return list.length ? list : undefined;
    }),
  SITE_PORTAL: z.enum(['0', '1', 'false', 'true']).default('1'),
});

const parsed = Env.parse(process.env);

export const buildEnv = {
  dataDir: parsed.SITE_DATA_DIR || undefined,
  villages: parsed.SITE_VILLAGES,
  portal: parsed.SITE_PORTAL === '1' || parsed.SITE_PORTAL === 'true',
};

/** The snapshot folder as a directory URL; relative paths resolve against the project root (site/). */
export function dataDir(root: URL): URL {
  const dir = buildEnv.dataDir ?? 'fixtures';
  const url = new URL(dir, root);
  return url.href.endsWith('/') ? url : new URL(`${url.href}/`);
}
