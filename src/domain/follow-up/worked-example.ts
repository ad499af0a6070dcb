/**
 * A worked example in an article, dated by the planner's own rules at build time, so the prose and
 * the planner cannot drift apart. Build-time only: it reads holidays from date-holidays for the
 * example's own years, so an article written in 2026 keeps its dates when the site is rebuilt later.
 */
import { createBusinessCalendar } from './business-days.ts';
import { formatClock, monthAndDay, parseIsoDay, parseWallTime } from './civil-date.ts';
import { dayLabel } from './day-labels.ts';
import { zoneAbbreviation } from './format-time.ts';
import { HOLIDAY_CALENDARS, type HolidayCalendarId } from './holiday-calendars.ts';
import { publicHolidayDates } from './holiday-source.ts';
import { STAGES, type InterviewStage } from './interview-stages.ts';
import { readPlannerParams, writePlannerParams, type PlannerInput } from './planner-input.ts';
import { scheduleFollowUps } from './schedule.ts';
import { STEP_TITLES } from './step-text.ts';
import { formatZonedIso, toInstant, toWallTime } from './time-zone.ts';

/** What an article says about the interview; the names match the planner's URL parameters. */
export interface WorkedExampleInput {
  /** `YYYY-MM-DDTHH:mm`, wall time in the interviewer's zone. */
  ended: string;
  /** IANA zone of the interviewer, e.g. `Asia/Hong_Kong`. */
  tz: string;
  /** Public-holiday calendar; guessed from the zone when left out, as the planner does. */
  holidays?: HolidayCalendarId;
  stage?: InterviewStage;
  /** `YYYY-MM-DD`: the decision date they gave. */
  decision?: string;
  /** `YYYY-MM-DD`: they asked to be followed up with on this day. */
  askedDate?: string;
  noFollowUp?: boolean;
  agency?: boolean;
  /** Names separated by commas: one thank-you note each. */
  interviewers?: string;
  role?: string;
  company?: string;
  outcome?: 'offer' | 'rejection';
  /** `YYYY-MM-DDTHH:mm`: when the offer or rejection arrived. */
  outcomeAt?: string;
  /** `YYYY-MM-DD`: the offer's deadline. */
  deadline?: string;
  /** Step ids to show (e.g. `thank-you` or `check-in-1,check-in-2`); all steps when left out. */
  steps?: string | string[];
}

/** One moment as an article shows it: "Monday 7 December 2026, 09:30 HKT", with its ISO instant. */
export interface ExampleMoment {
  iso: string;
  text: string;
}

export interface ExampleStep {
  id: string;
  title: string;
  reason: string;
  notes: string[];
  earliest: ExampleMoment;
  ideal: ExampleMoment;
  latest: ExampleMoment;
}

export interface WorkedExample {
  input: PlannerInput;
  /** The interview in words: "Friday 4 December 2026, 15:30 HKT, Hong Kong public holidays, middle round". */
  summary: string;
  /** The share-link query that opens this example in the planner. */
  query: string;
  steps: ExampleStep[];
}

function withYear(day: number): string {
  return `${dayLabel(day)} ${monthAndDay(day).year}`;
}

export function describeMoment(timeZone: string, instant: number): ExampleMoment {
  const wall = toWallTime(timeZone, instant);
  return {
    iso: formatZonedIso(timeZone, instant),
    text: `${withYear(wall.day)}, ${formatClock(wall.minutes)} ${zoneAbbreviation(timeZone, instant)}`,
  };
}

/** Reads the example through the planner's own parser, so a bad example fails the build with the planner's words. */
export function workedExample(example: WorkedExampleInput): WorkedExample {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(example)) {
    if (name === 'steps' || value === undefined || value === false) continue;
    params.set(name, value === true ? '1' : String(value));
  }
  if (example.askedDate) params.set('asked', '1');
  const { input, errors } = readPlannerParams(params, example.tz);
  if (Object.keys(errors).length) {
    throw new Error(`PlannerExample ${params}: ${JSON.stringify(errors)}`);
  }

  const ended = parseWallTime(input.ended);
  if (!ended) throw new Error(`PlannerExample ${params}: no interview end`);
  const year = monthAndDay(ended.day).year;
  const calendar =
    input.holidays === 'none'
      ? createBusinessCalendar([])
      : createBusinessCalendar(publicHolidayDates(input.holidays, [year, year + 1]), [year, year + 1]);
  const plan = scheduleFollowUps(input, calendar);
  if (!plan) throw new Error(`PlannerExample ${params}: no plan`);

  const wanted = typeof example.steps === 'string' ? example.steps.split(',').map((id) => id.trim()) : example.steps;
  const unknown = wanted?.filter((id) => !plan.steps.some((step) => step.id === id)) ?? [];
  if (unknown.length) throw new Error(`PlannerExample ${params}: the plan has no step ${unknown.join(', ')}`);

  const steps = plan.steps
    .filter((step) => !wanted || wanted.includes(step.id))
    .map((step) => ({
      id: step.id,
      title: STEP_TITLES[step.kind] + (step.interviewer ? ` to ${step.interviewer}` : ''),
      reason: step.reason,
      notes: step.notes,
      earliest: describeMoment(input.tz, step.earliest),
      ideal: describeMoment(input.tz, step.ideal),
      latest: describeMoment(input.tz, step.latest),
    }));

  return { input, summary: summarise(input), query: writePlannerParams(input).toString(), steps };
}

/** The example's inputs in words, so a reader can check them against the prose and the planner. */
function summarise(input: PlannerInput): string {
  const moment = (wallText: string) => {
    const wall = parseWallTime(wallText);
    return wall ? describeMoment(input.tz, toInstant(input.tz, wall)).text : '';
  };
  const day = (isoDay: string) => {
    const parsed = parseIsoDay(isoDay);
    return parsed === undefined ? '' : withYear(parsed);
  };
  const facts = [
    `${STAGES[input.stage]} ended ${moment(input.ended)}`,
    input.holidays === 'none' ? 'no public holidays counted' : `${HOLIDAY_CALENDARS[input.holidays]} public holidays`,
  ];
  if (input.decision) facts.push(`decision promised by ${day(input.decision)}`);
  if (input.asked && input.askedDate) facts.push(`asked to follow up on ${day(input.askedDate)}`);
  if (input.noFollowUp) facts.push('asked not to follow up');
  if (input.agency) facts.push('through an agency recruiter');
  if (input.outcome === 'offer') facts.push(`offer arrived ${moment(input.outcomeAt)}`);
  if (input.outcome === 'rejection') facts.push(`rejection arrived ${moment(input.outcomeAt)}`);
  if (input.outcome === 'offer' && input.deadline) facts.push(`deadline ${day(input.deadline)}`);
  return facts.join('; ');
}
