// The benchmark end to end at a tiny size: `npm run bench -- --articles 48` must generate the corpus,
// build it with the search index, search it in Chromium and print its table. Timings are not
// checked here (a shared machine makes them noise); the table's shape and the built site are.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phaseNames } from '../../scripts/bench/phases.ts';
import { measureNames } from '../../scripts/bench/table.ts';
import { buildSite } from '../../scripts/bench/build.ts';

const root = process.cwd();
const articles = 48;
/** The site lists ten articles a page (src/domain/articles/paginate.ts). */
const pageSize = 10;

interface Fact {
  id: string;
  title: string;
  topics: string[];
  author: string;
  pubDate: string;
  published: boolean;
  rare: boolean;
}

let stdout = '';
let work = '';
let corpus: { articles: Fact[]; rareWord: string };
let figures: {
  cards: { rendered: number; reused: number };
  htmlPages: number;
  indexedPages: number;
  common: { results: number; complete: { results: number } };
  rare: { results: number; complete: { results: number }; shown: string[] };
  rebuild: { added: string; cards: { rendered: number; reused: number }; pagesFromCache: number };
};

function runBench(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/bench.ts', '--articles', String(articles), '--keep'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: out, stderr: err }));
  });
}

const client = () => path.join(work, 'dist', 'client');
const page = (sitePath: string) => parse(readFileSync(path.join(client(), sitePath, 'index.html'), 'utf8'));
const published = () => corpus.articles.filter((a) => a.published);
const newestFirst = (a: Fact, b: Fact) => Date.parse(b.pubDate) - Date.parse(a.pubDate) || a.id.localeCompare(b.id);
/** Links to articles (not to the advice index or its numbered pages) inside `selector`, in page order. */
const articleLinks = (html: ReturnType<typeof parse>, selector: string) =>
  html
    .querySelectorAll(`${selector} a[href^="/advice/"]`)
    .map((a) => a.getAttribute('href')!)
    .filter((h) => /^\/advice\/(?!\d+\/)[a-z0-9-]+\/$/.test(h));

beforeAll(async () => {
  const run = await runBench();
  expect(run.code, run.stderr).toBe(0);
  stdout = run.stdout;
  const kept = /kept (\.bench\/run-\d+)/.exec(run.stderr)?.[1];
  expect(kept, run.stderr).toBeTruthy();
  work = path.join(root, kept!);
  corpus = JSON.parse(readFileSync(path.join(work, 'corpus.json'), 'utf8'));
  figures = JSON.parse(readFileSync(path.join(work, 'figures.json'), 'utf8'));
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the printed tables', () => {
  const tables = () => stdout.trim().split('\n\n');
  const rowsOf = (table: string) =>
    table
      .split('\n')
      .slice(2)
      .map((l) => l.replace(/^\| | \|$/g, '').split(' | '));

  it('has one row per measure, in order, each with a value in its unit', () => {
    const [measures] = tables();
    expect(measures.split('\n').slice(0, 2)).toEqual(['| Measure | Value |', '| --- | --- |']);
    const rows = rowsOf(measures);
    expect(rows.map(([name]) => name)).toEqual([...measureNames]);
    const mb = /^\d+\.\d MB$/;
    const seconds = /^\d+\.\d s$/;
    const ms = /^\d+\.\d ms$/;
    const first = /^\d+ ms \(\d+ shown\)$/;
    const complete = /^\d+ ms \(\d+ results\)$/;
    const bytes = /^\d+\.\d kB in \d+ requests$/;
    const units = [
      /^48 \(\d+\)$/,
      /^\d+$/,
      /^\d+ in \d+ (index|indexes)$/,
      seconds,
      ms,
      seconds,
      ms,
      ms,
      /^\d+ \(0\)$/,
      /^\d+\.\d s, \d+\.\d ms, \d+\.\d s$/,
      /^\d+\.\d\d, \d+\.\d\d$/,
      mb,
      mb,
      mb,
      /^(\d+\.\d MB|none)$/,
      /^(\d+\.\d MB|none)$/,
      mb,
      mb,
      /^“interview”: \d+\.\d kB in \d+ requests$/,
      first,
      bytes,
      complete,
      /^“quillfeather”: \d+\.\d kB in \d+ requests$/,
      first,
      bytes,
      complete,
      /^\d+\.\d s \(\d+ %\)$/,
      /^\d+\.\d s, 1 \(\d+\)$/,
      /^\d+$/,
    ];
    expect(rows).toHaveLength(units.length);
    rows.forEach(([name, value], i) => expect(value, name).toMatch(units[i]));
  });

  it('gives each phase of the build its wall and CPU time, cold and rebuilt, in order', () => {
    const [, phases] = tables();
    expect(phases.split('\n')[0]).toBe('| Phase | Wall | CPU | Rebuild wall | Rebuild CPU |');
    const rows = rowsOf(phases);
    // Every phase of today's build is found in its log; a phase a build skips would leave its row out.
    expect(rows.map(([name]) => name)).toEqual([...phaseNames]);
    for (const row of rows) for (const cell of row.slice(1)) expect(cell, row[0]).toMatch(/^\d+\.\d s$/);
  });
});

