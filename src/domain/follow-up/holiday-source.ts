/**
 * Build-time only: reads public holidays from the date-holidays package.
 * The island never imports this file; it ships the JSON that scripts/generate-holidays.ts writes from it.
 */
import Holidays from 'date-holidays';
import type { HolidayCalendarId } from './holiday-calendars.ts';

/** date-holidays country (and state) for each calendar the planner offers. */
const SOURCES: Record<Exclude<HolidayCalendarId, 'none'>, [country: string, state?: string]> = {
  SG: ['SG'],
  HK: ['HK'],
  GB: ['GB', 'ENG'], // England and Wales share the same bank holidays
  US: ['US'], // no state: federal holidays only
};

/** Public holidays (type "public", substitute days included) as sorted, unique `YYYY-MM-DD` strings. */
export function publicHolidayDates(calendar: Exclude<HolidayCalendarId, 'none'>, years: readonly number[]): string[] {
  const [country, state] = SOURCES[calendar];
  const source = state ? new Holidays(country, state) : new Holidays(country);
  const dates = new Set<string>();
  for (const year of years) {
    for (const holiday of source.getHolidays(year)) {
      if (holiday.type === 'public') dates.add(holiday.date.slice(0, 10));
    }
  }
  return [...dates].sort();
}
