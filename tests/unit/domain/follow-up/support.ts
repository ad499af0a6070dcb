/**
 * Test helpers: business calendars built straight from date-holidays for fixed years, so the rule tests
 * do not depend on the year the generated JSON was built in.
 */
import { createBusinessCalendar, type BusinessCalendar } from '../../../../src/domain/follow-up/business-days.ts';
import type { HolidayCalendarId } from '../../../../src/domain/follow-up/holiday-calendars.ts';
import { publicHolidayDates } from '../../../../src/domain/follow-up/holiday-source.ts';
import { readPlannerParams, type PlannerInput } from '../../../../src/domain/follow-up/planner-input.ts';
import { scheduleFollowUps, type DoneTimes, type FollowUpPlan } from '../../../../src/domain/follow-up/schedule.ts';
import { formatZonedIso } from '../../../../src/domain/follow-up/time-zone.ts';

export const TEST_YEARS = [2026, 2027];
const calendars = new Map<HolidayCalendarId, BusinessCalendar>();

export function testCalendar(id: HolidayCalendarId): BusinessCalendar {
  let calendar = calendars.get(id);
  if (!calendar) {
    calendar =
      id === 'none'
        ? createBusinessCalendar([])
        : createBusinessCalendar(publicHolidayDates(id, TEST_YEARS), TEST_YEARS);
    calendars.set(id, calendar);
  }
  return calendar;
}

/** Reads a share-link query the way the page does; the reader's own zone is Europe/Paris unless the query says. */
export function inputFrom(query: string): PlannerInput {
  const { input, errors } = readPlannerParams(new URLSearchParams(query), 'Europe/Paris');
  if (Object.keys(errors).length) throw new Error(`unexpected errors: ${JSON.stringify(errors)}`);
  return input;
}

export function planFrom(query: string, done: DoneTimes = {}): FollowUpPlan {
  const input = inputFrom(query);
  const plan = scheduleFollowUps(input, testCalendar(input.holidays), done);
  if (!plan) throw new Error('no plan');
  return plan;
}

/** The three times of each step as the page's `<time datetime>` values. */
export function stepTimes(plan: FollowUpPlan): Record<string, { earliest: string; ideal: string; latest: string }> {
  return Object.fromEntries(
    plan.steps.map((step) => [
      step.id,
      {
        earliest: formatZonedIso(plan.timeZone, step.earliest),
        ideal: formatZonedIso(plan.timeZone, step.ideal),
        latest: formatZonedIso(plan.timeZone, step.latest),
      },
    ]),
  );
}