describe('the generated site', () => {
  it('renders a social card for every published article, all of them cold', () => {
    for (const a of published()) expect(existsSync(path.join(client(), 'advice', a.id, 'card.png')), a.id).toBe(true);
    expect(figures.cards.rendered).toBeGreaterThan(published().length);
    expect(figures.cards.reused).toBe(0);
  });

  it('publishes every generated article except drafts and future-dated ones', () => {
    // The generated articles and the one the rebuild added.
    expect(corpus.articles).toHaveLength(articles + 1);
    expect(published().length).toBeLessThan(corpus.articles.length);
    for (const a of corpus.articles) {
      const file = path.join(client(), 'advice', a.id, 'index.html');
      expect(existsSync(file), a.id).toBe(a.published);
      if (a.published) expect(page(`advice/${a.id}`).querySelector('h1')!.text).toBe(a.title);
    }
  });

  it('shows each article the related articles the ranking defines', () => {
    for (const current of published()) {
      const expected = published()
        .filter((a) => a.id !== current.id)
        .map((a) => ({ a, shared: a.topics.filter((t) => current.topics.includes(t)).length }))
        .sort((p, q) => q.shared - p.shared || newestFirst(p.a, q.a))
        .slice(0, 4)
        .map(({ a }) => `/advice/${a.id}/`);
      expect(
        articleLinks(page(`advice/${current.id}`), 'section[aria-labelledby="related-heading"]'),
        current.id,
      ).toEqual(expected);
    }
  });

  it('lists every article once across the advice pages, newest first, ten a page', () => {
    const pages = Math.ceil(published().length / pageSize);
    expect(existsSync(path.join(client(), 'advice', String(pages + 1)))).toBe(false);
    const listed = Array.from({ length: pages }, (_, i) =>
      articleLinks(page(i === 0 ? 'advice' : `advice/${i + 1}`), 'main'),
    );
    expect(listed.slice(0, -1).every((p) => p.length === pageSize)).toBe(true);
    expect(listed.flat()).toEqual([...published()].sort(newestFirst).map((a) => `/advice/${a.id}/`));
  });

  it('lists each topic’s and each author’s articles, and no others', () => {
    // Topic and author lists are paginated: page 1 at the root, then /2/, /3/ ...
    const allPages = (base: string) => {
      const dirs = readdirSync(path.join(client(), base), { withFileTypes: true })
        .filter((d) => d.isDirectory() && /^\d+$/.test(d.name))
        .map((d) => d.name);
      return ['', ...dirs.sort((a, b) => Number(a) - Number(b))].flatMap((n) =>
        articleLinks(page(`${base}/${n}`), 'main'),
      );
    };
    for (const topic of ['interviewing', 'job-search', 'offers', 'networking']) {
      const listed = allPages(`topics/${topic}`);
      const expected = published()
        .filter((a) => a.topics.includes(topic))
        .sort(newestFirst)
        .map((a) => `/advice/${a.id}/`);
      expect(listed, topic).toEqual(expected);
    }
    for (const author of ['editorial-desk', 'mei-lin-tan']) {
      const expected = published()
        .filter((a) => a.author === author)
        .sort(newestFirst)
        .map((a) => `/advice/${a.id}/`);
      expect(allPages(`authors/${author}`), author).toEqual(expected);
    }
  });

  it('puts every article in the sitemap and the RSS feed', () => {
    const sitemap = readdirSync(client())
      .filter((f) => /^sitemap-\d+\.xml$/.test(f))
      .map((f) => readFileSync(path.join(client(), f), 'utf8'))
      .join('');
    const rss = readFileSync(path.join(client(), 'rss.xml'), 'utf8');
    for (const a of published()) {
      expect(sitemap, a.id).toContain(`/advice/${a.id}/</loc>`);
      expect(rss, a.id).toContain(`/advice/${a.id}/</link>`);
    }
    expect(rss.match(/<item>/g)).toHaveLength(published().length);
  });

  it('has no internal link to a page that was not built', () => {
    const missing = new Set<string>();
    for (const a of published()) {
      for (const link of page(`advice/${a.id}`).querySelectorAll('a[href^="/"]')) {
        const target = link.getAttribute('href')!.split('#')[0];
        if (!existsSync(path.join(client(), target, target.endsWith('/') ? 'index.html' : '')))
          missing.add(`${a.id} -> ${target}`);
      }
    }
    expect([...missing]).toEqual([]);
  });

  it('indexes every article for search and finds exactly the articles with the rare word', () => {
    expect(figures.htmlPages).toBeGreaterThan(published().length);
    expect(figures.indexedPages).toBeGreaterThanOrEqual(published().length);
    const rare = published()
      .filter((a) => a.rare)
      .map((a) => `/advice/${a.id}/`);
    expect(rare).toHaveLength(3);
    expect(figures.rare.complete.results).toBe(rare.length);
    expect([...figures.rare.shown].sort()).toEqual(rare.sort());
    expect(figures.common.complete.results).toBeGreaterThan(published().length / 2);
    expect(figures.common.results).toBeLessThanOrEqual(figures.common.complete.results);
  });

  it('rebuilds with one more article: its page and card are new, every other card and some pages are reused', () => {
    expect(existsSync(path.join(client(), 'advice', figures.rebuild.added, 'index.html'))).toBe(true);
    expect(figures.rebuild.cards.rendered).toBe(1);
    expect(figures.rebuild.cards.reused).toBe(figures.cards.rendered);
    expect(figures.rebuild.pagesFromCache).toBeGreaterThan(0);
  });

  it('rebuilds exactly the pages a cold build of the same articles makes', async () => {
    // The incremental build copies pages whose cache key matched; any data a page shows but its key
    // misses would leave a stale copy here. A cold build (fresh cache) of the same content is the truth.
    const cold = path.join(work, 'dist-cold');
    await buildSite({
      root,
      onWait: () => {},
      contentDir: path.relative(root, path.join(work, 'content')),
      outDir: cold,
      cacheDir: path.join(work, 'cache-cold'),
      logFile: path.join(work, 'cold.log'),
    });
    const html = (dir: string) =>
      readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.html'))
        .sort();
    const pages = html(client());
    expect(html(path.join(cold, 'client'))).toEqual(pages);
    const differing = pages.filter(
      (f) => !readFileSync(path.join(client(), f)).equals(readFileSync(path.join(cold, 'client', f))),
    );
    expect(differing).toEqual([]);
  }, 180_000);
});
