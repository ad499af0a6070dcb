// Runs the build's search step, with the real Pagefind binary, over a tiny site shaped like ours: what
// ends up searchable (main content, filters, metadata; no chrome, no 404 page), the date shards, the
// list of archives the browser merges, the log lines the benchmark reads, and the reuse of unchanged archives.
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSearchIndexes } from '../../../src/integrations/pagefind/search-indexes';
import { buildEnvironment } from '../../../scripts/astro-build';

interface Fragment {
  url: string;
  content: string;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
}

const page = (main: string) => `<!doctype html><html lang="en"><head><title>Page | Follow-through</title></head>
<body><header><nav><a href="/advice/">Advice</a> Headerword</nav></header>
<main id="main">${main}</main>
<footer>Footerword <a href="/recruiters/">For recruiters</a></footer></body></html>`;

const article = (day: string, words: string) =>
  page(`<article data-pagefind-body>
  <h1 data-pagefind-meta="title">Write the thank-you note within a day</h1>
  <span hidden data-pagefind-meta="date:${day}" data-pagefind-sort="date:${day}"></span>
  <span hidden data-pagefind-filter="type:Article"></span>
  <span hidden data-pagefind-filter="topic:Interviewing"></span><span hidden data-pagefind-filter="topic:Offers"></span>
  <img src="/_astro/hero.webp" alt="A desk" data-pagefind-meta="image[src], image_alt[alt]">
  <nav aria-label="Table of contents" data-pagefind-ignore><a href="#timing">Contentsword timing</a></nav>
  <h2 id="timing">Timing <a href="#timing"><span aria-hidden="true">#</span><span class="sr-only" data-pagefind-ignore>Anchorword</span></a></h2>
  <p>${words} Shown as text: &lt;img src=x onerror=alert(1)&gt;</p>
  <aside data-pagefind-ignore="all"><h2>Newsletterword briefing</h2><form><label>Email <input name="email"></label></form></aside>
</article>`);

const site: Record<string, string> = {
  'advice/newest/index.html': article('2026-05-01', 'Newestword'),
  'advice/middle/index.html': article('2024-05-01', 'Middleword'),
  'advice/oldest/index.html': article('2019-05-01', 'Oldestword'),
  // Glob metacharacters in a path: the indexer names each page literally.
  'jobs/analyst,(senior)/index.html': page(
    '<article data-pagefind-body data-pagefind-filter="type:Job"><h1>Analyst</h1></article>',
  ),
  'advice/index.html': page('<h1>All advice</h1><p>Listword</p>'),
  '404.html': page('<div data-pagefind-body><h1>Page not found</h1><p>Notfoundword</p></div>'),
};

let outDir: string;
let cacheDir: string;
const config = () => ({ cacheDir, searchRecentArticles: 1, searchArchiveArticles: 1 });
const bundle = () => path.join(outDir, 'client', 'pagefind');

async function fragments(folder: string): Promise<Fragment[]> {
  const fragmentDir = path.join(folder, 'fragment');
  return Promise.all(
    (await readdir(fragmentDir)).map(async (name) => {
      // Fragments are gzipped JSON behind a short signature.
      const text = gunzipSync(await readFile(path.join(fragmentDir, name))).toString('utf8');
      return JSON.parse(text.slice(text.indexOf('{'))) as Fragment;
    }),
  );
}

async function index() {
  const lines: string[] = [];
  const result = await buildSearchIndexes(outDir, {
    env: buildEnvironment(),
    config: config(),
    log: (l) => lines.push(l),
  });
  const archives = JSON.parse(await readFile(path.join(bundle(), 'archives.json'), 'utf8')) as { archives: string[] };
  return { lines, result, archives: archives.archives };
}

let first: Awaited<ReturnType<typeof index>>;

beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'search-indexes-'));
  cacheDir = path.join(outDir, 'cache');
  for (const [file, html] of Object.entries(site)) {
    await mkdir(path.dirname(path.join(outDir, 'client', file)), { recursive: true });
    await writeFile(path.join(outDir, 'client', file), html);
  }
  first = await index();
}, 60_000);

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe('the search step of the build', () => {
  it('puts the newest article and every other page in the recent index, older articles in archives', async () => {
    expect((await fragments(bundle())).map((f) => f.url).sort()).toEqual([
      '/advice/newest/',
      '/jobs/analyst,(senior)/',
    ]);
    const [middle, oldest] = await Promise.all(first.archives.map((folder) => fragments(path.join(bundle(), folder))));
    expect(middle.map((f) => f.url)).toEqual(['/advice/middle/']);
    expect(oldest.map((f) => f.url)).toEqual(['/advice/oldest/']);
  });

  it('logs one line per index and the total, in the shape the benchmark reads', () => {
    expect(first.lines).toHaveLength(4);
    expect(first.lines[0]).toMatch(/^Search index recent: 2 pages, built in \d+ ms$/);
    expect(first.lines[1]).toMatch(/^Search index archive-2: 1 pages, built in \d+ ms$/);
    expect(first.lines[2]).toMatch(/^Search index archive-1: 1 pages, built in \d+ ms$/);
    expect(first.lines[3]).toMatch(/^Indexed 4 pages for search in 3 indexes \(\d+\.\d kB\)$/);
    expect(first.result).toMatchObject({ pageCount: 4, indexes: 3 });
  });

  it('indexes the article text and leaves out navigation, footer, contents, anchor labels and newsletter', async () => {
    const [{ content, filters, meta }] = await fragments(path.join(bundle(), first.archives[1]));
    expect(content).toContain('Oldestword');
    expect(content).toContain('<img src=x onerror=alert(1)>');
    for (const chrome of ['Headerword', 'Footerword', 'Contentsword', 'Anchorword', 'Newsletterword', 'Email']) {
      expect(content).not.toContain(chrome);
    }
    // Pagefind 1.6 does not split "a:b, c:d" in one attribute, so each value sits on its own element.
    expect(filters).toEqual({ type: ['Article'], topic: ['Interviewing', 'Offers'] });
    expect(meta).toMatchObject({ date: '2019-05-01', image: '/_astro/hero.webp', image_alt: 'A desk' });
  });

  it('ships the browser script with the recent index only, and no ready-made UI', async () => {
    const recent = await readdir(bundle());
    expect(recent).toEqual(
      expect.arrayContaining(['pagefind.js', 'pagefind-worker.js', 'pagefind-entry.json', 'wasm.en.pagefind']),
    );
    expect(recent.filter((name) => /-ui\.|highlight/.test(name))).toEqual([]);
    const archive = await readdir(path.join(bundle(), first.archives[0]));
    expect(archive).toContain('pagefind-entry.json');
    expect(archive.filter((name) => /\.js$|^wasm\./.test(name))).toEqual([]);
  });

  it('reuses unchanged archives on the next build and rebuilds the one whose article changed', async () => {
    await writeFile(path.join(outDir, 'client', 'advice', 'middle', 'index.html'), article('2024-05-01', 'Editedword'));
    const second = await index();
    expect(second.lines[1]).toMatch(/^Search index archive-2: 1 pages, built in/);
    expect(second.lines[2]).toMatch(/^Search index archive-1: 1 pages, reused in/);
    expect(second.archives[1]).toBe(first.archives[1]);
    expect(second.archives[0]).not.toBe(first.archives[0]);
    const [edited] = await fragments(path.join(bundle(), second.archives[0]));
    expect(edited.content).toContain('Editedword');
    // The cache holds this build's archives only.
    expect((await readdir(path.join(cacheDir, 'search-index'))).sort()).toEqual(
      second.archives.map((f) => f.slice(0, -1)).sort(),
    );
  }, 60_000);
});
