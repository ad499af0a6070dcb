// Migration 2 rebuilds the subscribers table (to allow 'bounced') on a database that already has
// readers, tokens and queued mail: nothing may be lost, and the references must still hold.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate, schemaVersion } from '../../../../src/server/newsletter/migrations.ts';
import { count } from './helpers.ts';

function databaseAtVersion1(): DatabaseSync {
  const db = new DatabaseSync(join(mkdtempSync(join(tmpdir(), 'newsletter-migrate-')), 'newsletter.sqlite'));
  db.exec('PRAGMA foreign_keys = ON');
  migrate(db, MIGRATIONS.slice(0, 1));
  const insert = db.prepare(
    `INSERT INTO subscribers (id, email, status, consent_text_version, consent_at, created_at, confirmed_at, confirmation_queued_at)
     VALUES (?, ?, ?, 'consent-2025-1', 1, 2, ?, 3)`,
  );
  insert.run('s1', 'ann@example.com', 'confirmed', 4);
  insert.run('s2', 'bo@example.com', 'pending', null);
  insert.run('s3', 'cy@example.com', 'unsubscribed', 5);
  db.exec(`INSERT INTO confirm_tokens VALUES ('hash-2', 's2', 1, 999, NULL)`);
  db.exec(
    `INSERT INTO outbox (subscriber_id, kind, sealed_token, status, next_attempt_at, created_at) VALUES ('s2', 'confirmation', 'sealed', 'pending', 1, 1)`,
  );
  return db;
}

describe('migration 2 (issue sends, deliveries, bounced subscribers)', () => {
  it('keeps every subscriber, token and outbox row while rebuilding the subscribers table', () => {
    const db = databaseAtVersion1();
    const before = db.prepare('SELECT * FROM subscribers ORDER BY id').all();
    // Migration 2 alone: later ones add their own columns, tested with them.
    expect(migrate(db, MIGRATIONS.slice(0, 2))).toEqual([2]);
    expect(schemaVersion(db)).toBe(2);
    expect(
      db
        .prepare(
          'SELECT id, email, status, consent_text_version, consent_at, created_at, confirmed_at, unsubscribed_at, confirmation_queued_at FROM subscribers ORDER BY id',
        )
        .all(),
    ).toEqual(before);
    // Dropping the old table with foreign keys on would have cascaded into these.
    expect(count(db, 'SELECT COUNT(*) AS n FROM confirm_tokens')).toBe(1);
    expect(count(db, 'SELECT COUNT(*) AS n FROM outbox')).toBe(1);
  });

  it("accepts the status 'bounced' and still enforces the references and the other statuses", () => {
    const db = databaseAtVersion1();
    migrate(db);
    db.exec(`UPDATE subscribers SET status = 'bounced' WHERE id = 's1'`);
    expect(() => db.exec(`UPDATE subscribers SET status = 'gone' WHERE id = 's1'`)).toThrow(/CHECK/);
    expect((db.prepare('PRAGMA foreign_keys').get() as { foreign_keys: number }).foreign_keys).toBe(1);
    expect(() =>
      db.exec(
        `INSERT INTO outbox (subscriber_id, kind, status, next_attempt_at, created_at) VALUES ('nobody', 'confirmation', 'pending', 1, 1)`,
      ),
    ).toThrow(/FOREIGN KEY/);
    db.exec(`DELETE FROM subscribers WHERE id = 's2'`);
    expect(count(db, 'SELECT COUNT(*) AS n FROM outbox')).toBe(0);
  });

  it('allows one delivery per issue and subscriber, each with its own Message-ID', () => {
    const db = databaseAtVersion1();
    migrate(db);
    db.exec(`INSERT INTO issue_sends (issue_date, state, started_at) VALUES ('2026-11-30', 'sending', 1)`);
    const insert = db.prepare(
      `INSERT INTO deliveries (issue_date, subscriber_id, status, next_attempt_at, message_id) VALUES ('2026-11-30', ?, 'pending', 1, ?)`,
    );
    insert.run('s1', '<a@x>');
    expect(() => insert.run('s1', '<b@x>')).toThrow(/UNIQUE/);
    expect(() => insert.run('s3', '<a@x>')).toThrow(/UNIQUE/);
  });
});
