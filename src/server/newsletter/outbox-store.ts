// The outbox: emails a transaction decided to send, waiting for the sender to deliver them.
// A row stays 'pending' until the mail server has accepted the message, so a crash or an outage
// only delays it.

import { randomBytes } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';

export type OutboxStatus = 'pending' | 'sent' | 'failed' | 'cancelled' | 'expired';

export interface OutboxItem {
  id: number;
  subscriberId: string;
  email: string;
  sealedToken: string | null;
  /** The left part of the email's Message-ID, random and unique, the same on every attempt. */
  messageKey: string;
  attempts: number;
  createdAt: number;
}

/**
 * A new Message-ID left part: 128 random bits, so ids never repeat, not even after rows are deleted
 * (providers drop a message whose Message-ID they have already seen).
 */
export function newMessageKey(kind: string): string {
  return `${kind}-${randomBytes(16).toString('base64url')}`;
}

export type OutboxCounts = Record<OutboxStatus, number>;

// Error texts come from mail servers; keep enough to diagnose, not pages of transcript.
const MAX_ERROR_LENGTH = 500;

export function createOutboxStore(db: DatabaseSync) {
  const due = db.prepare(
    `SELECT o.id, o.subscriber_id AS subscriberId, s.email, o.sealed_token AS sealedToken,
            o.message_key AS messageKey, o.attempts, o.created_at AS createdAt
       FROM outbox o JOIN subscribers s ON s.id = o.subscriber_id
      WHERE o.status = 'pending' AND o.next_attempt_at <= ?
      ORDER BY o.next_attempt_at, o.id
      LIMIT ?`,
  );
  const markSent = db.prepare(
    `UPDATE outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1, sealed_token = NULL, last_error = NULL
      WHERE id = ? AND status = 'pending'`,
  );
  const scheduleRetry = db.prepare(
    `UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?
      WHERE id = ? AND status = 'pending'`,
  );
  const giveUp = db.prepare(
    `UPDATE outbox SET status = ?, attempts = attempts + ?, sealed_token = NULL, last_error = ?
      WHERE id = ? AND status = 'pending'`,
  );
  const nextDue = db.prepare(`SELECT MIN(next_attempt_at) AS at FROM outbox WHERE status = 'pending'`);
  const counts = db.prepare('SELECT status, COUNT(*) AS n FROM outbox GROUP BY status');

  return {
    /** Pending rows whose time has come, oldest first. */
    due(now: number, limit: number): OutboxItem[] {
      return due.all(now, limit) as unknown as OutboxItem[];
    },
    /** Only after the mail server accepted the message; the token is dropped with it. */
    markSent(id: number, now: number): void {
      markSent.run(now, id);
    },
    scheduleRetry(id: number, at: number, error: string): void {
      scheduleRetry.run(at, error.slice(0, MAX_ERROR_LENGTH), id);
    },
    /** Stops trying: 'failed' for a permanent refusal, 'expired' once the link inside would not work. */
    giveUp(id: number, status: 'failed' | 'expired', error: string, attempted: boolean): void {
      giveUp.run(status, attempted ? 1 : 0, error.slice(0, MAX_ERROR_LENGTH), id);
    },
    nextDueAt(): number | null {
      return (nextDue.get() as { at: number | null }).at;
    },
    counts(): OutboxCounts {
      const result: OutboxCounts = { pending: 0, sent: 0, failed: 0, cancelled: 0, expired: 0 };
      for (const row of counts.all() as { status: OutboxStatus; n: number }[]) result[row.status] = row.n;
      return result;
    },
  };
}

export type OutboxStore = ReturnType<typeof createOutboxStore>;
