// One subscriber per mailbox (issue 16, item 5): signups find the subscriber by its key, and the
// migration that introduces the key merges the duplicates an earlier release stored, keeping the
// earliest confirmed row with its consent and status, and losing no subscriber, token, email or delivery.
import type { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../../../src/server/newsletter/migrations.ts';
import { createSubscribersStore } from '../../../../src/server/newsletter/subscribers-store.ts';
import { DatabaseSync as Database } from 'node:sqlite';
import { count, memoryDatabase, testSecret } from './helpers.ts';

const t0 = Date.UTC(2026, 10, 2, 9, 0, 0);

describe('signups are keyed by mailbox', () => {
  it.each([
    [['MixedCase@example.com', 'mixedcase@example.com', 'MIXEDCASE@EXAMPLE.COM']],
    [['user@bücher.de', 'user@xn--bcher-kva.de']],
  ])('%j is one subscriber and one email', (addresses) => {
    const db = memoryDatabase();
    const store = createSubscribersStore(db, testSecret);
    addresses.forEach((address, i) => store.subscribe(address, t0 + i));
    expect(store.list().map((s) => s.email)).toEqual([addresses[0]]);
    expect(count(db, 'SELECT COUNT(*) AS n FROM outbox')).toBe(1);
    expect(store.deleteByEmail(addresses[addresses.length - 1])).toBe(1);
  });

  it('the database refuses a second row for one mailbox', () => {
    const db = memoryDatabase();
    createSubscribersStore(db, testSecret).subscribe('Ann@example.com', t0);
    expect(() =>
      db.exec(`INSERT INTO subscribers (id, email, status, consent_text_version, consent_at, created_at)
               VALUES ('sub_2', 'ANN@example.com', 'pending', 'v1', 0, 0)`),
    ).toThrow(/UNIQUE/);
  });
});

describe('the migration to keyed subscribers', () => {
  /** A database at the schema before the key, with the duplicates the issue found. */
  function beforeTheKey(): DatabaseSync {
    const db = new Database(':memory:');
    db.exec('PRAGMA foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 2));
    const add = db.prepare(
      `INSERT INTO subscribers (id, email, status, consent_text_version, consent_at, created_at, confirmed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    // Ann: pending first, then confirmed twice; the earliest confirmed (a2) wins with its consent.
    add.run('a1', 'ann@example.com', 'pending', 'v3', 30, 1, null);
    add.run('a2', 'Ann@example.com', 'confirmed', 'v1', 10, 2, 20);
    add.run('a3', 'ANN@example.com', 'confirmed', 'v2', 40, 3, 50);
    // Bo: never confirmed; the earliest row wins.
    add.run('b1', 'bo@bücher.de', 'pending', 'v1', 5, 5, null);
    add.run('b2', 'bo@xn--bcher-kva.de', 'unsubscribed', 'v1', 6, 6, null);
    add.run('c1', 'cy@example.com', 'confirmed', 'v1', 1, 1, 1);
    const token = db.prepare(
      'INSERT INTO confirm_tokens (token_hash, subscriber_id, created_at, expires_at) VALUES (?, ?, 0, 1)',
    );
    const mail = db.prepare(
      `INSERT INTO outbox (subscriber_id, kind, status, next_attempt_at, created_at) VALUES (?, 'confirmation', 'sent', 0, 0)`,
    );
    for (const id of ['a1', 'a2', 'a3', 'b1', 'b2', 'c1']) {
      token.run(`hash-${id}`, id);
      mail.run(id);
    }
    db.exec(`INSERT INTO issue_sends (issue_date, state, started_at) VALUES ('2026-11-30', 'sent', 0),
                                                                          ('2026-12-01', 'sent', 0)`);
    const delivery = db.prepare(
      `INSERT INTO deliveries (issue_date, subscriber_id, status, next_attempt_at, message_id) VALUES (?, ?, 'sent', 0, ?)`,
    );
    delivery.run('2026-11-30', 'a2', 'm1');
    delivery.run('2026-11-30', 'a3', 'm2');
    delivery.run('2026-12-01', 'a3', 'm3');
    return db;
  }

  it('merges duplicates into the earliest confirmed row and re-points what referred to the others', () => {
    const db = beforeTheKey();
    migrate(db);
    const rows = db
      .prepare('SELECT id, email, status, consent_text_version, consent_at FROM subscribers ORDER BY id')
      .all();
    expect(rows).toEqual([
      { id: 'a2', email: 'Ann@example.com', status: 'confirmed', consent_text_version: 'v1', consent_at: 10 },
      { id: 'b1', email: 'bo@bücher.de', status: 'pending', consent_text_version: 'v1', consent_at: 5 },
      { id: 'c1', email: 'cy@example.com', status: 'confirmed', consent_text_version: 'v1', consent_at: 1 },
    ]);
    // Every token and email kept, now the keeper's.
    expect(count(db, "SELECT COUNT(*) AS n FROM confirm_tokens WHERE subscriber_id = 'a2'")).toBe(3);
    expect(count(db, "SELECT COUNT(*) AS n FROM outbox WHERE subscriber_id = 'b1'")).toBe(2);
    expect(count(db, 'SELECT COUNT(*) AS n FROM outbox')).toBe(6);
    // One delivery per issue and mailbox: the keeper's for 11-30, the merged row's for 12-01.
    expect(
      db.prepare("SELECT issue_date, message_id FROM deliveries WHERE subscriber_id = 'a2' ORDER BY 1").all(),
    ).toEqual([
      { issue_date: '2026-11-30', message_id: 'm1' },
      { issue_date: '2026-12-01', message_id: 'm3' },
    ]);
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    const keys = db.prepare('SELECT email_key FROM subscribers ORDER BY id').all();
    expect(keys).toEqual([
      { email_key: 'ann@example.com' },
      { email_key: 'bo@xn--bcher-kva.de' },
      { email_key: 'cy@example.com' },
    ]);
  });

  it('a signup after the migration finds the merged subscriber', () => {
    const db = beforeTheKey();
    migrate(db);
    const store = createSubscribersStore(db, testSecret);
    expect(store.subscribe('aNN@Example.com', t0)).toBe('already-confirmed');
    expect(store.subscribe('BO@BÜCHER.DE', t0)).toBe('queued');
    expect(store.list().length).toBe(3);
  });
});
