/**
 * Every route declares its contract beside its handler (`functions/<handler>.contract.ts`), the
 * handler validates with it, and the OpenAPI registry maps each deployed route to exactly that
 * contract. Contracts import schemas only: the OpenAPI function's bundle — every contract — holds no
 * store, no table client and no AWS SDK (decision 0020).
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { registry } from '../../../functions/openapi/registry';
import { type Route, routes } from '../../../functions/routes';

const functionsDir = join(import.meta.dirname, '../../../functions');

describe('route contracts', () => {
  it.each(routes.map((r) => [r.id, r] as const))(
    '%s: a contract beside its handler, which uses it',
    (_, route: Route) => {
      const contract = join(functionsDir, `${route.handler}.contract.ts`);
      expect(existsSync(contract), contract).toBe(true);
      const source = readFileSync(join(functionsDir, `${route.handler}.ts`), 'utf8');
      expect(source).toContain(`from './${basename(route.handler)}.contract'`);
    },
  );

  it('the registry holds every deployed route, each with its own contract', () => {
    const deployed = routes.filter((r: Route) => !r.localOnly).map((r) => r.id);
    expect(Object.keys(registry).sort()).toEqual([...deployed].sort());
    for (const [id, contract] of Object.entries(registry)) expect(contract.route, id).toBe(id);
  });

  it('the OpenAPI function carries every contract and no store, table client or AWS SDK', async () => {
    const local = routes
      .filter((r: Route) => r.localOnly)
      .map((r) => join(functionsDir, `${r.handler}.contract.ts`));
    const result = await build({
      entryPoints: [join(functionsDir, 'openapi/handler.ts'), ...local],
      bundle: true,
      write: false,
      outdir: 'out',
      metafile: true,
      platform: 'node',
      format: 'esm',
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((i) => i.endsWith('.contract.ts'))).toHaveLength(routes.length - 2);
    expect(
      inputs.filter((i) =>
        /functions\/lib\/(table|s3|sqs|cdn|transact)\.ts|store\.ts$|node_modules\/@aws-sdk\//.test(i),
      ),
    ).toEqual([]);
  });
});
