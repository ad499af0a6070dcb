// Message-IDs of confirmation emails are unique and random (issue 16, item 6): providers drop a
// message whose Message-ID they have seen, so an id must never come back after a delete, and a retry
// of one outbox row must reuse its id so that a copy sent twice is recognisably the same message.
import { describe, expect, it } from 'vitest';
import { confirmationEmail } from '../../../../src/server/newsletter/confirmation-email.ts';
import { createOutboxStore, type OutboxItem } from '../../../../src/server/newsletter/outbox-store.ts';
import { createSubscribersStore } from '../../../../src/server/newsletter/subscribers-store.ts';
import { memoryDatabase, testSecret } from './helpers.ts';

const t0 = Date.UTC(2026, 11, 2, 9, 0, 0);

function messageIdOf(item: OutboxItem): string {
  return confirmationEmail({
    siteUrl: 'https://news.example',
    secret: testSecret,
    messageKey: item.messageKey,
    subscriberId: item.subscriberId,
    to: item.email,
    token: 'k'.repeat(43),
  }).messageId;
}

describe('confirmation Message-IDs', () => {
  it('are random, and never reused after the newest row is deleted', () => {
    const db = memoryDatabase();
    const store = createSubscribersStore(db, testSecret);
    const outbox = createOutboxStore(db);
    store.subscribe('ann@example.com', t0);
    store.subscribe('bo@example.com', t0);
    const [, bo] = outbox.due(t0, 10);
    store.deleteByEmail('bo@example.com');
    store.subscribe('cy@example.com', t0);
    const [ann, cy] = outbox.due(t0, 10);
    expect(cy.id).toBe(bo.id);
    const ids = [ann, bo, cy].map(messageIdOf);
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(id).toMatch(/^<confirm-[A-Za-z0-9_-]{22,}@news\.example>$/);
  });

  it('stay the same across retries of one outbox row', () => {
    const db = memoryDatabase();
    const store = createSubscribersStore(db, testSecret);
    const outbox = createOutboxStore(db);
    store.subscribe('ann@example.com', t0);
    const [first] = outbox.due(t0, 10);
    outbox.scheduleRetry(first.id, t0 + 1000, 'try again');
    const [retry] = outbox.due(t0 + 1000, 10);
    expect(messageIdOf(retry)).toBe(messageIdOf(first));
  });

  it('rows written without one get a unique one from the database', () => {
    const db = memoryDatabase();
    createSubscribersStore(db, testSecret).subscribe('ann@example.com', t0);
    const subscriber = (db.prepare('SELECT id FROM subscribers').get() as { id: string }).id;
    const insert = db.prepare(
      `INSERT INTO outbox (subscriber_id, kind, status, next_attempt_at, created_at) VALUES (?, 'confirmation', 'pending', 0, 0)`,
    );
    insert.run(subscriber);
    insert.run(subscriber);
    const keys = db.prepare('SELECT message_key FROM outbox').all() as { message_key: string | null }[];
    expect(new Set(keys.map((k) => k.message_key)).size).toBe(3);
    expect(keys.every((k) => k.message_key)).toBe(true);
  });
});
