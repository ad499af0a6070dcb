// The newsletter's long-lived parts for one server process: the database connection, the
// limiters, the outbox sender and the issue scheduler. scripts/server.ts opens it at start (so
// mail left in the outbox by a crash goes out straight away) and closes it on shutdown; the
// on-demand routes, bundled separately by Astro, find the same instance through a global symbol.

import type { DatabaseSync } from 'node:sqlite';
import type { AppConfig } from '../../config.ts';
import { loadConfig } from '../../config.ts';
import { confirmationEmail, unsubscribeUrl } from './confirmation-email.ts';
import { openDatabase } from './database.ts';
import { consoleLog, type Log } from './log.ts';
import { createIssueScheduler, type IssueScheduler } from './issue-scheduler.ts';
import { openIssueSending } from './issue-sending.ts';
import { createMailTransport } from './mail-transport.ts';
import { createOutboxSender, type OutboxSender } from './outbox-sender.ts';
import { createOutboxStore } from './outbox-store.ts';
import { createRateLimiter } from '../../domain/newsletter/rate-limiter.ts';
import { resolveNewsletterSecret } from './secret.ts';
import { handleSignup, type SignupAnswer, type SignupInput } from './signup.ts';
import { createSubscribersStore, type SubscribersStore } from './subscribers-store.ts';
import { openToken, verifyPreferencesSignature, verifySubscriberSignature } from './tokens.ts';

export interface NewsletterRuntime {
  config: AppConfig;
  store: SubscribersStore;
  sender: OutboxSender;
  /** Sends each issue at its time; started with the outbox sender unless NEWSLETTER_SCHEDULER=off. */
  scheduler: IssueScheduler;
  signup(input: SignupInput): Promise<SignupAnswer>;
  unsubscribeUrl(subscriberId: string): string;
  verifyUnsubscribe(subscriberId: string, signature: string): boolean;
  /** The preferences link's signature: a different purpose, so an unsubscribe signature does not pass. */
  verifyPreferences(subscriberId: string, signature: string): boolean;
  close(): Promise<void>;
}

const RUNTIME = Symbol.for('follow-through.newsletter.runtime');
type RuntimeHolder = { [RUNTIME]?: NewsletterRuntime };

export function openNewsletterRuntime(config: AppConfig, log: Log = consoleLog()): NewsletterRuntime {
  const secret = resolveNewsletterSecret(config.dataDir, config.newsletterSecret);
  const db: DatabaseSync = openDatabase(config.dataDir);
  const store = createSubscribersStore(db, secret);
  const outbox = createOutboxStore(db);
  const transport = createMailTransport({
    smtpUrl: config.smtpUrl,
    dataDir: config.dataDir,
    mailFrom: config.mailFrom,
    log,
  });
  const sender = createOutboxSender({
    outbox,
    transport,
    compose(item) {
      const token = item.sealedToken ? openToken(secret, item.sealedToken) : null;
      if (!token) return null;
      return confirmationEmail({
        siteUrl: config.siteUrl,
        secret,
        messageKey: item.messageKey,
        subscriberId: item.subscriberId,
        to: item.email,
        token,
      });
    },
    retryBaseMs: config.outboxRetryBaseMs,
    retryMaxMs: config.outboxRetryMaxMs,
    log,
  });
  const ipLimiter = createRateLimiter({ limit: config.rateLimitIpPerMinute, windowMs: 60_000 });
  const emailLimiter = createRateLimiter({ limit: config.rateLimitEmailPerHour, windowMs: 60 * 60_000 });
  const deps = { store, ipLimiter, emailLimiter, afterQueued: () => sender.wake(), log, now: Date.now };
  const issues = openIssueSending(config, db, secret, transport, log);
  const scheduler = createIssueScheduler({
    distDir: config.distDir,
    sender: issues.sender,
    deliveries: issues.deliveries,
    schedule: { sendTime: config.newsletterSendTime, timeZone: config.newsletterTimeZone },
    sendWindowHours: config.newsletterSendWindowHours,
    log,
  });

  return {
    config,
    store,
    sender,
    scheduler,
    signup: (input) => handleSignup(deps, input),
    unsubscribeUrl: (subscriberId) => unsubscribeUrl(config.siteUrl, secret, subscriberId),
    verifyUnsubscribe: (subscriberId, signature) => verifySubscriberSignature(secret, subscriberId, signature),
    verifyPreferences: (subscriberId, signature) => verifyPreferencesSignature(secret, subscriberId, signature),
    async close() {
      // Issues first: the outbox sender closes the transport they share.
      await scheduler.stop();
      await sender.stop();
      db.close();
    },
  };
}

/** The process's runtime, opened (and its sender started) on first use. */
export function newsletterRuntime(config?: AppConfig): NewsletterRuntime {
  const holder = globalThis as RuntimeHolder;
  if (!holder[RUNTIME]) {
    const runtime = openNewsletterRuntime(config ?? loadConfig());
    runtime.sender.start();
    if (runtime.config.newsletterScheduler) runtime.scheduler.start();
    holder[RUNTIME] = runtime;
  }
  return holder[RUNTIME];
}

/** Stops the sender, closes the database and forgets the instance (graceful shutdown). */
export async function closeNewsletterRuntime(): Promise<void> {
  const holder = globalThis as RuntimeHolder;
  const runtime = holder[RUNTIME];
  delete holder[RUNTIME];
  await runtime?.close();
}
