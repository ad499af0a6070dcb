// Builds one search index (a shard) with Pagefind's Node API. The build runs this file as its own Node
// process per shard (search-indexes.ts): Pagefind keeps every page it indexed in memory until its
// process ends, so a process per shard is what lets each shard start from nothing.
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import * as pagefind from 'pagefind';
import { excludedSelectors, indexedPageCount, siteLanguage, unusedFiles } from './bundle.ts';

export interface ShardJob {
  /** The client output the pages' paths are relative to (their URLs follow from those paths). */
  siteDir: string;
  /** HTML files to index, relative to siteDir. */
  pages: string[];
  /** Folder the index is written to. */
  outputPath: string;
  kind: 'recent' | 'archive';
}

/** Characters with a meaning in Pagefind's globs (the wax crate's metacharacters), escaped with a backslash. */
const globMetacharacters = /[\\?*$:<>()[\]{},]/g;

/**
 * One glob naming exactly these pages: `{a/index.html,b/index.html}`. Pagefind then reads the files
 * itself, which costs less CPU than handing it each page's HTML through its Node API
 * (docs/benchmarks.md, "Search in date shards after Astro").
 */
export function pagesGlob(pages: string[]): string {
  return `{${pages.map((page) => page.replace(globMetacharacters, '\\$&')).join(',')}}`;
}

function failure(step: string, errors: string[]): Error {
  return new Error(`Pagefind could not ${step}:\n${errors.map((e) => `  - ${e}`).join('\n')}`);
}

/** Indexes the job's pages into its output folder; throws so a bad index fails the build. */
export async function indexShard(job: ShardJob): Promise<{ pageCount: number }> {
  // A previous index's fragments must not linger next to the new one.
  await rm(job.outputPath, { recursive: true, force: true });
  try {
    const created = await pagefind.createIndex({ excludeSelectors: excludedSelectors, forceLanguage: siteLanguage });
    if (created.errors.length > 0 || !created.index) throw failure('start an index', created.errors);
    const { index } = created;

    const added = await index.addDirectory({ path: job.siteDir, glob: pagesGlob(job.pages) });
    if (added.errors.length > 0) throw failure(`index the pages of ${job.outputPath}`, added.errors);
    if (added.page_count !== job.pages.length) {
      throw failure('index the site', [`it read ${added.page_count} of the ${job.pages.length} pages given`]);
    }

    const written = await index.writeFiles({ outputPath: job.outputPath });
    if (written.errors.length > 0) throw failure(`write the index to ${job.outputPath}`, written.errors);
    const unused = unusedFiles(await readdir(job.outputPath), job.kind);
    await Promise.all(unused.map((name) => rm(path.join(job.outputPath, name), { force: true })));

    const pageCount = await indexedPageCount(job.outputPath);
    if (pageCount === 0) {
      throw failure('index the site', [`none of the ${job.pages.length} pages given was indexed`]);
    }
    return { pageCount };
  } finally {
    // The Node API runs Pagefind as a child process; leaving it open would keep this process alive.
    await pagefind.close();
  }
}

// As a process: the job arrives as JSON on stdin, the result leaves as JSON on stdout.
// A failure prints Pagefind's message (not a stack) and exits non-zero, which fails the build.
if (import.meta.main) {
  const job = JSON.parse(await text(process.stdin)) as ShardJob;
  try {
    process.stdout.write(JSON.stringify(await indexShard(job)));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
