// The content-collection loader for `jobs`: collectJobs does the work; this only hands the result to
// Astro's data store and writes the build log lines.
import type { Loader } from 'astro/loaders';
import { collectJobs } from './collect';
import { calendarDayOf } from '../../domain/jobs/expiry';
import { openRolesText } from '../../domain/jobs/open-roles';

export interface JobsLoaderOptions {
  /** Folder of one-role-per-file JSON, e.g. content/jobs. */
  localDir: string;
  /** Optional JSON feed of more roles (JOBS_FEED_URL). */
  feedUrl?: string;
  /** The build's day; defaults to today in UTC. */
  today?: () => string;
  feedTimeoutMs?: number;
}

export function jobsLoader(options: JobsLoaderOptions): Loader {
  return {
    name: 'jobs-loader',
    async load({ store, parseData, generateDigest, logger }) {
      const today = options.today?.() ?? calendarDayOf(new Date());
      const collected = await collectJobs({ ...options, today });
      if (collected.feedWarning) logger.warn(collected.feedWarning);

      store.clear();
      for (const job of collected.jobs) {
        const data = await parseData({ id: job.id, data: { ...job.data }, filePath: job.filePath });
        store.set({ id: job.id, data, digest: generateDigest(data), filePath: job.filePath });
      }
      const fromFeed = collected.jobs.filter((job) => job.source === 'feed').length;
      logger.info(
        `${openRolesText(collected.jobs.length)} (${collected.jobs.length - fromFeed} local, ${fromFeed} from the feed); ` +
          `${collected.expired.length} past their closing day left out`,
      );
    },
  };
}
