// @ts-check
/**
 * The village websites (issue #4): one static Astro project renders every village of the regency
 * under /<slug>/ (Bahasa Indonesia) and /<slug>/en/ (English), plus the regency portal at the root.
 *
 * Data comes from a snapshot folder (env SITE_DATA_DIR, default ./fixtures) through the content
 * collections in src/content.config.ts. `npm run sites:build` (scripts/sites-build.ts → site/build.ts)
 * runs this project programmatically and overrides outDir/cacheDir per build; `npx astro build` inside
 * site/ works too and writes to site/dist/.
 */
import { defineConfig, passthroughImageService } from 'astro/config';

// Nothing may call the network at build time, whoever starts the build.
process.env.ASTRO_TELEMETRY_DISABLED ??= '1';

export default defineConfig({
  output: 'static',
  srcDir: './src',
  publicDir: './public',
  outDir: './dist',
  trailingSlash: 'always',
  // Pages are tiny: collapse whitespace and inline the one hand-written stylesheet (no extra request).
  compressHTML: true,
  build: { format: 'directory', inlineStylesheets: 'always' },
  // Product photos are processed by the photo pipeline, not here: nothing to optimise at build time.
  image: { service: passthroughImageService() },
  scopedStyleStrategy: 'where',
  prefetch: false,
  devToolbar: { enabled: false },
  session: false,
});
