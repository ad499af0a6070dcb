/**
 * Business days: Monday to Friday in the interviewer's time zone, minus the public holidays
 * of the calendar the reader chose.
 */
import { parseIsoDay, weekday, type CivilDay } from './civil-date.ts';

export interface BusinessCalendar {
  isBusinessDay(day: CivilDay): boolean;
  /** `roll(D)`: D itself when it is a business day, otherwise the next business day. */
  roll(day: CivilDay): CivilDay;
  /** `D + n bd`: the n-th business day after D (n may be negative to count back). D itself never counts. */
  addBusinessDays(day: CivilDay, count: number): CivilDay;
  /** Years whose holidays are known (empty: no holidays to know); outside them only weekends are skipped. */
  knownYears: readonly number[];
}

/**
 * @param holidayDates public holidays as `YYYY-MM-DD`
 * @param knownYears the years the holiday list covers (empty for "None": every year is fully known)
 */
export function createBusinessCalendar(
  holidayDates: readonly string[],
  knownYears: readonly number[] = [],
): BusinessCalendar {
  const holidays = new Set<CivilDay>();
  for (const date of holidayDates) {
    const day = parseIsoDay(date);
    if (day === undefined) throw new Error(`Not a holiday date: ${date}`);
    holidays.add(day);
  }

  const isBusinessDay = (day: CivilDay) => {
    const dow = weekday(day);
    return dow !== 0 && dow !== 6 && !holidays.has(day);
  };

  return {
    isBusinessDay,
    roll(day) {
      let current = day;
      while (!isBusinessDay(current)) current += 1;
      return current;
    },
    addBusinessDays(day, count) {
      const step = count < 0 ? -1 : 1;
      let current = day;
      for (let remaining = Math.abs(count); remaining > 0;) {
        current += step;
        if (isBusinessDay(current)) remaining -= 1;
      }
      return current;
    },
    knownYears,
  };
}
