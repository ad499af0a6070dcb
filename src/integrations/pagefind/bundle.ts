// What every search index of the site shares: where the bundle lives, what Pagefind leaves out of a
// page, and the files the browser never loads.
import { readFileSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Folder of the search bundle inside the client output; the browser loads `${BASE_URL}pagefind/pagefind.js`. */
export const bundleFolder = 'pagefind';

/**
 * Chrome that can sit inside a page's `data-pagefind-body` but is never what a reader searched for:
 * navigation, footers, forms such as the newsletter signup, and anything hidden from assistive
 * technology (heading-anchor labels, decorative glyphs). Layouts can add `data-pagefind-ignore` too.
 */
export const excludedSelectors = ['nav', 'footer', 'form', '[aria-hidden="true"]', '[data-pagefind-ignore]'];

/** The site is written in English; one language keeps a single index even if a page forgets `lang`. */
export const siteLanguage = 'en';

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

/**
 * Files an archive index does without: the browser runs the recent index's script, worker and
 * WebAssembly, and a merged index only brings its own metadata, words, filters and fragments.
 */
const recentOnlyFiles = ['pagefind.js', 'pagefind-worker.js', /^wasm\..*\.pagefind$/];

/** Names of the files in a freshly written bundle that the browser never loads. */
export function unusedFiles(names: string[], kind: 'recent' | 'archive'): string[] {
  return names.filter(
    (name) =>
      unusedBundleFiles.includes(name) ||
      (kind === 'archive' &&
        recentOnlyFiles.some((file) => (typeof file === 'string' ? file === name : file.test(name)))),
  );
}

/** Pagefind's version and the options above: an index is reused only when all of them are unchanged. */
export function indexerSettings(): string {
  // The package exports no package.json; its manifest sits beside lib/.
  const main = fileURLToPath(import.meta.resolve('pagefind'));
  const manifest = path.join(path.dirname(main), '..', 'package.json');
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  return JSON.stringify({ pagefind: version, excludedSelectors, siteLanguage });
}

/** Pages in a written index, summed over languages, as recorded in Pagefind's entry file. */
export async function indexedPageCount(outputPath: string): Promise<number> {
  const entry = JSON.parse(await readFile(path.join(outputPath, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

/** Total bytes of every file under a folder, so the build log shows what readers may download. */
export async function folderBytes(folder: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}
