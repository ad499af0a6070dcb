// Who holds an issue's lease: host name and process id, so a sender on the same machine can tell
// at once that the holder was killed, instead of waiting for its lease to run out.

import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/** A name for this process as a sender; unique even if a process id is reused. */
export function senderIdentity(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True only when the owner ran on this host and its process no longer exists. */
export function isSenderGone(owner: string): boolean {
  const [host, pid] = owner.split(':');
  if (host !== hostname() || !/^\d+$/.test(pid ?? '')) return false;
  return Number(pid) !== process.pid && !isProcessAlive(Number(pid));
}
