// Loads Pagefind's browser bundle from the site's own /pagefind/ folder, under any base path.
import { basePath } from '../../config';

/** The parts of one result that the interface shows. */
export interface PagefindResultData {
  url: string;
  /** Page text with `<`/`>` escaped and matches in `<mark>`; see excerpt.ts. */
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}

export interface PagefindResult {
  id: string;
  data(): Promise<PagefindResultData>;
}

export interface PagefindResponse {
  results: PagefindResult[];
}

export interface PagefindSearchOptions {
  filters?: Record<string, string | string[]>;
  sort?: Record<string, 'asc' | 'desc'>;
}

/** The subset of Pagefind 1.6's browser API this site uses. */
export interface Pagefind {
  options(options: { basePath?: string; baseUrl?: string; excerptLength?: number }): Promise<void>;
  init(): Promise<void>;
  preload(term: string, options?: PagefindSearchOptions): Promise<void>;
  search(term: string | null, options?: PagefindSearchOptions): Promise<PagefindResponse>;
}

let loading: Promise<Pagefind> | undefined;

/** Pagefind, ready to search; loaded once per page. Rejects when the bundle is missing or blocked. */
export function loadPagefind(): Promise<Pagefind> {
  loading ??= (async () => {
    const base = basePath;
    const bundle = `${base}pagefind/`;
    // Not bundled by Vite: the file exists only after the build has run Pagefind.
    const pagefind = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as Pagefind;
    // baseUrl puts the base path in front of result URLs, which Pagefind computes from dist paths.
    await pagefind.options({ basePath: bundle, baseUrl: base, excerptLength: 26 });
    await pagefind.init();
    return pagefind;
  })();
  // A failed load (offline, no index yet) may succeed on the next try.
  loading.catch(() => (loading = undefined));
  return loading;
}
