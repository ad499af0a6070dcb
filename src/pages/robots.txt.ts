import type { APIContext } from 'astro';
import { newsletterConfirmUrl, newsletterUnsubscribeUrl, sitemapUrl } from '../domain/urls';

export function GET(context: APIContext) {
  const sitemap = new URL(sitemapUrl(), context.site);
  const body = [
    'User-agent: *',
    'Allow: /',
    'Disallow: /api/',
    `Disallow: ${newsletterConfirmUrl()}`,
    `Disallow: ${newsletterUnsubscribeUrl()}`,
    '',
    `Sitemap: ${sitemap.href}`,
    '',
  ].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
