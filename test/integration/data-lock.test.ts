/**
 * One process per data folder: the embedded servers lock `<dataDir>` before DynamoDB Local opens its
 * files, advertise their endpoints for later commands, and a lock left by a dead process is taken over.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readRuntime, waitForDataDir } from '../../infra/local/attach';
import { DataDirLocked, lockDataDir, readLock } from '../../infra/local/data-lock';
import { type EmbeddedServers, startEmbedded } from '../../infra/local/servers';

/** pids of processes whose command line names this folder (DynamoDB Local gets `-dbPath <dir>`) */
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

const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid as number;

const dirs: string[] = [];
const tempDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'sk-lock-'));
  dirs.push(dir);
  return dir;
};
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('the data folder lock', () => {
  it('a second startEmbedded on the same folder refuses before opening the database files, and can attach instead', async () => {
    const dataDir = await tempDir();
    const dynamoDir = join(dataDir, 'dynamodb');
    let first: EmbeddedServers | undefined;
    try {
      first = await startEmbedded({ dataDir });
      expect(processesUsing(dynamoDir)).toEqual([first.dynamoPid]);
      const second = startEmbedded({ dataDir });
      await expect(second).rejects.toBeInstanceOf(DataDirLocked);
      await expect(second).rejects.toThrow(/in use by process \d+/);
      // no second DynamoDB Local was started on the files
      expect(processesUsing(dynamoDir)).toEqual([first.dynamoPid]);
      // later commands find the advertised servers
      expect(readRuntime(dataDir)).toMatchObject({
        pid: process.pid,
        dynamoEndpoint: first.dynamoEndpoint,
        s3Endpoint: first.s3Endpoint,
      });
    } finally {
      await first?.stop();
    }
    // stopping lets go of the folder
    expect(existsSync(join(dataDir, 'lock'))).toBe(false);
    expect(readLock(dataDir)).toBeUndefined();
  }, 60_000);

  it('a lock left by a dead process is taken over; a live one is not', async () => {
    const dataDir = await tempDir();
    writeFileSync(join(dataDir, 'lock'), JSON.stringify({ pid: deadPid(), since: '2026-01-01T00:00:00Z' }));
    const lock = lockDataDir(dataDir);
    expect(JSON.parse(readFileSync(join(dataDir, 'lock'), 'utf8')).pid).toBe(process.pid);
    expect(() => lockDataDir(dataDir)).toThrow(DataDirLocked);
    lock.release();
    expect(existsSync(join(dataDir, 'lock'))).toBe(false);
  });

  it('a command waits for a holder that has not advertised its servers, then fails with a readable message', async () => {
    const dataDir = await tempDir();
    // a live process (our parent) holding the folder without servers yet
    writeFileSync(
      join(dataDir, 'lock'),
      JSON.stringify({ pid: process.ppid, since: new Date().toISOString() }),
    );
    await expect(waitForDataDir(dataDir, { timeoutMs: 300 })).rejects.toThrow(
      /in use by process \d+ .*still starting/,
    );
    // once it advertises, the command attaches
    writeFileSync(
      join(dataDir, 'lock'),
      JSON.stringify({
        pid: process.ppid,
        since: new Date().toISOString(),
        dynamoEndpoint: 'http://127.0.0.1:1',
        s3Endpoint: 'http://127.0.0.1:2',
      }),
    );
    expect(await waitForDataDir(dataDir, { timeoutMs: 300 })).toMatchObject({
      dynamoEndpoint: 'http://127.0.0.1:1',
    });
  });
});
