// `npm run build` runs Astro's build through this launcher, so that the bundler's allocator gives back
// the memory it has finished with. Rolldown (Astro's bundler) allocates with mimalloc, which by default
// backs its arenas with transparent huge pages and keeps freed pages for a second; after bundling
// 10,000 articles, Astro's process then kept about 1.5 GB it no longer used through prerendering and
// while Pagefind built the index. With these two settings (documented mimalloc options) the largest
// process peaked at 3.4 GB instead of 4.8 GB and held 3.2 GB instead of 4.7 GB while the index was
// built, at the same build time (docs/benchmarks.md). mimalloc reads them once, when the bundler is
// loaded, which happens before astro.config.mjs runs: hence a launcher rather than a line in the config.
// Unknown variables are ignored, so a later version of the bundler costs nothing. Pagefind's indexer
// (jemalloc, read as `_RJEM_MALLOC_CONF`) is asked the opposite: huge pages for its arenas, because
// its CPU went largely to page faults, and it runs after Astro has exited, on one shard at a time,
// so its few percent more memory never meets Astro's peak. Asking it to return freed pages at once
// cost far more CPU than it saved memory (docs/benchmarks.md).
//
// Search is indexed and social cards are rendered after Astro's process has exited, so neither the
// indexer's memory nor the card threads' ever add to Astro's (src/integrations/pagefind/search-indexes.ts,
// src/integrations/social-cards/after-build.ts); an error in either fails the build like Astro's own.
//
// A deploy never serves a half-built site: `npm run build` writes a fresh folder under .dist-builds/
// and, once Astro, Pagefind and the cards are done, points dist/ at it by renaming a symlink over dist (one
// atomic step). A running server follows dist/ (src/server/http/followed-build.ts), so it answers
// from the old build until the switch and from the new one after it, never from a folder in the
// making. The previous build is kept for requests still in flight; older ones are removed.
// An explicit --outDir (the benchmark) builds straight into that folder, as Astro does, cards included.
import { spawn } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { childEnvironment } from '../src/config.ts';

export const allocatorSettings: Readonly<Record<string, string>> = {
  MIMALLOC_ALLOW_THP: '0',
  MIMALLOC_PURGE_DELAY: '0',
  _RJEM_MALLOC_CONF: 'thp:always',
};

/**
 * The environment for a build: this process's with `overrides` on top (an undefined value removes a
 * variable), and the allocator settings unless either sets them.
 */
export function buildEnvironment(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  return { ...allocatorSettings, ...childEnvironment(overrides) };
}

/** Astro's own entry point, to start with this very Node (24) rather than whatever `node` is on PATH. */
export function astroBin(root: string): string {
  const require = createRequire(path.join(root, 'package.json'));
  const manifest = require.resolve('astro/package.json');
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: { astro: string } };
  return path.join(path.dirname(manifest), bin.astro);
}

/** Where the builds behind `dist` live: .dist-builds/ beside it. */
export function buildsFolder(dist: string): string {
  return path.join(path.dirname(dist), '.dist-builds');
}

/** A new, unused folder for the next build. */
export function newBuildFolder(dist: string, now = new Date()): string {
  return path.join(buildsFolder(dist), `${now.toISOString().replace(/[:.]/g, '-')}-${process.pid}`);
}

/**
 * Points `dist` at `folder` in one step: a symlink made beside it is renamed over it. A `dist` that is
 * still a real folder (from before builds were switched) moves into .dist-builds/ first, the one time
 * dist is briefly absent; the answer says where it went.
 */
export function switchBuild(dist: string, folder: string): { movedAside?: string } {
  let movedAside: string | undefined;
  if (existsSync(dist) && !lstatSync(dist).isSymbolicLink()) {
    movedAside = path.join(buildsFolder(dist), `before-switching-${process.pid}`);
    renameSync(dist, movedAside);
  }
  const link = path.join(path.dirname(dist), `.dist-next-${process.pid}`);
  rmSync(link, { force: true });
  symlinkSync(path.relative(path.dirname(dist), folder), link);
  renameSync(link, dist);
  return { movedAside };
}

/** Removes every build but `keep` (the one served and the one before it, for requests in flight). */
export function pruneBuilds(dist: string, keep: string[]): void {
  const kept = new Set(keep.map((folder) => path.resolve(folder)));
  for (const name of readdirSync(buildsFolder(dist))) {
    const folder = path.join(buildsFolder(dist), name);
    if (!kept.has(folder)) rmSync(folder, { recursive: true, force: true });
  }
}

/** The folder an explicit `--outDir <folder>` or `--outDir=<folder>` names, if any. */
export function explicitOutDir(args: string[]): string | undefined {
  const flag = args.indexOf('--outDir');
  return flag >= 0 ? args[flag + 1] : args.find((arg) => arg.startsWith('--outDir='))?.slice('--outDir='.length);
}

/** Runs Astro's build with `args`; resolves with its exit code. */
function astroBuild(root: string, args: string[]): Promise<number> {
  const child = spawn(process.execPath, [astroBin(root), 'build', ...args], {
    cwd: root,
    env: buildEnvironment(),
    stdio: 'inherit',
  });
  const signals = ['SIGINT', 'SIGTERM'] as const;
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  for (const signal of signals) process.on(signal, forward);
  return new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      // Once Astro is gone, Ctrl-C stops the steps after it (the cards) as it would any process.
      for (const name of signals) process.off(name, forward);
      resolve(code ?? (signal ? 1 : 0));
    }),
  );
}

/** Astro's build into `outDir`, then the steps that need its finished output; resolves with an exit code. */
async function buildSite(root: string, args: string[], outDir: string): Promise<number> {
  const code = await astroBuild(root, args);
  if (code !== 0) return code;
  try {
    // Loaded only now: while Astro runs, this process's memory adds to the build's peak.
    const { buildSearchIndexes } = await import('../src/integrations/pagefind/search-indexes.ts');
    const { renderBuiltSiteCards } = await import('../src/integrations/social-cards/after-build.ts');
    await buildSearchIndexes(path.resolve(root, outDir), { env: buildEnvironment() });
    await renderBuiltSiteCards(outDir, { root });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  }
  return 0;
}

if (import.meta.main) {
  const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
  const args = process.argv.slice(2);
  const outDir = explicitOutDir(args);
  if (outDir) process.exit(await buildSite(root, args, outDir));

  const dist = path.join(root, 'dist');
  const previous = existsSync(dist) && lstatSync(dist).isSymbolicLink() ? path.resolve(root, readlinkSync(dist)) : '';
  const folder = newBuildFolder(dist);
  const code = await buildSite(root, [...args, '--outDir', folder], folder);
  if (code !== 0) {
    rmSync(folder, { recursive: true, force: true });
    process.exit(code);
  }
  const { movedAside } = switchBuild(dist, folder);
  pruneBuilds(dist, [folder, movedAside ?? previous]);
  console.log(`dist/ now serves ${path.relative(root, folder)}`);
}
