/**
 * Builds the workspace (site/kerja, its own Astro project) into `<outDir>` (default
 * `dist/sites/kerja/`, where the local site server serves /kerja/ from and where `publish:site` syncs
 * from). Built into a temporary folder, then swapped in file by file: `config.json` (written by the
 * local runtime, or by CDK into the bucket on AWS) is never overwritten or deleted.
 *
 * `workspaceDigest()` fingerprints the sources, so `npm start` rebuilds only when they changed.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withBuildLock } from '../build-lock';

export const kerjaDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(kerjaDir, '../..');
export const defaultWorkspaceOutDir = join(repoRoot, 'dist', 'sites', 'kerja');
/** files of the folder the build leaves alone: the runtime configuration */
export const PRESERVED = new Set(['config.json']);
export const WORKSPACE_MARKER = '.workspace-build.json';

/** What the build reads: its sources, its configuration, the status labels, the locked packages. */
export function workspaceDigest(): string {
  const hash = createHash('sha256');
  const files = [
    join(kerjaDir, 'astro.config.mjs'),
    join(repoRoot, 'functions/requests/domain/transitions.ts'),
    join(repoRoot, 'package-lock.json'),
    ...readdirSync(join(kerjaDir, 'src'), { recursive: true, encoding: 'utf8' })
      .map((f) => join(kerjaDir, 'src', f))
      .sort(),
  ];
  for (const f of files) {
    try {
      hash.update(f).update(readFileSync(f));
    } catch {
      // a folder
    }
  }
  return hash.digest('hex').slice(0, 16);
}

/** Is the built workspace missing, or built from other sources? */
export function workspaceStale(outDir = defaultWorkspaceOutDir): boolean {
  try {
    const marker = JSON.parse(readFileSync(join(outDir, WORKSPACE_MARKER), 'utf8')) as { digest?: string };
    return marker.digest !== workspaceDigest() || !existsSync(join(outDir, 'index.html'));
  } catch {
    return true;
  }
}

export async function buildWorkspace(
  opts: { outDir?: string; quiet?: boolean } = {},
): Promise<{ ms: number }> {
  const started = performance.now();
  const outDir = resolve(opts.outDir ?? defaultWorkspaceOutDir);
  const digest = workspaceDigest();
  const tmpRoot = join(dirname(outDir), '.tmp');
  await mkdir(tmpRoot, { recursive: true });
  const tmp = await mkdtemp(join(tmpRoot, 'kerja-'));
  process.env.ASTRO_TELEMETRY_DISABLED ??= '1';
  try {
    const { build } = await import('astro');
    await withBuildLock(() =>
      build({
        root: kerjaDir,
        outDir: join(tmp, 'out'),
        cacheDir: join(tmp, 'cache'),
        logLevel: opts.quiet ? 'warn' : 'info',
      }),
    );
    await mkdir(outDir, { recursive: true });
    // everything of the old build goes (but config.json), then the new files come in
    for (const entry of await readdir(outDir)) {
      if (!PRESERVED.has(entry)) await rm(join(outDir, entry), { recursive: true, force: true });
    }
    for (const entry of await readdir(join(tmp, 'out'))) {
      if (!PRESERVED.has(entry)) await rename(join(tmp, 'out', entry), join(outDir, entry));
    }
    await writeFile(
      join(outDir, WORKSPACE_MARKER),
      JSON.stringify({ digest, builtAt: new Date().toISOString() }),
    );
    return { ms: performance.now() - started };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
