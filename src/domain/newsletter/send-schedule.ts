// When an issue goes out: the daily time in each market's time zone (the newsletter's own for
// Elsewhere and no preference), unless the issue names its own, and the cut-off after which a send that never started is not started late.
import { TZDate } from '@date-fns/tz';
import { MARKETS, marketTimeZone, type MarketSlug } from './markets.ts';

/** The calendar date (YYYY-MM-DD) it is at `now` in a time zone. */
export function dateInZone(now: number, timeZone: string): string {
  const local = new TZDate(now, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`;
}

/** The date `days` after a YYYY-MM-DD date (negative for before). */
export function addDays(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

export interface SendSchedule {
  /** HH:MM, the daily send time. */
  sendTime: string;
  timeZone: string;
}

/** The moment (epoch ms) an issue is due: its own sendAt, or its date at the daily time in the zone. */
export function scheduledSendAt(issue: { date: string; sendAt: string | null }, schedule: SendSchedule): number {
  if (issue.sendAt) return Date.parse(issue.sendAt);
  const [year, month, day] = issue.date.split('-').map(Number);
  const [hours, minutes] = schedule.sendTime.split(':').map(Number);
  return new TZDate(year, month - 1, day, hours, minutes, 0, 0, schedule.timeZone).getTime();
}

/** Whether a send that has not started by `now` is too late to start (a morning briefing at tea time). */
export function isPastSendWindow(now: number, dueAt: number, windowHours: number): boolean {
  return now > dueAt + windowHours * 60 * 60 * 1000;
}

/** The send times of one issue: each market's moment, and the first and last of them. */
export interface MarketSendTimes {
  /** Keyed by market slug; 'none' is the readers with no preference. */
  byMarket: Record<MarketSlug | 'none', number>;
  first: number;
  last: number;
}

/**
 * When an issue reaches each market: the daily time in that market's zone (Elsewhere and no
 * preference: the newsletter's zone), so everyone gets it at breakfast. An issue's own sendAt is one
 * moment for every market: an editor who sets it wants the issue out then, everywhere.
 */
export function marketSendTimes(
  issue: { date: string; sendAt: string | null },
  schedule: SendSchedule,
): MarketSendTimes {
  const keys = [...MARKETS.map((m) => m.slug), 'none'] as const;
  const byMarket = Object.fromEntries(
    keys.map((key) => {
      const timeZone = marketTimeZone(key === 'none' ? null : key, schedule.timeZone);
      return [key, scheduledSendAt(issue, { sendTime: schedule.sendTime, timeZone })];
    }),
  ) as Record<MarketSlug | 'none', number>;
  const times = Object.values(byMarket);
  return { byMarket, first: Math.min(...times), last: Math.max(...times) };
}

/** The first and last send time among the markets that have readers (an issue waits for no empty market). */
export function sendSpan(
  times: MarketSendTimes,
  markets: readonly (MarketSlug | 'none')[],
): { first: number; last: number } {
  const used = markets.map((market) => times.byMarket[market]);
  return used.length === 0 ? times : { first: Math.min(...used), last: Math.max(...used) };
}
