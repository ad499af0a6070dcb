// Starts each issue at its time, in the server process: the daily NEWSLETTER_SEND_TIME in the
// first market's zone (each later market's readers wait for theirs), or the issue's own sendAt. An issue whose time passed more than the send
// window ago is not started (and a send interrupted by a restart is not resumed) late; the
// operator decides with `npm run newsletter -- send`.

import {
  addDays,
  dateInZone,
  isPastSendWindow,
  marketSendTimes,
  sendSpan,
  type SendSchedule,
} from '../../domain/newsletter/send-schedule.ts';
import type { DeliveriesStore } from './deliveries-store.ts';
import { listIssueDates, readIssueFile } from './issue-files.ts';
import type { IssueSender } from './issue-sender.ts';
import type { Log } from './log.ts';
import { describeOutcome } from './send-report.ts';

/** How often the scheduler looks; an issue starts at most this late. */
const TICK_MS = 30_000;

export interface IssueSchedulerOptions {
  distDir: string;
  sender: IssueSender;
  deliveries: DeliveriesStore;
  schedule: SendSchedule;
  sendWindowHours: number;
  log: Log;
  now?: () => number;
}

export function createIssueScheduler(options: IssueSchedulerOptions) {
  const { sender, deliveries, log } = options;
  const now = options.now ?? Date.now;
  const sends = new Map<string, Promise<void>>();
  // Each missed issue or unreadable file is logged once per process, not on every tick.
  const reported = new Set<string>();
  let timer: ReturnType<typeof setInterval> | undefined;

  function reportOnce(key: string, report: () => void): void {
    if (reported.has(key)) return;
    reported.add(key);
    report();
  }

  /** The issues whose time may have come: around today in the newsletter's zone (sendAt can move a day). */
  function candidateDates(): string[] {
    const today = dateInZone(now(), options.schedule.timeZone);
    const near = new Set([addDays(today, -1), today, addDays(today, 1)]);
    return listIssueDates(options.distDir).filter((date) => near.has(date));
  }

  function consider(date: string): void {
    if (sends.has(date)) return;
    let issue;
    try {
      issue = readIssueFile(options.distDir, date);
    } catch (error) {
      reportOnce(`unreadable ${date}`, () => log.error((error as Error).message));
      return;
    }
    // Started at the first market's time; the sender then waits for each later market's own.
    const span = sendSpan(marketSendTimes(issue, options.schedule), deliveries.readerMarkets());
    if (now() < span.first) return;
    const dueAt = span.last;
    const summary = deliveries.summary(date);
    if (summary?.state === 'sent' || summary?.state === 'paused') return;
    if (isPastSendWindow(now(), dueAt, options.sendWindowHours)) {
      reportOnce(`late ${date}`, () =>
        log.warn(
          summary
            ? `issue ${date} is unfinished and past its send window: the scheduler leaves it to the operator (npm run newsletter -- send ${date} resumes it)`
            : `issue ${date} was due at ${new Date(dueAt).toISOString()} and is past its send window: not sending it late (npm run newsletter -- send ${date} --force sends it)`,
        ),
      );
      return;
    }
    const sending = sender
      .send(issue)
      .then((outcome) => {
        if (outcome.kind !== 'busy') log.info(describeOutcome(date, outcome));
      })
      .catch((error: unknown) =>
        log.error(`issue ${date}: sending failed: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => sends.delete(date));
    sends.set(date, sending);
  }

  function tick(): void {
    for (const date of candidateDates()) consider(date);
  }

  return {
    /** Looks once; exposed for tests. */
    tick,
    start(): void {
      if (timer) return;
      log.info(
        `issue scheduler started: daily at ${options.schedule.sendTime} in each market (${options.schedule.timeZone} for Elsewhere and no market)`,
      );
      tick();
      timer = setInterval(tick, TICK_MS);
    },
    /** Stops looking and stops sends in progress after their in-flight messages. */
    async stop(): Promise<void> {
      clearInterval(timer);
      timer = undefined;
      await sender.stop();
      await Promise.all(sends.values());
    },
    /** Settles when every send this scheduler started has ended; for tests. */
    async idle(): Promise<void> {
      await Promise.all(sends.values());
    },
  };
}

export type IssueScheduler = ReturnType<typeof createIssueScheduler>;
