// The article lists (/advice/, topic and author pages) are paginated alike: the same page size, the
// same "(page N)" after titles and headings past the first page, the same links between pages.

/** Articles per list page on /advice/, topic and author pages. */
export const PAGE_SIZE = 10;

/** The part of Astro's page object the pagination reads. */
export interface ListPage {
  currentPage: number;
  lastPage: number;
  url: { prev?: string | undefined; next?: string | undefined };
}

/** What a list page shows about where it sits among its pages. */
export interface PaginationView {
  current: number;
  last: number;
  /** The newer page's address; undefined on the first page. */
  prev: string | undefined;
  /** The older page's address; undefined on the last page. */
  next: string | undefined;
  /** " (page N)" past the first page, "" on it: appended to the title, heading and description. */
  suffix: string;
}

export function paginationView(page: ListPage): PaginationView {
  return {
    current: page.currentPage,
    last: page.lastPage,
    prev: page.url.prev,
    next: page.url.next,
    suffix: page.currentPage > 1 ? ` (page ${page.currentPage})` : '',
  };
}
