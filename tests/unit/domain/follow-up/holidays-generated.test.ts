import { describe, expect, it } from 'vitest';
import generated from '../../../../src/domain/follow-up/holidays.generated.json';
import { parseIsoDay } from '../../../../src/domain/follow-up/civil-date.ts';
import { businessCalendarFor } from '../../../../src/domain/follow-up/holiday-data.ts';

// The JSON is written by scripts/generate-holidays.ts before every build and test run.
describe('generated holiday data shipped to the browser', () => {
  const thisYear = new Date().getUTCFullYear();

  it('covers at least this year and the next for all four calendars', () => {
    expect(generated.years).toEqual(expect.arrayContaining([thisYear, thisYear + 1]));
    for (const year of [thisYear, thisYear + 1]) {
      for (const dates of Object.values(generated.calendars)) {
        expect(dates.some((date) => date.startsWith(`${year}-`))).toBe(true);
      }
    }
  });

  it.each([
    ['GB', `${thisYear + 1}-12-25`],
    ['US', `${thisYear + 1}-07-04`],
    ['SG', `${thisYear + 1}-08-09`],
    ['HK', `${thisYear + 1}-07-01`],
  ] as const)('%s lists %s, and the planner treats it as a day off', (id, date) => {
    expect(generated.calendars[id]).toContain(date);
    expect(businessCalendarFor(id).isBusinessDay(parseIsoDay(date)!)).toBe(false);
  });

  it('holds public holidays only (no observances such as Valentine’s Day)', () => {
    expect(generated.calendars.US).not.toContain(`${thisYear}-02-14`);
  });
});
