// The search step of `npm run build`, run by scripts/astro-build.ts once Astro's process has exited, so
// Pagefind's memory never stacks on Astro's. It reads the built pages, cuts them into date shards
// (src/domain/search/shard-plan.ts), indexes each shard in a fresh process, one after another, and
// writes the list of archive indexes the browser merges after its first results.
//
// Reuse: an archive index is copied from a cache folder keyed by its shard's key (the pages' paths,
// what the indexer reads from each, and the indexer's settings), <Astro cache dir>/search-index/. A
// cache rather than the previous build: it serves `npm run build` and `--outDir` builds alike, and
// survives whatever happens to dist or to the folder Astro rebuilds into.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBuildConfig, type BuildConfig } from '../../config.ts';
import { searchablePage, type SearchablePage } from '../../domain/search/searchable-page.ts';
import {
  ARCHIVE_LIST_FILE,
  archiveFolder,
  planShards,
  type ArchiveList,
  type PlannedShard,
} from '../../domain/search/shard-plan.ts';
import { bundleFolder, folderBytes, indexedPageCount, indexerSettings } from './bundle.ts';
import type { ShardJob } from './index-shard.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const shardIndexer = fileURLToPath(new URL('./index-shard.ts', import.meta.url));
/** Pages read at once while looking for what to index. */
const readBatch = 64;

/** Where the pages are: the node adapter writes static pages to <outDir>/client/, a plain static build to outDir. */
export async function clientFolder(outDir: string): Promise<string> {
  const client = path.join(outDir, 'client');
  return (await stat(client).catch(() => null))?.isDirectory() ? client : outDir;
}

/** Every page with something to index; `<path>/index.html` only, so 404.html and 500.html never are. */
async function searchablePages(siteDir: string): Promise<SearchablePage[]> {
  const files = (await readdir(siteDir, { recursive: true }))
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => (file === 'index.html' || file.endsWith('/index.html')) && !file.startsWith(`${bundleFolder}/`))
    .sort();
  const pages: SearchablePage[] = [];
  for (let from = 0; from < files.length; from += readBatch) {
    const batch = files.slice(from, from + readBatch);
    const read = await Promise.all(batch.map((file) => readFile(path.join(siteDir, file), 'utf8')));
    batch.forEach((file, i) => {
      const page = searchablePage(file, read[i], sha256);
      if (page) pages.push(page);
    });
  }
  return pages;
}

/** Runs index-shard.ts as its own Node process and waits for it to exit; rejects when it fails. */
function indexInFreshProcess(job: ShardJob, env: Record<string, string>): Promise<void> {
  const child = spawn(process.execPath, [shardIndexer], { env, stdio: ['pipe', 'ignore', 'inherit'] });
  child.stdin.end(JSON.stringify(job));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`Search index for ${job.outputPath} failed (${signal ?? `exit ${code}`}).`)),
    );
  });
}

/** Puts a fresh archive index in the cache: copied beside its place, then renamed, so a cut-short copy is never used. */
async function remember(cacheDir: string, folder: string, outputPath: string): Promise<void> {
  const partial = path.join(cacheDir, `.${folder}-${process.pid}`);
  await cp(outputPath, partial, { recursive: true });
  await rm(path.join(cacheDir, folder), { recursive: true, force: true });
  await rename(partial, path.join(cacheDir, folder));
}

async function buildShard(
  shard: PlannedShard,
  siteDir: string,
  cacheDir: string,
  env: Record<string, string>,
): Promise<{ outputPath: string; reused: boolean }> {
  const bundleDir = path.join(siteDir, bundleFolder);
  if (shard.kind === 'recent') {
    await indexInFreshProcess(
      { siteDir, pages: shard.pages.map((p) => p.path), outputPath: bundleDir, kind: 'recent' },
      env,
    );
    return { outputPath: bundleDir, reused: false };
  }
  const folder = archiveFolder(shard);
  const outputPath = path.join(bundleDir, folder);
  const cached = path.join(cacheDir, folder);
  if (await stat(path.join(cached, 'pagefind-entry.json')).catch(() => null)) {
    await cp(cached, outputPath, { recursive: true });
    return { outputPath, reused: true };
  }
  await indexInFreshProcess({ siteDir, pages: shard.pages.map((p) => p.path), outputPath, kind: 'archive' }, env);
  await remember(cacheDir, folder, outputPath);
  return { outputPath, reused: false };
}

export interface SearchIndexOptions {
  /** Environment of the indexer processes (the build's, with its allocator settings). */
  env: Record<string, string>;
  /** Shard sizes and the cache folder; the build's settings unless a test gives its own. */
  config?: Pick<BuildConfig, 'cacheDir' | 'searchRecentArticles' | 'searchArchiveArticles'>;
  log?: (line: string) => void;
}

/**
 * Indexes the pages Astro wrote under `outDir` and logs one line per index and a total (the benchmark
 * reads these lines). Throws so a bad index fails the build.
 */
export async function buildSearchIndexes(
  outDir: string,
  { env, config = loadBuildConfig(), log = console.log }: SearchIndexOptions,
): Promise<{ pageCount: number; indexes: number; bytes: number }> {
  const siteDir = await clientFolder(path.resolve(outDir));
  const bundleDir = path.join(siteDir, bundleFolder);
  const cacheDir = path.resolve(config.cacheDir, 'search-index');
  await rm(bundleDir, { recursive: true, force: true });
  await mkdir(cacheDir, { recursive: true });

  const sizes = { recentArticles: config.searchRecentArticles, archiveArticles: config.searchArchiveArticles };
  const shards = planShards(await searchablePages(siteDir), sizes, indexerSettings(), sha256);
  let pageCount = 0;
  // One after another: two indexers at once would hold two shards' memory.
  for (const shard of shards) {
    const started = performance.now();
    const { outputPath, reused } = await buildShard(shard, siteDir, cacheDir, env);
    const count = await indexedPageCount(outputPath);
    pageCount += count;
    const ms = Math.round(performance.now() - started);
    log(`Search index ${shard.name}: ${count} pages, ${reused ? 'reused' : 'built'} in ${ms} ms`);
  }

  const archives = shards.filter((s) => s.kind === 'archive').map((s) => archiveFolder(s));
  const list: ArchiveList = { archives: archives.map((folder) => `${folder}/`) };
  await writeFile(path.join(bundleDir, ARCHIVE_LIST_FILE), JSON.stringify(list));
  // The cache keeps this build's archives only; anything else is an index no build will ask for again.
  for (const name of await readdir(cacheDir)) {
    if (!archives.includes(name)) await rm(path.join(cacheDir, name), { recursive: true, force: true });
  }

  const bytes = await folderBytes(bundleDir);
  log(`Indexed ${pageCount} pages for search in ${shards.length} indexes (${(bytes / 1024).toFixed(1)} kB)`);
  return { pageCount, indexes: shards.length, bytes };
}
