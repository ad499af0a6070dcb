// `npm run bench -- --articles N`: builds the whole site, search index included, on N generated
// articles and prints what it cost: wall and CPU time (per page, with and without the social cards),
// each phase's time, peak memory of the whole build and of each kind of process, output and index
// sizes, a reader's first and complete search results (bytes and time) in a real browser against the
// production server, and the rebuild after adding one article. Everything lives in .bench/run-<pid>/
// and is removed afterwards (unless --keep).
import { existsSync, rmSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { buildSite, folderStats } from './bench/build.ts';
import { writeCorpus, writeOneMoreArticle } from './bench/corpus.ts';
import { measureQuery, openBrowser, type QueryFigures } from './bench/search-probe.ts';
import { markdownTable, type BenchmarkFigures } from './bench/table.ts';
import { projectRoot as root } from './support/project.ts';
import { startServer } from './support/server.ts';

/** A word in most articles, so its index chunk and result list are as large as they get. */
const commonQuery = 'interview';

const { values } = parseArgs({ options: { articles: { type: 'string' }, keep: { type: 'boolean', default: false } } });
const count = Number(values.articles);
if (!Number.isInteger(count) || count < 1) {
  console.error('Usage: npm run bench -- --articles <N> [--keep]   (N a whole number of at least 1)');
  process.exit(2);
}

// Inside the project on purpose: Astro's loaders accept only content folders under the root, and
// the built server bundle resolves its dependencies from the project's node_modules.
const workRel = path.join('.bench', `run-${process.pid}`);
const work = path.join(root, workRel);
const paths = {
  contentRel: path.join(workRel, 'content'),
  content: path.join(work, 'content'),
  dist: path.join(work, 'dist'),
  cache: path.join(work, 'cache'),
  data: path.join(work, 'data'),
  log: path.join(work, 'build.log'),
  rebuildLog: path.join(work, 'rebuild.log'),
};
const cleanUp = () => {
  if (!values.keep) rmSync(work, { recursive: true, force: true });
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    cleanUp();
    process.exit(130);
  });
}
const step = (text: string) => console.error(`[bench] ${text}`);

try {
  await mkdir(paths.data, { recursive: true });
  // `npm run build` generates the planner's holiday data first; a fresh checkout has none yet.
  if (!existsSync(path.join(root, 'src/domain/follow-up/holidays.generated.json'))) {
    spawnSync(process.execPath, [path.join(root, 'scripts/generate-holidays.ts')], { cwd: root, stdio: 'inherit' });
  }
  step(`writing ${count} articles to ${paths.contentRel}`);
  const corpus = await writeCorpus(paths.content, count, path.join(root, 'content'));

  const loadAtStart = loadavg()[0];
  step(`building into ${path.relative(root, paths.dist)} (log: ${path.relative(root, paths.log)})`);
  const buildOptions = { onWait: step, root, contentDir: paths.contentRel, cacheDir: paths.cache };
  const build = await buildSite({ ...buildOptions, outDir: paths.dist, logFile: paths.log });
  const client = path.join(paths.dist, 'client');
  const site = await folderStats(client, (file) => file.endsWith('.html'));
  const dist = await folderStats(paths.dist);
  const index = await folderStats(path.join(client, 'pagefind'));

  step('measuring first and complete searches in Chromium against the production server');
  const published = corpus.articles.filter((a) => a.published);
  const newest = published.reduce((a, b) =>
    b.pubDate > a.pubDate || (+b.pubDate === +a.pubDate && b.id < a.id) ? b : a,
  );
  const server = await startServer({ DIST_DIR: paths.dist, DATA_DIR: paths.data });
  const browser = await openBrowser();
  let searches: { common: QueryFigures; rare: QueryFigures };
  try {
    const articleUrl = `${server.url}/advice/${newest.id}/`;
    searches = {
      common: await measureQuery(browser, articleUrl, commonQuery),
      rare: await measureQuery(browser, articleUrl, corpus.rareWord),
    };
  } finally {
    await browser.close();
    await server.stop();
  }
  const loadAtEnd = loadavg()[0];

  // An editor publishing one article: the same cache and output folder. (Not a fresh folder as `npm run
  // build` makes: Astro writes the output folder's path into the astro:assets module, which every page
  // with an image imports, so a new folder changes every page's code hash and the page cache misses.)
  const added = await writeOneMoreArticle(paths.content, corpus);
  step(`rebuilding with one more article (${added.id})`);
  const rebuild = await buildSite({ ...buildOptions, outDir: paths.dist, logFile: paths.rebuildLog });
  const figures: BenchmarkFigures = {
    articles: count,
    published: published.length,
    htmlPages: site.matching,
    indexedPages: build.indexedPages,
    indexes: Math.max(1, build.shards.length),
    cards: build.cards,
    build: { wallMs: build.wallMs, cpuSeconds: build.cpuSeconds, phases: build.phases },
    load: [loadAtStart, loadAtEnd],
    memory: build.memory,
    distBytes: dist.bytes,
    indexBytes: index.bytes,
    ...searches,
    rebuild: {
      added: added.id,
      wallMs: rebuild.wallMs,
      cpuSeconds: rebuild.cpuSeconds,
      phases: rebuild.phases,
      cards: rebuild.cards,
      pagesFromCache: rebuild.pagesFromCache,
    },
  };
  await writeFile(path.join(work, 'figures.json'), JSON.stringify(figures, null, 2));
  // The articles of the site as it now stands, rebuilt with the added one.
  await writeFile(path.join(work, 'corpus.json'), JSON.stringify({ ...corpus, articles: [...corpus.articles, added] }));
  console.log(markdownTable(figures));
  if (values.keep) step(`kept ${workRel}`);
} finally {
  cleanUp();
}
