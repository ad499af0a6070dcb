/** The absolute URL of a site path, always ending with a slash for pages (files such as /rss.xml keep their name). */
export function canonicalUrl(path: string, site: URL | string): string {
  const url = new URL(path, site);
  url.search = '';
  url.hash = '';
  if (!/\.[a-z0-9]+$/i.test(url.pathname) && !url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}
