// Everything the newsletter stores about a reader, and the state changes the routes ask for.
// Each change that touches more than one row happens in one transaction.

import type { DatabaseSync } from 'node:sqlite';
import { CONSENT_TEXT_VERSION } from '../../domain/newsletter/consent.ts';
import { emailKey } from '../../domain/newsletter/email-address.ts';
import { MARKETS, type MarketSlug } from '../../domain/newsletter/markets.ts';
import {
  functionsColumn,
  NO_PREFERENCE,
  preferencesFromColumns,
  type Preferences,
} from '../../domain/newsletter/preferences.ts';
import {
  CONFIRM_TOKEN_LIFETIME_MS,
  hashToken,
  isTokenShaped,
  newConfirmToken,
  newSubscriberId,
  sealToken,
} from './tokens.ts';
import { newMessageKey } from './outbox-store.ts';
import { inTransaction } from './transaction.ts';

/** A reader who asks again soon gets the answer they got before, not another email. */
export const CONFIRMATION_RESEND_INTERVAL_MS = 60 * 60 * 1000;

/** 'bounced': the mail server refused their address for good (SMTP 5xx); no more mail goes there. */
export type SubscriberStatus = 'pending' | 'confirmed' | 'unsubscribed' | 'bounced';

/** What a signup did; for logs and tests only, never shown to the reader (no enumeration). */
export type SubscribeOutcome = 'queued' | 'throttled' | 'already-confirmed';

export type TokenState = 'valid' | 'used' | 'expired' | 'unknown';

export type ConfirmResult = { state: 'confirmed'; subscriberId: string } | { state: Exclude<TokenState, 'valid'> };

export interface SubscriberRecord {
  id: string;
  email: string;
  status: SubscriberStatus;
  consent_text_version: string;
  consent_at: number;
  created_at: number;
  confirmed_at: number | null;
  unsubscribed_at: number | null;
  /** NULL: no preference. */
  market: MarketSlug | null;
  /** Comma-separated function slugs; '' for none. */
  job_functions: string;
}

/** Subscribers per market ('none' for no preference), by status. */
export type MarketStats = Record<MarketSlug | 'none', Record<SubscriberStatus, number>>;

export type SubscriberStats = Record<SubscriberStatus, number> & { total: number };

interface ExistingSubscriber {
  id: string;
  status: SubscriberStatus;
  confirmation_queued_at: number | null;
}

interface TokenRow {
  subscriber_id: string;
  expires_at: number;
  used_at: number | null;
}

