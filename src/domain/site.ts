// Facts about the publication used by layouts, feeds and structured data.
import { adviceUrl, jobsUrl, newsletterUrl, plannerUrl, recruitersUrl } from './urls.ts';

export const siteName = 'The Follow-Through';
export const siteTagline = 'Career advice for finance professionals and everyone chasing their next role';
export const siteLanguage = 'en-GB';

export const primaryNav = [
  { href: adviceUrl(), label: 'Advice' },
  { href: plannerUrl(), label: 'Tools' },
  { href: jobsUrl(), label: 'Jobs' },
  { href: newsletterUrl(), label: 'Newsletter' },
  { href: recruitersUrl(), label: 'For recruiters' },
] as const;
