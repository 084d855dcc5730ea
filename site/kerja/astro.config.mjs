// @ts-check
/**
 * The workspace (issue #15): the officers' app at /kerja/ of the regency's site origin, its own
 * Astro project so the village sites keep shipping no JavaScript and their build stays as it is.
 *
 * Strict CSP (infra/workspace-headers.ts): no inline script or style. So no `client:*` islands (their
 * bootstrap is inline); each page's processed <script> imports the Preact screen and renders it, and
 * nothing is inlined (assetsInlineLimit 0, inlineStylesheets 'never'). JSX is compiled by Vite (oxc)
 * for Preact. `npm run kerja:build` (scripts/kerja-build.ts) builds it into dist/sites/kerja/.
 */
import { defineConfig } from 'astro/config';

process.env.ASTRO_TELEMETRY_DISABLED ??= '1';

export default defineConfig({
  output: 'static',
  base: '/kerja/',
  srcDir: './src',
  publicDir: './public',
  outDir: './dist',
  trailingSlash: 'always',
  compressHTML: true,
  build: { format: 'directory', inlineStylesheets: 'never', assets: '_astro' },
  scopedStyleStrategy: 'where',
  prefetch: false,
  devToolbar: { enabled: false },
  session: false,
  vite: {
    build: { assetsInlineLimit: 0, modulePreload: { polyfill: false } },
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  },
});
