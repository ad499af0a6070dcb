/**
 * Writes src/domain/follow-up/holidays.generated.json: the public holidays of the planner's four calendars
 * for the year before the build (interviews that just happened), the build year and the two after it
 * (plans made in December run into the next year, and the site may go a while between builds).
 * Run: npx node scripts/generate-holidays.ts
 */
import { writeFileSync } from 'node:fs';
import { publicHolidayDates } from '../src/domain/follow-up/holiday-source.ts';
import type { GeneratedHolidays } from '../src/domain/follow-up/holiday-data.ts';

const buildYear = new Date().getUTCFullYear();
const years = [buildYear - 1, buildYear, buildYear + 1, buildYear + 2];

const data: GeneratedHolidays = {
  years,
  calendars: {
    SG: publicHolidayDates('SG', years),
    HK: publicHolidayDates('HK', years),
    GB: publicHolidayDates('GB', years),
    US: publicHolidayDates('US', years),
  },
};

const target = new URL('../src/domain/follow-up/holidays.generated.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(data)}\n`);
const counts = Object.entries(data.calendars)
  .map(([id, dates]) => `${id} ${dates.length}`)
  .join(', ');
console.log(`holidays ${years[0]}-${years.at(-1)}: ${counts}`);
