// Sends one issue to its frozen recipients: claims it (or resumes it), then streams the deliveries
// in batches through a few concurrent workers at a capped rate. A delivery is marked sent only after
// the mail server accepted it; a crash leaves at most the in-flight ones to be sent again.

import { maskEmail } from '../../domain/newsletter/email-address.ts';
import type { IssueEmail } from '../../domain/newsletter/issue-email.ts';
import { retryDelayMs } from '../../domain/newsletter/retry-delay.ts';
import { pauseReason } from '../../domain/newsletter/send-health.ts';
import {
  isPastSendWindow,
  marketSendTimes,
  sendSpan,
  type SendSchedule,
} from '../../domain/newsletter/send-schedule.ts';
import type { DeliveriesStore, DueDelivery, IssueSendSummary } from './deliveries-store.ts';
import type { IssueRecipient } from './issue-message.ts';
import type { Log } from './log.ts';
import { isPermanentFailure, type MailMessage, type MailTransport } from './mail-transport.ts';
import { withDeadline } from './send-deadline.ts';

/** Messages in flight at once: the most a crash can make go out twice. */
export const IN_FLIGHT = 10;
/** Deliveries read from the database at a time; the recipient list is never held whole. */
const BATCH_SIZE = 200;
/** Temporary failures are retried this many times in all before the delivery counts as failed. */
const MAX_ATTEMPTS = 10;
const LEASE_MS = 60_000;
/** Longest nap while only retries are left, so a stop or a lost lease is noticed soon. */
const MAX_IDLE_MS = 1_000;

export type SendOutcome =
  | { kind: 'too-late'; dueAt: number }
  | { kind: 'busy'; owner: string }
  | { kind: 'already-sent'; summary: IssueSendSummary }
  | {
      kind: 'finished' | 'paused' | 'stopped' | 'lost-lease' | 'waiting';
      resumed: boolean;
      summary: IssueSendSummary;
    };

export interface SendOptions {
  /** Past the late-send cut-off, and every market at once. */
  force?: boolean;
  /**
   * Return ('waiting') once only later markets are left, instead of staying until the last market's
   * time: the CLI's `send`, so an operator's command does not run for half a day. The server's
   * scheduler stays.
   */
  returnWhenWaiting?: boolean;
}

export interface IssueSenderOptions {
  deliveries: DeliveriesStore;
  transport: MailTransport;
  compose(issue: IssueEmail, recipient: IssueRecipient): MailMessage;
  schedule: SendSchedule;
  sendWindowHours: number;
  /** 0 lifts the cap. */
  ratePerSecond: number;
  retryBaseMs: number;
  retryMaxMs: number;
  /** This process as a lease holder (sender-identity.ts). */
  owner: string;
  log: Log;
  concurrency?: number;
  now?: () => number;
}

const sleep = (ms: number) =>
  new Promise<void>((resolve) => (ms > 0 ? setTimeout(resolve, ms) : setImmediate(resolve)));

