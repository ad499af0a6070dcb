/** Human labels for civil days, written the way the site writes dates ("Friday 4 December"). */
import { MS_PER_DAY, type CivilDay } from './civil-date.ts';

const LONG_DAY = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' });
const WEEKDAY = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long' });

export function dayLabel(day: CivilDay): string {
  return LONG_DAY.format(day * MS_PER_DAY).replace(',', '');
}

export function weekdayName(day: CivilDay): string {
  return WEEKDAY.format(day * MS_PER_DAY);
}
