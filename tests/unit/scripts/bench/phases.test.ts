// The benchmark's phase table is read back from the build's log; these logs are shaped like Astro 7's
// and the post-build steps' own lines (the sharded indexer and the social cards, after Astro exits).
import { describe, expect, it } from 'vitest';
import {
  buildPhases,
  indexedPages,
  pagesFromCache,
  searchShards,
  type StampedLine,
} from '../../../../scripts/bench/phases.ts';
import { processKind } from '../../../../scripts/bench/process-tree.ts';

const log = (entries: [number, string][]): StampedLine[] => entries.map(([ms, text]) => ({ ms, text }));
/** One CPU second per wall second, so a phase's CPU equals its length. */
const cpuAt = (ms: number) => ms / 1000;

const astroPart: [number, string][] = [
  [1000, '22:09:40 [@astrojs/node] Enabling sessions with filesystem storage'],
  [3000, '22:09:43 [content] Syncing content'],
  [5000, '22:09:46 [content] Synced content'],
  [5500, '22:09:46 [build] Building server entrypoints...'],
  [20_000, '22:10:09 [vite] ✓ built in 14.50s'],
  [21_000, '22:10:10 [vite] ✓ built in 1.53s'],
  [22_000, '22:10:11 [vite] ✓ built in 418ms'],
  [22_000, ' prerendering static routes '],
  [23_000, '22:10:12   ├─ /advice/a/index.html (+3ms) '],
  [23_100, '22:10:12   ├─ /advice/b/index.html (cached)'],
  [23_200, '22:10:12   ├─ /advice/c/index.html (restored)'],
  [30_000, '22:10:22 ✓ Completed in 8.00s.'],
  [30_500, '22:10:22 [follow-through:newsletter-email] Wrote 0 newsletter issue emails to dist/newsletter.'],
];

describe('the phases of a build, from its log', () => {
  it('finds every phase, the search and card steps after Astro exits timed by their own lines', () => {
    const lines = log([
      ...astroPart,
      [30_900, '22:10:23 [build] Waiting for integration "@astrojs/sitemap", hook "astro:build:done"...'],
      [31_000, '22:10:23 [@astrojs/sitemap] `sitemap-index.xml` created at `dist/client`'],
      [31_100, '22:10:23 [build] Complete!'],
      [47_000, 'Search index recent: 1400 pages, built in 15000 ms'],
      [47_100, 'Search index archive-1: 2500 pages, reused in 40 ms'],
      [47_200, 'Indexed 3900 pages for search in 2 indexes (40000.0 kB)'],
      [56_300, 'Social cards: 10 rendered, 0 reused in 9000 ms (900.0 ms a rendered card).'],
    ]);
    const phases = buildPhases(lines, cpuAt).map((p) => [
      p.name,
      p.endMs - p.startMs,
      Math.round(p.cpuSeconds * 10) / 10,
    ]);
    expect(phases).toEqual([
      ['Start-up and configuration', 3000, 3],
      ['Content sync', 2000, 2],
      ['Types and build info', 500, 0.5],
      ['Server bundle (Rolldown, MDX)', 14_500, 14.5],
      ['Client bundles', 2000, 2],
      ['Prerendering', 8000, 8],
      ['Assets, headers, email issues', 500, 0.5],
      // From the email issues' line to the sitemap's, the "Waiting for" notice in between ignored.
      ['Sitemap', 500, 0.5],
      // The shards run one after another: their own times, summed, end at the indexer's last line.
      ['Search index', 15_040, 15],
      ['Social cards', 9000, 9],
    ]);
    expect(indexedPages(lines)).toBe(3900);
    expect(searchShards(lines)).toEqual([
      { name: 'recent', pages: 1400, reused: false, ms: 15_000 },
      { name: 'archive-1', pages: 2500, reused: true, ms: 40 },
    ]);
    expect(pagesFromCache(lines)).toBe(2);
  });

  it('leaves out a phase whose lines are missing rather than guess it', () => {
    const names = buildPhases(log(astroPart.slice(0, 6)), cpuAt).map((p) => p.name);
    expect(names).toEqual([
      'Start-up and configuration',
      'Content sync',
      'Types and build info',
      'Server bundle (Rolldown, MDX)',
    ]);
  });
});

describe('the kind of a build process, from its command line', () => {
  it('tells Astro, the indexer and a card renderer apart', () => {
    expect(processKind('/usr/bin/node node_modules/astro/bin/astro.mjs build --outDir .bench/run-1/dist')).toBe(
      'astro',
    );
    expect(processKind('/usr/bin/node scripts/astro-build.ts --outDir .bench/run-1/dist')).toBe('cards');
    expect(processKind('/work/node_modules/@pagefind/linux-x64/bin/pagefind_extended --service')).toBe('indexer');
    expect(processKind('/usr/bin/node scripts/render-cards.ts')).toBe('cards');
    expect(processKind('/usr/bin/flock /tmp/build.lock sh -c cat')).toBe('other');
  });
});
