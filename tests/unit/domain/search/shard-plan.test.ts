import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { archiveFolder, planShards, type PlannedShard } from '../../../../src/domain/search/shard-plan';
import type { SearchablePage } from '../../../../src/domain/search/searchable-page';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const sizes = { recentArticles: 3, archiveArticles: 2 };
const settings = 'pagefind 1.6.0';

/** Article n was published on day n of 2020, so a higher n is newer. */
function article(n: number, fingerprint = `a${n}`): SearchablePage {
  const day = new Date(Date.UTC(2020, 0, n)).toISOString().slice(0, 10);
  return { path: `advice/a${n}/index.html`, articleDate: day, fingerprint };
}
const other = (name: string): SearchablePage => ({ path: `${name}/index.html`, fingerprint: name });
const names = (shards: PlannedShard[]) =>
  Object.fromEntries(shards.map((s) => [s.name, s.pages.map((p) => p.path.split('/').at(-2))]));

describe('planShards', () => {
  it('puts the newest articles and every other page in the recent shard, older ones in archives cut from the oldest', () => {
    const pages = [
      article(1),
      article(2),
      other('jobs/analyst'),
      article(3),
      article(4),
      article(5),
      article(6),
      article(7),
    ];
    const shards = planShards(pages, sizes, settings, sha256);

    expect(shards.map((s) => s.name)).toEqual(['recent', 'archive-2', 'archive-1']);
    expect(names(shards)).toEqual({
      recent: ['a7', 'a6', 'a5', 'analyst'],
      'archive-2': ['a3', 'a4'],
      'archive-1': ['a1', 'a2'],
    });
    expect(shards.map((s) => s.kind)).toEqual(['recent', 'archive', 'archive']);
  });

  it('gives a site with no more articles than the recent size one index, as before sharding', () => {
    const shards = planShards([article(1), article(2), article(3), other('tools/planner')], sizes, settings, sha256);
    expect(shards.map((s) => s.name)).toEqual(['recent']);
    expect(shards[0].pages).toHaveLength(4);
  });

  it('cuts the same shards whatever order the pages were found in, same-day articles by path', () => {
    const sameDay = { ...article(2), path: 'advice/a2b/index.html' };
    const pages = [article(1), article(2), sameDay, article(4), article(5), article(6)];
    const forward = planShards(pages, sizes, settings, sha256);
    const backward = planShards([...pages].reverse(), sizes, settings, sha256);
    expect(backward).toEqual(forward);
    expect(names(forward)['archive-1']).toEqual(['a1', 'a2b']);
  });
});

describe('shard keys', () => {
  const site = [article(1), article(2), article(3), article(4), article(5), article(6), article(7), article(8)];
  const keys = (pages: SearchablePage[], indexer = settings) =>
    Object.fromEntries(planShards(pages, sizes, indexer, sha256).map((s) => [s.name, s.key]));

  it('keeps the older archives’ keys when one article is published: only the newest archive and recent change', () => {
    const before = keys(site);
    const after = keys([...site, article(9)]);
    expect(after['archive-1']).toBe(before['archive-1']);
    expect(after['archive-2']).toBe(before['archive-2']);
    expect(after['archive-3']).not.toBe(before['archive-3']);
    expect(after.recent).not.toBe(before.recent);
  });

  it('changes when a page in the shard changes what the indexer reads', () => {
    const edited = site.map((p) => (p.path === 'advice/a1/index.html' ? article(1, 'edited') : p));
    expect(keys(edited)['archive-1']).not.toBe(keys(site)['archive-1']);
    expect(keys(edited)['archive-2']).toBe(keys(site)['archive-2']);
  });

  it('changes for every shard when the indexer or its settings change', () => {
    const other = keys(site, 'pagefind 1.7.0');
    for (const [name, key] of Object.entries(keys(site))) expect(other[name]).not.toBe(key);
  });

  it('names an archive’s folder by its key, so a reused index keeps its address', () => {
    const [, newest] = planShards(site, sizes, settings, sha256);
    expect(archiveFolder(newest)).toBe(`archive-${newest.key.slice(0, 16)}`);
  });
});