export function createSubscribersStore(db: DatabaseSync, secret: string) {
  const findByKey = db.prepare('SELECT id, status, confirmation_queued_at FROM subscribers WHERE email_key = ?');
  const insertSubscriber = db.prepare(
    `INSERT INTO subscribers (id, email, email_key, status, consent_text_version, consent_at, created_at, market,
       job_functions)
     VALUES (?, ?, ?, 'pending', ?, ?, ?, ?, ?)`,
  );
  const renewConsent = db.prepare(
    `UPDATE subscribers SET status = 'pending', consent_text_version = ?, consent_at = ?, unsubscribed_at = NULL,
            market = ?, job_functions = ?
     WHERE id = ?`,
  );
  const findPreferences = db.prepare(
    `SELECT market, job_functions FROM subscribers WHERE id = ? AND status IN ('pending', 'confirmed')`,
  );
  const updatePreferences = db.prepare(
    `UPDATE subscribers SET market = ?, job_functions = ? WHERE id = ? AND status IN ('pending', 'confirmed')`,
  );
  const countByMarket = db.prepare('SELECT market, status, COUNT(*) AS n FROM subscribers GROUP BY market, status');
  const noteConfirmationQueued = db.prepare('UPDATE subscribers SET confirmation_queued_at = ? WHERE id = ?');
  const insertToken = db.prepare(
    'INSERT INTO confirm_tokens (token_hash, subscriber_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
  );
  const insertOutbox = db.prepare(
    `INSERT INTO outbox (subscriber_id, kind, sealed_token, status, next_attempt_at, created_at, message_key)
     VALUES (?, 'confirmation', ?, 'pending', ?, ?, ?)`,
  );
  const findToken = db.prepare('SELECT subscriber_id, expires_at, used_at FROM confirm_tokens WHERE token_hash = ?');
  const useTokensOf = db.prepare('UPDATE confirm_tokens SET used_at = ? WHERE subscriber_id = ? AND used_at IS NULL');
  const markConfirmed = db.prepare(
    `UPDATE subscribers SET status = 'confirmed', confirmed_at = ?, unsubscribed_at = NULL WHERE id = ?`,
  );
  const markUnsubscribed = db.prepare(
    `UPDATE subscribers SET status = 'unsubscribed', unsubscribed_at = ? WHERE id = ? AND status != 'unsubscribed'`,
  );
  const cancelOutboxOf = db.prepare(
    `UPDATE outbox SET status = 'cancelled', sealed_token = NULL WHERE subscriber_id = ? AND status = 'pending'`,
  );
  const countByStatus = db.prepare('SELECT status, COUNT(*) AS n FROM subscribers GROUP BY status');
  const listAll = db.prepare('SELECT * FROM subscribers ORDER BY created_at, email');
  const listByStatus = db.prepare('SELECT * FROM subscribers WHERE status = ? ORDER BY created_at, email');
  const deleteByKey = db.prepare('DELETE FROM subscribers WHERE email_key = ?');

  function queueConfirmation(subscriberId: string, now: number): void {
    const token = newConfirmToken();
    insertToken.run(hashToken(token), subscriberId, now, now + CONFIRM_TOKEN_LIFETIME_MS);
    insertOutbox.run(subscriberId, sealToken(secret, token), now, now, newMessageKey('confirm'));
    noteConfirmationQueued.run(now, subscriberId);
  }

  function tokenState(row: TokenRow | undefined, now: number): TokenState {
    if (!row) return 'unknown';
    if (row.used_at !== null) return 'used';
    return row.expires_at <= now ? 'expired' : 'valid';
  }

  function lookUpToken(token: string): TokenRow | undefined {
    return isTokenShaped(token) ? (findToken.get(hashToken(token)) as TokenRow | undefined) : undefined;
  }

  return {
    /**
     * Records a signup with its consent and preferences and queues the confirmation email, all or nothing.
     * The subscriber is found by the mailbox's key; a new one keeps the address as typed, for display.
     */
    subscribe(email: string, now: number, preferences: Preferences = NO_PREFERENCE): SubscribeOutcome {
      const market = preferences.market;
      const functions = functionsColumn(preferences.functions);
      return inTransaction(db, () => {
        const existing = findByKey.get(emailKey(email)) as ExistingSubscriber | undefined;
        if (!existing) {
          const id = newSubscriberId();
          insertSubscriber.run(id, email, emailKey(email), CONSENT_TEXT_VERSION, now, now, market, functions);
          queueConfirmation(id, now);
          return 'queued';
        }
        // A signup form must not change a confirmed reader's preferences: anyone can type their address.
        if (existing.status === 'confirmed') return 'already-confirmed';
        renewConsent.run(CONSENT_TEXT_VERSION, now, market, functions, existing.id);
        const lastQueued = existing.confirmation_queued_at;
        if (lastQueued !== null && now - lastQueued < CONFIRMATION_RESEND_INTERVAL_MS) return 'throttled';
        queueConfirmation(existing.id, now);
        return 'queued';
      });
    },

    /** What the confirm page should say about a token, without using it up. */
    tokenState(token: string, now: number): TokenState {
      return tokenState(lookUpToken(token), now);
    },

    /** Confirms the subscription a token belongs to; the token and its siblings stop working. */
    confirm(token: string, now: number): ConfirmResult {
      return inTransaction(db, () => {
        const row = lookUpToken(token);
        if (!row) return { state: 'unknown' };
        const state = tokenState(row, now);
        if (state !== 'valid') return { state };
        useTokensOf.run(now, row.subscriber_id);
        markConfirmed.run(now, row.subscriber_id);
        return { state: 'confirmed', subscriberId: row.subscriber_id };
      });
    },

    /** Unsubscribes at once and drops any email still waiting for them. Idempotent. */
    unsubscribe(subscriberId: string, now: number): void {
      inTransaction(db, () => {
        markUnsubscribed.run(now, subscriberId);
        cancelOutboxOf.run(subscriberId);
      });
    },

    /** A current reader's preferences; undefined for an unknown, unsubscribed or bounced id. */
    preferences(subscriberId: string): Preferences | undefined {
      const row = findPreferences.get(subscriberId) as { market: string | null; job_functions: string } | undefined;
      return row && preferencesFromColumns(row.market, row.job_functions);
    },

    /** Changes a current reader's market and job alerts; false when the id is not a current reader. */
    setPreferences(subscriberId: string, preferences: Preferences): boolean {
      const changes = updatePreferences.run(preferences.market, functionsColumn(preferences.functions), subscriberId);
      return Number(changes.changes) === 1;
    },

    byMarket(): MarketStats {
      const empty = () => ({ pending: 0, confirmed: 0, unsubscribed: 0, bounced: 0 });
      const stats = Object.fromEntries(
        [...MARKETS.map((m) => m.slug), 'none'].map((key) => [key, empty()]),
      ) as MarketStats;
      for (const row of countByMarket.all() as { market: MarketSlug | null; status: SubscriberStatus; n: number }[]) {
        stats[row.market ?? 'none'][row.status] = Number(row.n);
      }
      return stats;
    },

    stats(): SubscriberStats {
      const stats: SubscriberStats = { pending: 0, confirmed: 0, unsubscribed: 0, bounced: 0, total: 0 };
      for (const row of countByStatus.all() as { status: SubscriberStatus; n: number }[]) {
        stats[row.status] = row.n;
        stats.total += row.n;
      }
      return stats;
    },

    list(status?: SubscriberStatus): SubscriberRecord[] {
      return (status ? listByStatus.all(status) : listAll.all()) as unknown as SubscriberRecord[];
    },

    /** Removes the subscriber (any spelling of their address) and, through ON DELETE CASCADE, their tokens and outbox rows. */
    deleteByEmail(email: string): number {
      return Number(deleteByKey.run(emailKey(email)).changes);
    },
  };
}

export type SubscribersStore = ReturnType<typeof createSubscribersStore>;
