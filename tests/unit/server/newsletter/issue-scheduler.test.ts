// The scheduler the server runs: it starts today's issue at its time (or at its own sendAt), not
// before, and not more than the send window after.
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../src/server/newsletter/database.ts';
import { createIssueScheduler } from '../../../../src/server/newsletter/issue-scheduler.ts';
import {
  addConfirmedReaders,
  folders,
  issueFixture,
  readerAddress,
  sendingSmtpServer,
  testSender,
} from './sending-fixtures.ts';
import type { IssueEmail } from '../../../../src/domain/newsletter/issue-email.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function scheduled(issue: IssueEmail, startAt: string) {
  const { dataDir, distDir } = folders(issue);
  const db = openDatabase(dataDir);
  addConfirmedReaders(db, 3);
  const smtp = await sendingSmtpServer();
  let clock = Date.parse(startAt);
  const now = () => clock;
  const { sender, deliveries, transport, log } = testSender(db, smtp.url, { now });
  const scheduler = createIssueScheduler({
    distDir,
    sender,
    deliveries,
    schedule: { sendTime: '07:00', timeZone: 'Asia/Singapore' },
    sendWindowHours: 6,
    log,
    now,
  });
  cleanups.push(
    () => db.close(),
    () => smtp.stop(),
    () => transport.close(),
    () => scheduler.stop(),
  );
  return {
    smtp,
    log,
    setClock: (iso: string) => (clock = Date.parse(iso)),
    async tick() {
      scheduler.tick();
      await scheduler.idle();
    },
  };
}

describe('the issue scheduler', () => {
  it('starts the issue at 07:00 in the newsletter time zone, not before', async () => {
    const run = await scheduled(issueFixture(), '2026-11-29T22:59:00Z');
    await run.tick();
    expect(run.smtp.received).toHaveLength(0);
    run.setClock('2026-11-29T23:00:30Z');
    await run.tick();
    expect(run.smtp.received).toHaveLength(3);
    await run.tick();
    expect(run.smtp.received).toHaveLength(3);
  });

  it("waits for an issue's own sendAt", async () => {
    const run = await scheduled(issueFixture({ sendAt: '2026-11-30T09:00:00+08:00' }), '2026-11-29T23:30:00Z');
    await run.tick();
    expect(run.smtp.received).toHaveLength(0);
    run.setClock('2026-11-30T01:00:00Z');
    await run.tick();
    expect(run.smtp.received).toHaveLength(3);
  });

  it('does not start an issue past its send window, and logs it once', async () => {
    const run = await scheduled(issueFixture(), '2026-11-30T05:30:00Z');
    await run.tick();
    await run.tick();
    expect(run.smtp.received).toHaveLength(0);
    expect(run.log.lines.filter((line) => /past its send window/.test(line))).toHaveLength(1);
  });
});

describe('the issue scheduler with readers in several markets', () => {
  it('starts at the first market and sends each later market at its own 07:00, each reader once', async () => {
    const issue = issueFixture();
    const { dataDir, distDir } = folders(issue);
    const db = openDatabase(dataDir);
    addConfirmedReaders(db, 3);
    db.prepare(`UPDATE subscribers SET market = 'london' WHERE email = ?`).run(readerAddress(1));
    db.prepare(`UPDATE subscribers SET market = 'new-york' WHERE email = ?`).run(readerAddress(2));
    const smtp = await sendingSmtpServer();
    let clock = Date.parse('2026-11-29T23:00:30Z');
    const now = () => clock;
    const { sender, deliveries, transport, log } = testSender(db, smtp.url, { now });
    const scheduler = createIssueScheduler({
      distDir,
      sender,
      deliveries,
      schedule: { sendTime: '07:00', timeZone: 'Asia/Singapore' },
      sendWindowHours: 6,
      log,
      now,
    });
    cleanups.push(
      () => db.close(),
      () => smtp.stop(),
      () => transport.close(),
      () => scheduler.stop(),
    );
    const until = async (n: number) => {
      for (let i = 0; i < 400 && smtp.received.length < n; i++) await new Promise((r) => setTimeout(r, 10));
    };
    const to = () => smtp.received.map((mail) => mail.to);

    scheduler.tick();
    await until(1);
    expect(to()).toEqual([readerAddress(0)]);
    clock = Date.parse('2026-11-30T06:59:00Z');
    await new Promise((r) => setTimeout(r, 1_200));
    expect(to()).toEqual([readerAddress(0)]);
    clock = Date.parse('2026-11-30T07:00:10Z');
    await until(2);
    expect(to()).toEqual([readerAddress(0), readerAddress(1)]);
    clock = Date.parse('2026-11-30T12:00:10Z');
    scheduler.tick(); // a tick during the send starts nothing more
    await scheduler.idle();
    expect(to()).toEqual([readerAddress(0), readerAddress(1), readerAddress(2)]);
    expect(deliveries.summary(issue.date)?.state).toBe('sent');
  });
});
