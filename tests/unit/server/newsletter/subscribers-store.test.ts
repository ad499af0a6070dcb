import { beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseSync } from 'node:sqlite';
import { CONSENT_TEXT_VERSION } from '../../../../src/domain/newsletter/consent.ts';
import { createOutboxStore } from '../../../../src/server/newsletter/outbox-store.ts';
import {
  CONFIRMATION_RESEND_INTERVAL_MS,
  createSubscribersStore,
} from '../../../../src/server/newsletter/subscribers-store.ts';
import { CONFIRM_TOKEN_LIFETIME_MS, hashToken, openToken } from '../../../../src/server/newsletter/tokens.ts';
import { count, memoryDatabase, testSecret } from './helpers.ts';

const t0 = Date.UTC(2025, 2, 3, 9, 0, 0);
let db: DatabaseSync;
let store: ReturnType<typeof createSubscribersStore>;

beforeEach(() => {
  db = memoryDatabase();
  store = createSubscribersStore(db, testSecret);
});

/** The token of the newest confirmation email queued, as the sender would open it. */
function queuedToken(): string {
  const row = db.prepare('SELECT sealed_token FROM outbox ORDER BY id DESC LIMIT 1').get() as { sealed_token: string };
  const token = openToken(testSecret, row.sealed_token);
  if (!token) throw new Error('no token');
  return token;
}

