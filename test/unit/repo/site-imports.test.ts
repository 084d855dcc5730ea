/**
 * The site reaches functions/ only through the snapshot contract (docs/architecture.md). The
 * dependency-cruiser rules (`npm run lint:deps`) check the site's .ts files; they cannot parse Astro
 * components, so this checks the imports of every .astro file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = resolve(import.meta.dirname, '../../..');
const siteSrc = join(repoRoot, 'site/src');
const components = readdirSync(siteSrc, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.astro'))
  .map((f) => join(siteSrc, f));

/** Every module an Astro component imports (frontmatter and scripts), as a path from the repository root. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [
    ...text.matchAll(/\bimport\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/g),
    ...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1] as string);
  return specifiers
    .filter((s) => s.startsWith('.'))
    .map((s) => relative(repoRoot, resolve(dirname(file), s)).replace(/\.(ts|tsx|js|mjs)$/, ''));
}

describe('the site imports', () => {
  it('finds the Astro components', () => {
    expect(components.length).toBeGreaterThan(10);
  });

  it('reach functions/ only through functions/sites/snapshot, and nothing of infra/, scripts, bench or tests', () => {
    const offending = components.flatMap((file) =>
      importsOf(file)
        .filter((target) => /^(functions|infra|scripts|bench|test)\//.test(target))
        .filter((target) => target !== 'functions/sites/snapshot')
        .map((target) => `${relative(repoRoot, file)} → ${target}`),
    );
    expect(offending).toEqual([]);
  });

  it('are seen by this check (a component that imports the snapshot is found)', () => {
    const all = components.flatMap(importsOf);
    expect(all).toContain('functions/sites/snapshot');
  });
});
