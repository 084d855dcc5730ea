/**
 * The onboarding script refuses an ambiguous target before it touches any table: TABLE_NAME without
 * --aws used to onboard the local table silently while the operator meant the regency's.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../../infra/bundles';

function onboard(args: string[], env: Record<string, string | undefined>) {
  const { DYNAMODB_ENDPOINT: _d, S3_ENDPOINT: _s, TABLE_NAME: _t, ...base } = process.env;
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(repoRoot, 'scripts/villages-onboard.ts'), ...args],
    { cwd: repoRoot, env: { ...base, ...env }, encoding: 'utf8', timeout: 60_000 },
  );
  return { status: result.status, stderr: result.stderr };
}

describe('villages:onboard target', () => {
  it('refuses TABLE_NAME without --aws (it would write to the local table)', () => {
    const { status, stderr } = onboard(['--regency', '35.10'], { TABLE_NAME: 'smart-kampung-3510' });
    expect(status).toBe(2);
    expect(stderr).toContain('--aws');
    expect(stderr).toContain('LOCAL table');
  });

  it('refuses --aws without TABLE_NAME', () => {
    const { status, stderr } = onboard(['--regency', '35.10', '--aws'], {});
    expect(status).toBe(2);
    expect(stderr).toContain('TABLE_NAME');
  });
});
