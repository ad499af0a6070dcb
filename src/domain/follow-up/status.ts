/** Where each step stands against the current time. */
import type { BusinessCalendar } from './business-days.ts';
import type { PlanStep } from './schedule.ts';
import { toInstant, toWallTime } from './time-zone.ts';

export type StepStatus = 'upcoming' | 'due' | 'overdue' | 'done';

export interface StepStanding {
  status: StepStatus;
  /** For an overdue step: send at 09:30 on the next business morning, interviewer's time. */
  sendNext?: number;
}

const NINE_THIRTY = 9 * 60 + 30;

export function stepStanding(
  step: PlanStep,
  now: number,
  doneAt: number | undefined,
  timeZone: string,
  calendar: BusinessCalendar,
): StepStanding {
  if (doneAt !== undefined) return { status: 'done' };
  if (now < step.earliest) return { status: 'upcoming' };
  if (now <= step.latest) return { status: 'due' };
  return { status: 'overdue', sendNext: nextBusinessMorning(now, timeZone, calendar) };
}

/** The first business day's 09:30 after `now`: today's if it is still ahead, otherwise a later day's. */
function nextBusinessMorning(now: number, timeZone: string, calendar: BusinessCalendar): number {
  const today = toWallTime(timeZone, now).day;
  const todayMorning = toInstant(timeZone, { day: today, minutes: NINE_THIRTY });
  if (calendar.isBusinessDay(today) && todayMorning > now) return todayMorning;
  return toInstant(timeZone, { day: calendar.addBusinessDays(today, 1), minutes: NINE_THIRTY });
}
