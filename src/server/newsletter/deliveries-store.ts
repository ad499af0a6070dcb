// The state of each issue's send: who is sending it (a lease), and one delivery row per frozen
// recipient. Every change is one short statement or transaction, so signups on the same database
// never wait on a send for long.

import type { DatabaseSync } from 'node:sqlite';
import { issueMessageId } from '../../domain/newsletter/issue-email.ts';
import { MARKETS, type MarketSlug } from '../../domain/newsletter/markets.ts';
import { preferencesFromColumns, type Preferences } from '../../domain/newsletter/preferences.ts';
import { inTransaction } from './transaction.ts';

export type IssueSendState = 'sending' | 'paused' | 'sent';
export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'bounced' | 'skipped';

export interface IssueSendSummary {
  issueDate: string;
  state: IssueSendState;
  recipients: number;
  counts: Record<DeliveryStatus, number>;
  /** Deliveries found in flight by a resume: each may have reached its reader twice (same Message-ID). */
  possibleDuplicates: number;
  startedAt: number;
  finishedAt: number | null;
  pauseReason: string | null;
  leaseOwner: string | null;
}

export type ClaimResult =
  | { kind: 'started'; recipients: number }
  | { kind: 'resumed'; remaining: number; reclaimedInFlight: number; wasPaused: boolean }
  | { kind: 'busy'; owner: string }
  | { kind: 'already-sent' };

export interface DueDelivery {
  id: number;
  subscriberId: string;
  email: string;
  messageId: string;
  attempts: number;
  /** The reader's preferences as they are now, not as they were when the recipients were frozen. */
  preferences: Preferences;
}

/** When each market's readers are due (see marketSendTimes), and before which a never-tried delivery is too late. */
export interface ClaimTimes {
  byMarket: Record<MarketSlug | 'none', number>;
  /** null when forced: nothing is too late. */
  lateBefore: number | null;
}

// The order in which the CASE of freezeRecipients binds the markets' due times.
const MARKET_ORDER = MARKETS.map((m) => m.slug);

interface SendRow {
  state: IssueSendState;
  lease_owner: string | null;
  lease_until: number | null;
  recipients: number;
  started_at: number;
  finished_at: number | null;
  pause_reason: string | null;
}

// Error texts come from mail servers; keep enough to diagnose, not pages of transcript.
const MAX_ERROR_LENGTH = 500;
const STATUSES: readonly DeliveryStatus[] = ['pending', 'sending', 'sent', 'failed', 'bounced', 'skipped'];

export interface DeliveriesStoreOptions {
  /** The host part of Message-IDs (the site's host name). */
  messageIdHost: string;
  /** Whether the process named in a lease is gone, so its lease can be taken before it expires. */
  isOwnerGone(owner: string): boolean;
}

