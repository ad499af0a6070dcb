/**
 * The follow-up rules of the spec's step table, turned into dated windows in the interviewer's time zone.
 * Later check-ins count from the earlier step's ideal time, or from when the reader ticked it done.
 */
import type { BusinessCalendar } from './business-days.ts';
import { monthAndDay, parseIsoDay, parseWallTime, weekday, MS_PER_HOUR, type CivilDay } from './civil-date.ts';
import type { PlannerInput } from './planner-input.ts';
import { CHASE_STEP_IDS, thankYouStepIds } from './step-ids.ts';
import { NOTES, REASONS, type StepKind } from './step-text.ts';
import { toInstant, toWallTime } from './time-zone.ts';

export interface PlanStep {
  /** `thank-you`, `thank-you-1` ..., `check-in-1`, `check-in-2`, `close-loop`, or an outcome step. */
  id: string;
  kind: StepKind;
  /** The interviewer a thank-you note goes to, when names were given. */
  interviewer?: string;
  earliest: number;
  ideal: number;
  latest: number;
  reason: string;
  notes: string[];
}

export interface FollowUpPlan {
  timeZone: string;
  interviewDay: CivilDay;
  steps: PlanStep[];
  notes: string[];
}

/** When the reader ticked each step done, by step id (epoch milliseconds). */
export type DoneTimes = Record<string, number>;

type Window = Pick<PlanStep, 'earliest' | 'ideal' | 'latest' | 'reason' | 'notes'>;

const NINE = 9 * 60;
const NINE_THIRTY = NINE + 30;
const NOON = 12 * 60;
const TWO_PM = 14 * 60;
const FIVE_PM = 17 * 60;
const MONDAY = 1;

