import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { searchableHtml, searchablePage } from '../../../../src/domain/search/searchable-page';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A page shaped like src/layouts/Article.astro's output, with the parts that change from build to build. */
function articlePage({ text = 'Send the note within a day.', related = 'Related: a1', jobs = 'Analyst' } = {}) {
  return `<!doctype html><html><head><link rel="stylesheet" href="/_astro/site.A1b2.css"></head><body>
<header><nav>Home</nav></header><main><div class="grid">
<article class="min-w-0" data-pagefind-body>
  <nav aria-label="Breadcrumb" data-pagefind-ignore="all"><ol><li>Home</li></ol></nav>
  <header><h1 data-pagefind-meta="title">Thank-you notes</h1>
    <span hidden data-pagefind-meta="date:2021-03-04" data-pagefind-sort="date:2021-03-04"></span>
    <span hidden data-pagefind-filter="type:Article"></span></header>
  <div><div class="prose"><p>${text}</p><div><p>nested</p></div></div>
    <div class="no-print" data-pagefind-ignore="all"><div><form>${related}</form></div></div>
  </div>
</article>
<aside aria-label="Latest jobs">${jobs}</aside></div></main></body></html>`;
}

describe('searchableHtml', () => {
  it('keeps the data-pagefind-body element whole, nested elements included, and nothing outside it', () => {
    const html = searchableHtml(articlePage());
    expect(html.startsWith('<article class="min-w-0" data-pagefind-body>')).toBe(true);
    expect(html.endsWith('</article>')).toBe(true);
    expect(html).toContain('<p>nested</p>');
    expect(html).not.toContain('Latest jobs');
    expect(html).not.toContain('site.A1b2.css');
  });

  it('leaves out the parts marked data-pagefind-ignore="all", which the indexer skips', () => {
    const html = searchableHtml(articlePage());
    expect(html).not.toContain('Breadcrumb');
    expect(html).not.toContain('Related: a1');
  });

  it('is empty for a page without data-pagefind-body', () => {
    expect(searchableHtml('<html><body><main><h1>All advice</h1></main></body></html>')).toBe('');
  });
});

describe('searchablePage', () => {
  it('reads an article’s publication day from its sort attribute', () => {
    expect(searchablePage('advice/a/index.html', articlePage(), sha256)).toMatchObject({
      path: 'advice/a/index.html',
      articleDate: '2021-03-04',
    });
  });

  it('treats a dated page that is not an article (a job, an issue) as another page', () => {
    const job =
      '<article data-pagefind-body data-pagefind-filter="type:Job"><span data-pagefind-sort="date:2026-01-02"></span></article>';
    expect(searchablePage('jobs/x/index.html', job, sha256)).toEqual({
      path: 'jobs/x/index.html',
      fingerprint: sha256(job),
    });
  });

  it('gives the same fingerprint when only other pages’ parts changed, a new one when the text did', () => {
    const base = searchablePage('advice/a/index.html', articlePage(), sha256)!.fingerprint;
    expect(
      searchablePage('advice/a/index.html', articlePage({ related: 'Related: a9', jobs: 'Director' }), sha256)!
        .fingerprint,
    ).toBe(base);
    expect(
      searchablePage('advice/a/index.html', articlePage({ text: 'Send it today.' }), sha256)!.fingerprint,
    ).not.toBe(base);
  });

  it('skips a page with nothing to index', () => {
    expect(searchablePage('advice/index.html', '<main><h1>All advice</h1></main>', sha256)).toBeNull();
  });
});
