// Issue 13: one issue, a send time per market, each reader once; the late cut-off per market; the
// "New jobs" section rendered once per segment. Real SMTP on loopback, a real SQLite file.
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import type { NewJobs } from '../../../../src/domain/newsletter/segments.ts';
import { openDatabase } from '../../../../src/server/newsletter/database.ts';
import { createIssueComposer } from '../../../../src/server/newsletter/issue-message.ts';
import { MIGRATIONS, migrate } from '../../../../src/server/newsletter/migrations.ts';
import { createSubscribersStore } from '../../../../src/server/newsletter/subscribers-store.ts';
import { memoryDatabase, testSecret } from './helpers.ts';
import {
  addConfirmedReaders,
  folders,
  issueFixture,
  readerAddress,
  sendingSmtpServer,
  SITE_URL,
  testSender,
  type SendingSmtpServer,
} from './sending-fixtures.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function rig() {
  const db = openDatabase(folders().dataDir);
  cleanups.push(() => db.close());
  const smtp = await sendingSmtpServer();
  cleanups.push(() => smtp.stop());
  return { db, smtp };
}

/** Readers 0-1 no preference, 2-3 London, 4-5 New York, 6 Elsewhere. */
function readersInMarkets(db: DatabaseSync): void {
  addConfirmedReaders(db, 7);
  const set = db.prepare('UPDATE subscribers SET market = ?, job_functions = ? WHERE email = ?');
  set.run('london', 'risk', readerAddress(2));
  set.run('london', '', readerAddress(3));
  set.run('new-york', 'risk', readerAddress(4));
  set.run('new-york', 'technology', readerAddress(5));
  set.run('elsewhere', 'risk', readerAddress(6));
}

const received = (smtp: SendingSmtpServer) => smtp.received.map((mail) => mail.to).sort();
const readers = (...n: number[]) => n.map(readerAddress).sort();

describe('per-market send times (issue of 2026-11-30, 07:00 in each zone)', () => {
  it('sends each market at its own time, each reader once, and says when only later markets are left', async () => {
    const { db, smtp } = await rig();
    readersInMarkets(db);
    let clock = Date.parse('2026-11-30T00:30:00Z'); // after Singapore's 07:00 (23:00Z), before London's
    const { sender } = testSender(db, smtp.url, { now: () => clock });
    const issue = issueFixture();

    const first = await sender.send(issue, { returnWhenWaiting: true });
    expect(first.kind).toBe('waiting');
    expect(received(smtp)).toEqual(readers(0, 1, 6));

    clock = Date.parse('2026-11-30T07:10:00Z'); // London's 07:00 GMT
    expect((await sender.send(issue, { returnWhenWaiting: true })).kind).toBe('waiting');
    expect(received(smtp)).toEqual(readers(0, 1, 2, 3, 6));

    clock = Date.parse('2026-11-30T12:05:00Z'); // New York's 07:00 EST
    const last = await sender.send(issue, { returnWhenWaiting: true });
    expect(last.kind).toBe('finished');
    expect(received(smtp)).toEqual(readers(0, 1, 2, 3, 4, 5, 6));
    if (last.kind === 'finished') expect(last.summary.counts).toMatchObject({ sent: 7, skipped: 0 });
  });

  it('skips a market whose send window passed before the issue started, and still sends the later ones', async () => {
    const { db, smtp } = await rig();
    readersInMarkets(db);
    // Singapore's window ended at 05:00Z and London's at 13:00Z; New York's runs to 18:00Z.
    const clock = Date.parse('2026-11-30T13:30:00Z');
    const { sender } = testSender(db, smtp.url, { now: () => clock });
    const outcome = await sender.send(issueFixture());
    expect(outcome.kind).toBe('finished');
    expect(received(smtp)).toEqual(readers(4, 5));
    if (outcome.kind === 'finished') expect(outcome.summary.counts).toMatchObject({ sent: 2, skipped: 5 });
  });

  it('is too late only once the last market with readers is past its window; --force sends every market now', async () => {
    const { db, smtp } = await rig();
    readersInMarkets(db);
    const clock = Date.parse('2026-11-30T18:30:00Z');
    const { sender } = testSender(db, smtp.url, { now: () => clock });
    expect((await sender.send(issueFixture())).kind).toBe('too-late');
    expect((await sender.send(issueFixture(), { force: true })).kind).toBe('finished');
    expect(received(smtp)).toEqual(readers(0, 1, 2, 3, 4, 5, 6));
  });
});

