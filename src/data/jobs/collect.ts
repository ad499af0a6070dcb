// Gathers every role a build shows: the local files, plus the feed when one is configured, minus the
// roles whose closing day has passed. Local files are the editors' own work, so a broken one stops the
// build with its file name; the feed is optional, so a broken feed only costs a warning.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { isOpen } from '../../domain/jobs/expiry';
import { fetchJobsFeed, type JobEntry, type RejectedEntry } from './feed';
import { describeIssues, jobIdSchema, jobSchema } from '../../domain/jobs/schema';

export interface CollectJobsOptions {
  /** Folder of one-role-per-file JSON (content/jobs). A missing folder means no local roles. */
  localDir: string;
  /** JOBS_FEED_URL, when set. */
  feedUrl?: string;
  /** The build's day, YYYY-MM-DD; roles closing before it are left out. */
  today: string;
  feedTimeoutMs?: number;
}

export interface CollectedJobs {
  /** Open roles, local first, then the feed's. */
  jobs: (JobEntry & { source: 'local' | 'feed'; filePath?: string })[];
  /** Ids of the roles left out because their closing day has passed. */
  expired: string[];
  /** The one build warning about the feed, when it failed or some of its entries were rejected. */
  feedWarning?: string;
}

export async function collectJobs(options: CollectJobsOptions): Promise<CollectedJobs> {
  const local = await readLocalJobs(options.localDir);
  const all: CollectedJobs['jobs'] = local.map((job) => ({ ...job, source: 'local' }));
  let feedWarning: string | undefined;

  if (options.feedUrl) {
    const outcome = await fetchJobsFeed(options.feedUrl, {
      timeoutMs: options.feedTimeoutMs,
      takenIds: new Set(local.map((job) => job.id)),
    });
    if (!outcome.ok) {
      feedWarning = `Jobs feed ${options.feedUrl} ignored: ${outcome.cause}. The build lists the local roles only.`;
    } else {
      all.push(...outcome.entries.map((entry) => ({ ...entry, source: 'feed' as const })));
      if (outcome.rejected.length > 0) feedWarning = describeRejections(options.feedUrl, outcome);
    }
  }

  return {
    jobs: all.filter((job) => isOpen(job.data, options.today)),
    expired: all.filter((job) => !isOpen(job.data, options.today)).map((job) => job.id),
    feedWarning,
  };
}

function describeRejections(feedUrl: string, outcome: { entries: unknown[]; rejected: RejectedEntry[] }): string {
  const total = outcome.entries.length + outcome.rejected.length;
  const fallback = outcome.entries.length === 0 ? ' The build lists the local roles only.' : '';
  const lines = outcome.rejected.map(
    (entry) => `  - #${entry.position} ${entry.id ? `"${entry.id}"` : '(no id)'}: ${entry.reason}`,
  );
  return [
    `Jobs feed ${feedUrl}: ${outcome.rejected.length} of ${total} entries rejected and left out.${fallback}`,
    ...lines,
  ].join('\n');
}

/** Reads content/jobs/*.json; the file name (without .json) is the role's id. */
export async function readLocalJobs(localDir: string): Promise<(JobEntry & { filePath: string })[]> {
  let names: string[];
  try {
    names = (await readdir(localDir)).filter((name) => name.endsWith('.json')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return Promise.all(
    names.map(async (name) => {
      const filePath = path.join(localDir, name);
      const fail = (reason: string) => new Error(`Job file ${filePath} is invalid: ${reason}`);
      const id = jobIdSchema.safeParse(name.slice(0, -'.json'.length));
      if (!id.success) throw fail(`file name ${describeIssues(id.error)}`);
      let raw: unknown;
      try {
        raw = JSON.parse(await readFile(filePath, 'utf8'));
      } catch (error) {
        throw fail(`not valid JSON (${(error as Error).message})`);
      }
      const job = jobSchema.safeParse(raw);
      if (!job.success) throw fail(describeIssues(job.error));
      return { id: id.data, data: job.data, filePath };
    }),
  );
}
