import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectJobs, readLocalJobs } from '../../../../src/data/jobs/collect';
import { feedRole, startFeedServer, type FeedServer } from './feed-server';

let server: FeedServer;
let localDir: string;

function localRole(id: string, overrides: Record<string, unknown> = {}) {
  const { id: _id, ...role } = feedRole({ title: `Local role ${id}`, ...overrides });
  return writeFile(path.join(localDir, `${id}.json`), JSON.stringify(role));
}

beforeAll(async () => {
  localDir = await mkdtemp(path.join(tmpdir(), 'jobs-local-'));
  await localRole('local-open');
  await localRole('local-expired', { postedDate: '2026-10-01', closingDate: '2026-11-25' });
  server = await startFeedServer({
    '/feed.json': {
      body: JSON.stringify({
        jobs: [
          feedRole({ id: 'feed-open' }),
          feedRole({ id: 'feed-expired', postedDate: '2026-10-01', closingDate: '2026-11-01' }),
          feedRole({ id: 'feed-invalid', closingDate: 'soon' }),
        ],
      }),
    },
    '/all-invalid.json': { body: JSON.stringify({ jobs: [feedRole({ id: 'x', applyUrl: 'http://x.example/' })] }) },
    '/down.json': { status: 500 },
  });
});

afterAll(async () => {
  await server.close();
  await rm(localDir, { recursive: true });
});

const today = '2026-11-26';

describe('collectJobs', () => {
  it('without a feed lists the open local roles and names the expired ones', async () => {
    const collected = await collectJobs({ localDir, today });
    expect(collected.jobs.map((job) => [job.id, job.source])).toEqual([['local-open', 'local']]);
    expect(collected.expired).toEqual(['local-expired']);
    expect(collected.feedWarning).toBeUndefined();
  });

  it('adds the open feed roles and warns once about the rejected entry', async () => {
    const collected = await collectJobs({ localDir, today, feedUrl: server.url('/feed.json') });
    expect(collected.jobs.map((job) => [job.id, job.source])).toEqual([
      ['local-open', 'local'],
      ['feed-open', 'feed'],
    ]);
    expect(collected.expired).toEqual(['local-expired', 'feed-expired']);
    expect(collected.feedWarning).toBe(
      `Jobs feed ${server.url('/feed.json')}: 1 of 3 entries rejected and left out.\n` +
        '  - #3 "feed-invalid": closingDate: must be a date written as YYYY-MM-DD',
    );
  });

  it('falls back to the local roles when the feed fails, with the cause in the warning', async () => {
    const collected = await collectJobs({ localDir, today, feedUrl: server.url('/down.json') });
    expect(collected.jobs.map((job) => job.id)).toEqual(['local-open']);
    expect(collected.feedWarning).toBe(
      `Jobs feed ${server.url('/down.json')} ignored: the feed answered HTTP 500. The build lists the local roles only.`,
    );
  });

  it('falls back to the local roles when every feed entry is invalid', async () => {
    const collected = await collectJobs({ localDir, today, feedUrl: server.url('/all-invalid.json') });
    expect(collected.jobs.map((job) => job.id)).toEqual(['local-open']);
    expect(collected.feedWarning).toMatch(
      /1 of 1 entries rejected and left out\. The build lists the local roles only\.\n.*"x": applyUrl: must be a full https:\/\/ address/,
    );
  });

  it('lists the sample roles in content/jobs that are open on 2026-11-26', async () => {
    const collected = await collectJobs({ localDir: 'content/jobs', today });
    expect(collected.jobs.length).toBeGreaterThanOrEqual(12);
    expect(collected.expired.length).toBeGreaterThanOrEqual(1);
    expect(collected.jobs.every((job) => job.data.closingDate >= today)).toBe(true);
  });
});

describe('readLocalJobs', () => {
  it('has no roles when the folder does not exist', async () => {
    expect(await readLocalJobs(path.join(localDir, 'missing'))).toEqual([]);
  });

  it('stops the build on a broken local file, naming the file and the field', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'jobs-broken-'));
    const { id: _id, ...role } = feedRole({ location: 'Paris' });
    await writeFile(path.join(dir, 'paris-role.json'), JSON.stringify(role));
    await expect(readLocalJobs(dir)).rejects.toThrow(
      new RegExp(`^Job file ${dir}/paris-role.json is invalid: location: Invalid option`),
    );
    await writeFile(path.join(dir, 'paris-role.json'), '{ not json');
    await expect(readLocalJobs(dir)).rejects.toThrow(/paris-role.json is invalid: not valid JSON/);
    await rm(dir, { recursive: true });
  });

  it('rejects a file name that cannot be a page address', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'jobs-name-'));
    const { id: _id, ...role } = feedRole();
    await writeFile(path.join(dir, 'Risk Analyst.json'), JSON.stringify(role));
    await expect(readLocalJobs(dir)).rejects.toThrow(/Risk Analyst.json is invalid: file name must be lower-case/);
    await rm(dir, { recursive: true });
  });
});
