/**
 * `npm run kerja:build` — builds the workspace app (site/kerja) into dist/sites/kerja/, where the
 * local site server serves http://localhost:4321/kerja/ from. `--if-stale`: only when its sources
 * changed since the last build (what `npm start` runs). `--out DIR`: another folder.
 */
import { parseArgs } from 'node:util';
import { buildWorkspace, defaultWorkspaceOutDir, workspaceStale } from '../site/kerja/build';

const { values } = parseArgs({
  options: { 'if-stale': { type: 'boolean', default: false }, out: { type: 'string' } },
});
const outDir = values.out ?? defaultWorkspaceOutDir;
if (values['if-stale'] && !workspaceStale(outDir)) {
  console.log(`kerja: ${outDir} is up to date`);
} else {
  const { ms } = await buildWorkspace({ outDir, quiet: values['if-stale'] });
  console.log(`kerja: built the workspace into ${outDir} in ${(ms / 1000).toFixed(1)} s`);
}
