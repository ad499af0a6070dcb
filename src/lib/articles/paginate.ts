/** Articles per list page on /advice/, topic and author pages. */
export const PAGE_SIZE = 10;

/** URL of page n of a list whose first page is `base` (e.g. /advice/ -> /advice/2/). */
export function pageUrl(base: string, n: number): string {
  return n <= 1 ? base : `${base}${n}/`;
}
