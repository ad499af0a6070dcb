// Every site path is built here, so a route that moves changes in one place. Paths are relative to the
// site's base path and end with a slash, as Astro is configured (trailingSlash: 'always').

/** `/blog`, `blog` and `/blog/` all become `/blog/`; `` and `/` become `/`. */
export function withTrailingSlash(path: string): string {
  return `/${path.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
}

/** One issue of the daily briefing as a page: /newsletter/YYYY-MM-DD/ */
export function issueUrl(date: string): string {
  return `/newsletter/${date}/`;
}

/** The archive of past issues; page 2 onwards is /newsletter/archive/N/, as Astro paginates. */
export function newsletterArchiveUrl(page = 1): string {
  return page > 1 ? `/newsletter/archive/${page}/` : '/newsletter/archive/';
}

export function newsletterRssUrl(): string {
  return '/newsletter/rss.xml';
}

/** The build's email rendering of an issue; read and removed from the output by the newsletter-email integration. */
export function issueEmailSourceUrl(date: string): string {
  return `/newsletter/${date}/email/`;
}
