// The sender's guarantees (spec "Sending the daily briefing", 1-3 and 5-7), each through a real
// SMTP server on loopback and a real SQLite file. The crash (4) and signups-during-a-send (8) tests
// have files of their own.
import type { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../src/server/newsletter/database.ts';
import { IN_FLIGHT } from '../../../../src/server/newsletter/issue-sender.ts';
import type { MailMessage, MailTransport } from '../../../../src/server/newsletter/mail-transport.ts';
import { createSubscribersStore } from '../../../../src/server/newsletter/subscribers-store.ts';
import { count, testSecret } from './helpers.ts';
import {
  addConfirmedReaders,
  clockFrom,
  folders,
  issueFixture,
  readerAddress,
  sendingSmtpServer,
  testSender,
  type SendingSmtpServer,
} from './sending-fixtures.ts';

const issue = issueFixture();
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A fresh database file; each call with the same folder opens another connection to it. */
function database(dataDir = folders().dataDir): DatabaseSync {
  const db = openDatabase(dataDir);
  cleanups.push(() => db.close());
  lastDataDir = dataDir;
  return db;
}
let lastDataDir = '';

async function smtpServer(options: Parameters<typeof sendingSmtpServer>[0] = {}): Promise<SendingSmtpServer> {
  const smtp = await sendingSmtpServer(options);
  cleanups.push(() => smtp.stop());
  return smtp;
}

function sender(db: DatabaseSync, smtp: SendingSmtpServer, overrides: Parameters<typeof testSender>[2] = {}) {
  const made = testSender(db, smtp.url, overrides);
  cleanups.push(() => made.transport.close());
  return made;
}

function waitUntil(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const check = () => {
      if (condition()) return resolve();
      if (Date.now() - started > timeoutMs) return reject(new Error('condition not met in time'));
      setTimeout(check, 5);
    };
    check();
  });
}

describe('1. one claim per issue', () => {
  it('a second sender (its own connection) does nothing while the first runs, and nothing once all is sent', async () => {
    const db = database();
    const readers = addConfirmedReaders(db, 30);
    const smtp = await smtpServer({ delayMs: 20 });
    const first = sender(db, smtp);
    const second = sender(database(lastDataDir), smtp);

    const running = first.sender.send(issue);
    await waitUntil(() => smtp.received.length > 0);
    expect(await second.sender.send(issue)).toMatchObject({ kind: 'busy' });
    expect(await running).toMatchObject({ kind: 'finished', resumed: false });
    const again = await second.sender.send(issue);
    expect(again.kind).toBe('already-sent');

    expect(readers.map((address) => smtp.copies(address))).toEqual(readers.map(() => 1));
  });

  it('the same process asked twice at once sends once', async () => {
    const db = database();
    addConfirmedReaders(db, 5);
    const smtp = await smtpServer({ delayMs: 10 });
    const { sender: issues } = sender(db, smtp);
    const [a, b] = await Promise.all([issues.send(issue), issues.send(issue)]);
    expect([a.kind, b.kind].sort()).toEqual(['busy', 'finished']);
    expect(smtp.received).toHaveLength(5);
  });
});

describe('2. recipients frozen at the start, streamed in batches', () => {
  it('someone confirmed after the start is not added, and every frozen reader gets one copy with their own Message-ID', async () => {
    const db = database();
    const readers = addConfirmedReaders(db, 20);
    const smtp = await smtpServer({ delayMs: 20 });
    const { sender: issues } = sender(db, smtp);
    const running = issues.send(issue);
    await waitUntil(() => smtp.received.length > 0);
    const late = addConfirmedReaders(db, 1, 500);
    const outcome = await running;
    expect(outcome).toMatchObject({ kind: 'finished', summary: { recipients: 20 } });
    expect(smtp.copies(late[0])).toBe(0);
    expect(readers.every((address) => smtp.copies(address) === 1)).toBe(true);
    expect(new Set(smtp.received.map((mail) => mail.messageId)).size).toBe(20);
    expect(smtp.received[0].messageId).toMatch(/^<issue-2026-11-30-sub\d{5}@127\.0\.0\.1>$/);
  });

  it('never reads more than one batch of recipients at a time', async () => {
    const db = database();
    addConfirmedReaders(db, 450);
    const smtp = await smtpServer();
    const accepted: string[] = [];
    const instant: MailTransport = {
      description: 'instant',
      send: async (message) => void accepted.push(message.to),
      close() {},
    };
    const made = sender(db, smtp, { transport: instant });
    const sizes: number[] = [];
    const due = made.deliveries.due;
    made.deliveries.due = (...args) => {
      const rows = due(...args);
      sizes.push(rows.length);
      return rows;
    };
    expect(await made.sender.send(issue)).toMatchObject({ kind: 'finished' });
    expect(new Set(accepted).size).toBe(450);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(200);
  });
});

