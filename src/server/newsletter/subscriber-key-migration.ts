// The migration that keys subscribers by mailbox (spec: newsletter.md, signup step 2). Earlier
// releases keyed them by the address as typed, so "Ann@" and "ann@", or "bücher.de" and
// "xn--bcher-kva.de", could be two rows and get two mails. The key needs the URL standard's
// punycode, which SQL lacks, so this migration is code rather than a SQL string.
//
// Duplicates are merged into one row per mailbox: the earliest confirmed one if any is confirmed
// (it holds the consent the reader gave first, and its status), otherwise the earliest created.
// Tokens, outbox rows and deliveries of the merged rows move to that row, so no mail and no history
// is lost; where both had a delivery of the same issue, the kept row's stays (the mailbox got it).

import type { DatabaseSync } from 'node:sqlite';
import { emailKey } from '../../domain/newsletter/email-address.ts';

interface Row {
  id: string;
  email: string;
  status: string;
}

export function keySubscribersByMailbox(db: DatabaseSync): void {
  db.exec('ALTER TABLE subscribers ADD COLUMN email_key TEXT');
  const rows = db
    .prepare(
      `SELECT id, email, status FROM subscribers
        ORDER BY status = 'confirmed' DESC, confirmed_at IS NULL, confirmed_at, created_at, id`,
    )
    .all() as unknown as Row[];
  const setKey = db.prepare('UPDATE subscribers SET email_key = ? WHERE id = ?');
  const moveTokens = db.prepare('UPDATE confirm_tokens SET subscriber_id = ? WHERE subscriber_id = ?');
  const moveOutbox = db.prepare('UPDATE outbox SET subscriber_id = ? WHERE subscriber_id = ?');
  const dropSameIssue = db.prepare(
    `DELETE FROM deliveries WHERE subscriber_id = ?
        AND issue_date IN (SELECT issue_date FROM deliveries WHERE subscriber_id = ?)`,
  );
  const moveDeliveries = db.prepare('UPDATE deliveries SET subscriber_id = ? WHERE subscriber_id = ?');
  const remove = db.prepare('DELETE FROM subscribers WHERE id = ?');

  // Rows come best first, so the first row of each mailbox is the one to keep.
  const keeperOf = new Map<string, string>();
  for (const row of rows) {
    const key = emailKey(row.email);
    const keeper = keeperOf.get(key);
    if (keeper === undefined) {
      keeperOf.set(key, row.id);
      setKey.run(key, row.id);
      continue;
    }
    moveTokens.run(keeper, row.id);
    moveOutbox.run(keeper, row.id);
    dropSameIssue.run(row.id, keeper);
    moveDeliveries.run(keeper, row.id);
    remove.run(row.id);
  }

  db.exec(`
    CREATE UNIQUE INDEX subscribers_by_key ON subscribers(email_key);
    -- Rows written without the key (fixtures, a hand-run INSERT) still get one, and still cannot
    -- duplicate a mailbox; this covers ASCII addresses, the store always writes the full key.
    CREATE TRIGGER subscribers_key_default AFTER INSERT ON subscribers WHEN NEW.email_key IS NULL
    BEGIN
      UPDATE subscribers SET email_key = lower(trim(NEW.email)) WHERE id = NEW.id;
    END;
  `);
}
