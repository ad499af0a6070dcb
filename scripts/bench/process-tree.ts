// What a process tree costs on Linux, read from /proc: the build is the launcher, Astro's Node process
// and what they start (the search indexer runs as separate native processes), so one process's figures
// would undercount. Each process is sorted into a kind by its command line, so the table can say which
// part of the build held the memory.
import { readdirSync, readFileSync } from 'node:fs';

/** The parts of a build that run as processes of their own. */
export const processKinds = ['astro', 'indexer', 'cards', 'other'] as const;
export type ProcessKind = (typeof processKinds)[number];

export interface MemoryPeak {
  /** Largest sum of resident set sizes over the whole tree seen in one sample, in bytes. */
  treeRss: number;
  /** Largest high-water mark (VmHWM) of any single process in the tree, in bytes. */
  processHwm: number;
  /** Largest high-water mark of a single process of each kind, in bytes (0: none ran). */
  byKind: Record<ProcessKind, number>;
}

export interface TreeUsage {
  memory: MemoryPeak;
  /** User plus system CPU seconds of every process in the tree: unlike wall time, this hardly depends on what else the machine runs. */
  cpuSeconds: number;
  /** CPU seconds used by the tree up to `ms` after the watch started, for CPU time per phase. */
  cpuAt(ms: number): number;
}

/** Linux reports CPU time in clock ticks of 1/100 s on every common architecture. */
const ticksPerSecond = 100;

/**
 * Which part of the build a command line belongs to (Pagefind's binary, a card renderer, Astro itself).
 * The build launcher counts as the cards: it renders them on its own worker threads once Astro has
 * exited, and otherwise only waits on its children, so its high-water mark is the card step's.
 */
export function processKind(commandLine: string): ProcessKind {
  if (/pagefind|search/i.test(commandLine)) return 'indexer';
  if (/card|astro-build\.ts/i.test(commandLine)) return 'cards';
  if (/astro\.mjs/.test(commandLine)) return 'astro';
  return 'other';
}

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
  const started = performance.now();
  const memory: MemoryPeak = {
    treeRss: 0,
    processHwm: 0,
    byKind: Object.fromEntries(processKinds.map((k) => [k, 0])) as Record<ProcessKind, number>,
  };
  const cpuTicks = new Map<number, number>();
  /** [ms since the start, CPU ticks of the tree so far], one a sample. */
  const timeline: [number, number][] = [];
  const sample = () => {
    let rss = 0;
    for (const p of descendantsOf(pid)) {
      try {
        const status = readFileSync(`/proc/${p}/status`, 'utf8');
        const fields = statFields(p);
        // Read each time: a child forked from Node carries Node's command line until it execs its own.
        const kind = processKind(readFileSync(`/proc/${p}/cmdline`, 'utf8').replaceAll('\0', ' '));
        const hwm = statusKb('VmHWM', status) * 1024;
        rss += statusKb('VmRSS', status) * 1024;
        memory.processHwm = Math.max(memory.processHwm, hwm);
        memory.byKind[kind] = Math.max(memory.byKind[kind], hwm);
        // utime and stime, fields 14 and 15 of stat.
        cpuTicks.set(p, Number(fields[11]) + Number(fields[12]));
      } catch {
        // Gone already; its last sample counted.
      }
    }
    memory.treeRss = Math.max(memory.treeRss, rss);
    timeline.push([performance.now() - started, [...cpuTicks.values()].reduce((sum, t) => sum + t, 0)]);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      const cpuAt = (ms: number) => {
        // The last sample taken at or before `ms` (samples are in time order).
        let ticks = 0;
        for (const [at, t] of timeline) {
          if (at > ms) break;
          ticks = t;
        }
        return ticks / ticksPerSecond;
      };
      return { memory, cpuSeconds: timeline.at(-1)![1] / ticksPerSecond, cpuAt };
    },
  };
}
