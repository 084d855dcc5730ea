import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { buildOptions, listBundles } from './infra/bundles';

const out = mkdtempSync(join(tmpdir(), 'skb-'));
for (const b of listBundles().filter((x) => x.exists)) {
  const r = await esbuild.build({
    ...(buildOptions as any),
    entryPoints: { [b.id]: b.entry },
    outdir: out,
    external: b.external,
    metafile: true,
    logLevel: 'silent',
  });
  const o = Object.values(r.metafile.outputs)[0]!;
  const pk = new Set(
    Object.entries(o.inputs)
      .filter(([, v]) => v.bytesInOutput > 0)
      .map(([k]) => /node_modules\/(@aws-sdk\/[^/]+)/.exec(k)?.[1])
      .filter(Boolean),
  );
  console.log(
    b.id.padEnd(28),
    (o.bytes / 1024).toFixed(0).padStart(5),
    [...pk]
      .filter((p) => /client-|presign|credential|nested/.test(p!))
      .map((p) => p!.replace('@aws-sdk/', ''))
      .sort()
      .join(' '),
  );
}
