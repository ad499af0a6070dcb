import { describe, expect, it } from 'vitest';
import { tableOfContents } from '../../../../src/domain/articles/toc';
import { formatDate, isoDay } from '../../../../src/domain/articles/dates';
import { publishedArticles } from '../../../../src/domain/articles/published';

describe('tableOfContents', () => {
  const h = (depth: number, slug: string) => ({ depth, slug, text: slug.toUpperCase() });
  it('nests h3 under the preceding h2', () => {
    const toc = tableOfContents([h(2, 'a'), h(3, 'a1'), h(3, 'a2'), h(2, 'b'), h(2, 'c'), h(4, 'deep')]);
    expect(toc.map((e) => [e.slug, e.children.map((c) => c.slug)])).toEqual([
      ['a', ['a1', 'a2']],
      ['b', []],
      ['c', []],
    ]);
  });
  it('is empty for articles with fewer than three sections', () => {
    expect(tableOfContents([h(2, 'a'), h(3, 'a1'), h(2, 'b')])).toEqual([]);
  });
  it('ignores an h3 that comes before any h2', () => {
    expect(tableOfContents([h(3, 'x'), h(2, 'a'), h(2, 'b'), h(2, 'c')]).map((e) => e.slug)).toEqual(['a', 'b', 'c']);
  });
});

describe('dates', () => {
  it('shows the calendar day the editor wrote, whatever the build machine zone', () => {
    const d = new Date('2026-12-04');
    expect(formatDate(d)).toBe('4 December 2026');
    expect(isoDay(d)).toBe('2026-12-04');
  });
});

describe('publishedArticles', () => {
  const now = new Date('2026-11-26T12:00:00Z');
  const art = (id: string, pubDate: string, draft = false) => ({ id, data: { draft, pubDate: new Date(pubDate) } });
  const all = [
    art('old', '2026-01-01'),
    art('draft', '2026-02-01', true),
    art('future', '2026-12-01'),
    art('today', '2026-11-26'),
    art('new', '2026-11-20'),
  ];

  it('leaves out drafts and future-dated articles, newest first', () => {
    expect(publishedArticles(all, now).map((a) => a.id)).toEqual(['today', 'new', 'old']);
  });
  it('lets the dev server preview drafts but still not the future', () => {
    expect(publishedArticles(all, now, true).map((a) => a.id)).toEqual(['today', 'new', 'draft', 'old']);
  });
  it('publishes a future article once its date has passed', () => {
    expect(publishedArticles(all, new Date('2026-12-02')).map((a) => a.id)).toContain('future');
  });
});
