// Drains the outbox in the background: sends what is due, marks it sent once the mail server has
// accepted it, and otherwise schedules a retry with backoff. Only one drain runs at a time, so a
// row is never being sent twice by this process.

import type { OutgoingMessage } from './confirmation-email.ts';
import { maskEmail } from '../../domain/newsletter/email-address.ts';
import type { Log } from './log.ts';
import { isPermanentFailure, type MailTransport } from './mail-transport.ts';
import type { OutboxItem, OutboxStore } from './outbox-store.ts';
import { withDeadline } from './send-deadline.ts';
import { retryDelayMs } from '../../domain/newsletter/retry-delay.ts';
import { CONFIRM_TOKEN_LIFETIME_MS } from './tokens.ts';

/** Even with nothing due, look again this often: another process may have queued mail. */
const IDLE_POLL_MS = 5_000;
/** Messages in flight at once, which is also the number of SMTP connections open at once. */
const BATCH_SIZE = 5;

export interface OutboxSenderOptions {
  outbox: OutboxStore;
  transport: MailTransport;
  /** Builds the message for a row; null when its sealed token cannot be opened. */
  compose(item: OutboxItem): OutgoingMessage | null;
  retryBaseMs: number;
  retryMaxMs: number;
  log: Log;
  now?: () => number;
}

export function createOutboxSender(options: OutboxSenderOptions) {
  const { outbox, transport, compose, log } = options;
  const now = options.now ?? Date.now;
  let running: Promise<void> | null = null;
  let wakeRequested = false;
  let started = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function deliver(item: OutboxItem): Promise<void> {
    const who = maskEmail(item.email);
    if (now() >= item.createdAt + CONFIRM_TOKEN_LIFETIME_MS) {
      outbox.giveUp(item.id, 'expired', 'the confirmation link expired before the email could be sent', false);
      log.warn(`outbox #${item.id} for ${who} expired unsent`);
      return;
    }
    const message = compose(item);
    if (!message) {
      outbox.giveUp(item.id, 'failed', 'the token was sealed with a different NEWSLETTER_SECRET', false);
      log.error(`outbox #${item.id} for ${who} cannot be sent: its token was sealed with another secret`);
      return;
    }
    try {
      await withDeadline(transport.send(message));
      outbox.markSent(item.id, now());
      log.info(`outbox #${item.id}: confirmation for ${who} accepted by ${transport.description}`);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (isPermanentFailure(error)) {
        outbox.giveUp(item.id, 'failed', reason, true);
        log.error(`outbox #${item.id} for ${who} refused permanently: ${reason}`);
        return;
      }
      const delay = retryDelayMs(item.attempts + 1, options.retryBaseMs, options.retryMaxMs);
      outbox.scheduleRetry(item.id, now() + delay, reason);
      log.warn(
        `outbox #${item.id} for ${who} not sent (${reason}); attempt ${item.attempts + 2} in ${Math.round(delay / 1000)} s`,
      );
    }
  }

  /** Sends everything due now, batch after batch; returns how many rows it handled. */
  async function drainDue(): Promise<number> {
    let handled = 0;
    for (;;) {
      const items = outbox.due(now(), BATCH_SIZE);
      if (items.length === 0) return handled;
      await Promise.all(items.map(deliver));
      handled += items.length;
      if (!started) return handled;
    }
  }

  function scheduleNext(): void {
    if (!started) return;
    const next = outbox.nextDueAt();
    const delay = next === null ? IDLE_POLL_MS : Math.min(Math.max(next - now(), 0), IDLE_POLL_MS);
    clearTimeout(timer);
    timer = setTimeout(kick, delay);
  }

  function kick(): void {
    if (!started) return;
    if (running) {
      wakeRequested = true;
      return;
    }
    running = drainDue()
      .then(
        () => undefined,
        (error: unknown) => log.error(`outbox drain failed: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => {
        running = null;
        if (wakeRequested) {
          wakeRequested = false;
          kick();
        } else {
          scheduleNext();
        }
      });
  }

  return {
    drainDue,
    start(): void {
      if (started) return;
      started = true;
      log.info(`outbox sender started; delivering to ${transport.description}`);
      kick();
    },
    /** Called after a signup commits, so its email goes out without waiting for the next poll. */
    wake(): void {
      if (started) setImmediate(kick);
    },
    /** Stops scheduling and waits for the batch in flight, so no send is cut off half-way. */
    async stop(): Promise<void> {
      started = false;
      clearTimeout(timer);
      await running;
      transport.close();
    },
  };
}

export type OutboxSender = ReturnType<typeof createOutboxSender>;
