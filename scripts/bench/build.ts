// Builds the site on a generated content folder the way `npm run build` does (scripts/astro-build.ts,
// which runs `astro build` and then the steps after it) and measures it: wall time, CPU time and peak
// memory of the whole process tree, and each phase's time and CPU read back from the log.
import { spawn } from 'node:child_process';
import { readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildEnvironment } from '../astro-build.ts';
import { acquireBuildLock } from './build-lock.ts';
import { buildPhases, indexedPages, lineStamper, pagesFromCache, searchShards, type Phase } from './phases.ts';
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
  phases: Phase[];
  /** Pages copied from the incremental build's cache rather than rendered. */
  pagesFromCache: number;
  /** Pages the search indexer reported indexing. */
  indexedPages: number;
  /** The indexer's shards as it reported them (none from a one-index indexer). */
  shards: ReturnType<typeof searchShards>;
  /** What the social-cards step reported: cards rendered and reused, and its wall time. */
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
  const env = buildEnvironment({
    CONTENT_DIR: options.contentDir,
    ASTRO_CACHE_DIR: options.cacheDir,
    ASTRO_TELEMETRY_DISABLED: '1',
    // The jobs feed would add network time and other content; the benchmark builds local files only.
    JOBS_FEED_URL: undefined,
  });
  const started = performance.now();
  // With --outDir the launcher builds straight into that folder (no dist/ switch), then indexes search and renders the cards.
  const child = spawn(
    process.execPath,
    [path.join(options.root, 'scripts/astro-build.ts'), '--outDir', options.outDir],
    { cwd: options.root, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const usage = watchProcessTree(child.pid!);
  const output = lineStamper(started);
  for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk: Buffer) => output.push(String(chunk)));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  const wallMs = performance.now() - started;
  const { memory, cpuSeconds, cpuAt } = usage.stop();
  output.end();
  const log = output.lines.map((l) => `${(l.ms / 1000).toFixed(3).padStart(8)} ${l.text}`).join('\n');
  await writeFile(options.logFile, log + '\n');
  if (code !== 0) {
    throw new Error(
      `the build failed (exit ${code}); last lines of ${options.logFile}:\n${log.split('\n').slice(-40).join('\n')}`,
    );
  }
  return {
    wallMs,
    cpuSeconds,
    memory,
    phases: buildPhases(output.lines, cpuAt),
    pagesFromCache: pagesFromCache(output.lines),
    indexedPages: indexedPages(output.lines),
    shards: searchShards(output.lines),
    cards: cardFigures(log),
  };
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
