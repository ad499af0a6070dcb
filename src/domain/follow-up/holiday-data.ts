/**
 * Business calendars from the holiday JSON generated at build time (scripts/generate-holidays.ts),
 * so the browser gets plain dates rather than the date-holidays rule engine.
 */
import generated from './holidays.generated.json';
import { createBusinessCalendar, type BusinessCalendar } from './business-days.ts';
import type { HolidayCalendarId } from './holiday-calendars.ts';

/** Shape of holidays.generated.json. */
export interface GeneratedHolidays {
  years: number[];
  calendars: Record<Exclude<HolidayCalendarId, 'none'>, string[]>;
}

export function businessCalendarFor(id: HolidayCalendarId, data: GeneratedHolidays = generated): BusinessCalendar {
  return id === 'none' ? createBusinessCalendar([]) : createBusinessCalendar(data.calendars[id], data.years);
}
