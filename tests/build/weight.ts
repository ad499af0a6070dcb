// Measures what a page costs a reader before any interaction, in gzip bytes (the budgets' unit).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileForPath, type BuiltPage } from './dist';

export const gzipSize = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;

function fileText(path: string): string {
  const file = fileForPath(path);
  if (!file) throw new Error(`missing asset ${path}`);
  return readFileSync(file, 'utf8');
}

/** Static imports of a module, recursively: what the browser must fetch before it runs. */
function staticImportClosure(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const code = fileText(entry);
  for (const m of code.matchAll(/(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g)) {
    staticImportClosure(new URL(m[1], new URL(entry, 'http://x')).pathname, seen);
  }
  return seen;
}

export interface PageWeight {
  html: number;
  css: number;
  /** Inline and module scripts that run on load, islands excluded. */
  eagerJs: number;
  /** Island components, their framework and Astro's island loader. */
  islandJs: number;
}

export function pageWeight(page: BuiltPage): PageWeight {
  const css = page.root
    .querySelectorAll('link[rel="stylesheet"]')
    .reduce((n, l) => n + gzipSize(fileText(l.getAttribute('href')!)), 0);
  const styleTags = page.root.querySelectorAll('style').reduce((n, s) => n + gzipSize(s.text), 0);
  const hasIslands = page.root.querySelector('astro-island') !== null;
  // Inline scripts travel in the page's own gzip stream, so they are measured together, as sent.
  const eagerTexts: string[] = [];
  let islandLoader = 0;
  const eagerModules = new Set<string>();
  for (const s of page.root.querySelectorAll('script')) {
    const type = s.getAttribute('type');
    if (type && type !== 'module' && type !== 'text/javascript') continue;
    const src = s.getAttribute('src');
    if (src) {
      staticImportClosure(new URL(src, 'http://x').pathname, eagerModules);
      continue;
    }
    // Astro's inline island loader exists only because of an island; it counts against the island.
    const isIslandLoader = hasIslands && /astro-island|astro:visible|Astro\.(visible|load)/.test(s.text);
    if (isIslandLoader) islandLoader += gzipSize(s.text);
    else eagerTexts.push(s.text);
  }
  let eagerJs = eagerTexts.length > 0 ? gzipSize(eagerTexts.join('\n')) : 0;
  for (const m of eagerModules) eagerJs += gzipSize(fileText(m));
  const islandModules = new Set<string>();
  for (const island of page.root.querySelectorAll('astro-island')) {
    for (const attr of ['component-url', 'renderer-url']) {
      const url = island.getAttribute(attr);
      if (url) staticImportClosure(new URL(url, 'http://x').pathname, islandModules);
    }
  }
  let islandJs = islandLoader;
  for (const m of islandModules) islandJs += gzipSize(fileText(m));
  return { html: gzipSize(page.html), css: css + styleTags, eagerJs, islandJs };
}
