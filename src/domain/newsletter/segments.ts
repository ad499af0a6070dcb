// The per-reader "New jobs" section of an issue. The build writes every role new in the issue's
// window into the issue file, each as HTML and text pre-rendered by the same component as the web
// page; the sender picks the roles of one segment (market x job functions) and joins them. Readers
// with equal preferences share a segment, so the section is assembled once per segment, not per reader.
import { z } from 'astro/zod';
import { FUNCTIONS, type FunctionSlug } from '../jobs/taxonomy.ts';
import { marketBySlug, marketSlugs } from './markets.ts';
import { orderedFunctions, type Preferences } from './preferences.ts';

/** The placeholder the section replaces, in the HTML and the text part. */
export const NEW_JOBS_PLACEHOLDER = '{{new_jobs}}';
/** Roles per reader, like the web page's list: a reader with alerts sees their newest ones. */
export const SEGMENT_JOBS_LIMIT = 6;

const functionSlugs = FUNCTIONS.map((f) => f.slug) as [FunctionSlug, ...FunctionSlug[]];

export const newJobSchema = z.object({
  id: z.string().min(1),
  market: z.enum(marketSlugs),
  function: z.enum(functionSlugs),
  /** YYYY-MM-DD; the list is newest first. */
  postedDate: z.string(),
  /** One list item, CSS inlined. */
  html: z.string().min(1),
  text: z.string().min(1),
});

export const newJobsSchema = z.object({
  /** The list's opening tag with its inlined style; the list closes with </ul>. */
  listStart: z.string().startsWith('<ul'),
  jobs: z.array(newJobSchema),
  /** When a reader with no preference has nothing new (the web page's wording). */
  empty: z.object({ html: z.string(), text: z.string() }),
  /** When a reader's market and alerts match nothing new. */
  emptyForAlerts: z.object({ html: z.string(), text: z.string() }),
  /** Above a reader's own list: which market and functions it is for ({{segment}}), and the link to change them. */
  segmentLine: z.object({ html: z.string(), text: z.string() }),
});

export type NewJob = z.infer<typeof newJobSchema>;
export type NewJobs = z.infer<typeof newJobsSchema>;

/** One key per distinct (market, functions): the cache key of a rendered section. */
export function segmentKey(preferences: Preferences): string {
  return `${preferences.market ?? '-'}|${orderedFunctions(preferences.functions).join(',')}`;
}

/**
 * The roles a segment sees, newest first: their market's (every market for Elsewhere and no
 * preference), in their functions (every function when none is chosen).
 */
export function jobsForSegment<T extends Pick<NewJob, 'market' | 'function'>>(
  jobs: readonly T[],
  preferences: Preferences,
  limit = SEGMENT_JOBS_LIMIT,
): T[] {
  const location = preferences.market ? marketBySlug(preferences.market).location : null;
  const functions = preferences.functions;
  return jobs
    .filter((job) => location === null || job.market === preferences.market)
    .filter((job) => functions.length === 0 || functions.includes(job.function))
    .slice(0, limit);
}

export interface RenderedSection {
  html: string;
  text: string;
}

/** What a segment covers, in words: "London, for Risk and Compliance", "every market, for Research". */
export function describeSegment(preferences: Preferences): string {
  const market =
    preferences.market && preferences.market !== 'elsewhere' ? marketBySlug(preferences.market).label : 'every market';
  const labels = FUNCTIONS.filter((f) => preferences.functions.includes(f.slug)).map((f) => f.label);
  const functions = labels.length === 0 ? 'every function' : labels.join(' and ');
  return `${market}, for ${functions}`;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The section of one segment: its roles as a list, or the right "nothing new" line. A reader with
 * preferences also reads which market and functions the list is for, with the link to change them.
 */
export function renderSegment(newJobs: NewJobs, preferences: Preferences): RenderedSection {
  const jobs = jobsForSegment(newJobs.jobs, preferences);
  const filtered = preferences.market !== null || preferences.functions.length > 0;
  const list =
    jobs.length > 0
      ? {
          html: `${newJobs.listStart}${jobs.map((job) => job.html).join('')}</ul>`,
          text: jobs.map((job) => job.text).join('\n'),
        }
      : filtered
        ? newJobs.emptyForAlerts
        : newJobs.empty;
  if (!filtered) return list;
  const segment = describeSegment(preferences);
  return {
    html: newJobs.segmentLine.html.replace('{{segment}}', () => escapeHtml(segment)) + list.html,
    text: `${newJobs.segmentLine.text.replace('{{segment}}', () => segment)}\n\n${list.text}`,
  };
}

/** Renders each segment once and counts how often it rendered (the benchmark prints the count). */
export function createSegmentCache(newJobs: NewJobs) {
  const sections = new Map<string, RenderedSection>();
  let renders = 0;
  return {
    section(preferences: Preferences): RenderedSection {
      const key = segmentKey(preferences);
      let section = sections.get(key);
      if (!section) {
        section = renderSegment(newJobs, preferences);
        renders += 1;
        sections.set(key, section);
      }
      return section;
    },
    get renders(): number {
      return renders;
    },
  };
}
