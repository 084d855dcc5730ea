/**
 * One process at a time opens a data folder's database files: whoever starts the embedded servers on
 * `<dataDir>` first holds `<dataDir>/lock` (created exclusively, with its pid). Once its servers are
 * up (for `npm start`: once seeded too) it advertises their endpoints in the same file, so later
 * commands attach to them instead of opening the files a second time. A lock whose pid is gone (a
 * killed process) is taken over.
 */
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface LockHolder {
  pid: number;
  since: string;
  /** present once the holder's servers answer (and, for a runtime, the data is seeded) */
  dynamoEndpoint?: string;
  s3Endpoint?: string;
  apiUrl?: string;
  siteUrl?: string;
}

export class DataDirLocked extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `the data folder ${dataDir} is in use by process ${holder.pid} (since ${holder.since}); ` +
        (holder.dynamoEndpoint
          ? `its servers are at ${holder.dynamoEndpoint} — attach to them (attachLocal) instead of starting new ones`
          : 'it is still starting: wait for it to finish, or stop it'),
    );
    this.name = 'DataDirLocked';
  }
}

export interface DataLock {
  /** write the holder's server endpoints (and URLs) into the lock for later commands */
  advertise(info: Omit<LockHolder, 'pid' | 'since'>): void;
  release(): void;
}

const lockFile = (dataDir: string) => join(resolve(dataDir), 'lock');

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parse(text: string): LockHolder | undefined {
  try {
    const value = JSON.parse(text) as LockHolder;
    return Number.isInteger(value?.pid) ? value : undefined;
  } catch {
    return undefined;
  }
}

function readHolder(file: string): LockHolder | undefined | 'missing' {
  try {
    return parse(readFileSync(file, 'utf8'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw err;
  }
}

/** The live holder of the data folder's lock (undefined when free or held by a dead process). */
export function readLock(dataDir: string): LockHolder | undefined {
  const holder = readHolder(lockFile(dataDir));
  return holder && holder !== 'missing' && isAlive(holder.pid) ? holder : undefined;
}

/** Takes the data folder's lock or throws DataDirLocked naming the live holder. */
export function lockDataDir(dataDir: string): DataLock {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const file = lockFile(dir);
  const mine: LockHolder = { pid: process.pid, since: new Date().toISOString() };
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(file, JSON.stringify(mine), { flag: 'wx' });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 3) throw err;
    }
    const holder = readHolder(file);
    if (holder === 'missing') continue;
    // a lock being written right now reads as empty: give its writer a moment before judging it
    if (holder === undefined && attempt === 0) {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
      continue;
    }
    if (holder && isAlive(holder.pid)) throw new DataDirLocked(dir, holder);
    // stale: move it aside atomically (only one taker wins the rename), then check what was moved
    const aside = `${file}.stale-${process.pid}`;
    try {
      renameSync(file, aside);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw err;
    }
    const moved = readHolder(aside);
    if (moved && moved !== 'missing' && isAlive(moved.pid)) {
      // another taker had replaced the stale lock in between: put its live lock back
      try {
        linkSync(aside, file);
      } catch {}
      rmSync(aside, { force: true });
      throw new DataDirLocked(dir, moved);
    }
    rmSync(aside, { force: true });
  }
  let held = true;
  let current = mine;
  const release = () => {
    if (!held) return;
    held = false;
    process.off('exit', release);
    const holder = readHolder(file);
    if (holder && holder !== 'missing' && holder.pid === process.pid) rmSync(file, { force: true });
  };
  process.on('exit', release);
  return {
    advertise(info) {
      if (!held) return;
      current = { ...current, ...info };
      // write-then-rename: a reader never sees a half-written lock
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(current));
      renameSync(tmp, file);
    },
    release,
  };
}
