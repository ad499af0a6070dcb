// Every site path is built here, so a route that moves changes in one place. Paths are relative to the
// site's base path and end with a slash, as Astro is configured (trailingSlash: 'always'); files such
// as the RSS feed keep their name. `underBase` puts a base path in front when a caller has one.

/** `/blog`, `blog` and `/blog/` all become `/blog/`; `` and `/` become `/`. */
export function withTrailingSlash(path: string): string {
  return `/${path.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
}

/** A site path under the base path: `underBase('/jobs/', '/careers')` is `/careers/jobs/`. */
export function underBase(path: string, base = '/'): string {
  return `${withTrailingSlash(base)}${path.replace(/^\//, '')}`;
}

export function homeUrl(): string {
  return '/';
}

/** The list of every article (its first page; Astro numbers the pages after it). */
export function adviceUrl(): string {
  return '/advice/';
}

export function articleUrl(id: string): string {
  return `/advice/${id}/`;
}

export function topicUrl(id: string): string {
  return `/topics/${id}/`;
}

export function authorUrl(id: string): string {
  return `/authors/${id}/`;
}

/** The job board: /jobs/, /jobs/location/<l>/, /jobs/function/<f>/ or /jobs/location/<l>/function/<f>/ */
export function jobsUrl(filter: { location?: string | undefined; function?: string | undefined } = {}): string {
  const parts = [
    ...(filter.location ? ['location', filter.location] : []),
    ...(filter.function ? ['function', filter.function] : []),
  ];
  return `/jobs/${parts.map((part) => `${part}/`).join('')}`;
}

export function jobUrl(id: string): string {
  return `/jobs/${id}/`;
}

export function recruitersUrl(): string {
  return '/recruiters/';
}

export function searchUrl(): string {
  return '/search/';
}

export function plannerUrl(): string {
  return '/tools/follow-up-planner/';
}

export function rssUrl(): string {
  return '/rss.xml';
}

/** The sitemap index @astrojs/sitemap writes. */
export function sitemapUrl(): string {
  return '/sitemap-index.xml';
}

export function newsletterUrl(): string {
  return '/newsletter/';
}

/** Where the signup form posts. */
export function newsletterSubscribeUrl(): string {
  return '/api/newsletter/subscribe/';
}

/** Where the signup form lands without JavaScript. */
export function newsletterCheckInboxUrl(): string {
  return '/newsletter/check-your-inbox/';
}

/** The confirmation page; with a token, the link the confirmation email carries. */
export function newsletterConfirmUrl(token?: string): string {
  return `/newsletter/confirm/${token === undefined ? '' : `?token=${encodeURIComponent(token)}`}`;
}

/** The unsubscribe page; with a subscriber's id and its signature, the link every email carries. */
export function newsletterUnsubscribeUrl(link?: { id: string; signature: string }): string {
  const query = link ? `?id=${encodeURIComponent(link.id)}&sig=${encodeURIComponent(link.signature)}` : '';
  return `/newsletter/unsubscribe/${query}`;
}

/** The page where a reader changes market and job alerts; with their id and its signature, the link every issue carries. */
export function newsletterPreferencesUrl(link?: { id: string; signature: string }): string {
  const query = link ? `?id=${encodeURIComponent(link.id)}&sig=${encodeURIComponent(link.signature)}` : '';
  return `/newsletter/preferences/${query}`;
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

/** A page's social card image, in the page's own folder: /advice/x/card.png; the home page's is the site-wide card. */
export function socialCardUrl(page: string): string {
  return `${withTrailingSlash(page)}card.png`;
}

/** The list of every card the build renders; moved out of the served site once the cards are written. */
export function socialCardsManifestUrl(): string {
  return '/social-cards.json';
}
