// Which issues a build publishes, and what each one lists as new: the rules behind the archive, the
// issue pages and the emails, kept apart from Astro so they can be tested alone.
import { isIssueDate } from './issue-email.ts';

/** The issue date a content file names: `2026-11-27.mdx` (or the id `2026-11-27`). Throws otherwise. */
export function issueDateFromFileName(name: string): string {
  const date = name.replace(/^.*\//, '').replace(/\.mdx?$/, '');
  if (!isIssueDate(date))
    throw new Error(`Newsletter issue "${name}" must be named after its date, YYYY-MM-DD.mdx (a real calendar date).`);
  return date;
}

export interface PublishableIssue {
  /** YYYY-MM-DD */
  id: string;
  data: { draft: boolean };
}

/**
 * What a build may publish, newest first: like articles, drafts only when asked (the dev server), and an
 * issue dated after `today` (the build's date in the newsletter's time zone) only once its day has come.
 */
export function publishedIssues<T extends PublishableIssue>(
  all: readonly T[],
  today: string,
  includeDrafts = false,
): T[] {
  return all
    .filter((issue) => (includeDrafts || !issue.data.draft) && issue.id <= today)
    .sort((a, b) => b.id.localeCompare(a.id));
}

/** The date of the issue before `date` among `dates` (any order), or null for the first issue. */
export function previousIssueDate(dates: readonly string[], date: string): string | null {
  return (
    dates
      .filter((d) => d < date)
      .sort()
      .at(-1) ?? null
  );
}

/** At most this many articles and roles under "New on the site" and "New jobs": the first issue has no "since". */
export const NEW_ITEMS_LIMIT = 6;

/**
 * Items dated after the previous issue and up to the issue's own date, newest first and at most
 * `limit`. Dates are YYYY-MM-DD, compared as text so no time zone moves a day.
 */
export function newSinceIssue<T>(
  items: readonly T[],
  dateOf: (item: T) => string,
  since: string | null,
  until: string,
  limit = NEW_ITEMS_LIMIT,
): T[] {
  return items
    .filter((item) => (since === null || dateOf(item) > since) && dateOf(item) <= until)
    .sort((a, b) => dateOf(b).localeCompare(dateOf(a)))
    .slice(0, limit);
}
