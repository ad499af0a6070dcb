// What the search indexer reads from one built page, found in its HTML without running the indexer:
// the regions marked `data-pagefind-body`, whether the page is an article, and its publication date.
// Layouts mark these (src/layouts/Article.astro); the markup is ours, so a small scanner is enough.

/** One built page as the shard planner sees it. */
export interface SearchablePage {
  /** Path of the HTML file inside the client output, e.g. `advice/thank-you-note/index.html`. */
  path: string;
  /** Publication day (YYYY-MM-DD) when the page is an article; absent for every other page. */
  articleDate?: string;
  /** Digest of what the indexer reads from the page, so an unchanged page gives the same value. */
  fingerprint: string;
}

const voidElements = new Set(['area', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'wbr']);
const bodyOpening = /<([a-zA-Z][\w-]*)\b[^>]*\sdata-pagefind-body(?=[\s=>/])[^>]*>/g;
const ignoredOpening = /<([a-zA-Z][\w-]*)\b[^>]*\sdata-pagefind-ignore="all"[^>]*>/g;
const articleFilter = 'data-pagefind-filter="type:Article"';
const dateSort = /data-pagefind-sort="date:(\d{4}-\d{2}-\d{2})"/;

/** Index just past the element that opens at `start` (its tag `name`, opening tag ending at `openEnd`). */
function elementEnd(html: string, name: string, start: number, openEnd: number): number {
  if (voidElements.has(name.toLowerCase()) || html[openEnd - 2] === '/') return openEnd;
  const tags = new RegExp(`<(/?)${name}\\b[^>]*>`, 'gi');
  tags.lastIndex = openEnd;
  let depth = 1;
  for (let tag = tags.exec(html); tag; tag = tags.exec(html)) {
    depth += tag[1] ? -1 : 1;
    if (depth === 0) return tag.index + tag[0].length;
  }
  // An element left open runs to the end of the document, as a browser would read it.
  return html.length;
}

/** Every element an `opening` pattern matches (outermost ones only), as [start, end) ranges. */
function elementRanges(html: string, opening: RegExp): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const pattern = new RegExp(opening.source, 'g');
  for (let open = pattern.exec(html); open; open = pattern.exec(html)) {
    const end = elementEnd(html, open[1], open.index, open.index + open[0].length);
    ranges.push([open.index, end]);
    pattern.lastIndex = end;
  }
  return ranges;
}

/**
 * The markup the indexer reads: each `data-pagefind-body` element, without the parts marked
 * `data-pagefind-ignore="all"` (related articles, share links, the newsletter form), which change
 * with other pages and must not make an unchanged article look changed. Empty when the page has no body.
 */
export function searchableHtml(html: string): string {
  return elementRanges(html, bodyOpening)
    .map(([start, end]) => {
      const body = html.slice(start, end);
      let kept = '';
      let from = 0;
      for (const [ignoredStart, ignoredEnd] of elementRanges(body, ignoredOpening)) {
        kept += body.slice(from, ignoredStart);
        from = ignoredEnd;
      }
      return kept + body.slice(from);
    })
    .join('\n');
}

/**
 * The page as the planner needs it, or null when it has nothing to index (no `data-pagefind-body`,
 * which Pagefind would skip anyway). `digest` hashes text (SHA-256 in the build).
 */
export function searchablePage(path: string, html: string, digest: (text: string) => string): SearchablePage | null {
  const searchable = searchableHtml(html);
  if (!searchable) return null;
  const date = searchable.includes(articleFilter) ? dateSort.exec(searchable)?.[1] : undefined;
  return { path, ...(date ? { articleDate: date } : {}), fingerprint: digest(searchable) };
}
