/**
 * For CLI commands (onboarding, later the site build): use the running `npm start`'s servers when it is
 * up (it records them in <dataDir>/runtime.json), otherwise start the embedded servers on the same data
 * folder — so two processes never open the same database files.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { resetConfig } from '../../functions/lib/config';
import { DataDirLocked, readLock } from './data-lock';
import { LOCAL_REGION, startEmbedded } from './servers';

export interface RuntimeRecord {
  pid: number;
  apiUrl: string;
  dynamoEndpoint: string;
  s3Endpoint: string;
  /** where the village sites are served */
  siteUrl?: string;
  /**
   * found through the data folder's lock, not npm start's record: another command's servers (its API
   * and site URLs are its own, short-lived ones, not where pages should point)
   */
  viaLock?: true;
}

const file = (dataDir: string) => join(dataDir, 'runtime.json');

export function recordRuntime(dataDir: string, record: RuntimeRecord): () => void {
  writeFileSync(file(dataDir), JSON.stringify(record, null, 2));
  return () => rmSync(file(dataDir), { force: true });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The running servers of this data folder, if there are: `npm start`'s record, else whoever holds the
 * folder's lock and advertises its servers (e.g. a `sites:build` that started them itself).
 */
export function readRuntime(dataDir: string): RuntimeRecord | undefined {
  if (existsSync(file(dataDir))) {
    const record = JSON.parse(readFileSync(file(dataDir), 'utf8')) as RuntimeRecord;
    if (alive(record.pid)) return record;
  }
  const holder = readLock(dataDir);
  if (holder?.dynamoEndpoint && holder.s3Endpoint)
    return {
      pid: holder.pid,
      apiUrl: holder.apiUrl ?? 'http://localhost:3000',
      dynamoEndpoint: holder.dynamoEndpoint,
      s3Endpoint: holder.s3Endpoint,
      ...(holder.siteUrl ? { siteUrl: holder.siteUrl } : {}),
      viaLock: true,
    };
  return undefined;
}

/**
 * While another process holds the data folder but does not advertise its servers yet (it is starting
 * or seeding), wait for it — up to `timeoutMs` — to advertise them or let go. Returns the running
 * servers, or undefined when the folder is free; throws a readable error when the wait runs out.
 */
export async function waitForDataDir(
  dataDir: string,
  opts: { timeoutMs?: number; say?: (message: string) => void } = {},
): Promise<RuntimeRecord | undefined> {
  const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
  let told = false;
  for (;;) {
    const running = readRuntime(dataDir);
    if (running) return running;
    const holder = readLock(dataDir);
    if (!holder || holder.pid === process.pid) return undefined;
    if (Date.now() > deadline) throw new DataDirLocked(resolve(dataDir), holder);
    if (!told) opts.say?.(`waiting for process ${holder.pid}, which is starting the servers on ${dataDir} …`);
    told = true;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Points the functions' configuration at local servers (read anew: resetConfig); returns a function that releases what it started. */
export async function attachLocal(
  dataDir: string,
  opts: { timeoutMs?: number; say?: (message: string) => void } = {},
): Promise<{ mode: 'attached' | 'embedded'; release(): Promise<void> }> {
  const env = {
    TABLE_NAME: 'smart-kampung',
    UPLOADS_BUCKET: 'smart-kampung-uploads',
    AWS_REGION: LOCAL_REGION,
  };
  for (;;) {
    const running = await waitForDataDir(dataDir, opts);
    if (running) {
      Object.assign(process.env, env, {
        DYNAMODB_ENDPOINT: running.dynamoEndpoint,
        S3_ENDPOINT: running.s3Endpoint,
      });
      resetConfig();
      return { mode: 'attached', release: async () => {} };
    }
    try {
      const embedded = await startEmbedded({ dataDir });
      Object.assign(process.env, env, {
        DYNAMODB_ENDPOINT: embedded.dynamoEndpoint,
        S3_ENDPOINT: embedded.s3Endpoint,
      });
      resetConfig();
      return { mode: 'embedded', release: () => embedded.stop() };
    } catch (error) {
      // another command took the folder between our look and our start: wait for it instead
      if (!(error instanceof DataDirLocked)) throw error;
    }
  }
}

/**
 * The generation of a data folder's data: an id made when the folder is first used and gone with it
 * (`npm start -- --fresh`), so sites built from older data are recognised (site/build.ts BuildMarker).
 */
export function dataGeneration(dataDir: string): string {
  const file = join(dataDir, 'generation');
  try {
    const id = readFileSync(file, 'utf8').trim();
    if (id) return id;
  } catch {}
  mkdirSync(dataDir, { recursive: true });
  const id = randomUUID();
  try {
    writeFileSync(file, id, { flag: 'wx' });
    return id;
  } catch {
    return readFileSync(file, 'utf8').trim() || id;
  }
}
