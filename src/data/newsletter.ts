// The daily briefing's issues for the pages, the feed and the emails: published ones only, newest
// first, each with what was new on the site since the issue before it.
import type { PaginateFunction } from 'astro';
import { getCollection, render, type CollectionEntry } from 'astro:content';
import { isDevelopment, loadConfig } from '../config';
import { newestFirst } from '../domain/jobs/expiry';
import { isoDay } from '../domain/articles/dates';
import { newSinceIssue, previousIssueDate, publishedIssues } from '../domain/newsletter/issue-selection';
import { dateInZone } from '../domain/newsletter/send-schedule';
import { getArticles, type Article } from './articles';
import { paginateList } from './paginated';

export type Issue = CollectionEntry<'issues'>;
export type IssueJob = CollectionEntry<'jobs'>;

export interface IssueView {
  issue: Issue;
  /** YYYY-MM-DD, the issue's id. */
  date: string;
  /** The date of the issue before it, or null for the first. */
  previous: string | null;
  newArticles: Article[];
  newJobs: IssueJob[];
  /** Every role new in the issue's window, newest first: the email picks each reader's from these. */
  windowJobs: IssueJob[];
}

let cache: Promise<Issue[]> | undefined;

/**
 * Published issues, newest first. "Today" is the build's date where the briefing is sent
 * (NEWSLETTER_TIME_ZONE), so a build early on an issue's morning already carries that issue.
 */
export function getIssues(): Promise<Issue[]> {
  const today = dateInZone(Date.now(), loadConfig().newsletterTimeZone);
  cache ??= getCollection('issues').then((all) => publishedIssues(all, today, isDevelopment));
  return cache;
}

/** The newest published issue, the signup page's sample; undefined before the first. */
export async function latestIssue(): Promise<Issue | undefined> {
  return (await getIssues())[0];
}

/** An issue with its automatic sections: articles and open roles that appeared since the previous issue. */
export async function issueView(issue: Issue): Promise<IssueView> {
  const issues = await getIssues();
  const previous = previousIssueDate(
    issues.map((i) => i.id),
    issue.id,
  );
  // Only roles still open at build time: a closed role has no page to link to.
  const [articles, jobs] = await Promise.all([getArticles(), getCollection('jobs')]);
  return {
    issue,
    date: issue.id,
    previous,
    newArticles: newSinceIssue(articles, (a) => isoDay(a.data.pubDate), previous, issue.id),
    newJobs: newSinceIssue(newestFirst(jobs), (j) => j.data.postedDate, previous, issue.id),
    windowJobs: newSinceIssue(newestFirst(jobs), (j) => j.data.postedDate, previous, issue.id, Infinity),
  };
}

/** The issue's editorial body, rendered from its MDX file. */
export async function issueContent(issue: Issue) {
  return (await render(issue)).Content;
}

/** Every published issue as route props for getStaticPaths: { params: { date }, props: { view } }. */
export async function issuePaths() {
  const issues = await getIssues();
  return Promise.all(
    issues.map(async (issue) => ({ params: { date: issue.id }, props: { view: await issueView(issue) } })),
  );
}

/** /newsletter/archive/ and its further pages: every published issue, newest first, paged like /advice/. */
export async function issueArchivePaths(paginate: PaginateFunction) {
  return paginateList(paginate, await getIssues());
}
