// Runs `astro build` on a generated content folder as a child process, the way `npm run build`
// would, and measures it: wall time and the peak memory of the build's whole process tree.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { buildEnvironment } from '../astro-build.ts';
import { acquireBuildLock } from './build-lock.ts';
import { watchProcessTree, type MemoryPeak } from './process-tree.ts';

export interface BuildOptions {
  root: string;
  /** Told when the build has to wait for another build to finish. */
  onWait: (message: string) => void;
  /** Relative to `root`: Astro's loaders only accept content folders inside the project. */
  contentDir: string;
  outDir: string;
  cacheDir: string;
  logFile: string;
}

export interface BuildResult {
  wallMs: number;
  cpuSeconds: number;
  memory: MemoryPeak;
  /** Pages the Pagefind integration reported indexing. */
  indexedPages: number;
  /** What the social-cards integration reported: cards rendered and reused, and its wall time. */
  cards: CardFigures;
}

export interface CardFigures {
  rendered: number;
  reused: number;
  totalMs: number;
  msPerRendered: number;
}

/** Reads the line src/integrations/social-cards/after-build.ts prints (cardReportLine). */
export function cardFigures(log: string): CardFigures {
  const line = /Social cards: (\d+) rendered, (\d+) reused in (\d+) ms \(([\d.]+) ms a rendered card\)/.exec(log);
  if (!line) return { rendered: 0, reused: 0, totalMs: 0, msPerRendered: 0 };
  const [rendered, reused, totalMs, msPerRendered] = line.slice(1).map(Number);
  return { rendered, reused, totalMs, msPerRendered };
}

export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const release = await acquireBuildLock(options.onWait);
  try {
    return await measuredBuild(options);
  } finally {
    release();
  }
}

async function measuredBuild(options: BuildOptions): Promise<BuildResult> {
  const log = createWriteStream(options.logFile);
  const env = buildEnvironment({
    CONTENT_DIR: options.contentDir,
    ASTRO_CACHE_DIR: options.cacheDir,
    ASTRO_TELEMETRY_DISABLED: '1',
    // The jobs feed would add network time and other content; the benchmark builds local files only.
    JOBS_FEED_URL: undefined,
  });
  const started = performance.now();
  // Through the build launcher, as `npm run build` does: the social cards render after Astro exits.
  const launcher = path.join(options.root, 'scripts', 'astro-build.ts');
  const child = spawn(process.execPath, [launcher, '--outDir', options.outDir], {
    cwd: options.root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const usage = watchProcessTree(child.pid!);
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  const wallMs = performance.now() - started;
  const { memory, cpuSeconds } = usage.stop();
  await new Promise<void>((resolve) => log.end(resolve));
  const output = await readFile(options.logFile, 'utf8');
  if (code !== 0) {
    throw new Error(
      `astro build failed (exit ${code}); last lines of ${options.logFile}:\n${output.split('\n').slice(-40).join('\n')}`,
    );
  }
  const indexed = /Indexed (\d+) pages for search/.exec(output);
  return { wallMs, cpuSeconds, memory, indexedPages: indexed ? Number(indexed[1]) : 0, cards: cardFigures(output) };
}

/** Bytes of every file under `dir` and how many of them match `filter`. */
export async function folderStats(
  dir: string,
  filter: (file: string) => boolean = () => true,
): Promise<{ bytes: number; matching: number }> {
  let bytes = 0;
  let matching = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    bytes += (await stat(file)).size;
    if (filter(file)) matching++;
  }
  return { bytes, matching };
}
