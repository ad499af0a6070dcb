import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { clientDir, sitemapPaths } from './dist';

const read = (file: string) => readFileSync(join(clientDir, file), 'utf8');
const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'item' || name === 'category' });

describe('RSS feed', () => {
  const xml = read('rss.xml');

  it('is well-formed RSS 2.0 with the channel elements RSS 2.0 requires', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const { rss } = parser.parse(xml);
    expect(rss['@_version']).toBe('2.0');
    for (const field of ['title', 'link', 'description'])
      expect(String(rss.channel[field] ?? '').length).toBeGreaterThan(0);
  });

  it('carries every published article once, each with title, absolute link, guid, date and description', () => {
    const { rss } = parser.parse(xml);
    const items: Record<string, unknown>[] = rss.channel.item;
    const articlePages = sitemapPaths().filter(
      (p) => /^\/advice\/[a-z0-9-]+\/$/.test(p) && !/^\/advice\/\d+\/$/.test(p),
    );
    const links = items.map((i) => new URL(String(i.link)).pathname);
    expect([...links].sort()).toEqual([...articlePages].sort());
    for (const item of items) {
      expect(String(item.title).length).toBeGreaterThan(5);
      expect(String(item.link)).toMatch(/^https?:\/\//);
      expect(item.guid).toBeDefined();
      expect(Number.isNaN(Date.parse(String(item.pubDate)))).toBe(false);
      expect(String(item.description).length).toBeGreaterThan(20);
    }
  });
});

describe('crawling files', () => {
  it('robots.txt allows the site, keeps the API out and names the sitemap', () => {
    const robots = read('robots.txt');
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).toMatch(/^Disallow: \/api\/$/m);
    expect(robots).toMatch(/^Sitemap: https?:\/\/.+\/sitemap-index\.xml$/m);
  });

  it('the sitemap index is well-formed and lists no on-demand or noindex page', () => {
    expect(XMLValidator.validate(read('sitemap-index.xml'))).toBe(true);
    const paths = sitemapPaths();
    expect(
      paths.filter(
        (p) =>
          p.startsWith('/api/') ||
          p.startsWith('/newsletter/confirm') ||
          p.startsWith('/newsletter/unsubscribe') ||
          p.startsWith('/newsletter/preferences') ||
          p.startsWith('/newsletter/check-your-inbox'),
      ),
    ).toEqual([]);
    expect(paths.filter((p) => /\/jobs\/location\/[^/]+\/function\//.test(p))).toEqual([]);
  });
});
