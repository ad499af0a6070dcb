/**
 * The planner's inputs as the form and the URL carry them. One parser serves the share link,
 * the saved plans and the form, so every path gets the same validation and the same messages.
 */
import { parseIsoDay, parseWallTime } from './civil-date.ts';
import { guessHolidayCalendar, isHolidayCalendarId, type HolidayCalendarId } from './holiday-calendars.ts';
import { canonicalTimeZone } from './time-zone-name.ts';
import { STAGES, type InterviewStage } from './interview-stages.ts';

export type OutcomeKind = 'offer' | 'rejection';

export interface PlannerInput {
  role: string;
  company: string;
  /** `YYYY-MM-DDTHH:mm`, wall time in the interviewer's zone; '' until entered. */
  ended: string;
  tz: string;
  holidays: HolidayCalendarId;
  stage: InterviewStage;
  /** `YYYY-MM-DD` or ''. */
  decision: string;
  asked: boolean;
  askedDate: string;
  noFollowUp: boolean;
  agency: boolean;
  interviewers: string[];
  /** Set once the reader heard back. */
  outcome: '' | OutcomeKind;
  outcomeAt: string;
  deadline: string;
}

export type FieldName = keyof PlannerInput;
export type FieldErrors = Partial<Record<FieldName, string>>;

const MAX_TEXT = 100;
const MAX_INTERVIEWERS = 8;
const FLAGS = ['asked', 'noFollowUp', 'agency'] as const;
const DATE_ONLY = ['decision', 'askedDate', 'deadline'] as const;

export function readPlannerParams(
  params: URLSearchParams,
  browserTimeZone: string,
): { input: PlannerInput; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const text = (name: string) => (params.get(name) ?? '').trim();

  const tzParam = text('tz');
  let tz = canonicalTimeZone(tzParam || browserTimeZone) ?? 'UTC';
  if (tzParam && !canonicalTimeZone(tzParam)) {
    errors.tz = `“${tzParam}” is not a time zone this browser knows. Pick one from the list.`;
    tz = canonicalTimeZone(browserTimeZone) ?? 'UTC';
  }

  const holidaysParam = text('holidays');
  let holidays = guessHolidayCalendar(tz);
  if (holidaysParam) {
    if (isHolidayCalendarId(holidaysParam)) holidays = holidaysParam;
    else errors.holidays = `Unknown holiday calendar “${holidaysParam}”. Pick one from the list.`;
  }

  const stageParam = text('stage');
  let stage: InterviewStage = 'mid';
  if (stageParam) {
    if (Object.hasOwn(STAGES, stageParam)) stage = stageParam as InterviewStage;
    else errors.stage = `Unknown interview stage “${stageParam}”. Pick one from the list.`;
  }

  const input: PlannerInput = {
    role: clip(text('role'), 'role', errors),
    company: clip(text('company'), 'company', errors),
    ended: text('ended'),
    tz,
    holidays,
    stage,
    decision: text('decision'),
    asked: false,
    askedDate: text('askedDate'),
    noFollowUp: false,
    agency: false,
    interviewers: splitNames(text('interviewers'), errors),
    outcome: '',
    outcomeAt: text('outcomeAt'),
    deadline: text('deadline'),
  };

  for (const flag of FLAGS) {
    const value = text(flag);
    if (value === '1' || value === 'true' || value === 'on') input[flag] = true;
    else if (value && value !== '0' && value !== 'false')
      errors[flag] = `Unknown value “${value}”: the box was left unticked.`;
  }

  const ended = parseWallTime(input.ended);
  if (!input.ended) errors.ended = 'Enter the date and time the interview ended.';
  else if (!ended) {
    errors.ended = 'Enter a real date and time, such as 2026-12-04 15:30.';
    input.ended = '';
  }

  for (const field of DATE_ONLY) {
    if (input[field] && parseIsoDay(input[field]) === undefined) {
      errors[field] = 'Enter a real date, such as 2026-12-11.';
      input[field] = '';
    }
  }
  const interviewDay = ended?.day;
  const decisionDay = parseIsoDay(input.decision);
  if (interviewDay !== undefined && decisionDay !== undefined && decisionDay < interviewDay) {
    errors.decision = 'The decision date is before the interview. Check it, or leave it empty.';
    input.decision = '';
  }
  const askedDay = parseIsoDay(input.askedDate);
  if (interviewDay !== undefined && askedDay !== undefined && askedDay <= interviewDay) {
    errors.askedDate = 'The follow-up date must be after the interview day.';
    input.askedDate = '';
  }

  readOutcome(params.get('outcome') ?? '', input, errors, ended?.day);
  return { input, errors };
}

function readOutcome(kind: string, input: PlannerInput, errors: FieldErrors, interviewDay: number | undefined) {
  if (!kind) return;
  if (kind !== 'offer' && kind !== 'rejection') {
    errors.outcome = `Unknown outcome “${kind}”.`;
    return;
  }
  const at = parseWallTime(input.outcomeAt);
  if (!at) {
    errors.outcomeAt = 'Enter when you heard back.';
    input.outcomeAt = '';
    return;
  }
  if (interviewDay !== undefined && at.day < interviewDay) {
    errors.outcomeAt = 'This is before the interview. Check the date.';
    return;
  }
  input.outcome = kind;
  const deadlineDay = parseIsoDay(input.deadline);
  if (kind === 'offer' && deadlineDay !== undefined && deadlineDay < at.day) {
    errors.deadline = 'The deadline is before the offer arrived. Check the date.';
    input.deadline = '';
  }
}

function clip(value: string, field: 'role' | 'company', errors: FieldErrors): string {
  if (value.length <= MAX_TEXT) return value;
  errors[field] = `Shortened to ${MAX_TEXT} characters.`;
  return value.slice(0, MAX_TEXT);
}

function splitNames(value: string, errors: FieldErrors): string[] {
  const names = value
    .split(',')
    .map((name) => name.trim().slice(0, 60))
    .filter(Boolean);
  if (names.length <= MAX_INTERVIEWERS) return names;
  errors.interviewers = `Up to ${MAX_INTERVIEWERS} names; the first ${MAX_INTERVIEWERS} are used.`;
  return names.slice(0, MAX_INTERVIEWERS);
}

/** The share-link form of an input: every field that has a value, in a fixed order. */
export function writePlannerParams(input: PlannerInput): URLSearchParams {
  const params = new URLSearchParams();
  const put = (name: string, value: string) => value && params.set(name, value);
  put('ended', input.ended);
  put('tz', input.tz);
  put('holidays', input.holidays);
  put('stage', input.stage);
  put('decision', input.decision);
  if (input.asked) params.set('asked', '1');
  if (input.asked) put('askedDate', input.askedDate);
  if (input.noFollowUp) params.set('noFollowUp', '1');
  if (input.agency) params.set('agency', '1');
  put('interviewers', input.interviewers.join(','));
  put('role', input.role);
  put('company', input.company);
  put('outcome', input.outcome);
  if (input.outcome) put('outcomeAt', input.outcomeAt);
  if (input.outcome === 'offer') put('deadline', input.deadline);
  return params;
}