export function createDeliveriesStore(db: DatabaseSync, options: DeliveriesStoreOptions) {
  // The Message-ID format lives in one place (domain/newsletter); SQL calls it while freezing.
  db.function('issue_message_id', { deterministic: true }, (date, id) =>
    issueMessageId(String(date), String(id), options.messageIdHost),
  );
  const findSend = db.prepare(
    `SELECT state, lease_owner, lease_until, recipients, started_at, finished_at, pause_reason
       FROM issue_sends WHERE issue_date = ?`,
  );
  const insertSend = db.prepare(
    `INSERT INTO issue_sends (issue_date, state, lease_owner, lease_until, started_at, forced)
     VALUES (?, 'sending', ?, ?, ?, ?)`,
  );
  // Each reader's delivery waits for their market's time (next_attempt_at), which due_at keeps for the late cut-off.
  const marketCase = `CASE market ${MARKET_ORDER.map(() => 'WHEN ? THEN ?').join(' ')} ELSE ? END`;
  const freezeRecipients = db.prepare(
    `INSERT INTO deliveries (issue_date, subscriber_id, status, next_attempt_at, due_at, message_id)
     SELECT ?, id, 'pending', due, due, issue_message_id(?, id)
       FROM (SELECT id, ${marketCase} AS due FROM subscribers WHERE status = 'confirmed')`,
  );
  const skipLate = db.prepare(
    `UPDATE deliveries SET status = 'skipped', last_error = 'late: past the send window of the reader''s market'
      WHERE issue_date = ? AND status = 'pending' AND attempts = 0 AND due_at IS NOT NULL AND due_at < ?`,
  );
  const readerMarkets = db.prepare(`SELECT DISTINCT market FROM subscribers WHERE status = 'confirmed'`);
  const countDueNow = db.prepare(
    `SELECT COUNT(*) AS n FROM deliveries
      WHERE issue_date = ? AND (status = 'sending' OR (status = 'pending' AND (attempts > 0 OR due_at IS NULL OR due_at <= ?)))`,
  );
  const setRecipients = db.prepare('UPDATE issue_sends SET recipients = ? WHERE issue_date = ?');
  const takeOver = db.prepare(
    `UPDATE issue_sends SET state = 'sending', lease_owner = ?, lease_until = ?, pause_reason = NULL WHERE issue_date = ?`,
  );
  const reclaimInFlight = db.prepare(
    `UPDATE deliveries SET status = 'pending', possible_duplicate = 1, next_attempt_at = ?
      WHERE issue_date = ? AND status = 'sending'`,
  );
  const retryNow = db.prepare(
    `UPDATE deliveries SET next_attempt_at = ? WHERE issue_date = ? AND status = 'pending' AND next_attempt_at > ?`,
  );
  const countRemaining = db.prepare(
    `SELECT COUNT(*) AS n FROM deliveries WHERE issue_date = ? AND status IN ('pending', 'sending')`,
  );
  const renewLease = db.prepare(
    `UPDATE issue_sends SET lease_until = ? WHERE issue_date = ? AND lease_owner = ? AND state = 'sending'`,
  );
  const releaseLease = db.prepare(
    'UPDATE issue_sends SET lease_owner = NULL, lease_until = NULL WHERE issue_date = ? AND lease_owner = ?',
  );
  const due = db.prepare(
    `SELECT d.id, d.subscriber_id AS subscriberId, s.email, d.message_id AS messageId, d.attempts,
            s.market, s.job_functions AS jobFunctions
       FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id
      WHERE d.issue_date = ? AND d.status = 'pending' AND d.next_attempt_at <= ?
      ORDER BY d.id
      LIMIT ?`,
  );
  const nextPendingAt = db.prepare(
    `SELECT MIN(next_attempt_at) AS at FROM deliveries WHERE issue_date = ? AND status = 'pending'`,
  );
  // The subscriber's status is read at the moment of sending, so an unsubscribe mid-send is honoured.
  const startAttempt = db.prepare(
    `UPDATE deliveries SET status = 'sending'
      WHERE id = ? AND status = 'pending'
        AND EXISTS (SELECT 1 FROM subscribers s WHERE s.id = deliveries.subscriber_id AND s.status = 'confirmed')`,
  );
  const skip = db.prepare(`UPDATE deliveries SET status = 'skipped' WHERE id = ? AND status = 'pending'`);
  const markSent = db.prepare(
    `UPDATE deliveries SET status = 'sent', sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?`,
  );
  const markDeliveryBounced = db.prepare(
    `UPDATE deliveries SET status = 'bounced', attempts = attempts + 1, last_error = ? WHERE id = ?`,
  );
  const markSubscriberBounced = db.prepare(
    `UPDATE subscribers SET status = 'bounced', bounced_at = ? WHERE id = ? AND status = 'confirmed'`,
  );
  const scheduleRetry = db.prepare(
    `UPDATE deliveries SET status = 'pending', attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?`,
  );
  const giveUp = db.prepare(
    `UPDATE deliveries SET status = 'failed', attempts = attempts + 1, last_error = ? WHERE id = ?`,
  );
  const pause = db.prepare(
    `UPDATE issue_sends SET state = 'paused', pause_reason = ?, lease_owner = NULL, lease_until = NULL
      WHERE issue_date = ? AND state = 'sending'`,
  );
  const finish = db.prepare(
    `UPDATE issue_sends SET state = 'sent', finished_at = ?, lease_owner = NULL, lease_until = NULL
      WHERE issue_date = ? AND state = 'sending'
        AND NOT EXISTS (SELECT 1 FROM deliveries WHERE issue_date = ? AND status IN ('pending', 'sending'))`,
  );
  const countByStatus = db.prepare(
    'SELECT status, COUNT(*) AS n, SUM(possible_duplicate) AS duplicates FROM deliveries WHERE issue_date = ? GROUP BY status',
  );

  function remaining(issueDate: string): number {
    return Number((countRemaining.get(issueDate) as { n: number }).n);
  }

  return {
    /**
     * Takes the issue for this sender, in one transaction: starts it (freezing the recipients), or
     * resumes it when it was paused or its sender is gone, or says why not.
     */
    claim(
      issueDate: string,
      owner: string,
      now: number,
      leaseMs: number,
      forced: boolean,
      times?: ClaimTimes,
    ): ClaimResult {
      // Forced or without times: every market now. The late cut-off applies when a send starts: a
      // market whose window passed before the issue began is skipped; a resume (after a crash or a
      // pause) sends what is left, as it always did.
      const dueOf = (key: MarketSlug | 'none') => (forced || !times ? now : times.byMarket[key]);
      const lateBefore = forced ? null : (times?.lateBefore ?? null);
      return inTransaction(db, () => {
        const send = findSend.get(issueDate) as SendRow | undefined;
        if (!send) {
          insertSend.run(issueDate, owner, now + leaseMs, now, forced ? 1 : 0);
          const marketTimes = MARKET_ORDER.flatMap((market) => [market, dueOf(market)]);
          const recipients = Number(freezeRecipients.run(issueDate, issueDate, ...marketTimes, dueOf('none')).changes);
          setRecipients.run(recipients, issueDate);
          if (lateBefore !== null) skipLate.run(issueDate, lateBefore);
          return { kind: 'started', recipients };
        }
        if (send.state === 'sent') return { kind: 'already-sent' };
        const held = send.state === 'sending' && send.lease_owner !== null;
        if (
          held &&
          send.lease_owner !== owner &&
          (send.lease_until ?? 0) > now &&
          !options.isOwnerGone(send.lease_owner!)
        ) {
          return { kind: 'busy', owner: send.lease_owner! };
        }
        takeOver.run(owner, now + leaseMs, issueDate);
        const reclaimedInFlight = Number(reclaimInFlight.run(now, issueDate).changes);
        // The operator resumes a paused send after fixing its cause: retry at once, not after the backoff.
        if (send.state === 'paused') retryNow.run(now, issueDate, now);
        return {
          kind: 'resumed',
          remaining: remaining(issueDate),
          reclaimedInFlight,
          wasPaused: send.state === 'paused',
        };
      });
    },

    /** False when the lease was lost (another sender took over): stop sending. */
    renewLease(issueDate: string, owner: string, until: number): boolean {
      return Number(renewLease.run(until, issueDate, owner).changes) === 1;
    },

    /** After a clean stop: the next sender may resume at once instead of waiting for the lease to run out. */
    releaseLease(issueDate: string, owner: string): void {
      releaseLease.run(issueDate, owner);
    },

    /** The next pending deliveries whose time has come, in recipient order. */
    due(issueDate: string, now: number, limit: number): DueDelivery[] {
      type Row = Omit<DueDelivery, 'preferences'> & { market: string | null; jobFunctions: string };
      return (due.all(issueDate, now, limit) as unknown as Row[]).map(({ market, jobFunctions, ...row }) => ({
        ...row,
        preferences: preferencesFromColumns(market, jobFunctions),
      }));
    },

    /** The markets confirmed readers are in now ('none' for no preference); at least 'none'. */
    readerMarkets(): (MarketSlug | 'none')[] {
      const rows = readerMarkets.all() as { market: MarketSlug | null }[];
      return rows.length === 0 ? ['none'] : rows.map((row) => row.market ?? 'none');
    },

    /** Deliveries that are due or being retried now, as opposed to waiting for a later market's time. */
    dueNow(issueDate: string, now: number): number {
      return Number((countDueNow.get(issueDate, now) as { n: number }).n);
    },

    nextPendingAt(issueDate: string): number | null {
      return (nextPendingAt.get(issueDate) as { at: number | null }).at;
    },

    /** Marks the delivery in flight; false (and the row skipped) when the reader is no longer subscribed. */
    startAttempt(id: number): boolean {
      if (Number(startAttempt.run(id).changes) === 1) return true;
      skip.run(id);
      return false;
    },

    /** Only after the mail server accepted the message. */
    markSent(id: number, now: number): void {
      markSent.run(now, id);
    },

    /** A permanent refusal: this delivery stops, and the address gets no more mail from any issue. */
    markBounced(id: number, subscriberId: string, error: string, now: number): void {
      inTransaction(db, () => {
        markDeliveryBounced.run(error.slice(0, MAX_ERROR_LENGTH), id);
        markSubscriberBounced.run(now, subscriberId);
      });
    },

    scheduleRetry(id: number, at: number, error: string): void {
      scheduleRetry.run(at, error.slice(0, MAX_ERROR_LENGTH), id);
    },

    giveUp(id: number, error: string): void {
      giveUp.run(error.slice(0, MAX_ERROR_LENGTH), id);
    },

    pause(issueDate: string, reason: string): void {
      pause.run(reason, issueDate);
    },

    /** Marks the issue sent when no delivery is left to try; false while some are. */
    finish(issueDate: string, now: number): boolean {
      return Number(finish.run(now, issueDate, issueDate).changes) === 1;
    },

    remaining,

    summary(issueDate: string): IssueSendSummary | null {
      const send = findSend.get(issueDate) as SendRow | undefined;
      if (!send) return null;
      const counts = Object.fromEntries(STATUSES.map((status) => [status, 0])) as Record<DeliveryStatus, number>;
      let possibleDuplicates = 0;
      for (const row of countByStatus.all(issueDate) as { status: DeliveryStatus; n: number; duplicates: number }[]) {
        counts[row.status] = Number(row.n);
        possibleDuplicates += Number(row.duplicates);
      }
      return {
        issueDate,
        state: send.state,
        recipients: send.recipients,
        counts,
        possibleDuplicates,
        startedAt: send.started_at,
        finishedAt: send.finished_at,
        pauseReason: send.pause_reason,
        leaseOwner: send.lease_owner,
      };
    },
  };
}

export type DeliveriesStore = ReturnType<typeof createDeliveriesStore>;
