import type { APIContext } from 'astro';

export function GET(context: APIContext) {
  const sitemap = new URL('/sitemap-index.xml', context.site);
  const body = ['User-agent: *', 'Allow: /', 'Disallow: /api/', 'Disallow: /newsletter/confirm/', 'Disallow: /newsletter/unsubscribe/', '', `Sitemap: ${sitemap.href}`, ''].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
