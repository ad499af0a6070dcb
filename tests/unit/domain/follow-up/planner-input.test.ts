import { describe, expect, it } from 'vitest';
import { guessHolidayCalendar } from '../../../../src/domain/follow-up/holiday-calendars.ts';
import {
  readPlannerParams,
  writePlannerParams,
  type FieldName,
} from '../../../../src/domain/follow-up/planner-input.ts';
import { scheduleFollowUps } from '../../../../src/domain/follow-up/schedule.ts';
import { testCalendar } from './support.ts';

const read = (query: string) => readPlannerParams(new URLSearchParams(query), 'Europe/Paris');

describe('reading the share link and the form', () => {
  it.each<{ query: string; field: FieldName; message: RegExp; plans: boolean }>([
    {
      query: 'tz=Asia/Singapore',
      field: 'ended',
      message: /Enter the date and time the interview ended/,
      plans: false,
    },
    { query: 'ended=2026-02-30T10:00', field: 'ended', message: /Enter a real date and time/, plans: false },
    { query: 'ended=yesterday', field: 'ended', message: /Enter a real date and time/, plans: false },
    {
      query: 'ended=2026-12-04T15:30&decision=2026-12-01',
      field: 'decision',
      message: /before the interview/,
      plans: true,
    },
    {
      query: 'ended=2026-12-04T15:30&decision=11/12/2026',
      field: 'decision',
      message: /Enter a real date/,
      plans: true,
    },
    { query: 'ended=2026-12-04T15:30&tz=Mars/Olympus_Mons', field: 'tz', message: /not a time zone/, plans: true },
    {
      query: 'ended=2026-12-04T15:30&holidays=FR',
      field: 'holidays',
      message: /Unknown holiday calendar “FR”/,
      plans: true,
    },
    { query: 'ended=2026-12-04T15:30&stage=ceo', field: 'stage', message: /Unknown interview stage/, plans: true },
    { query: 'ended=2026-12-04T15:30&agency=yes', field: 'agency', message: /Unknown value “yes”/, plans: true },
    {
      query: 'ended=2026-12-04T15:30&asked=1&askedDate=2026-12-04',
      field: 'askedDate',
      message: /after the interview day/,
      plans: true,
    },
    {
      query: 'ended=2026-12-04T15:30&outcome=offer&outcomeAt=2026-12-01T10:00',
      field: 'outcomeAt',
      message: /before the interview/,
      plans: true,
    },
    {
      query: 'ended=2026-12-04T15:30&outcome=offer&outcomeAt=2026-12-10T10:00&deadline=2026-12-09',
      field: 'deadline',
      message: /before the offer/,
      plans: true,
    },
    { query: 'ended=2026-12-04T15:30&outcome=maybe', field: 'outcome', message: /Unknown outcome/, plans: true },
  ])('$query reports $field and still plans: $plans', ({ query, field, message, plans }) => {
    const { input, errors } = read(query);
    expect(errors[field]).toMatch(message);
    expect(Object.keys(errors)).toEqual([field]);
    const plan = scheduleFollowUps(input, testCalendar(input.holidays));
    expect(plan !== undefined).toBe(plans);
    if (plan) expect(plan.steps.length).toBeGreaterThan(0);
  });

  it('ignores a decision date before the interview and plans from the interview day instead', () => {
    const { input } = read('ended=2026-12-04T15:30&tz=Asia/Singapore&holidays=SG&decision=2026-12-01');
    const plan = scheduleFollowUps(input, testCalendar('SG'))!;
    expect(plan.steps.find((step) => step.id === 'check-in-1')!.reason).toMatch(/With no date given/);
  });

  it('falls back to the reader’s zone for an unknown one, and guesses holidays from the zone', () => {
    const { input } = read('ended=2026-12-04T15:30&tz=Nowhere/Special');
    expect(input.tz).toBe('Europe/Paris');
    expect(input.holidays).toBe('none');
    expect(read('ended=2026-12-04T15:30&tz=asia/hong_kong').input).toMatchObject({
      tz: 'Asia/Hong_Kong',
      holidays: 'HK',
    });
  });

  it.each([
    ['Asia/Singapore', 'SG'],
    ['Asia/Hong_Kong', 'HK'],
    ['Europe/London', 'GB'],
    ['America/New_York', 'US'],
    ['America/Indiana/Indianapolis', 'US'],
    ['Pacific/Honolulu', 'US'],
    ['America/Toronto', 'none'],
    ['Europe/Paris', 'none'],
  ])('guesses the holiday calendar of %s as %s', (zone, calendar) => {
    expect(guessHolidayCalendar(zone)).toBe(calendar);
  });

  it('round-trips every input through the share link', () => {
    const query =
      'ended=2026-12-04T15%3A30&tz=Asia%2FSingapore&holidays=HK&stage=final&decision=2026-12-11&asked=1&askedDate=2026-12-10' +
      '&noFollowUp=1&agency=1&interviewers=Ana+Lim%2CBen+Ho&role=Credit+analyst&company=Lion+%26+Co&outcome=offer' +
      '&outcomeAt=2026-12-20T10%3A00&deadline=2027-01-08';
    const { input, errors } = read(query);
    expect(errors).toEqual({});
    expect(input.interviewers).toEqual(['Ana Lim', 'Ben Ho']);
    expect(input.company).toBe('Lion & Co');
    expect(writePlannerParams(input).toString()).toBe(query);
    expect(read(writePlannerParams(input).toString()).input).toEqual(input);
  });

  it('trims names, drops empty ones and keeps at most eight', () => {
    const { input, errors } = read('ended=2026-12-04T15:30&interviewers= A , ,B,C,D,E,F,G,H,I');
    expect(input.interviewers).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']);
    expect(errors.interviewers).toMatch(/first 8 are used/);
  });
});
