// The one place pages and components read roles from: the jobs collection (already limited to open
// roles by the loader), newest first, read once per build.
import { getCollection, type CollectionEntry } from 'astro:content';
import { newestFirst } from '../../domain/jobs/expiry';
import { filterViews, type JobFilter } from '../../domain/jobs/filters';
import { jobsUrl } from '../../domain/urls';

export type OpenRole = CollectionEntry<'jobs'>;

let cache: Promise<OpenRole[]> | undefined;

/** Every open role, newest first. */
export function getOpenRoles(): Promise<OpenRole[]> {
  cache ??= getCollection('jobs').then(newestFirst);
  return cache;
}

/** The newest roles, for the home page and the article sidebar. */
export async function latestRoles(limit = 5): Promise<OpenRole[]> {
  return (await getOpenRoles()).slice(0, limit);
}

/** One static page per board view (see domain/jobs/filters), each listing every role. */
export async function jobBoardPaths() {
  const jobs = await getOpenRoles();
  return filterViews(jobs.map((job) => job.data)).map((filter: JobFilter) => ({
    // "/jobs/location/london/" -> "location/london"; /jobs/ itself has no parameter.
    params: { filter: jobsUrl(filter).slice(jobsUrl().length, -1) || undefined },
    props: { filter, jobs },
  }));
}

/** One page per role, at /jobs/<id>/. */
export async function jobPaths() {
  return (await getOpenRoles()).map((job) => ({ params: { id: job.id }, props: { job } }));
}
