// Peak memory of a process tree on Linux, read from /proc: the build is Astro's Node process plus
// whatever it starts (Pagefind runs as a separate native process), so a single process's peak
// would undercount it.
import { readdirSync, readFileSync } from 'node:fs';

export interface MemoryPeak {
  /** Largest sum of resident set sizes over the whole tree seen in one sample, in bytes. */
  treeRss: number;
  /** Largest high-water mark (VmHWM) of any single process in the tree, in bytes. */
  processHwm: number;
}

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM', status: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match ? Number(match[1]) : 0;
}

/** pid -> parent pid for every process currently visible in /proc. */
function parents(): Map<number, number> {
  const map = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // The command name in field 2 may contain spaces and parentheses; the parent pid follows the last ')'.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      map.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // The process ended between listing and reading.
    }
  }
  return map;
}

function descendantsOf(root: number): number[] {
  const byParent = new Map<number, number[]>();
  for (const [pid, ppid] of parents()) byParent.set(ppid, [...(byParent.get(ppid) ?? []), pid]);
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(byParent.get(tree[i]) ?? []));
  return tree;
}

/** Samples the tree under `pid` every `intervalMs` until `stop()`; returns the peaks seen. */
export function watchMemory(pid: number, intervalMs = 100): { stop(): MemoryPeak } {
  const peak: MemoryPeak = { treeRss: 0, processHwm: 0 };
  const sample = () => {
    let rss = 0;
    for (const p of descendantsOf(pid)) {
      try {
        const status = readFileSync(`/proc/${p}/status`, 'utf8');
        rss += statusKb(p, 'VmRSS', status) * 1024;
        peak.processHwm = Math.max(peak.processHwm, statusKb(p, 'VmHWM', status) * 1024);
      } catch {
        // Gone already; its last sample counted.
      }
    }
    peak.treeRss = Math.max(peak.treeRss, rss);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}
