import { describe, expect, it } from 'vitest';
import { formatIsoDay, parseIsoDay } from '../../../../src/domain/follow-up/civil-date.ts';
import type { HolidayCalendarId } from '../../../../src/domain/follow-up/holiday-calendars.ts';
import { testCalendar } from './support.ts';

const day = (iso: string) => parseIsoDay(iso)!;

describe('business days', () => {
  it.each<[HolidayCalendarId, string, boolean, string]>([
    ['SG', '2026-12-04', true, 'a Friday'],
    ['SG', '2026-12-05', false, 'a Saturday'],
    ['SG', '2026-02-17', false, 'Lunar New Year in Singapore'],
    ['HK', '2026-02-19', false, 'the third day of Lunar New Year in Hong Kong'],
    ['SG', '2026-02-19', true, 'the third day, which Singapore works'],
    ['GB', '2026-12-28', false, 'the Boxing Day substitute in England and Wales'],
    ['US', '2026-11-26', false, 'Thanksgiving'],
    ['US', '2026-11-27', true, 'the day after Thanksgiving (not a federal holiday)'],
    ['US', '2026-12-24', true, 'Christmas Eve 2026 (only an optional day)'],
    ['US', '2027-12-24', false, 'Christmas 2027 observed on Friday the 24th'],
    ['none', '2026-12-25', true, 'Christmas with no holiday calendar'],
  ])('%s %s is a business day: %s (%s)', (calendar, date, expected) => {
    expect(testCalendar(calendar).isBusinessDay(day(date))).toBe(expected);
  });

  it.each<[HolidayCalendarId, string, number, string]>([
    ['SG', '2026-12-11', 2, '2026-12-15'],
    ['SG', '2026-12-05', 1, '2026-12-07'],
    ['GB', '2026-12-24', 1, '2026-12-29'],
    ['GB', '2026-12-31', 1, '2027-01-04'],
    ['HK', '2026-02-16', 1, '2026-02-20'],
    ['SG', '2026-09-18', -2, '2026-09-16'],
    ['US', '2026-11-30', -2, '2026-11-25'],
  ])('%s: %s + %i bd = %s', (calendar, from, count, expected) => {
    expect(formatIsoDay(testCalendar(calendar).addBusinessDays(day(from), count))).toBe(expected);
  });

  it.each<[HolidayCalendarId, string, string]>([
    ['SG', '2026-12-11', '2026-12-11'],
    ['HK', '2026-09-05', '2026-09-07'],
    ['GB', '2026-12-25', '2026-12-29'],
    ['SG', '2026-11-07', '2026-11-10'],
  ])('%s: roll(%s) = %s', (calendar, from, expected) => {
    expect(formatIsoDay(testCalendar(calendar).roll(day(from)))).toBe(expected);
  });

  it('rejects impossible dates instead of rolling them into the next month', () => {
    expect(parseIsoDay('2026-02-29')).toBeUndefined();
    expect(parseIsoDay('2028-02-29')).toBe(day('2028-02-28') + 1);
  });
});
