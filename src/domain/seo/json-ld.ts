// Builders for schema.org structured data. Inputs are plain values, so pages and tests share them.

export interface ArticleLdInput {
  url: string;
  headline: string;
  description: string;
  datePublished: Date;
  dateModified?: Date | undefined;
  authorName: string;
  authorUrl: string;
  publisherName: string;
  publisherUrl: string;
  image?: string | undefined;
  keywords: string[];
}

export function articleJsonLd(a: ArticleLdInput) {
  return {
    '@context': 'https://schema.org',
    '@type': 'Article',
    mainEntityOfPage: { '@type': 'WebPage', '@id': a.url },
    headline: a.headline,
    description: a.description,
    datePublished: a.datePublished.toISOString(),
    dateModified: (a.dateModified ?? a.datePublished).toISOString(),
    author: { '@type': 'Person', name: a.authorName, url: a.authorUrl },
    publisher: { '@type': 'Organization', name: a.publisherName, url: a.publisherUrl },
    ...(a.image ? { image: [a.image] } : {}),
    keywords: a.keywords.join(', '),
    inLanguage: 'en-GB',
  };
}

export interface Crumb {
  name: string;
  url: string;
}

export function breadcrumbJsonLd(crumbs: readonly Crumb[]) {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((c, i) => ({ '@type': 'ListItem', position: i + 1, name: c.name, item: c.url })),
  };
}
