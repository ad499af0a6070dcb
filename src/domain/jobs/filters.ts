// The filtered views of /jobs/. Every combination of one location and one function has its own static
// page, so a filtered list is a plain link that works without JavaScript; the page script uses the
// same paths when it filters in place and updates the address bar.
import type { Job } from './schema';
import { FUNCTIONS, LOCATIONS, type FunctionSlug, type LocationSlug } from './taxonomy';
import { jobsUrl, underBase } from '../urls.ts';

export interface JobFilter {
  location?: LocationSlug;
  function?: FunctionSlug;
}

/** /jobs/, /jobs/location/<l>/, /jobs/function/<f>/ or /jobs/location/<l>/function/<f>/ */
export function filterPath(filter: JobFilter, base = '/'): string {
  return underBase(jobsUrl(filter), base);
}

/** The view a board address shows (the reverse of filterPath); undefined for any other address. */
export function filterFromPath(pathname: string, base = '/'): JobFilter | undefined {
  const prefix = underBase(jobsUrl(), base);
  if (!pathname.startsWith(prefix)) return undefined;
  const match = /^(?:location\/([a-z0-9-]+)\/)?(?:function\/([a-z0-9-]+)\/)?$/.exec(pathname.slice(prefix.length));
  const location = LOCATIONS.find((l) => l.slug === match?.[1]);
  const fn = FUNCTIONS.find((f) => f.slug === match?.[2]);
  if (!match || (match[1] && !location) || (match[2] && !fn)) return undefined;
  return { location: location?.slug, function: fn?.slug };
}

/** The page heading for a view, e.g. "Risk jobs in London"; labels are the taxonomy's display names. */
export function filterHeading(labels: { location?: string; function?: string }): string {
  const what = labels.function ? `${labels.function} jobs` : 'Finance jobs';
  return labels.location ? `${what} in ${labels.location}` : what;
}

/** The display names of a view's options, for headings and titles. */
export function filterLabels(filter: JobFilter): { location?: string; function?: string } {
  return {
    location: LOCATIONS.find((l) => l.slug === filter.location)?.label,
    function: FUNCTIONS.find((f) => f.slug === filter.function)?.label,
  };
}

export function locationSlugOf(job: Pick<Job, 'location'>): LocationSlug {
  return LOCATIONS.find((l) => l.label === job.location)!.slug;
}

export function functionSlugOf(job: Pick<Job, 'function'>): FunctionSlug {
  return FUNCTIONS.find((f) => f.label === job.function)!.slug;
}

export function matchesFilter(job: Pick<Job, 'location' | 'function'>, filter: JobFilter): boolean {
  return (
    (!filter.location || locationSlugOf(job) === filter.location) &&
    (!filter.function || functionSlugOf(job) === filter.function)
  );
}

/**
 * The filter choices offered: the locations and functions that at least one open role has, in the
 * taxonomy's order (an option that can never match anything is noise).
 */
export function filterOptions(jobs: readonly Pick<Job, 'location' | 'function'>[]) {
  return {
    locations: LOCATIONS.filter((l) => jobs.some((job) => job.location === l.label)),
    functions: FUNCTIONS.filter((f) => jobs.some((job) => job.function === f.label)),
  };
}

/** Every view that gets a static page: all roles, each option alone, and each location-function pair. */
export function filterViews(jobs: readonly Pick<Job, 'location' | 'function'>[]): JobFilter[] {
  const { locations, functions } = filterOptions(jobs);
  const locationChoices = [undefined, ...locations.map((l) => l.slug)];
  const functionChoices = [undefined, ...functions.map((f) => f.slug)];
  return locationChoices.flatMap((location) => functionChoices.map((fn): JobFilter => ({ location, function: fn })));
}
