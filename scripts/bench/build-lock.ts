// Builds in this checkout share .astro/ (Astro writes the content module map there whatever the
// cache and output folders are), so a benchmark build must not overlap another build: it takes the
// same lock as `flock /tmp/build.lock npm run build`, held by a `flock` child until released.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadToolConfig } from '../../src/config.ts';

/** The lock the project's builds use; BENCH_BUILD_LOCK overrides it, an empty value skips locking. */
export const buildLockPath = loadToolConfig().buildLock;

/** Longest wait for another build to finish before giving up. */
const waitSeconds = 900;

export async function acquireBuildLock(onWait: (message: string) => void): Promise<() => void> {
  if (!buildLockPath || !existsSync('/usr/bin/flock')) return () => {};
  const holder = spawn(
    '/usr/bin/flock',
    ['-w', String(waitSeconds), buildLockPath, 'sh', '-c', 'echo locked; exec cat'],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const waiting = setTimeout(() => onWait(`waiting for ${buildLockPath}: another build is running`), 1_000);
  await new Promise<void>((resolve, reject) => {
    holder.stdout.once('data', () => resolve());
    holder.once('exit', (code) =>
      reject(new Error(`could not take ${buildLockPath} within ${waitSeconds} s (flock exit ${code})`)),
    );
  }).finally(() => clearTimeout(waiting));
  // Closing stdin ends `cat`, which releases the lock.
  return () => holder.stdin.end();
}