export function createIssueSender(options: IssueSenderOptions) {
  const { deliveries, transport, log, owner } = options;
  const now = options.now ?? Date.now;
  const concurrency = options.concurrency ?? IN_FLIGHT;
  const running = new Map<string, { halt(reason: 'stopped'): void; done: Promise<unknown> }>();

  async function run(
    issue: IssueEmail,
    returnWhenWaiting: boolean,
  ): Promise<'finished' | 'paused' | 'stopped' | 'lost-lease' | 'waiting'> {
    const date = issue.date;
    let halt: 'paused' | 'stopped' | 'lost-lease' | 'waiting' | null = null;
    const watch = { recipients: deliveries.remaining(date), attempts: 0, failures: 0 };
    let queue: DueDelivery[] = [];
    let nextSlot = 0;
    const heartbeat = setInterval(() => {
      if (!deliveries.renewLease(date, owner, now() + LEASE_MS)) halt ??= 'lost-lease';
    }, LEASE_MS / 4);

    // Waits for this worker's turn under the rate cap; always yields, so signups on the same
    // event loop are served between messages.
    async function pace(): Promise<void> {
      if (options.ratePerSecond <= 0) return sleep(0);
      const at = performance.now();
      const slot = Math.max(at, nextSlot);
      nextSlot = slot + 1000 / options.ratePerSecond;
      return sleep(slot - at);
    }

    function take(): DueDelivery | undefined {
      if (queue.length === 0) queue = deliveries.due(date, now(), BATCH_SIZE);
      return queue.shift();
    }

    function counted(failed: boolean): void {
      watch.attempts += 1;
      if (!failed) return;
      watch.failures += 1;
      const reason = halt ? null : pauseReason(watch);
      if (reason) {
        halt = 'paused';
        deliveries.pause(date, reason);
        log.warn(`issue ${date}: sending paused: ${reason}`);
      }
    }

    /** Sends one delivery; true when the server accepted it. */
    async function attempt(item: DueDelivery): Promise<boolean> {
      const who = maskEmail(item.email);
      try {
        await withDeadline(transport.send(options.compose(issue, item)));
        deliveries.markSent(item.id, now());
        counted(false);
        return true;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        if (isPermanentFailure(error)) {
          deliveries.markBounced(item.id, item.subscriberId, reason, now());
          log.warn(`issue ${date} to ${who} refused permanently, address marked bounced: ${reason}`);
        } else if (item.attempts + 1 >= MAX_ATTEMPTS) {
          deliveries.giveUp(item.id, reason);
          log.error(`issue ${date} to ${who} failed ${MAX_ATTEMPTS} times, giving up: ${reason}`);
        } else {
          const delay = retryDelayMs(item.attempts + 1, options.retryBaseMs, options.retryMaxMs);
          deliveries.scheduleRetry(item.id, now() + delay, reason);
          log.warn(`issue ${date} to ${who} not sent (${reason}); retry in ${Math.round(delay / 1000)} s`);
        }
        counted(true);
        return false;
      }
    }

    async function worker(): Promise<void> {
      // A worker that keeps failing backs off too, so an outage is not hammered at the full rate.
      let failuresInRow = 0;
      while (!halt) {
        await pace();
        if (halt) return;
        const item = take();
        if (!item) {
          const next = deliveries.nextPendingAt(date);
          if (next === null) return;
          if (returnWhenWaiting && deliveries.dueNow(date, now()) === 0) {
            halt ??= 'waiting';
            return;
          }
          await sleep(Math.min(Math.max(next - now(), 1), MAX_IDLE_MS));
          continue;
        }
        // Marked in flight before the first await, so no other worker can take it.
        if (!deliveries.startAttempt(item.id)) continue;
        failuresInRow = (await attempt(item)) ? 0 : failuresInRow + 1;
        if (failuresInRow > 0) await sleep(retryDelayMs(failuresInRow, options.retryBaseMs, options.retryMaxMs));
      }
    }

    const done = Promise.all(Array.from({ length: concurrency }, worker));
    running.set(date, { halt: (reason) => (halt ??= reason), done });
    try {
      await done;
    } finally {
      clearInterval(heartbeat);
      running.delete(date);
    }
    if (halt === 'stopped' || halt === 'waiting') deliveries.releaseLease(date, owner);
    if (halt) return halt;
    deliveries.finish(date, now());
    return 'finished';
  }

  return {
    /** Starts or resumes the issue; resolves when it is finished, paused, stopped or someone else's. */
    async send(
      issue: IssueEmail,
      { force = false, returnWhenWaiting = false }: SendOptions = {},
    ): Promise<SendOutcome> {
      const date = issue.date;
      if (running.has(date)) return { kind: 'busy', owner };
      const times = marketSendTimes(issue, options.schedule);
      // Too late only when even the last market's window has passed; earlier markets past theirs are skipped at the claim.
      const dueAt = sendSpan(times, deliveries.readerMarkets()).last;
      const started = deliveries.summary(date) !== null;
      if (!started && !force && isPastSendWindow(now(), dueAt, options.sendWindowHours)) {
        log.warn(
          `issue ${date} was due at ${new Date(dueAt).toISOString()} and has not started within ` +
            `${options.sendWindowHours} h: not sending it late (send --force overrides)`,
        );
        return { kind: 'too-late', dueAt };
      }
      const lateBefore = now() - options.sendWindowHours * 60 * 60 * 1000;
      const claim = deliveries.claim(date, owner, now(), LEASE_MS, force, { byMarket: times.byMarket, lateBefore });
      if (claim.kind === 'busy') return claim;
      if (claim.kind === 'already-sent') return { kind: 'already-sent', summary: deliveries.summary(date)! };
      if (claim.kind === 'started') {
        log.info(`issue ${date}: sending to ${claim.recipients} confirmed subscribers via ${transport.description}`);
      } else {
        log.info(
          `issue ${date}: resuming, ${claim.remaining} deliveries left` +
            (claim.reclaimedInFlight > 0
              ? `; ${claim.reclaimedInFlight} were in flight when the last sender stopped and may arrive twice`
              : ''),
        );
      }
      const result = await run(issue, returnWhenWaiting);
      return { kind: result, resumed: claim.kind === 'resumed', summary: deliveries.summary(date)! };
    },

    /** Stops every send of this process after its in-flight messages; they resume on the next send. */
    async stop(): Promise<void> {
      const sends = [...running.values()];
      for (const send of sends) send.halt('stopped');
      await Promise.all(sends.map((send) => send.done));
    },
  };
}

export type IssueSender = ReturnType<typeof createIssueSender>;
