import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  allocatorSettings,
  buildEnvironment,
  buildsFolder,
  explicitOutDir,
  pruneBuilds,
  switchBuild,
} from '../../../scripts/astro-build.ts';

describe('the build launcher environment', () => {
  it('turns off transparent huge pages and purges freed pages at once for the bundler, and gives Pagefind huge pages', () => {
    const env = buildEnvironment({ PATH: '/usr/bin' });
    expect(env).toMatchObject({
      MIMALLOC_ALLOW_THP: '0',
      MIMALLOC_PURGE_DELAY: '0',
      _RJEM_MALLOC_CONF: 'thp:always',
      PATH: '/usr/bin',
    });
  });

  it("keeps an operator's own allocator settings", () => {
    const env = buildEnvironment({ MIMALLOC_PURGE_DELAY: '250' });
    expect(env.MIMALLOC_PURGE_DELAY).toBe('250');
    expect(env.MIMALLOC_ALLOW_THP).toBe(allocatorSettings.MIMALLOC_ALLOW_THP);
  });
});

describe('switching dist to a new build', () => {
  it('moves a real dist aside once, then swaps a symlink; pruning keeps the served and the previous build', () => {
    const root = mkdtempSync(join(tmpdir(), 'ft-switch-'));
    const dist = join(root, 'dist');
    mkdirSync(join(dist, 'client'), { recursive: true });
    writeFileSync(join(dist, 'client', 'index.html'), 'old');
    const builds = buildsFolder(dist);
    const made = (name: string, text: string) => {
      const folder = join(builds, name);
      mkdirSync(join(folder, 'client'), { recursive: true });
      writeFileSync(join(folder, 'client', 'index.html'), text);
      return folder;
    };
    const first = made('1', 'first');
    const { movedAside } = switchBuild(dist, first);
    expect(movedAside && readFileSync(join(movedAside, 'client', 'index.html'), 'utf8')).toBe('old');
    expect(lstatSync(dist).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dist, 'client', 'index.html'), 'utf8')).toBe('first');
    const second = made('2', 'second');
    expect(switchBuild(dist, second).movedAside).toBeUndefined();
    expect(readFileSync(join(dist, 'client', 'index.html'), 'utf8')).toBe('second');
    pruneBuilds(dist, [second, first]);
    expect(readdirSync(builds).sort()).toEqual(['1', '2']);
    expect(readdirSync(root).sort()).toEqual(['.dist-builds', 'dist']);
  });
});

describe('an explicit output folder', () => {
  it('is read in both of the forms Astro takes, and is absent otherwise', () => {
    expect(explicitOutDir(['--outDir', '/tmp/bench/dist', '--silent'])).toBe('/tmp/bench/dist');
    expect(explicitOutDir(['--outDir=/tmp/bench/dist'])).toBe('/tmp/bench/dist');
    expect(explicitOutDir(['--silent'])).toBeUndefined();
  });
});
