// Reads the optional JSON feed of roles (JOBS_FEED_URL). The feed is someone else's system, so nothing
// it sends is trusted: every entry passes the same schema as the local files, and any failure becomes
// a reason string for the build log instead of an exception that would break the build.
import { describeIssues, feedSchema, jobIdSchema, jobSchema, type Job } from '../../domain/jobs/schema';

export interface JobEntry {
  /** Becomes the page address /jobs/<id>/. */
  id: string;
  data: Job;
}

export interface RejectedEntry {
  /** 1-based position in the feed's "jobs" array, so a feed owner can find the entry. */
  position: number;
  id?: string;
  reason: string;
}

export type FeedOutcome = { ok: true; entries: JobEntry[]; rejected: RejectedEntry[] } | { ok: false; cause: string };

/**
 * Checks a parsed feed: keeps the valid roles and names the reason for every entry it rejects.
 * `takenIds` are the local roles' ids; a feed entry cannot replace a local role's page.
 */
export function validateFeed(payload: unknown, takenIds: ReadonlySet<string> = new Set()): FeedOutcome {
  const feed = feedSchema.safeParse(payload);
  if (!feed.success) return { ok: false, cause: `the feed ${describeIssues(feed.error)}` };

  const entries: JobEntry[] = [];
  const rejected: RejectedEntry[] = [];
  const seen = new Set<string>();
  feed.data.jobs.forEach((raw, index) => {
    const position = index + 1;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      rejected.push({ position, reason: 'not a JSON object' });
      return;
    }
    const rawId = (raw as Record<string, unknown>).id;
    const id = jobIdSchema.safeParse(rawId);
    const job = jobSchema.safeParse(raw);
    if (id.success && job.success && !seen.has(id.data) && !takenIds.has(id.data)) {
      seen.add(id.data);
      entries.push({ id: id.data, data: job.data });
      return;
    }
    const reasons: string[] = [];
    if (!id.success) reasons.push(rawId === undefined ? 'id: missing' : `id: ${describeIssues(id.error)}`);
    else if (seen.has(id.data)) reasons.push(`id: "${id.data}" appears earlier in the feed`);
    else if (takenIds.has(id.data)) reasons.push(`id: "${id.data}" is already used by a local role`);
    if (!job.success) reasons.push(describeIssues(job.error));
    rejected.push({ position, id: typeof rawId === 'string' ? rawId : undefined, reason: reasons.join('; ') });
  });
  return { ok: true, entries, rejected };
}

export interface FetchFeedOptions {
  /** How long to wait for the whole answer before giving up. */
  timeoutMs?: number;
  takenIds?: ReadonlySet<string>;
}

/** Fetches and validates the feed; never throws. */
export async function fetchJobsFeed(
  feedUrl: string,
  { timeoutMs = 10_000, takenIds }: FetchFeedOptions = {},
): Promise<FeedOutcome> {
  if (!URL.canParse(feedUrl) || !/^https?:$/.test(new URL(feedUrl).protocol)) {
    return { ok: false, cause: 'JOBS_FEED_URL is not an http:// or https:// address' };
  }
  let body: string;
  try {
    const response = await fetch(feedUrl, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) return { ok: false, cause: `the feed answered HTTP ${response.status}` };
    body = await response.text();
  } catch (error) {
    return { ok: false, cause: describeFetchFailure(error, timeoutMs) };
  }
  let payload: unknown;
  try {
    payload = JSON.parse(body);
  } catch (error) {
    return { ok: false, cause: `the feed is not valid JSON (${(error as Error).message})` };
  }
  return validateFeed(payload, takenIds);
}

function describeFetchFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && error.name === 'TimeoutError') {
    return `the feed did not answer within ${timeoutMs / 1000} s`;
  }
  // Node's fetch wraps network errors; the system error code (ECONNREFUSED, ENOTFOUND ...) is the useful part.
  const code = (error as { cause?: { code?: unknown } })?.cause?.code;
  if (typeof code === 'string') return `the feed could not be reached (${code})`;
  return `the feed could not be read (${error instanceof Error ? error.message : String(error)})`;
}