describe('the New jobs section per segment', () => {
  const item = (id: string, market: 'london' | 'new-york', fn: 'risk' | 'technology') => ({
    id,
    market,
    function: fn,
    postedDate: '2026-11-29',
    html: `<li><a href="${SITE_URL}/jobs/${id}/">${id}</a></li>`,
    text: `* ${id} ${SITE_URL}/jobs/${id}/`,
  });
  const newJobs: NewJobs = {
    listStart: '<ul>',
    jobs: [
      item('ldn-risk', 'london', 'risk'),
      item('ny-risk', 'new-york', 'risk'),
      item('ny-tech', 'new-york', 'technology'),
    ],
    empty: { html: '<p>none</p>', text: 'none' },
    emptyForAlerts: { html: '<p>none for you</p>', text: 'none for you' },
    segmentLine: { html: '<p>{{segment}}</p>', text: '{{segment}}' },
  };
  const issue = issueFixture({
    html: '<html><body>{{new_jobs}}<a href="{{preferences_url}}">Prefs</a><a href="{{unsubscribe_url}}">Unsubscribe</a></body></html>',
    text: '{{new_jobs}}\n{{preferences_url}}\n{{unsubscribe_url}}\n',
    newJobs,
  });

  it("gives each reader their segment's roles, rendering each segment once", async () => {
    const { db, smtp } = await rig();
    readersInMarkets(db);
    addConfirmedReaders(db, 40, 100); // 40 more with no preference: the same segment as readers 0-1
    const composer = createIssueComposer({ siteUrl: SITE_URL, secret: testSecret });
    const { sender } = testSender(db, smtp.url, { compose: composer.compose });
    expect((await sender.send(issue, { force: true })).kind).toBe('finished');

    const roles = (n: number) => {
      const mail = smtp.received.find((m) => m.to === readerAddress(n))!;
      return [...mail.raw.matchAll(/\/jobs\/([a-z-]+)\/">/g)].map((m) => m[1]);
    };
    expect(roles(0)).toEqual(['ldn-risk', 'ny-risk', 'ny-tech']);
    expect(roles(2)).toEqual(['ldn-risk']);
    expect(roles(3)).toEqual(['ldn-risk']);
    expect(roles(4)).toEqual(['ny-risk']);
    expect(roles(5)).toEqual(['ny-tech']);
    expect(roles(6)).toEqual(['ldn-risk', 'ny-risk']);
    // Segments: none, london|risk, london|, new-york|risk, new-york|technology, elsewhere|risk.
    expect(composer.renders).toBe(6);
    expect(smtp.received).toHaveLength(47);
  });
});

describe('migration and store', () => {
  it('keeps every existing subscriber, each with no preference', () => {
    const old = new DatabaseSync(':memory:');
    migrate(old, MIGRATIONS.slice(0, MIGRATIONS.length - 1));
    addConfirmedReaders(old, 3);
    migrate(old);
    expect(old.prepare('SELECT market, job_functions FROM subscribers').all()).toEqual(
      Array(3).fill({ market: null, job_functions: '' }),
    );
    expect(() => old.prepare(`UPDATE subscribers SET market = 'paris'`).run()).toThrow(/CHECK/);
  });

  it('stores preferences at signup, never lets a signup change a confirmed reader, and counts by market', () => {
    const db = memoryDatabase();
    const store = createSubscribersStore(db, testSecret);
    store.subscribe('ann@example.com', 1, { market: 'london', functions: ['risk'] });
    const id = (db.prepare('SELECT id FROM subscribers').get() as { id: string }).id;
    expect(store.preferences(id)).toEqual({ market: 'london', functions: ['risk'] });
    db.prepare(`UPDATE subscribers SET status = 'confirmed'`).run();
    store.subscribe('ann@example.com', 2, { market: 'singapore', functions: [] });
    expect(store.preferences(id)).toEqual({ market: 'london', functions: ['risk'] });
    expect(store.setPreferences(id, { market: 'new-york', functions: ['risk', 'compliance'] })).toBe(true);
    expect(store.preferences(id)).toEqual({ market: 'new-york', functions: ['risk', 'compliance'] });
    expect(store.setPreferences('unknown', { market: null, functions: [] })).toBe(false);
    store.subscribe('bo@example.com', 3);
    expect(store.byMarket()['new-york'].confirmed).toBe(1);
    expect(store.byMarket().none.pending).toBe(1);
    store.unsubscribe(id, 4);
    expect(store.preferences(id)).toBeUndefined();
  });
});
