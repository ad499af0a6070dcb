import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchJobsFeed } from '../../../../src/data/jobs/feed';
import { feedRole, startFeedServer, type FeedServer } from './feed-server';

let server: FeedServer;

beforeAll(async () => {
  server = await startFeedServer({
    '/valid.json': {
      body: JSON.stringify({
        jobs: [feedRole(), feedRole({ id: 'feed-hk-trader', location: 'Hong Kong', function: 'Sales and trading' })],
      }),
    },
    '/mixed.json': {
      body: JSON.stringify({
        jobs: [
          feedRole({ id: 'good-one' }),
          feedRole({ id: 'tokyo-role', location: 'Tokyo' }),
          feedRole({ id: 'Bad Id!' }),
          feedRole({ id: undefined }),
          'just a string',
          feedRole({ id: 'good-one', title: 'Same id again' }),
          feedRole({ id: 'local-role' }),
        ],
      }),
    },
    '/array.json': { body: JSON.stringify([feedRole()]) },
    '/broken.json': { body: '{"jobs": [' },
    '/error.json': { status: 503, body: '{}' },
    '/slow.json': { hang: true },
  });
});

afterAll(() => server.close());

describe('fetchJobsFeed', () => {
  it('returns every valid role with its id', async () => {
    const outcome = await fetchJobsFeed(server.url('/valid.json'));
    expect(outcome).toMatchObject({ ok: true, rejected: [] });
    expect(outcome.ok && outcome.entries.map((entry) => [entry.id, entry.data.location])).toEqual([
      ['feed-risk-analyst-london', 'London'],
      ['feed-hk-trader', 'Hong Kong'],
    ]);
  });

  it('keeps the valid entries and rejects each invalid one with its position and reason', async () => {
    const outcome = await fetchJobsFeed(server.url('/mixed.json'), { takenIds: new Set(['local-role']) });
    if (!outcome.ok) throw new Error(outcome.cause);
    expect(outcome.entries.map((entry) => entry.id)).toEqual(['good-one']);
    expect(outcome.rejected).toEqual([
      { position: 2, id: 'tokyo-role', reason: expect.stringMatching(/^location: Invalid option/) },
      { position: 3, id: 'Bad Id!', reason: 'id: must be lower-case letters, digits and single hyphens' },
      { position: 4, id: undefined, reason: 'id: missing' },
      { position: 5, reason: 'not a JSON object' },
      { position: 6, id: 'good-one', reason: 'id: "good-one" appears earlier in the feed' },
      { position: 7, id: 'local-role', reason: 'id: "local-role" is already used by a local role' },
    ]);
  });

  it.each([
    ['a bare array instead of {"jobs": [...]}', '/array.json', /^the feed must be a JSON object with a "jobs" array$/],
    ['a body that is not JSON', '/broken.json', /^the feed is not valid JSON \(/],
    ['an HTTP error', '/error.json', /^the feed answered HTTP 503$/],
    ['a missing page', '/nowhere.json', /^the feed answered HTTP 404$/],
  ])('fails as a whole on %s, naming the cause', async (_case, path, cause) => {
    const outcome = await fetchJobsFeed(server.url(path));
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.cause).toMatch(cause);
  });

  it('gives up on a feed that does not answer in time', async () => {
    const started = Date.now();
    const outcome = await fetchJobsFeed(server.url('/slow.json'), { timeoutMs: 300 });
    expect(outcome).toEqual({ ok: false, cause: 'the feed did not answer within 0.3 s' });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('reports an unreachable feed with the network error code', async () => {
    const closed = await startFeedServer({});
    const url = closed.url('/feed.json');
    await closed.close();
    expect(await fetchJobsFeed(url)).toEqual({ ok: false, cause: 'the feed could not be reached (ECONNREFUSED)' });
  });

  it.each(['ftp://feeds.example/jobs.json', 'not a url'])(
    'refuses a non-http address %s without fetching',
    async (url) => {
      expect(await fetchJobsFeed(url)).toEqual({
        ok: false,
        cause: 'JOBS_FEED_URL is not an http:// or https:// address',
      });
    },
  );
});
