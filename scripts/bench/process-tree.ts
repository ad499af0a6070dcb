// What a process tree costs on Linux, read from /proc: the build is Astro's Node process plus what
// it starts (Pagefind runs as a separate native process), so one process's figures would undercount.
import { readdirSync, readFileSync } from 'node:fs';

export interface MemoryPeak {
  /** Largest sum of resident set sizes over the whole tree seen in one sample, in bytes. */
  treeRss: number;
  /** Largest high-water mark (VmHWM) of any single process in the tree, in bytes. */
  processHwm: number;
}

export interface TreeUsage {
  memory: MemoryPeak;
  /** User plus system CPU seconds of every process in the tree: unlike wall time, this hardly depends on what else the machine runs. */
  cpuSeconds: number;
}

/** Linux reports CPU time in clock ticks of 1/100 s on every common architecture. */
const ticksPerSecond = 100;

function statusKb(field: 'VmRSS' | 'VmHWM', status: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match ? Number(match[1]) : 0;
}

/** The fields of /proc/<pid>/stat after the command name, which may itself contain spaces and ')'. */
function statFields(pid: number): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

function descendantsOf(root: number): number[] {
  const byParent = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const parent = Number(statFields(Number(name))[1]);
      byParent.set(parent, [...(byParent.get(parent) ?? []), Number(name)]);
    } catch {
      // The process ended between listing and reading.
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(byParent.get(tree[i]) ?? []));
  return tree;
}

/** Samples the tree under `pid` every `intervalMs` until `stop()`; a process's last sample stands for it after it ends. */
export function watchProcessTree(pid: number, intervalMs = 100): { stop(): TreeUsage } {
  const memory: MemoryPeak = { treeRss: 0, processHwm: 0 };
  const cpuTicks = new Map<number, number>();
  const sample = () => {
    let rss = 0;
    for (const p of descendantsOf(pid)) {
      try {
        const status = readFileSync(`/proc/${p}/status`, 'utf8');
        const fields = statFields(p);
        rss += statusKb('VmRSS', status) * 1024;
        memory.processHwm = Math.max(memory.processHwm, statusKb('VmHWM', status) * 1024);
        // utime and stime, fields 14 and 15 of stat.
        cpuTicks.set(p, Number(fields[11]) + Number(fields[12]));
      } catch {
        // Gone already; its last sample counted.
      }
    }
    memory.treeRss = Math.max(memory.treeRss, rss);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      const ticks = [...cpuTicks.values()].reduce((sum, t) => sum + t, 0);
      return { memory, cpuSeconds: ticks / ticksPerSecond };
    },
  };
}
