import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM';
  }
};

/**
 * One Astro build at a time per working folder, across processes: Astro writes its prerender chunks to
 * <cwd>/.astro/.prerender, so two builds at once (two test files, `npm start` and `sites:build`) delete
 * each other's chunks. A lock file holds the builder's pid; a lock whose process is gone is taken over.
 */
export async function withBuildLock<T>(fn: () => Promise<T>): Promise<T> {
  const lock = join(process.cwd(), '.astro-build.lock');
  for (;;) {
    try {
      await writeFile(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch (e) {
      if ((e as { code?: string }).code !== 'EEXIST') throw e;
      const pid = Number((await readFile(lock, 'utf8').catch(() => '')).trim());
      // an empty file is a lock being written: wait; a dead holder's lock is taken over
      if (pid && !alive(pid)) await rm(lock, { force: true });
      else await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    return await fn();
  } finally {
    await rm(lock, { force: true });
  }
}
