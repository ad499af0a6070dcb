// The subscriber database schema, as an ordered list of forward migrations.
// PRAGMA user_version records how many have run; on start every missing one runs, each in its own
// transaction together with the version bump, so a crash mid-migration leaves the previous version.
// Never edit a migration that has shipped: add a new one at the end.

import type { DatabaseSync } from 'node:sqlite';

export const MIGRATIONS: readonly string[] = [
  // 1: subscribers, hashed confirmation tokens, and the outbox of emails still to send.
  `
  CREATE TABLE subscribers (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'unsubscribed')),
    consent_text_version TEXT NOT NULL,
    consent_at INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    confirmed_at INTEGER,
    unsubscribed_at INTEGER,
    confirmation_queued_at INTEGER
  ) STRICT;

  CREATE TABLE confirm_tokens (
    token_hash TEXT PRIMARY KEY,
    subscriber_id TEXT NOT NULL REFERENCES subscribers(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER
  ) STRICT;
  CREATE INDEX confirm_tokens_by_subscriber ON confirm_tokens(subscriber_id);

  CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    subscriber_id TEXT NOT NULL REFERENCES subscribers(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('confirmation')),
    sealed_token TEXT,
    status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'cancelled', 'expired')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    sent_at INTEGER,
    last_error TEXT
  ) STRICT;
  CREATE INDEX outbox_due ON outbox(status, next_attempt_at);
  CREATE INDEX outbox_by_subscriber ON outbox(subscriber_id);
  `,
];

export function schemaVersion(db: DatabaseSync): number {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number };
  return row.user_version;
}

/** Runs every migration the database has not seen yet; returns the versions applied. */
export function migrate(db: DatabaseSync, migrations: readonly string[] = MIGRATIONS): number[] {
  const current = schemaVersion(db);
  if (current > migrations.length) {
    throw new Error(
      `The subscriber database is at schema version ${current}, newer than this code knows (${migrations.length}). ` +
        'Run the newer release or restore a backup.',
    );
  }
  const applied: number[] = [];
  for (let version = current + 1; version <= migrations.length; version++) {
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(migrations[version - 1]);
      db.exec(`PRAGMA user_version = ${version}`);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
    applied.push(version);
  }
  return applied;
}