describe('3. capped rate, bounded concurrency, sent only once accepted', () => {
  it('keeps to NEWSLETTER_RATE_PER_SECOND', async () => {
    const db = database();
    addConfirmedReaders(db, 12);
    const smtp = await smtpServer();
    const { sender: issues } = sender(db, smtp, { ratePerSecond: 10 });
    const started = performance.now();
    await issues.send(issue);
    // 12 messages at 10 a second: the last may start 11 intervals of 100 ms after the first.
    expect(performance.now() - started).toBeGreaterThanOrEqual(1_100);
    expect(smtp.received).toHaveLength(12);
  });

  it(`has at most ${IN_FLIGHT} messages in flight, and marks one sent only after the server accepted it`, async () => {
    const db = database();
    addConfirmedReaders(db, 40);
    const smtp = await smtpServer();
    let inFlight = 0;
    let most = 0;
    const pending: (() => void)[] = [];
    const transport: MailTransport = {
      description: 'held',
      send: (_message: MailMessage) =>
        new Promise<void>((resolve) => {
          inFlight++;
          most = Math.max(most, inFlight);
          pending.push(() => {
            inFlight--;
            resolve();
          });
        }),
      close() {},
    };
    const held = sender(db, smtp, { transport });
    const running = held.sender.send(issue);
    await waitUntil(() => pending.length === IN_FLIGHT);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(most).toBe(IN_FLIGHT);
    expect(count(db, `SELECT COUNT(*) AS n FROM deliveries WHERE status = 'sent'`)).toBe(0);
    expect(count(db, `SELECT COUNT(*) AS n FROM deliveries WHERE status = 'sending'`)).toBe(IN_FLIGHT);
    pending.shift()!();
    await waitUntil(() => count(db, `SELECT COUNT(*) AS n FROM deliveries WHERE status = 'sent'`) === 1);
    const release = setInterval(() => pending.splice(0).forEach((accept) => accept()), 5);
    await running;
    clearInterval(release);
    expect(count(db, `SELECT COUNT(*) AS n FROM deliveries WHERE status = 'sent'`)).toBe(40);
  });
});

describe('5. bounces, retries and the pause on many failures', () => {
  it('a 5xx marks the reader bounced (no mail from later issues either); a 4xx is retried and delivered once', async () => {
    const db = database();
    addConfirmedReaders(db, 30);
    const refusedOnce = new Set<string>();
    const smtp = await smtpServer({
      refuse(address) {
        if (address === readerAddress(3)) return 550;
        if (address === readerAddress(7) && !refusedOnce.has(address)) {
          refusedOnce.add(address);
          return 451;
        }
        return null;
      },
    });
    const { sender: issues } = sender(db, smtp);
    const outcome = await issues.send(issue);
    expect(outcome).toMatchObject({ kind: 'finished', summary: { counts: { sent: 29, bounced: 1 } } });
    expect(smtp.copies(readerAddress(3))).toBe(0);
    expect(smtp.copies(readerAddress(7))).toBe(1);
    expect(db.prepare(`SELECT attempts FROM deliveries WHERE subscriber_id = 'sub00007'`).get()).toEqual({
      attempts: 2,
    });
    expect(createSubscribersStore(db, testSecret).stats().bounced).toBe(1);

    const next = await issues.send(issueFixture({ date: '2026-12-01', sendAt: '2026-11-30T00:00:00Z' }));
    expect(next).toMatchObject({ summary: { recipients: 29 } });
    expect(smtp.copies(readerAddress(3))).toBe(0);
  });

  it('pauses with a reason when more than 10 % of the first attempts fail; send resumes it and nobody is skipped', async () => {
    const db = database();
    const readers = addConfirmedReaders(db, 60);
    const smtp = await smtpServer({ refuse: () => 451 });
    const { sender: issues } = sender(db, smtp);
    const paused = await issues.send(issue);
    expect(paused.kind).toBe('paused');
    expect(paused).toMatchObject({
      summary: { state: 'paused', pauseReason: expect.stringMatching(/of the first .* attempts failed/) },
    });
    // 60 readers: 6 may fail; the seventh pauses, and only the messages then in flight still finish.
    expect(count(db, `SELECT COUNT(*) AS n FROM deliveries WHERE attempts > 0`)).toBeLessThanOrEqual(7 + IN_FLIGHT);

    smtp.options.refuse = () => null;
    const resumed = await issues.send(issue);
    expect(resumed).toMatchObject({ kind: 'finished', resumed: true, summary: { counts: { sent: 60, skipped: 0 } } });
    expect(readers.map((address) => smtp.copies(address))).toEqual(readers.map(() => 1));
  });
});

describe('6. the late-send cut-off', () => {
  it('does not start an issue more than NEWSLETTER_SEND_WINDOW_HOURS after its time, unless forced', async () => {
    const db = database();
    addConfirmedReaders(db, 3);
    const smtp = await smtpServer();
    // Due 07:00 in Singapore on 30 November (23:00 UTC the day before); 6 hours and a minute later:
    const late = sender(db, smtp, { now: clockFrom(Date.parse('2026-11-30T05:01:00Z')) });
    expect(await late.sender.send(issue)).toMatchObject({ kind: 'too-late' });
    expect(late.log.lines.join('\n')).toMatch(/not sending it late/);
    expect(smtp.received).toHaveLength(0);
    expect(count(db, 'SELECT COUNT(*) AS n FROM issue_sends')).toBe(0);

    expect(await late.sender.send(issue, { force: true })).toMatchObject({ kind: 'finished' });
    expect(smtp.received).toHaveLength(3);
  });

  it('starts within the window', async () => {
    const db = database();
    addConfirmedReaders(db, 3);
    const smtp = await smtpServer();
    const inTime = sender(db, smtp, { now: clockFrom(Date.parse('2026-11-30T04:59:00Z')) });
    expect(await inTime.sender.send(issue)).toMatchObject({ kind: 'finished' });
  });
});

describe('7. unsubscribing mid-send', () => {
  it('someone who unsubscribes while the issue goes out gets nothing more', async () => {
    const db = database();
    const readers = addConfirmedReaders(db, 40);
    const smtp = await smtpServer({ delayMs: 10 });
    const { sender: issues } = sender(db, smtp, { concurrency: 2 });
    const running = issues.send(issue);
    await waitUntil(() => smtp.received.length > 0);
    const store = createSubscribersStore(db, testSecret);
    store.unsubscribe('sub00039', Date.now());
    const outcome = await running;
    expect(smtp.copies(readers[39])).toBe(0);
    expect(outcome).toMatchObject({ summary: { counts: { sent: 39, skipped: 1 } } });
  });
});
