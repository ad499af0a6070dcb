// The text of each page's social card (src/domain/social/card.ts): the pages put it in their
// head, the manifest route hands every card to the renderer (src/integrations/social-cards/).
import { formatDate } from '../domain/articles/dates';
import { plannerCard, siteCard, type SocialCard } from '../domain/social/card';
import { articleUrl, issueUrl, jobUrl } from '../domain/urls';
import { getArticles, type Article } from './articles';
import { authorOf, type Author } from './authors';
import { getOpenRoles, type OpenRole } from './jobs/open-roles';
import { getIssues, type Issue } from './newsletter';

export function articleCard(article: Article, author: Author): SocialCard {
  return {
    page: articleUrl(article.id),
    kind: article.data.category,
    title: article.data.title,
    details: [`By ${author.data.name} · ${formatDate(article.data.pubDate)}`],
  };
}

export function jobCard(job: OpenRole): SocialCard {
  const { data } = job;
  return {
    page: jobUrl(job.id),
    kind: 'Job',
    title: data.title,
    details: [`${data.employer} · ${data.location}`, `Closes ${formatDate(new Date(data.closingDate))}`],
  };
}

export function issueCard(issue: Issue): SocialCard {
  return {
    page: issueUrl(issue.id),
    kind: 'Newsletter',
    title: issue.data.subject,
    details: [`Daily briefing · ${formatDate(new Date(`${issue.id}T00:00:00Z`))}`],
  };
}

/** Every card the site links to: one a published article, open role and issue, the planner's and the site's. */
export async function allSocialCards(): Promise<SocialCard[]> {
  const [articles, jobs, issues] = await Promise.all([getArticles(), getOpenRoles(), getIssues()]);
  const articleCards = await Promise.all(articles.map(async (a) => articleCard(a, await authorOf(a))));
  return [siteCard(), plannerCard(), ...articleCards, ...jobs.map(jobCard), ...issues.map(issueCard)];
}
