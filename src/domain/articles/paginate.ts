/** Articles per list page on /advice/, topic and author pages. */
export const PAGE_SIZE = 10;

