/**
 * The public-holiday calendars the planner offers, loaded from the JSON generated at build time
 * (scripts/generate-holidays.ts) so the island ships dates, not the date-holidays rule engine.
 */
import generated from './holidays.generated.json';
import { createBusinessCalendar, type BusinessCalendar } from './business-days.ts';

export const HOLIDAY_CALENDARS = {
  SG: 'Singapore',
  HK: 'Hong Kong',
  GB: 'United Kingdom (England and Wales)',
  US: 'United States (federal)',
  none: 'None',
} as const;

export type HolidayCalendarId = keyof typeof HOLIDAY_CALENDARS;

/** Shape of holidays.generated.json. */
export interface GeneratedHolidays {
  years: number[];
  calendars: Record<Exclude<HolidayCalendarId, 'none'>, string[]>;
}

export function isHolidayCalendarId(value: string): value is HolidayCalendarId {
  return Object.hasOwn(HOLIDAY_CALENDARS, value);
}

// US zones in the tz database: the lower 48, Alaska and Hawaii.
const US_ZONE =
  /^(America\/(New_York|Chicago|Denver|Los_Angeles|Phoenix|Anchorage|Adak|Boise|Detroit|Juneau|Metlakatla|Nome|Sitka|Yakutat|Menominee|Indiana\/.+|Kentucky\/.+|North_Dakota\/.+)|Pacific\/Honolulu)$/;

/** The calendar to preselect for an interviewer's time zone. */
export function guessHolidayCalendar(timeZone: string): HolidayCalendarId {
  if (timeZone === 'Asia/Singapore') return 'SG';
  if (timeZone === 'Asia/Hong_Kong') return 'HK';
  if (timeZone === 'Europe/London') return 'GB';
  return US_ZONE.test(timeZone) ? 'US' : 'none';
}

export function businessCalendarFor(id: HolidayCalendarId, data: GeneratedHolidays = generated): BusinessCalendar {
  return id === 'none' ? createBusinessCalendar([]) : createBusinessCalendar(data.calendars[id], data.years);
}
