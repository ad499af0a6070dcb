// Words the search interface shows and announces.

const resultDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "4 Mar 2025" from the index's "2025-03-04"; nothing when the page has no usable date. */
export function formatResultDate(isoDay: string | undefined): string {
  if (!isoDay || !/^\d{4}-\d{2}-\d{2}$/.test(isoDay)) return '';
  const date = new Date(`${isoDay}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? '' : resultDate.format(date);
}

/** The sentence the live region announces once results are on screen. */
export function resultCountMessage(count: number, q: string): string {
  const what = q.trim() ? ` for “${q.trim()}”` : '';
  if (count === 0) return `No results${what}.`;
  return `${count} ${count === 1 ? 'result' : 'results'}${what}.`;
}

/** Why search is not working, in words a reader (or a writer running `npm run dev`) can act on. */
export function unavailableMessage(inDevelopment: boolean): string {
  return inDevelopment
    ? 'Search needs an index, which the build creates. Run “npm run build” once; the dev server then searches the last build.'
    : 'Search could not load. Check your connection and try again, or browse all advice.';
}
