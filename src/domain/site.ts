// Facts about the publication used by layouts, feeds and structured data.
export const siteName = 'The Follow-Through';
export const siteTagline = 'Career advice for finance professionals and everyone chasing their next role';
export const siteLanguage = 'en-GB';

export const primaryNav = [
  { href: '/advice/', label: 'Advice' },
  { href: '/tools/follow-up-planner/', label: 'Tools' },
  { href: '/jobs/', label: 'Jobs' },
  { href: '/newsletter/', label: 'Newsletter' },
  { href: '/recruiters/', label: 'For recruiters' },
] as const;
