// Which roles a build shows. A role stays listed through its closing day and disappears from the next
// build after it; the site is static, so "today" is the day the build runs (in UTC, the one clock
// every build machine agrees on).
import type { Job } from './schema';

/** The build's calendar day as YYYY-MM-DD in UTC. */
export function calendarDayOf(moment: Date): string {
  return moment.toISOString().slice(0, 10);
}

/** True while applications are still accepted on `today` (YYYY-MM-DD): the closing day itself counts. */
export function isOpen(job: Pick<Job, 'closingDate'>, today: string): boolean {
  return job.closingDate >= today;
}

/** Newest posting first; roles posted the same day keep a stable order by title. */
export function newestFirst<T extends { data: Pick<Job, 'postedDate' | 'title'> }>(entries: readonly T[]): T[] {
  return [...entries].sort(
    (a, b) => b.data.postedDate.localeCompare(a.data.postedDate) || a.data.title.localeCompare(b.data.title),
  );
}