describe('subscribe', () => {
  it('stores a pending subscriber with consent version and time, a hashed token and one outbox row', () => {
    expect(store.subscribe('ann@example.com', t0)).toBe('queued');
    const subscriber = store.list()[0];
    expect(subscriber).toMatchObject({
      email: 'ann@example.com',
      status: 'pending',
      consent_text_version: CONSENT_TEXT_VERSION,
      consent_at: t0,
    });
    const token = queuedToken();
    expect(count(db, 'SELECT COUNT(*) AS n FROM confirm_tokens WHERE token_hash = ?', hashToken(token))).toBe(1);
    // The plain token is nowhere in the database file's tables.
    const dump = JSON.stringify([
      db.prepare('SELECT * FROM confirm_tokens').all(),
      db.prepare('SELECT * FROM outbox').all(),
    ]);
    expect(dump).not.toContain(token);
    expect(
      count(db, "SELECT COUNT(*) AS n FROM outbox WHERE status = 'pending' AND subscriber_id = ?", subscriber.id),
    ).toBe(1);
  });

  it('queues at most one confirmation email an hour for a pending address', () => {
    store.subscribe('ann@example.com', t0);
    expect(store.subscribe('ann@example.com', t0 + 10 * 60_000)).toBe('throttled');
    expect(store.subscribe('ann@example.com', t0 + CONFIRMATION_RESEND_INTERVAL_MS - 1)).toBe('throttled');
    expect(count(db, 'SELECT COUNT(*) AS n FROM outbox')).toBe(1);
    expect(store.subscribe('ann@example.com', t0 + CONFIRMATION_RESEND_INTERVAL_MS)).toBe('queued');
    expect(count(db, 'SELECT COUNT(*) AS n FROM outbox')).toBe(2);
    expect(count(db, 'SELECT COUNT(*) AS n FROM subscribers')).toBe(1);
  });

  it('writes nothing for an address that is already confirmed', () => {
    store.subscribe('ann@example.com', t0);
    store.confirm(queuedToken(), t0 + 1000);
    const before = JSON.stringify(db.prepare('SELECT * FROM subscribers').all());
    expect(store.subscribe('ann@example.com', t0 + 2 * CONFIRMATION_RESEND_INTERVAL_MS)).toBe('already-confirmed');
    expect(JSON.stringify(db.prepare('SELECT * FROM subscribers').all())).toBe(before);
    expect(count(db, 'SELECT COUNT(*) AS n FROM outbox')).toBe(1);
  });

  it('lets an unsubscribed reader sign up again with fresh consent', () => {
    store.subscribe('ann@example.com', t0);
    const id = store.list()[0].id;
    store.unsubscribe(id, t0 + 1000);
    const later = t0 + 2 * CONFIRMATION_RESEND_INTERVAL_MS;
    expect(store.subscribe('ann@example.com', later)).toBe('queued');
    expect(store.list()[0]).toMatchObject({ id, status: 'pending', consent_at: later, unsubscribed_at: null });
  });

  it('rolls back the subscriber when the outbox row cannot be written', () => {
    db.exec("CREATE TRIGGER fail_outbox BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    expect(() => store.subscribe('ann@example.com', t0)).toThrow(/disk full/);
    expect(count(db, 'SELECT COUNT(*) AS n FROM subscribers')).toBe(0);
    expect(count(db, 'SELECT COUNT(*) AS n FROM confirm_tokens')).toBe(0);
  });
});

describe('confirm', () => {
  it('confirms once; the same token is then used', () => {
    store.subscribe('ann@example.com', t0);
    const token = queuedToken();
    expect(store.tokenState(token, t0 + 1000)).toBe('valid');
    const result = store.confirm(token, t0 + 1000);
    expect(result).toEqual({ state: 'confirmed', subscriberId: store.list()[0].id });
    expect(store.list()[0]).toMatchObject({ status: 'confirmed', confirmed_at: t0 + 1000 });
    expect(store.confirm(token, t0 + 2000)).toEqual({ state: 'used' });
    expect(store.tokenState(token, t0 + 2000)).toBe('used');
  });

  it('refuses a token after 48 hours and leaves the subscriber pending', () => {
    store.subscribe('ann@example.com', t0);
    const token = queuedToken();
    expect(store.tokenState(token, t0 + CONFIRM_TOKEN_LIFETIME_MS - 1)).toBe('valid');
    expect(store.confirm(token, t0 + CONFIRM_TOKEN_LIFETIME_MS)).toEqual({ state: 'expired' });
    expect(store.list()[0].status).toBe('pending');
  });

  it('uses up the earlier tokens of the same subscriber too', () => {
    store.subscribe('ann@example.com', t0);
    const first = queuedToken();
    store.subscribe('ann@example.com', t0 + CONFIRMATION_RESEND_INTERVAL_MS);
    const second = queuedToken();
    expect(store.confirm(second, t0 + CONFIRMATION_RESEND_INTERVAL_MS + 1).state).toBe('confirmed');
    expect(store.tokenState(first, t0 + CONFIRMATION_RESEND_INTERVAL_MS + 2)).toBe('used');
  });

  it.each(['', 'not-a-token', 'A'.repeat(43)])('knows nothing of %j', (token) => {
    store.subscribe('ann@example.com', t0);
    expect(store.tokenState(token, t0)).toBe('unknown');
    expect(store.confirm(token, t0)).toEqual({ state: 'unknown' });
  });
});

describe('unsubscribe, stats, list and delete', () => {
  it('unsubscribes and cancels a confirmation email not yet sent', () => {
    store.subscribe('ann@example.com', t0);
    const id = store.list()[0].id;
    store.unsubscribe(id, t0 + 5);
    store.unsubscribe(id, t0 + 9);
    expect(store.list()[0]).toMatchObject({ status: 'unsubscribed', unsubscribed_at: t0 + 5 });
    expect(createOutboxStore(db).counts()).toMatchObject({ pending: 0, cancelled: 1 });
    expect(count(db, 'SELECT COUNT(*) AS n FROM outbox WHERE sealed_token IS NOT NULL')).toBe(0);
  });

  it('counts by status and filters the list', () => {
    for (const email of ['a@example.com', 'b@example.com', 'c@example.com']) store.subscribe(email, t0);
    store.confirm(queuedToken(), t0 + 1);
    store.unsubscribe(store.list().find((s) => s.email === 'a@example.com')!.id, t0 + 2);
    expect(store.stats()).toEqual({ pending: 1, confirmed: 1, unsubscribed: 1, bounced: 0, total: 3 });
    expect(store.list('confirmed').map((s) => s.email)).toEqual(['c@example.com']);
  });

  it('deletes every row about a subscriber, found by the normalised address', () => {
    store.subscribe('Ann@example.com', t0);
    store.subscribe('bo@example.com', t0);
    expect(store.deleteByEmail('  Ann@EXAMPLE.com ')).toBe(1);
    expect(store.list().map((s) => s.email)).toEqual(['bo@example.com']);
    expect(count(db, 'SELECT COUNT(*) AS n FROM confirm_tokens')).toBe(1);
    expect(count(db, 'SELECT COUNT(*) AS n FROM outbox')).toBe(1);
    expect(store.deleteByEmail('ann@example.com')).toBe(0);
  });
});
