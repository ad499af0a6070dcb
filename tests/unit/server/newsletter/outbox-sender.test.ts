import { beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseSync } from 'node:sqlite';
import { confirmationEmail } from '../../../../src/server/newsletter/confirmation-email.ts';
import type { MailMessage, MailTransport } from '../../../../src/server/newsletter/mail-transport.ts';
import { createOutboxSender } from '../../../../src/server/newsletter/outbox-sender.ts';
import { createOutboxStore, type OutboxStore } from '../../../../src/server/newsletter/outbox-store.ts';
import { retryDelayMs } from '../../../../src/domain/newsletter/retry-delay.ts';
import { createSubscribersStore } from '../../../../src/server/newsletter/subscribers-store.ts';
import { CONFIRM_TOKEN_LIFETIME_MS, openToken } from '../../../../src/server/newsletter/tokens.ts';
import { memoryDatabase, recordingLog, testSecret } from './helpers.ts';

const t0 = Date.UTC(2025, 5, 1, 7, 0, 0);
const BASE = 1_000;
const MAX = 60_000;

/** A mail server that fails the first `failures` attempts with the given SMTP code (none: connection refused). */
function flakyServer(failures: number, responseCode?: number) {
  const delivered: MailMessage[] = [];
  let attempts = 0;
  const transport: MailTransport = {
    description: 'test server',
    async send(message) {
      attempts++;
      if (attempts <= failures) {
        throw Object.assign(
          new Error(responseCode ? `${responseCode} refused for ${message.to}` : 'connect ECONNREFUSED 127.0.0.1:2525'),
          { responseCode },
        );
      }
      delivered.push(message);
    },
    close() {},
  };
  return { transport, delivered, attempts: () => attempts };
}

let db: DatabaseSync;
let outbox: OutboxStore;
let clock: number;

beforeEach(() => {
  db = memoryDatabase();
  outbox = createOutboxStore(db);
  clock = t0;
  createSubscribersStore(db, testSecret).subscribe('ann@example.com', t0);
});

function sender(transport: MailTransport, log = recordingLog()) {
  return createOutboxSender({
    outbox,
    transport,
    compose(item) {
      const token = item.sealedToken ? openToken(testSecret, item.sealedToken) : null;
      if (!token) return null;
      return confirmationEmail({
        siteUrl: 'https://news.example',
        secret: testSecret,
        messageKey: item.messageKey,
        subscriberId: item.subscriberId,
        to: item.email,
        token,
      });
    },
    retryBaseMs: BASE,
    retryMaxMs: MAX,
    log,
    now: () => clock,
  });
}

function row() {
  return db
    .prepare('SELECT status, attempts, next_attempt_at, sealed_token, last_error, sent_at FROM outbox')
    .get() as {
    status: string;
    attempts: number;
    next_attempt_at: number;
    sealed_token: string | null;
    last_error: string | null;
    sent_at: number | null;
  };
}

describe('outbox sender', () => {
  it('sends a queued confirmation once and marks it sent only after acceptance', async () => {
    const server = flakyServer(0);
    expect(await sender(server.transport).drainDue()).toBe(1);
    expect(server.delivered).toHaveLength(1);
    expect(server.delivered[0].to).toBe('ann@example.com');
    expect(server.delivered[0].text).toContain('https://news.example/newsletter/confirm/?token=');
    expect(row()).toMatchObject({ status: 'sent', attempts: 1, sealed_token: null, sent_at: t0 });
    expect(await sender(server.transport).drainDue()).toBe(0);
    expect(server.delivered).toHaveLength(1);
  });

  it('keeps the row pending while the server is down and retries with growing delays', async () => {
    const server = flakyServer(3);
    const log = recordingLog();
    const s = sender(server.transport, log);
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      await s.drainDue();
      const after = row();
      expect(after).toMatchObject({ status: 'pending', attempts: attempt });
      expect(after.last_error).toContain('ECONNREFUSED');
      delays.push(after.next_attempt_at - clock);
      // Nothing is retried before its time.
      clock = after.next_attempt_at - 1;
      expect(await s.drainDue()).toBe(0);
      clock = after.next_attempt_at;
    }
    expect(delays[0]).toBeGreaterThanOrEqual(0.8 * BASE);
    expect(delays[1]).toBeGreaterThan(delays[0]);
    expect(delays[2]).toBeGreaterThan(delays[1]);
    await s.drainDue();
    expect(server.delivered).toHaveLength(1);
    expect(row()).toMatchObject({ status: 'sent', attempts: 4, last_error: null });
    expect(log.lines.some((line) => line.includes('ann@example.com'))).toBe(false);
  });

  it('gives up on a permanent refusal (5xx) instead of retrying forever', async () => {
    const server = flakyServer(1, 550);
    await sender(server.transport).drainDue();
    expect(row()).toMatchObject({ status: 'failed', attempts: 1, sealed_token: null });
    clock += MAX * 10;
    await sender(server.transport).drainDue();
    expect(server.attempts()).toBe(1);
  });

  it('retries a temporary refusal (4xx)', async () => {
    const server = flakyServer(1, 451);
    await sender(server.transport).drainDue();
    expect(row().status).toBe('pending');
  });

  it('does not send a link that has already expired', async () => {
    const server = flakyServer(0);
    clock = t0 + CONFIRM_TOKEN_LIFETIME_MS;
    await sender(server.transport).drainDue();
    expect(server.delivered).toHaveLength(0);
    expect(row()).toMatchObject({ status: 'expired', sealed_token: null });
  });

  it('marks a row failed when its token was sealed with another secret', async () => {
    db.exec("UPDATE outbox SET sealed_token = 'AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA.AAAA'");
    const server = flakyServer(0);
    await sender(server.transport).drainDue();
    expect(server.delivered).toHaveLength(0);
    expect(row().status).toBe('failed');
  });

  it('waits for the message in flight when stopped', async () => {
    let release: () => void = () => {};
    const transport: MailTransport = {
      description: 'slow server',
      send: () => new Promise<void>((resolve) => (release = resolve)),
      close() {},
    };
    const s = sender(transport);
    s.start();
    await new Promise((resolve) => setTimeout(resolve, 10));
    const stopped = s.stop();
    let done = false;
    void stopped.then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(done).toBe(false);
    release();
    await stopped;
    expect(row().status).toBe('sent');
  });
});

describe('retryDelayMs', () => {
  it('doubles from the base up to the cap, within +-20 %', () => {
    const middle = () => 0.5;
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 1000, 60_000, middle))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelayMs(30, 1000, 60_000, middle)).toBe(60_000);
    expect(retryDelayMs(1, 1000, 60_000, () => 0)).toBe(800);
    expect(retryDelayMs(1, 1000, 60_000, () => 1)).toBe(1200);
  });
});
