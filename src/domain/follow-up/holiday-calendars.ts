/** The public-holiday calendars the planner offers, and which one to preselect for a time zone. */

export const HOLIDAY_CALENDARS = {
  SG: 'Singapore',
  HK: 'Hong Kong',
  GB: 'United Kingdom (England and Wales)',
  US: 'United States (federal)',
  none: 'None',
} as const;

export type HolidayCalendarId = keyof typeof HOLIDAY_CALENDARS;

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