/** The dated plan, or undefined while the interview's end is missing or invalid. */
export function scheduleFollowUps(
  input: PlannerInput,
  calendar: BusinessCalendar,
  done: DoneTimes = {},
): FollowUpPlan | undefined {
  const endedWall = parseWallTime(input.ended);
  if (!endedWall) return undefined;
  const tz = input.tz;
  const at = (day: CivilDay, minutes: number) => toInstant(tz, { day, minutes });
  const dayOf = (instant: number) => toWallTime(tz, instant).day;
  const ended = toInstant(tz, endedWall);
  const interviewDay = dayOf(ended);

  /** Thank-you timing, reused for acknowledging an offer "as thank-you, from the moment the offer arrived". */
  const replyWindow = (from: number, reason?: string): Window => {
    const fromWall = toWallTime(tz, from);
    const sameDay = calendar.isBusinessDay(fromWall.day) && fromWall.minutes < TWO_PM;
    let ideal: number;
    if (sameDay) {
      const twoHoursOn = toWallTime(tz, from + 2 * MS_PER_HOUR);
      ideal = at(twoHoursOn.day, Math.ceil(twoHoursOn.minutes / 30) * 30);
    } else {
      ideal = at(calendar.addBusinessDays(fromWall.day, 1), NINE_THIRTY);
    }
    const dayLater = from + 24 * MS_PER_HOUR;
    const dayLaterDay = dayOf(dayLater);
    let latest = calendar.isBusinessDay(dayLaterDay) ? dayLater : at(calendar.roll(dayLaterDay), NOON);
    // A weekend interview before 09:30 would put "ended + 24 h" before the next-morning ideal;
    // the window then closes at noon that morning, as it does when +24 h lands on a day off.
    if (latest < ideal) latest = at(dayOf(ideal), NOON);
    return {
      earliest: from + MS_PER_HOUR,
      ideal,
      latest,
      reason: reason ?? (sameDay ? REASONS.thankYouSameDay : REASONS.thankYouNextMorning),
      notes: [],
    };
  };

  /** Check-in windows: day offsets in business days from `base`, with the Monday rule unless they named the date. */
  const checkIn = (
    base: CivilDay,
    offsets: [number, number, number],
    reason: string,
    namedByThem = false,
  ): Window & { idealDay: CivilDay } => {
    let idealDay = calendar.addBusinessDays(base, offsets[1]);
    const notes: string[] = [];
    if (!namedByThem && weekday(idealDay) === MONDAY) {
      idealDay = calendar.addBusinessDays(idealDay, 1);
      notes.push(NOTES.mondayMoved(idealDay));
    }
    return {
      earliest: at(calendar.addBusinessDays(base, offsets[0]), NINE),
      ideal: at(idealDay, NINE_THIRTY),
      latest: at(calendar.addBusinessDays(base, offsets[2]), FIVE_PM),
      idealDay,
      reason,
      notes,
    };
  };

  const steps: PlanStep[] = [];
  const notes: string[] = [];
  const thankYou = replyWindow(ended);
  thankYouStepIds(input.interviewers).forEach((id, index) =>
    steps.push({ id, kind: 'thank-you', interviewer: input.interviewers[index], ...thankYou, notes: [] }),
  );

  if (input.noFollowUp) {
    notes.push(NOTES.noFollowUp);
  } else {
    const first = firstCheckIn(input, calendar, interviewDay, checkIn);
    const secondBase = done['check-in-1'] ? dayOf(done['check-in-1']) : first.idealDay;
    const second = checkIn(secondBase, [5, 5, 7], REASONS.checkInTwo);
    const closeBase = done['check-in-2'] ? dayOf(done['check-in-2']) : second.idealDay;
    const close = checkIn(closeBase, [5, 10, 15], REASONS.closeLoop);
    const windows = [first, second, close];
    CHASE_STEP_IDS.forEach((kind, index) => {
      const window = windows[index];
      // A recorded outcome ends the chase: only check-ins already sent stay on the list.
      if (input.outcome && !done[kind]) return;
      const { earliest, ideal, latest, reason } = window;
      steps.push({ id: kind, kind, earliest, ideal, latest, reason, notes: window.notes });
    });
  }

  const outcomeWall = parseWallTime(input.outcomeAt);
  if (input.outcome && outcomeWall) {
    const heard = toInstant(tz, outcomeWall);
    const heardDay = dayOf(heard);
    if (input.outcome === 'offer') {
      steps.push({
        id: 'acknowledge-offer',
        kind: 'acknowledge-offer',
        ...replyWindow(heard, REASONS.acknowledgeOffer),
      });
      const deadline = parseIsoDay(input.deadline);
      if (deadline !== undefined) {
        const latest = Math.max(heard, at(deadline, FIVE_PM));
        const ideal = Math.min(latest, Math.max(heard, at(calendar.addBusinessDays(deadline, -2), NINE_THIRTY)));
        steps.push({
          id: 'decide-offer',
          kind: 'decide-offer',
          earliest: heard,
          ideal,
          latest,
          reason: REASONS.decideOffer(deadline),
          notes: [],
        });
      }
    } else {
      const next = calendar.addBusinessDays(heardDay, 1);
      steps.push({
        id: 'reply-rejection',
        kind: 'reply-rejection',
        earliest: at(next, NINE),
        ideal: at(next, NINE_THIRTY),
        latest: at(calendar.addBusinessDays(heardDay, 2), FIVE_PM),
        reason: REASONS.replyRejection,
        notes: [],
      });
    }
  }

  for (const step of steps) {
    if (input.agency && step.kind === 'thank-you') step.notes.push(NOTES.agencyCopy);
    // With an agency, every step that chases the employer goes through the recruiter.
    if (input.agency && (CHASE_STEP_IDS as readonly string[]).includes(step.kind)) step.notes.push(NOTES.agencyCheckIn);
    if (isYearEnd(dayOf(step.ideal))) step.notes.push(NOTES.yearEnd);
  }
  const years = calendar.knownYears;
  if (years.length && steps.some((step) => !years.includes(monthAndDay(dayOf(step.latest)).year))) {
    notes.push(NOTES.holidaysUnknown(`${years[0]}–${years[years.length - 1]}`));
  }
  return { timeZone: tz, interviewDay, steps, notes };
}

/** Check-in 1 anchors on the date they asked for, else the decision date, else the interview day. */
function firstCheckIn(
  input: PlannerInput,
  calendar: BusinessCalendar,
  interviewDay: CivilDay,
  checkIn: (
    base: CivilDay,
    offsets: [number, number, number],
    reason: string,
    namedByThem?: boolean,
  ) => Window & { idealDay: CivilDay },
) {
  const askedDay = input.asked ? parseIsoDay(input.askedDate) : undefined;
  if (askedDay !== undefined) {
    // roll(A) itself is the ideal day, so count from the day before it.
    const rolled = calendar.roll(askedDay);
    return checkIn(
      calendar.addBusinessDays(rolled, -1),
      [1, 1, 3],
      REASONS.askedDate(askedDay, rolled !== askedDay),
      true,
    );
  }
  const decisionDay = parseIsoDay(input.decision);
  if (decisionDay !== undefined) {
    const rolled = calendar.roll(decisionDay);
    return checkIn(rolled, [1, 2, 5], REASONS.decisionDate(decisionDay, rolled !== decisionDay));
  }
  const final = input.stage === 'final';
  return checkIn(interviewDay, [5, final ? 7 : 5, 10], final ? REASONS.noDateFinal : REASONS.noDate);
}

/**
 * Strictly between 15 December and 5 January: the year-end slowdown. The spec's worked example puts
 * the notice on a 22 December check-in and not on the 15 December one, so the end days are excluded.
 */
function isYearEnd(day: CivilDay): boolean {
  const { month, dayOfMonth } = monthAndDay(day);
  return (month === 12 && dayOfMonth > 15) || (month === 1 && dayOfMonth < 5);
}
