// Builds the site's search index with Pagefind's Node API once Astro has written every page,
// and lets `astro dev` serve the last build's index so the search box works while writing.
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { withTrailingSlash } from '../domain/urls.ts';

/** Folder of the search bundle inside the client output; the browser loads `${BASE_URL}pagefind/pagefind.js`. */
const bundleFolder = 'pagefind';

/**
 * Only real pages are searchable. With directory-style output every page is `<path>/index.html`,
 * so this skips 404.html and 500.html, which are error pages rather than places to send a reader.
 */
const pageGlob = '**/index.html';

/**
 * Chrome that can sit inside a page's `data-pagefind-body` but is never what a reader searched for:
 * navigation, footers, forms such as the newsletter signup, and anything hidden from assistive
 * technology (heading-anchor labels, decorative glyphs). Layouts can add `data-pagefind-ignore` too.
 */
const excludedSelectors = ['nav', 'footer', 'form', '[aria-hidden="true"]', '[data-pagefind-ignore]'];

/**
 * Pagefind also writes its ready-made search UIs. This site draws its own results (markup and
 * accessibility stay ours), so those bundles would only be dead weight in dist.
 */
const unusedBundleFiles = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

/** The site is written in English; one language keeps a single index even if a page forgets `lang`. */
const siteLanguage = 'en';

const contentTypes: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/** Total bytes of every file under a folder, so the build log shows what readers may download. */
async function folderBytes(folder: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}

/** Pages in the written index, summed over languages, as recorded in Pagefind's entry file. */
async function indexedPageCount(outputPath: string): Promise<number> {
  const entry = JSON.parse(await readFile(path.join(outputPath, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

function failure(step: string, errors: string[]): Error {
  return new Error(`Pagefind could not ${step}:\n${errors.map((e) => `  - ${e}`).join('\n')}`);
}

/** Indexes `siteDir` and writes the bundle into `<siteDir>/pagefind`; throws so a bad index fails the build. */
export async function buildSearchIndex(dir: string): Promise<{ pageCount: number; bytes: number; outputPath: string }> {
  const siteDir = path.resolve(dir);
  const outputPath = path.join(siteDir, bundleFolder);
  // A previous build's fragments must not linger next to the new index.
  await rm(outputPath, { recursive: true, force: true });
  try {
    const created = await pagefind.createIndex({ excludeSelectors: excludedSelectors, forceLanguage: siteLanguage });
    if (created.errors.length > 0 || !created.index) throw failure('start an index', created.errors);
    const { index } = created;

    const added = await index.addDirectory({ path: siteDir, glob: pageGlob });
    if (added.errors.length > 0) throw failure(`index the pages in ${siteDir}`, added.errors);

    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw failure(`write the index to ${outputPath}`, written.errors);
    await Promise.all(unusedBundleFiles.map((name) => rm(path.join(outputPath, name), { force: true })));

    // addDirectory counts every file it read; the entry file counts the pages that made it into the index.
    const pageCount = await indexedPageCount(outputPath);
    if (pageCount === 0) {
      throw failure('index the site', [
        `none of the ${added.page_count} files matching ${pageGlob} in ${siteDir} was indexed`,
      ]);
    }
    return { pageCount, bytes: await folderBytes(outputPath), outputPath };
  } finally {
    // The Node API runs Pagefind as a child process; leaving it open would keep the build alive.
    await pagefind.close();
  }
}

/** The Pagefind integration for astro.config: `integrations: [pagefindSearch()]`. */
export default function pagefindSearch(): AstroIntegration {
  let clientDir = '';
  let base = '/';
  return {
    name: 'follow-through:pagefind',
    hooks: {
      'astro:config:done': ({ config, buildOutput }) => {
        // Static builds write pages to outDir; builds with on-demand routes write them to build.client.
        clientDir = fileURLToPath(buildOutput === 'server' ? config.build.client : config.outDir);
        base = withTrailingSlash(config.base);
      },

      'astro:server:setup': async ({ server, logger }) => {
        const bundleDir = path.join(clientDir, bundleFolder);
        const prefix = `${base}${bundleFolder}/`;
        const hasIndex = await stat(path.join(bundleDir, 'pagefind.js')).then(
          () => true,
          () => false,
        );
        logger.info(
          hasIndex
            ? `Search uses the index from the last build (${bundleDir}).`
            : 'No search index yet: search shows a notice until you run `npm run build`.',
        );
        // Pages in dev are not indexed on the fly, so the last build's bundle is the best there is.
        server.middlewares.use((req, res, next) => {
          const pathname = new URL(req.url ?? '/', 'http://dev.invalid').pathname;
          if (!pathname.startsWith(prefix)) return next();
          let file: string;
          try {
            file = path.resolve(bundleDir, decodeURIComponent(pathname.slice(prefix.length)));
          } catch {
            return next(); // a malformed %-escape names no file of ours
          }
          if (!file.startsWith(bundleDir + path.sep)) return next();
          readFile(file).then(
            (body) => {
              res.setHeader('Content-Type', contentTypes[path.extname(file)] ?? 'application/octet-stream');
              res.setHeader('Cache-Control', 'no-store');
              res.end(body);
            },
            () => next(),
          );
        });
      },

      'astro:build:done': async ({ dir, logger }) => {
        const { pageCount, bytes } = await buildSearchIndex(fileURLToPath(dir));
        logger.info(`Indexed ${pageCount} pages for search (${(bytes / 1024).toFixed(1)} kB in ${bundleFolder}/).`);
      },
    },
  };
}
