/**
 * Crash: `npm start` runs as its own process group on its own data folder (free ports); a burst of
 * submissions with Idempotency-Keys is cut by SIGKILL to the whole group (Node and DynamoDB Local's
 * JVM at once) right after an acknowledgement; `npm start` is started again on the same folder, and:
 * - every acknowledged submission is there: its tracking code answers, and a retry with the same key
 *   answers the very same receipt (id, tracking code, secret);
 * - every submission cut off before its answer files exactly once when retried (a replay of what
 *   landed, or a first filing), and a second retry answers the same;
 * - the table holds exactly one request per submission, none twice.
 * Two kill-and-restart rounds, so an acknowledgement lost in either fails the test. No timings: start
 * and restart are waited for (readiness: npm start's runtime.json naming its pid), however slow.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type AttributeValue, DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RuntimeRecord } from '../../infra/local/attach';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/servers';
import { type Call, client, skuBody, TAMANSARI } from '../support/runtime';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Receipt {
  id: string;
  trackingCode: string;
  secret: string;
  status: string;
}

/**
 * `npm start` on a data folder (its entry, infra/local/start.ts, run by Node 24 with tsx as npm start
 * runs it), as its own process group: the test kills the group.
 */
class NpmStart {
  readonly child: ChildProcess;
  private output = '';
  private gone = false;
  readonly exited: Promise<void>;

  constructor(readonly dataDir: string) {
    this.child = spawn(
      process.execPath,
      ['--import', 'tsx', 'infra/local/start.ts', '--data-dir', dataDir, '--no-publish'],
      {
        cwd: repoRoot,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          PORT: '0',
          SITE_PORT: '0',
          LOG_LEVEL: 'silent',
          // the burst comes from one address; the limiter is not under test here
          RATE_LIMIT_SUBMIT: '1000000',
          RATE_LIMIT_TRACK: '1000000',
        },
      },
    );
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString('utf8')).slice(-4000);
    };
    this.child.stdout?.on('data', keep);
    this.child.stderr?.on('data', keep);
    this.exited = new Promise((done) =>
      this.child.once('exit', () => {
        this.gone = true;
        done();
      }),
    );
  }

  /** Waits (however long it takes) until it serves; throws if it exits first. */
  async ready(): Promise<RuntimeRecord> {
    for (;;) {
      if (this.gone) throw new Error(`npm start exited before it was ready:\n${this.output}`);
      try {
        const record = JSON.parse(readFileSync(join(this.dataDir, 'runtime.json'), 'utf8')) as RuntimeRecord;
        if (record.pid === this.child.pid) return record;
      } catch {
        // not written yet, or a killed run's record
      }
      await sleep(250);
    }
  }

  /** SIGKILL to the whole group, now (synchronous: callable the moment an answer arrives). */
  killGroup(): void {
    if (this.gone || this.child.pid === undefined) return;
    try {
      process.kill(-this.child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }

  /** Kills the group and waits until no process has the data folder's files open any more. */
  async kill(): Promise<void> {
    this.killGroup();
    await this.exited;
    while (processesUsing(this.dataDir).length) await sleep(100);
  }
}

/** pids of processes whose command line names this folder (DynamoDB Local gets `-dbPath <dir>/dynamodb`) */
function processesUsing(dir: string): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(dir);
      } catch {
        return false;
      }
    })
    .map(Number);
}

const NAME_PREFIX = 'Uji Crash';
const submission = (name: string) => skuBody(`${NAME_PREFIX} ${name}`);

interface Burst {
  /** key → the receipt its 201 answered */
  acked: Map<string, Receipt>;
  /** keys sent whose answer never came (cut by the kill) */
  cut: string[];
}

/**
 * Sends `total` submissions, `parallel` at a time, and kills the group in the same tick as the
 * `killAfter`-th acknowledgement arrives: the requests in flight then are cut, the rest never sent.
 */
async function burst(
  runtime: NpmStart,
  apiUrl: string,
  round: string,
  opts: { total: number; parallel: number; killAfter: number },
): Promise<Burst> {
  const acked = new Map<string, Receipt>();
  const cut: string[] = [];
  let next = 0;
  let killed = false;
  const worker = async () => {
    while (!killed && next < opts.total) {
      const key = `crash-${round}-${String(next++).padStart(3, '0')}`;
      let res: Response;
      let receipt: Receipt;
      try {
        res = await fetch(`${apiUrl}/villages/${TAMANSARI}/requests`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': key },
          body: JSON.stringify(submission(key)),
        });
        receipt = (await res.json()) as Receipt;
      } catch {
        cut.push(key);
        continue;
      }
      if (res.status !== 201) throw new Error(`${key}: ${res.status} ${JSON.stringify(receipt)}`);
      acked.set(key, receipt);
      if (acked.size === opts.killAfter) {
        killed = true;
        runtime.killGroup();
      }
    }
  };
  await Promise.all(Array.from({ length: opts.parallel }, worker));
  expect(killed, 'the burst was cut by the kill').toBe(true);
  return { acked, cut };
}

