// /newsletter/rss.xml: the daily briefing's issues, newest first.
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getIssues } from '../../data/newsletter';
import { siteName } from '../../domain/site';
import { issueUrl } from '../../domain/urls';

export async function GET(context: APIContext) {
  const issues = await getIssues();
  return rss({
    title: `${siteName}: the daily briefing`,
    description: 'A short morning briefing of finance news and what it means for your job search.',
    site: context.site!,
    items: issues.map((issue) => ({
      title: issue.data.subject,
      description: issue.data.preheader,
      pubDate: new Date(issue.data.sendAt ?? `${issue.id}T00:00:00Z`),
      link: issueUrl(issue.id),
    })),
    customData: '<language>en-gb</language>',
  });
}
