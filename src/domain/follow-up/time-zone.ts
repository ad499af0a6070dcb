/**
 * Time-zone arithmetic on top of the platform's Intl data (the browser's or Node's tz database),
 * so there is no offset table of our own to go stale.
 */
import { formatIsoDay, formatClock, MS_PER_DAY, MS_PER_MINUTE, type WallTime } from './civil-date.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Minutes to add to UTC to get the zone's wall clock at `instant` (Singapore: +480). */
export function offsetMinutes(timeZone: string, instant: number): number {
  const parts: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(instant)) parts[part.type] = Number(part.value);
  const wallAsUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  const wholeSecondInstant = instant - (((instant % 1000) + 1000) % 1000);
  return Math.round((wallAsUtc - wholeSecondInstant) / MS_PER_MINUTE);
}

/** The wall-clock day and minute in the zone at `instant`. */
export function toWallTime(timeZone: string, instant: number): WallTime {
  const local = instant + offsetMinutes(timeZone, instant) * MS_PER_MINUTE;
  const day = Math.floor(local / MS_PER_DAY);
  return { day, minutes: Math.floor((local - day * MS_PER_DAY) / MS_PER_MINUTE) };
}

/**
 * The instant at which the zone's clock shows `wall`.
 * A wall time skipped by a spring-forward change resolves to the same distance after the change
 * (02:30 on the New York changeover day becomes 03:30 EDT); a repeated one resolves to its first occurrence.
 */
export function toInstant(timeZone: string, wall: WallTime): number {
  const wallAsUtc = wall.day * MS_PER_DAY + wall.minutes * MS_PER_MINUTE;
  const offsetBefore = offsetMinutes(timeZone, wallAsUtc - MS_PER_DAY);
  const offsetAfter = offsetMinutes(timeZone, wallAsUtc + MS_PER_DAY);
  const candidates = [wallAsUtc - offsetBefore * MS_PER_MINUTE, wallAsUtc - offsetAfter * MS_PER_MINUTE]
    .filter((instant) => instant + offsetMinutes(timeZone, instant) * MS_PER_MINUTE === wallAsUtc)
    .sort((a, b) => a - b);
  return candidates[0] ?? wallAsUtc - offsetBefore * MS_PER_MINUTE;
}

/** ISO 8601 with the zone's offset and minute precision, e.g. `2026-12-08T09:30+08:00`. */
export function formatZonedIso(timeZone: string, instant: number): string {
  const offset = offsetMinutes(timeZone, instant);
  const wall = toWallTime(timeZone, instant);
  const sign = offset < 0 ? '-' : '+';
  return `${formatIsoDay(wall.day)}T${formatClock(wall.minutes)}${sign}${formatClock(Math.abs(offset))}`;
}
