// Runs the real Pagefind binary over a tiny site shaped like ours, to prove what ends up searchable:
// the main content with its filters and metadata, and none of the page chrome or the 404 page.
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../../src/integrations/pagefind';

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

const article = page(`<article data-pagefind-body data-pagefind-filter="type:Article">
  <h1>Write the thank-you note within a day</h1>
  <p><time datetime="2025-03-04" data-pagefind-meta="date[datetime]" data-pagefind-sort="date[datetime]">4 March 2025</time>
    <a href="/topics/interviewing/" data-pagefind-filter="topic">Interviewing</a> <a href="/topics/offers/" data-pagefind-filter="topic">Offers</a></p>
  <img src="/_astro/hero.webp" alt="A desk" data-pagefind-meta="image[src], image_alt[alt]">
  <nav aria-label="Table of contents" data-pagefind-ignore><a href="#timing">Contentsword timing</a></nav>
  <h2 id="timing">Timing <a href="#timing"><span aria-hidden="true">#</span><span class="sr-only" data-pagefind-ignore>Anchorword</span></a></h2>
  <p>Send it before the interviewer decides. Shown as text: &lt;img src=x onerror=alert(1)&gt;</p>
  <aside data-pagefind-ignore="all"><h2>Newsletterword briefing</h2><form><label>Email <input name="email"></label></form></aside>
</article>`);

const notFound = page(`<div data-pagefind-body><h1>Page not found</h1><p>Notfoundword</p></div>`);
const listPage = page(`<h1>All advice</h1><p>Listword</p>`);

let siteDir: string;
let fragments: Fragment[];
let pageCount: number;

beforeAll(async () => {
  siteDir = await mkdtemp(path.join(tmpdir(), 'pagefind-index-'));
  await mkdir(path.join(siteDir, 'advice', 'thank-you-note'), { recursive: true });
  await writeFile(path.join(siteDir, 'advice', 'thank-you-note', 'index.html'), article);
  await writeFile(path.join(siteDir, 'advice', 'index.html'), listPage);
  await writeFile(path.join(siteDir, '404.html'), notFound);

  ({ pageCount } = await buildSearchIndex(siteDir));
  const fragmentDir = path.join(siteDir, 'pagefind', 'fragment');
  fragments = await Promise.all(
    (await readdir(fragmentDir)).map(async (name) => {
      // Fragments are gzipped JSON behind a short signature.
      const text = gunzipSync(await readFile(path.join(fragmentDir, name))).toString('utf8');
      return JSON.parse(text.slice(text.indexOf('{'))) as Fragment;
    }),
  );
}, 30_000);

afterAll(async () => {
  await rm(siteDir, { recursive: true, force: true });
});

describe('the index Pagefind writes for our pages', () => {
  it('holds only pages with data-pagefind-body, never the 404 page', () => {
    expect(pageCount).toBe(1);
    expect(fragments.map((f) => f.url)).toEqual(['/advice/thank-you-note/']);
  });

  it('indexes the article text and leaves out navigation, footer, contents, anchor labels and newsletter', () => {
    const [{ content }] = fragments;
    expect(content).toContain('Send it before the interviewer decides');
    for (const chrome of ['Headerword', 'Footerword', 'Contentsword', 'Anchorword', 'Newsletterword', 'Email']) {
      expect(content).not.toContain(chrome);
    }
  });

  it('ships what the browser client loads and none of Pagefind’s ready-made UIs', async () => {
    const files = await readdir(path.join(siteDir, 'pagefind'));
    expect(files).toEqual(
      expect.arrayContaining(['pagefind.js', 'pagefind-worker.js', 'pagefind-entry.json', 'wasm.en.pagefind']),
    );
    expect(files.filter((name) => /-ui\.|highlight/.test(name))).toEqual([]);
  });

  it('keeps markup-like page text as text, for the client to render inertly', () => {
    expect(fragments[0].content).toContain('<img src=x onerror=alert(1)>');
  });

  it('reads the filters and metadata in the attribute form the layouts use', () => {
    // Pagefind 1.6 does not split "a:b, c:d" in one attribute, so each value sits on its own element.
    const [{ filters, meta }] = fragments;
    expect(filters).toEqual({ type: ['Article'], topic: ['Interviewing', 'Offers'] });
    expect(meta).toMatchObject({
      title: 'Write the thank-you note within a day',
      date: '2025-03-04',
      image: '/_astro/hero.webp',
      image_alt: 'A desk',
    });
  });
});
