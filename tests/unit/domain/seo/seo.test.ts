import { describe, expect, it } from 'vitest';
import { canonicalUrl } from '../../../../src/domain/seo/canonical';
import { articleJsonLd, breadcrumbJsonLd } from '../../../../src/domain/seo/json-ld';

describe('canonicalUrl', () => {
  it.each([
    ['/advice/x', 'https://ft.example/advice/x/'],
    ['/advice/x/?utm=1#top', 'https://ft.example/advice/x/'],
    ['/rss.xml', 'https://ft.example/rss.xml'],
    ['/', 'https://ft.example/'],
  ])('%s -> %s', (path, expected) => expect(canonicalUrl(path, 'https://ft.example')).toBe(expected));
});

describe('JSON-LD', () => {
  it('describes an article with the fields search engines read', () => {
    const ld = articleJsonLd({
      url: 'https://ft.example/advice/a/',
      headline: 'H',
      description: 'D',
      datePublished: new Date('2026-01-02'),
      authorName: 'Desk',
      authorUrl: 'https://ft.example/authors/desk/',
      publisherName: 'FT',
      publisherUrl: 'https://ft.example/',
      keywords: ['Interviewing', 'Offers'],
    });
    expect(ld).toMatchObject({
      '@type': 'Article',
      headline: 'H',
      datePublished: '2026-01-02T00:00:00.000Z',
      dateModified: '2026-01-02T00:00:00.000Z',
      author: { name: 'Desk' },
      keywords: 'Interviewing, Offers',
    });
  });
  it('numbers breadcrumbs from one', () => {
    const ld = breadcrumbJsonLd([
      { name: 'Home', url: 'u1' },
      { name: 'Advice', url: 'u2' },
    ]);
    expect(ld.itemListElement.map((i) => i.position)).toEqual([1, 2]);
  });
});
