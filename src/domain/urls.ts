// Every site path is built here, so a route that moves changes in one place. Paths are relative to the
// site's base path and end with a slash, as Astro is configured (trailingSlash: 'always').

/** `/blog`, `blog` and `/blog/` all become `/blog/`; `` and `/` become `/`. */
export function withTrailingSlash(path: string): string {
  return `/${path.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
}
