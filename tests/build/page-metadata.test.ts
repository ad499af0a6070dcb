import { describe, expect, it } from 'vitest';
import { builtPages, sitemapPaths } from './dist';

const site = process.env.SITE_URL ?? 'http://localhost:4321';

describe('every page in the sitemap', () => {
  const paths = sitemapPaths();
  const pages = new Map(builtPages().map((p) => [p.path, p]));

  it('lists the contract pages', () => {
    for (const p of ['/', '/advice/', '/advice/interview-follow-through/']) expect(paths).toContain(p);
  });

  it.each(paths)('%s has a title, a description, its canonical URL, social tags and exactly one h1', (path) => {
    const page = pages.get(path);
    expect(page, `${path} is in the sitemap but not built`).toBeDefined();
    const root = page!.root;
    expect(root.querySelector('title')?.text.trim().length).toBeGreaterThan(5);
    expect(root.querySelector('meta[name="description"]')?.getAttribute('content')?.trim().length ?? 0).toBeGreaterThan(
      30,
    );
    expect(root.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(new URL(path, site).href);
    expect(root.querySelector('meta[property="og:title"]')).not.toBeNull();
    expect(root.querySelector('meta[name="twitter:card"]')).not.toBeNull();
    expect(root.querySelectorAll('h1')).toHaveLength(1);
  });

  it('titles and descriptions are unique', () => {
    const titles = paths.map((p) => pages.get(p)?.root.querySelector('title')?.text);
    const descriptions = paths.map((p) =>
      pages.get(p)?.root.querySelector('meta[name="description"]')?.getAttribute('content'),
    );
    expect(new Set(titles).size).toBe(paths.length);
    expect(new Set(descriptions).size).toBe(paths.length);
  });
});
