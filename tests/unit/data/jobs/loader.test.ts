import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoaderContext } from 'astro/loaders';
import { jobsLoader } from '../../../../src/data/jobs/loader';
import { jobSchema } from '../../../../src/domain/jobs/schema';
import { feedRole, startFeedServer, type FeedServer } from './feed-server';

/** The parts of Astro's loader context the jobs loader uses, recording what it stores and logs. */
function recordingContext() {
  const stored = new Map<string, Record<string, unknown>>();
  const log: { level: 'warn' | 'info'; message: string }[] = [];
  const context = {
    store: {
      clear: () => stored.clear(),
      set: ({ id, data }: { id: string; data: Record<string, unknown> }) => (stored.set(id, data), true),
    },
    parseData: async ({ data }: { data: Record<string, unknown> }) => jobSchema.parse(data),
    generateDigest: (data: unknown) => JSON.stringify(data).length.toString(16),
    logger: {
      warn: (message: string) => log.push({ level: 'warn', message }),
      info: (message: string) => log.push({ level: 'info', message }),
    },
  } as unknown as LoaderContext;
  return { context, stored, log };
}

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer({ '/feed.json': { body: JSON.stringify({ jobs: [feedRole({ id: 'from-feed' })] }) } });
});
afterAll(() => server.close());

const today = () => '2026-11-26';

describe('jobsLoader', () => {
  it('stores the open sample roles and the feed roles, leaving out expired ones', async () => {
    const { context, stored, log } = recordingContext();
    stored.set('left-over-from-last-build', {});
    await jobsLoader({ localDir: 'content/jobs', feedUrl: server.url('/feed.json'), today }).load(context);
    expect(stored.has('from-feed')).toBe(true);
    expect(stored.has('left-over-from-last-build')).toBe(false);
    expect(stored.has('bowery-lantern-leveraged-finance-associate-new-york')).toBe(false);
    expect([...stored.values()].every((job) => (job.closingDate as string) >= '2026-11-26')).toBe(true);
    expect(log.filter((line) => line.level === 'warn')).toEqual([]);
    expect(log.at(-1)?.message).toMatch(
      new RegExp(`^${stored.size} open roles \\(${stored.size - 1} local, 1 from the feed\\); 2 past`),
    );
  });

  it('writes exactly one warning naming the cause when the feed is unreachable, and still loads the local roles', async () => {
    const { context, stored, log } = recordingContext();
    const closed = await startFeedServer({});
    const feedUrl = closed.url('/feed.json');
    await closed.close();
    await jobsLoader({ localDir: 'content/jobs', feedUrl, today }).load(context);
    expect(stored.size).toBeGreaterThanOrEqual(12);
    expect(log.filter((line) => line.level === 'warn')).toEqual([
      {
        level: 'warn',
        message: `Jobs feed ${feedUrl} ignored: the feed could not be reached (ECONNREFUSED). The build lists the local roles only.`,
      },
    ]);
  });
});
