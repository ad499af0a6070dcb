// When an issue goes out: the daily time in the newsletter's time zone, unless the issue names its
// own, and the cut-off after which a send that never started is not started late.
import { TZDate } from '@date-fns/tz';

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
