// The subscriber database schema, as an ordered list of forward migrations.
// PRAGMA user_version records how many have run; on start every missing one runs, each in its own
// transaction together with the version bump, so a crash mid-migration leaves the previous version.
// Never edit a migration that has shipped: add a new one at the end.

import type { DatabaseSync } from 'node:sqlite';
import { keySubscribersByMailbox } from './subscriber-key-migration.ts';

/** SQL, or code for a step SQL cannot express; either runs inside the migration's transaction. */
export type Migration = string | ((db: DatabaseSync) => void);

export const MIGRATIONS: readonly Migration[] = [
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
  // 2: the daily briefing's sends. Subscribers gain the status 'bounced'; STRICT tables cannot
  // alter a CHECK, so the table is rebuilt the way SQLite documents (create, copy, drop, rename),
  // with foreign keys off around it (see migrate) so that dropping the old table cascades nothing.
  `
  CREATE TABLE subscribers_new (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'unsubscribed', 'bounced')),
    consent_text_version TEXT NOT NULL,
    consent_at INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    confirmed_at INTEGER,
    unsubscribed_at INTEGER,
    confirmation_queued_at INTEGER,
    bounced_at INTEGER
  ) STRICT;
  INSERT INTO subscribers_new (id, email, status, consent_text_version, consent_at, created_at, confirmed_at,
                               unsubscribed_at, confirmation_queued_at)
    SELECT id, email, status, consent_text_version, consent_at, created_at, confirmed_at,
           unsubscribed_at, confirmation_queued_at
      FROM subscribers;
  DROP TABLE subscribers;
  ALTER TABLE subscribers_new RENAME TO subscribers;
  CREATE INDEX subscribers_by_status ON subscribers(status);

  -- One row per issue that has started going out. The lease says which process is sending it and
  -- until when; a process that dies leaves the row 'sending' for the next one to resume.
  CREATE TABLE issue_sends (
    issue_date TEXT PRIMARY KEY,
    state TEXT NOT NULL CHECK (state IN ('sending', 'paused', 'sent')),
    lease_owner TEXT,
    lease_until INTEGER,
    started_at INTEGER NOT NULL,
    finished_at INTEGER,
    pause_reason TEXT,
    recipients INTEGER NOT NULL DEFAULT 0,
    -- 1 when an operator started it past the late-send cut-off (send --force).
    forced INTEGER NOT NULL DEFAULT 0
  ) STRICT;

  -- The recipients, frozen when the send starts: one row per (issue, subscriber).
  CREATE TABLE deliveries (
    id INTEGER PRIMARY KEY,
    issue_date TEXT NOT NULL REFERENCES issue_sends(issue_date) ON DELETE CASCADE,
    subscriber_id TEXT NOT NULL REFERENCES subscribers(id) ON DELETE CASCADE,
    status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'bounced', 'skipped')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    message_id TEXT NOT NULL UNIQUE,
    last_error TEXT,
    sent_at INTEGER,
    -- Set when a resume found the row 'sending': the message may have reached the server before the crash.
    possible_duplicate INTEGER NOT NULL DEFAULT 0,
    UNIQUE (issue_date, subscriber_id)
  ) STRICT;
  CREATE INDEX deliveries_due ON deliveries(issue_date, status, next_attempt_at);
  CREATE INDEX deliveries_by_subscriber ON deliveries(subscriber_id);
  `,
  // 3: one subscriber per mailbox (the email_key column, duplicates merged, a unique index on the key),
  // and confirmation emails with random Message-IDs stored with their outbox row (the row id was the
  // Message-ID, and SQLite reuses the id of a deleted newest row).
  (db) => {
    keySubscribersByMailbox(db);
    db.exec(`
      ALTER TABLE outbox ADD COLUMN message_key TEXT;
      UPDATE outbox SET message_key = 'confirm-' || lower(hex(randomblob(16)));
      CREATE UNIQUE INDEX outbox_by_message_key ON outbox(message_key);
      -- A row written without one (fixtures, a hand-run INSERT) still gets a random one.
      CREATE TRIGGER outbox_message_key_default AFTER INSERT ON outbox WHEN NEW.message_key IS NULL
      BEGIN
        UPDATE outbox SET message_key = 'confirm-' || lower(hex(randomblob(16))) WHERE id = NEW.id;
      END;
    `);
  },
  // Reader preferences (issue 13): a market (NULL: no preference) and job-alert functions
  // (comma-separated slugs, '' for none), so every existing reader keeps "no preference". Each
  // delivery records when its reader's market is due, for the per-market send times and late cut-off.
  // Only columns are added (no table rebuild), so migrations that rebuild subscribers may come before it.
  `
  ALTER TABLE subscribers ADD COLUMN market TEXT
    CHECK (market IS NULL OR market IN ('singapore', 'hong-kong', 'london', 'new-york', 'elsewhere'));
  ALTER TABLE subscribers ADD COLUMN job_functions TEXT NOT NULL DEFAULT '';
  ALTER TABLE deliveries ADD COLUMN due_at INTEGER;
  `,
];

export function schemaVersion(db: DatabaseSync): number {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number };
  return row.user_version;
}

/** Runs every migration the database has not seen yet; returns the versions applied. */
export function migrate(db: DatabaseSync, migrations: readonly Migration[] = MIGRATIONS): number[] {
  const current = schemaVersion(db);
  if (current > migrations.length) {
    throw new Error(
      `The subscriber database is at schema version ${current}, newer than this code knows (${migrations.length}). ` +
        'Run the newer release or restore a backup.',
    );
  }
  const applied: number[] = [];
  // A migration may rebuild a table others refer to. SQLite ignores this pragma inside a
  // transaction, so it is switched off around them; foreign_key_check before each commit makes
  // sure the rebuilt tables still satisfy every reference.
  const foreignKeysWereOn = (db.prepare('PRAGMA foreign_keys').get() as { foreign_keys: number }).foreign_keys === 1;
  db.exec('PRAGMA foreign_keys = OFF');
  try {
    for (let version = current + 1; version <= migrations.length; version++) {
      db.exec('BEGIN IMMEDIATE');
      try {
        const migration = migrations[version - 1];
        if (typeof migration === 'string') db.exec(migration);
        else migration(db);
        const broken = db.prepare('PRAGMA foreign_key_check').all();
        if (broken.length > 0)
          throw new Error(`Migration ${version} would break ${broken.length} foreign key reference(s).`);
        db.exec(`PRAGMA user_version = ${version}`);
        db.exec('COMMIT');
      } catch (error) {
        db.exec('ROLLBACK');
        throw error;
      }
      applied.push(version);
    }
  } finally {
    if (foreignKeysWereOn) db.exec('PRAGMA foreign_keys = ON');
  }
  return applied;
}
