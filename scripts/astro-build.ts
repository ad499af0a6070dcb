// `npm run build` runs Astro's build through this launcher, so that the bundler's allocator gives back
// the memory it has finished with. Rolldown (Astro's bundler) allocates with mimalloc, which by default
// backs its arenas with transparent huge pages and keeps freed pages for a second; after bundling
// 10,000 articles, Astro's process then kept about 1.5 GB it no longer used through prerendering and
// while Pagefind built the index. With these two settings (documented mimalloc options) the largest
// process peaked at 3.4 GB instead of 4.8 GB and held 3.2 GB instead of 4.7 GB while the index was
// built, at the same build time (docs/benchmarks.md). mimalloc reads them once, when the bundler is
// loaded, which happens before astro.config.mjs runs: hence a launcher rather than a line in the config.
// Pagefind's indexer, a separate process that inherits this environment, allocates with jemalloc (its
// Rust build reads the `_RJEM_` variable); returning freed pages at once lowered its peak from 1.84 to
// 1.60 GB on 2,936 articles. Unknown variables are ignored, so a later version of either costs nothing.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { childEnvironment } from '../src/config.ts';

export const allocatorSettings: Readonly<Record<string, string>> = {
  MIMALLOC_ALLOW_THP: '0',
  MIMALLOC_PURGE_DELAY: '0',
  _RJEM_MALLOC_CONF: 'dirty_decay_ms:0,muzzy_decay_ms:0',
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

if (import.meta.main) {
  const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
  const child = spawn(process.execPath, [astroBin(root), 'build', ...process.argv.slice(2)], {
    cwd: root,
    env: buildEnvironment(),
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
