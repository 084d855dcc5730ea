/**
 * The API latency benchmark's report (./api.ts): the machine, the DynamoDB work per operation, the
 * latencies per path, the budget's verdict and where path A spends its time over B.
 */
import os from 'node:os';
import type { LocalRuntime } from '../infra/local/runtime';
import {
  BLOCKS,
  BUDGET,
  type Op,
  type Path,
  type PathId,
  PER_BLOCK,
  type Recorded,
  WARMUP,
} from './api-model';
import { ms, ratio, type Stats, stats, table } from './lib';

export interface Measured {
  rt: LocalRuntime;
  paths: Path[];
  records: Map<string, Recorded>;
  rec(op: Op, id: PathId): Recorded;
  /** performance.now() at the start, and the phases' durations (ms) */
  started: number;
  startupMs: number;
  warmMs: number;
  measuredMs: number;
}

export function report({ rt, paths, records, rec, started, startupMs, warmMs, measuredMs }: Measured): void {
  const cpus = os.cpus();
  console.log('API latency budget — submit and track through the adapter vs the same raw SDK calls');
  console.log(
    `machine: ${cpus.length} cores (${cpus[0]?.model.trim() ?? '?'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, ` +
      `${os.platform()} ${os.release()}, node ${process.version}, load avg ${os
        .loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}`,
  );
  console.log(
    `run: ${BLOCKS} interleaved blocks × ${PER_BLOCK} per path and op (n=${BLOCKS * PER_BLOCK}), ` +
      `warm-up ${WARMUP} per path and op; DynamoDB Local at ${rt.dynamoEndpoint} (in memory)`,
  );
  console.log('');

  const pathById = new Map(paths.map((p) => [p.id, p]));
  const label = (id: PathId) => `${id} ${pathById.get(id)?.label ?? ''}`;
  const all = new Map<string, Stats>();
  for (const [k, r] of records) all.set(k, stats(r.samples));

  console.log(
    'DynamoDB work per operation (counted by middleware on the clients; bytes = request bodies sent)',
  );
  console.log(
    table(
      ['op', 'path', 'calls per iteration (iterations)', 'req bytes/op'],
      (['submit', 'track'] as const).flatMap((op) =>
        paths
          .filter((p) => p.counter)
          .map((p) => {
            const r = rec(op, p.id);
            const calls = [...r.calls].map(([sig, n]) => `${sig} (${n})`).join('; ');
            return [op, label(p.id), calls, (r.requestBytes / r.samples.length).toFixed(0)];
          }),
      ),
    ),
  );
  for (const op of ['submit', 'track'] as const) {
    const sigs = (id: PathId) => [...rec(op, id).calls.keys()].join('; ');
    const same = sigs('A') === sigs('B');
    const bytes = (id: PathId) => rec(op, id).requestBytes / rec(op, id).samples.length;
    console.log(
      `${op}: A and B make ${same ? 'the same calls' : 'DIFFERENT calls — the baseline no longer mirrors the handler'}` +
        `, request bytes B/A ${(bytes('B') / bytes('A')).toFixed(3)}`,
    );
  }
  console.log('');

  console.log('Latency (ms)');
  console.log(
    table(
      ['op', 'path', 'n', 'p50', 'p95', 'p99', 'mean', 'max'],
      (['submit', 'track'] as const).flatMap((op) =>
        paths.map((p) => {
          const s = all.get(`${op}:${p.id}`) as Stats;
          return [op, label(p.id), String(s.n), ms(s.p50), ms(s.p95), ms(s.p99), ms(s.mean), ms(s.max)];
        }),
      ),
    ),
  );
  console.log('');

  const verdict = (a: number, b: number) => (a / b <= BUDGET ? 'PASS' : 'OVER');
  console.log(`Budget: A (adapter) / B (raw SDK) ≤ ${BUDGET}× — judged on p50; p99 reported alongside`);
  console.log(
    table(
      ['op', 'A p50', 'B p50', 'p50 A/B', 'verdict (p50)', 'A p99', 'B p99', 'p99 A/B', 'p99 check'],
      (['submit', 'track'] as const).map((op) => {
        const a = all.get(`${op}:A`) as Stats;
        const b = all.get(`${op}:B`) as Stats;
        return [
          op,
          ms(a.p50),
          ms(b.p50),
          ratio(a.p50, b.p50),
          verdict(a.p50, b.p50),
          ms(a.p99),
          ms(b.p99),
          ratio(a.p99, b.p99),
          verdict(a.p99, b.p99),
        ];
      }),
    ),
  );
  console.log('');

  console.log('Where A spends its time over B (differences of p50s, ms; approximate: medians do not add)');
  console.log(
    table(
      [
        'op',
        'B raw SDK',
        'D−B toolbox+domain',
        'C−D endpoint (middy,zod,JSON)',
        'A−C HTTP+adapter',
        '(E HTTP floor)',
        'A total',
      ],
      (['submit', 'track'] as const).map((op) => {
        const p = (id: PathId) => (all.get(`${op}:${id}`) as Stats).p50;
        return [
          op,
          ms(p('B')),
          ms(p('D') - p('B')),
          ms(p('C') - p('D')),
          ms(p('A') - p('C')),
          ms(p('E')),
          ms(p('A')),
        ];
      }),
    ),
  );
  console.log('');
  console.log(
    `time: startup ${(startupMs / 1000).toFixed(1)} s, warm-up ${(warmMs / 1000).toFixed(1)} s, ` +
      `measured ${(measuredMs / 1000).toFixed(1)} s, total ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}
