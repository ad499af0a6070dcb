/**
 * Calendar dates without a time zone ("civil" dates), counted as whole days since 1970-01-01.
 * Plain integers make business-day arithmetic exact: no hours, no DST, no Date objects.
 */
export type CivilDay = number;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/;

/** A wall-clock moment: a civil day plus minutes after local midnight. */
export interface WallTime {
  day: CivilDay;
  minutes: number;
}

/** Parses `YYYY-MM-DD`; rejects impossible dates such as 2026-02-30. */
export function parseIsoDay(text: string): CivilDay | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return undefined;
  }
  return ms / MS_PER_DAY;
}

/** Parses the `YYYY-MM-DDTHH:mm` value of a `datetime-local` field. */
export function parseWallTime(text: string): WallTime | undefined {
  const match = ISO_DATE_TIME.exec(text);
  if (!match) return undefined;
  const day = parseIsoDay(match[1]);
  const hours = Number(match[2]);
  const minutes = Number(match[3]);
  if (day === undefined || hours > 23 || minutes > 59) return undefined;
  return { day, minutes: hours * 60 + minutes };
}

export function formatIsoDay(day: CivilDay): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** `HH:mm` for minutes after midnight. */
export function formatClock(minutes: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** 0 = Sunday ... 6 = Saturday, as in Date#getDay. 1970-01-01 was a Thursday. */
export function weekday(day: CivilDay): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Month (1-12) and day of month, for rules that look at the calendar (the year-end slowdown). */
export function monthAndDay(day: CivilDay): { month: number; dayOfMonth: number; year: number } {
  const date = new Date(day * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, dayOfMonth: date.getUTCDate() };
}

export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export { MS_PER_DAY };
