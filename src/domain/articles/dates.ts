// Dates are shown in UTC so a page built in any time zone prints the same day the editor wrote.
const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "4 December 2026" */
export function formatDate(date: Date): string {
  return longDate.format(date);
}

/** "2026-12-04", for the datetime attribute of <time>. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