/** Request items in the table per applicant name of this test's submissions. */
async function requestsByName(dynamoEndpoint: string): Promise<Map<string, string[]>> {
  const ddb = new DynamoDBClient({
    endpoint: dynamoEndpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
  });
  const byName = new Map<string, string[]>();
  try {
    let ExclusiveStartKey: Record<string, AttributeValue> | undefined;
    do {
      const page = await ddb.send(
        new ScanCommand({
          TableName: 'smart-kampung',
          FilterExpression: 'begins_with(applicant.#name, :prefix) AND attribute_exists(trackingCode)',
          ExpressionAttributeNames: { '#name': 'name' },
          ExpressionAttributeValues: { ':prefix': { S: NAME_PREFIX } },
          ...(ExclusiveStartKey ? { ExclusiveStartKey } : {}),
        }),
      );
      for (const item of page.Items ?? []) {
        const name = item.applicant?.M?.name?.S ?? '';
        byName.set(name, [...(byName.get(name) ?? []), item.id?.S ?? '']);
      }
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
  } finally {
    ddb.destroy();
  }
  return byName;
}

/**
 * After a restart: every acknowledged submission is tracked and its retry answers its receipt; every
 * cut one files once when retried (then counts as acknowledged, with that receipt); the table holds
 * one request per submission.
 */
async function expectKept(
  record: RuntimeRecord,
  acked: Map<string, Receipt>,
  cut: Set<string>,
): Promise<void> {
  const call = client(record.apiUrl);
  const submit = (key: string): Promise<Call> =>
    call('POST', `/villages/${TAMANSARI}/requests`, {
      json: submission(key),
      headers: { 'idempotency-key': key },
    });
  for (const [key, receipt] of acked) {
    const tracked = await call('GET', `/track/${receipt.trackingCode}`);
    expect(
      tracked.status,
      `${key}: acknowledged as ${receipt.trackingCode}, not found after the restart`,
    ).toBe(200);
    expect(tracked.data.trackingCode).toBe(receipt.trackingCode);
    const retry = await submit(key);
    expect(retry.status, `${key}: retry`).toBe(201);
    expect(retry.data, `${key}: a retry answers the acknowledged receipt`).toEqual(receipt);
  }
  for (const key of cut) {
    const first = await submit(key);
    expect(first.status, `${key}: retry of a cut submission`).toBe(201);
    const again = await submit(key);
    expect(again.data, `${key}: a second retry answers the first`).toEqual(first.data);
    acked.set(key, first.data);
    cut.delete(key);
  }
  const stored = await requestsByName(record.dynamoEndpoint);
  expect(Object.fromEntries(stored), 'one request per submission').toEqual(
    Object.fromEntries([...acked].map(([key, receipt]) => [`${NAME_PREFIX} ${key}`, [receipt.id]])),
  );
}

let dataDir: string;
let running: NpmStart | undefined;

async function start(): Promise<{ runtime: NpmStart; record: RuntimeRecord }> {
  running = new NpmStart(dataDir);
  return { runtime: running, record: await running.ready() };
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'sk-crash-'));
}, 600_000);

afterAll(async () => {
  await running?.kill();
  await rm(dataDir, { recursive: true, force: true });
}, 600_000);

describe('kill -9 of npm start in the middle of a burst of submissions', () => {
  it('keeps every acknowledged submission: after a restart each is tracked and a retry answers the same receipt, none twice', async () => {
    const acked = new Map<string, Receipt>();
    const cut = new Set<string>();
    for (const round of ['a', 'b']) {
      const { runtime, record } = await start();
      await expectKept(record, acked, cut);
      const sent = await burst(runtime, record.apiUrl, round, {
        total: 40,
        parallel: 6,
        killAfter: 15,
      });
      await runtime.kill();
      for (const [key, receipt] of sent.acked) acked.set(key, receipt);
      for (const key of sent.cut) cut.add(key);
    }
    await expectKept((await start()).record, acked, cut);
  }, 1_200_000);
});
