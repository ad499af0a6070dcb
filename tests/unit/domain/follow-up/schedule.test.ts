import { describe, expect, it } from 'vitest';
import { planFrom, stepTimes } from './support.ts';

type Times = { earliest?: string; ideal?: string; latest?: string };

interface ScheduleCase {
  name: string;
  query: string;
  /** Steps ticked done, with the moment (ISO with offset). */
  done?: Record<string, string>;
  /** When given: the exact step ids, in order. */
  ids?: string[];
  steps: Record<string, Times>;
}

const SG = 'tz=Asia/Singapore&holidays=SG';
const HK = 'tz=Asia/Hong_Kong&holidays=HK';
const LDN = 'tz=Europe/London&holidays=GB';
const NY = 'tz=America/New_York&holidays=US';

// Expected values worked out by hand from the spec's step table and the 2026-2027 holiday lists.
const cases: ScheduleCase[] = [
  {
    name: "spec's worked example: Friday 15:30 in Singapore, decision date Friday 11 December",
    query: `ended=2026-12-04T15:30&${SG}&stage=mid&decision=2026-12-11`,
    ids: ['thank-you', 'check-in-1', 'check-in-2', 'close-loop'],
    steps: {
      'thank-you': {
        earliest: '2026-12-04T16:30+08:00',
        ideal: '2026-12-07T09:30+08:00',
        latest: '2026-12-07T12:00+08:00',
      },
      'check-in-1': {
        earliest: '2026-12-14T09:00+08:00',
        ideal: '2026-12-15T09:30+08:00',
        latest: '2026-12-18T17:00+08:00',
      },
      'check-in-2': {
        earliest: '2026-12-22T09:00+08:00',
        ideal: '2026-12-22T09:30+08:00',
        latest: '2026-12-24T17:00+08:00',
      },
      // 25 December and 1 January are Singapore holidays.
      'close-loop': {
        earliest: '2026-12-30T09:00+08:00',
        ideal: '2027-01-07T09:30+08:00',
        latest: '2027-01-14T17:00+08:00',
      },
    },
  },
  {
    name: 'Friday-evening interview in London: thank-you on Monday morning, window to Monday noon',
    query: `ended=2026-11-13T18:45&${LDN}`,
    steps: {
      'thank-you': {
        earliest: '2026-11-13T19:45+00:00',
        ideal: '2026-11-16T09:30+00:00',
        latest: '2026-11-16T12:00+00:00',
      },
      'check-in-1': {
        earliest: '2026-11-20T09:00+00:00',
        ideal: '2026-11-20T09:30+00:00',
        latest: '2026-11-27T17:00+00:00',
      },
    },
  },
  {
    name: 'ends at 13:59 on a business day: same-day thank-you at 16:00 (15:59 rounded up)',
    query: `ended=2026-06-10T13:59&${HK}`,
    steps: {
      'thank-you': {
        earliest: '2026-06-10T14:59+08:00',
        ideal: '2026-06-10T16:00+08:00',
        latest: '2026-06-11T13:59+08:00',
      },
      // Tuen Ng (Friday 19 June) is skipped in the latest count.
      'check-in-1': {
        earliest: '2026-06-17T09:00+08:00',
        ideal: '2026-06-17T09:30+08:00',
        latest: '2026-06-25T17:00+08:00',
      },
    },
  },
  {
    name: 'ends at 14:00: thank-you moves to the next business morning',
    query: `ended=2026-06-10T14:00&${HK}`,
    steps: {
      'thank-you': {
        earliest: '2026-06-10T15:00+08:00',
        ideal: '2026-06-11T09:30+08:00',
        latest: '2026-06-11T14:00+08:00',
      },
    },
  },
  {
    name: 'ended + 2 h already on the half hour is not rounded further',
    query: `ended=2026-06-09T11:30&${HK}`,
    steps: { 'thank-you': { ideal: '2026-06-09T13:30+08:00' } },
  },
  {
    name: 'ended + 2 h one minute past the hour rounds up to the half hour',
    query: `ended=2026-06-09T10:01&${HK}`,
    steps: { 'thank-you': { ideal: '2026-06-09T12:30+08:00' } },
  },
  {
    name: 'New York interview ending past midnight UTC counts from the local Tuesday; Thanksgiving skipped',
    query: `ended=2026-11-17T19:30&${NY}`,
    steps: {
      'thank-you': {
        earliest: '2026-11-17T20:30-05:00',
        ideal: '2026-11-18T09:30-05:00',
        latest: '2026-11-18T19:30-05:00',
      },
      'check-in-1': {
        earliest: '2026-11-24T09:00-05:00',
        ideal: '2026-11-24T09:30-05:00',
        latest: '2026-12-02T17:00-05:00',
      },
    },
  },
  {
    name: 'Singapore morning interview (still Sunday in UTC) counts from the local Monday; Monday check-in moves to Tuesday',
    query: `ended=2026-12-07T07:30&${SG}`,
    steps: {
      'thank-you': {
        earliest: '2026-12-07T08:30+08:00',
        ideal: '2026-12-07T09:30+08:00',
        latest: '2026-12-08T07:30+08:00',
      },
      'check-in-1': {
        earliest: '2026-12-14T09:00+08:00',
        ideal: '2026-12-15T09:30+08:00',
        latest: '2026-12-21T17:00+08:00',
      },
    },
  },
  {
    name: 'London clocks go forward inside the thank-you window (Saturday interview, Easter in the check-in count)',
    query: `ended=2026-03-28T10:00&${LDN}`,
    steps: {
      'thank-you': {
        earliest: '2026-03-28T11:00+00:00',
        ideal: '2026-03-30T09:30+01:00',
        latest: '2026-03-30T12:00+01:00',
      },
      'check-in-1': {
        earliest: '2026-04-07T09:00+01:00',
        ideal: '2026-04-07T09:30+01:00',
        latest: '2026-04-14T17:00+01:00',
      },
    },
  },
  {
    name: 'London clocks go back inside the check-in window',
    query: `ended=2026-10-22T16:00&${LDN}&decision=2026-10-23`,
    steps: {
      'thank-you': {
        earliest: '2026-10-22T17:00+01:00',
        ideal: '2026-10-23T09:30+01:00',
        latest: '2026-10-23T16:00+01:00',
      },
      'check-in-1': {
        earliest: '2026-10-26T09:00+00:00',
        ideal: '2026-10-27T09:30+00:00',
        latest: '2026-10-30T17:00+00:00',
      },
    },
  },
  {
    name: 'New York clocks go forward over the weekend after a Friday interview',
    query: `ended=2026-03-06T16:00&${NY}`,
    steps: {
      'thank-you': {
        earliest: '2026-03-06T17:00-05:00',
        ideal: '2026-03-09T09:30-04:00',
        latest: '2026-03-09T12:00-04:00',
      },
    },
  },
  {
    name: 'New York clocks go back between a Friday thank-you and its Monday deadline; Veterans Day skipped',
    query: `ended=2026-10-30T11:00&${NY}`,
    steps: {
      'thank-you': {
        earliest: '2026-10-30T12:00-04:00',
        ideal: '2026-10-30T13:00-04:00',
        latest: '2026-11-02T12:00-05:00',
      },
      'check-in-1': {
        earliest: '2026-11-06T09:00-05:00',
        ideal: '2026-11-06T09:30-05:00',
        latest: '2026-11-16T17:00-05:00',
      },
    },
  },
  {
    name: 'a wall time skipped by the New York spring change resolves an hour later; a pre-09:30 weekend window closes at noon',
    query: `ended=2026-03-08T02:30&${NY}`,
    steps: {
      'thank-you': {
        earliest: '2026-03-08T04:30-04:00',
        ideal: '2026-03-09T09:30-04:00',
        latest: '2026-03-09T12:00-04:00',
      },
    },
  },
  {
    name: 'a wall time repeated by the New York autumn change means its first occurrence; +1 h is 01:30 EST',
    query: `ended=2026-11-01T01:30&${NY}`,
    steps: {
      'thank-you': {
        earliest: '2026-11-01T01:30-05:00',
        ideal: '2026-11-02T09:30-05:00',
        latest: '2026-11-02T12:00-05:00',
      },
    },
  },
  {
    name: 'decision date on a Saturday rolls to Monday',
    query: `ended=2026-09-01T10:00&${HK}&decision=2026-09-05`,
    steps: {
      'check-in-1': {
        earliest: '2026-09-08T09:00+08:00',
        ideal: '2026-09-09T09:30+08:00',
        latest: '2026-09-14T17:00+08:00',
      },
    },
  },
  {
    name: 'decision date on a Saturday before the Deepavali holiday Monday rolls to Tuesday',
    query: `ended=2026-11-02T10:00&${SG}&decision=2026-11-07`,
    steps: {
      'check-in-1': {
        earliest: '2026-11-11T09:00+08:00',
        ideal: '2026-11-12T09:30+08:00',
        latest: '2026-11-17T17:00+08:00',
      },
    },
  },
  {
    name: 'decision date on UK Christmas Day: Boxing Day substitute and New Year skipped',
    query: `ended=2026-12-14T15:00&${LDN}&decision=2026-12-25`,
    steps: {
      'check-in-1': {
        earliest: '2026-12-30T09:00+00:00',
        ideal: '2026-12-31T09:30+00:00',
        latest: '2027-01-06T17:00+00:00',
      },
      'check-in-2': {
        earliest: '2027-01-08T09:00+00:00',
        ideal: '2027-01-08T09:30+00:00',
        latest: '2027-01-12T17:00+00:00',
      },
    },
  },
  {
    name: 'interview on UK Christmas Eve afternoon: thank-you after Christmas and Boxing Day, on Tuesday 29th',
    query: `ended=2026-12-24T15:00&${LDN}`,
    steps: {
      'thank-you': {
        earliest: '2026-12-24T16:00+00:00',
        ideal: '2026-12-29T09:30+00:00',
        latest: '2026-12-29T12:00+00:00',
      },
    },
  },
  {
    name: 'the same Christmas Eve interview with no holiday calendar only skips the weekend',
    query: 'ended=2026-12-24T15:00&tz=Europe/London&holidays=none',
    steps: { 'thank-you': { ideal: '2026-12-25T09:30+00:00', latest: '2026-12-25T15:00+00:00' } },
  },
  {
    name: 'Lunar New Year in Singapore: decision date on the holiday, check-in lands on a Monday and moves to Tuesday',
    query: `ended=2026-02-13T16:00&${SG}&decision=2026-02-17`,
    steps: {
      'thank-you': {
        earliest: '2026-02-13T17:00+08:00',
        ideal: '2026-02-16T09:30+08:00',
        latest: '2026-02-16T12:00+08:00',
      },
      'check-in-1': {
        earliest: '2026-02-20T09:00+08:00',
        ideal: '2026-02-24T09:30+08:00',
        latest: '2026-02-26T17:00+08:00',
      },
    },
  },
  {
    name: 'Lunar New Year in Hong Kong: three holidays push the thank-you to Friday',
    query: `ended=2026-02-16T15:00&${HK}`,
    steps: {
      'thank-you': {
        earliest: '2026-02-16T16:00+08:00',
        ideal: '2026-02-20T09:30+08:00',
        latest: '2026-02-20T12:00+08:00',
      },
      'check-in-1': {
        earliest: '2026-02-26T09:00+08:00',
        ideal: '2026-02-26T09:30+08:00',
        latest: '2026-03-05T17:00+08:00',
      },
    },
  },
  {
    name: 'Lunar New Year 2027 in Hong Kong (Saturday, then Monday and Tuesday off)',
    query: `ended=2027-02-05T15:00&${HK}`,
    steps: {
      'thank-you': {
        earliest: '2027-02-05T16:00+08:00',
        ideal: '2027-02-10T09:30+08:00',
        latest: '2027-02-10T12:00+08:00',
      },
    },
  },
  {
    name: 'final round with no date waits seven business days',
    query: `ended=2026-09-01T10:00&${SG}&stage=final`,
    steps: {
      'check-in-1': {
        earliest: '2026-09-08T09:00+08:00',
        ideal: '2026-09-10T09:30+08:00',
        latest: '2026-09-15T17:00+08:00',
      },
    },
  },
  {
    name: 'final round whose seventh business day is a Monday moves to Tuesday',
    query: `ended=2026-09-03T10:00&${SG}&stage=final`,
    steps: {
      'check-in-1': {
        earliest: '2026-09-10T09:00+08:00',
        ideal: '2026-09-15T09:30+08:00',
        latest: '2026-09-17T17:00+08:00',
      },
    },
  },
  {
    name: 'phone screen with no date: five business days, as a middle round',
    query: `ended=2026-09-01T10:00&${SG}&stage=screen`,
    steps: {
      'check-in-1': {
        earliest: '2026-09-08T09:00+08:00',
        ideal: '2026-09-08T09:30+08:00',
        latest: '2026-09-15T17:00+08:00',
      },
    },
  },
  {
    name: 'the date they asked for is kept even on a Monday, and beats the decision date',
    query: `ended=2026-09-02T11:00&${SG}&decision=2026-09-10&asked=1&askedDate=2026-09-14`,
    steps: {
      'check-in-1': {
        earliest: '2026-09-14T09:00+08:00',
        ideal: '2026-09-14T09:30+08:00',
        latest: '2026-09-16T17:00+08:00',
      },
    },
  },
  {
    name: 'the date they asked for on a Saturday rolls to Monday',
    query: `ended=2026-09-02T11:00&${SG}&asked=1&askedDate=2026-09-12`,
    steps: {
      'check-in-1': {
        earliest: '2026-09-14T09:00+08:00',
        ideal: '2026-09-14T09:30+08:00',
        latest: '2026-09-16T17:00+08:00',
      },
    },
  },
  {
    name: 'asked to follow up without a date falls back to the decision date; the chain follows',
    query: `ended=2026-09-02T11:00&${SG}&decision=2026-09-09&asked=1`,
    steps: {
      'check-in-1': {
        earliest: '2026-09-10T09:00+08:00',
        ideal: '2026-09-11T09:30+08:00',
        latest: '2026-09-16T17:00+08:00',
      },
      'check-in-2': {
        earliest: '2026-09-18T09:00+08:00',
        ideal: '2026-09-18T09:30+08:00',
        latest: '2026-09-22T17:00+08:00',
      },
      'close-loop': {
        earliest: '2026-09-25T09:00+08:00',
        ideal: '2026-10-02T09:30+08:00',
        latest: '2026-10-09T17:00+08:00',
      },
    },
  },
  {
    name: 'Thanksgiving pushes check-in 2 onto a Monday, which moves to Tuesday',
    query: `ended=2026-11-16T10:00&${NY}&decision=2026-11-18`,
    steps: {
      'check-in-1': {
        earliest: '2026-11-19T09:00-05:00',
        ideal: '2026-11-20T09:30-05:00',
        latest: '2026-11-25T17:00-05:00',
      },
      'check-in-2': {
        earliest: '2026-11-30T09:00-05:00',
        ideal: '2026-12-01T09:30-05:00',
        latest: '2026-12-02T17:00-05:00',
      },
      'close-loop': {
        earliest: '2026-12-08T09:00-05:00',
        ideal: '2026-12-15T09:30-05:00',
        latest: '2026-12-22T17:00-05:00',
      },
    },
  },
  {
    name: 'ticking check-in 1 done early recomputes check-in 2 and the close from that day',
    query: `ended=2026-11-16T10:00&${NY}&decision=2026-11-18`,
    done: { 'check-in-1': '2026-11-24T15:00-05:00' },
    steps: {
      'check-in-1': { ideal: '2026-11-20T09:30-05:00' },
      'check-in-2': {
        earliest: '2026-12-02T09:00-05:00',
        ideal: '2026-12-02T09:30-05:00',
        latest: '2026-12-04T17:00-05:00',
      },
      'close-loop': {
        earliest: '2026-12-09T09:00-05:00',
        ideal: '2026-12-16T09:30-05:00',
        latest: '2026-12-23T17:00-05:00',
      },
    },
  },
  {
    name: 'a tick made on Saturday in UTC but Friday evening in New York counts from the Friday',
    query: `ended=2026-11-16T10:00&${NY}&decision=2026-11-18`,
    done: { 'check-in-1': '2026-11-28T03:00+00:00' },
    steps: {
      'check-in-2': {
        earliest: '2026-12-04T09:00-05:00',
        ideal: '2026-12-04T09:30-05:00',
        latest: '2026-12-08T17:00-05:00',
      },
    },
  },
  {
    name: 'ticking check-in 2 done moves only the close',
    query: `ended=2026-12-04T15:30&${SG}&decision=2026-12-11`,
    done: { 'check-in-2': '2026-12-23T10:00+08:00' },
    steps: {
      'check-in-2': { ideal: '2026-12-22T09:30+08:00' },
      'close-loop': {
        earliest: '2026-12-31T09:00+08:00',
        ideal: '2027-01-08T09:30+08:00',
        latest: '2027-01-15T17:00+08:00',
      },
    },
  },
  {
    name: 'one thank-you per interviewer, in the order typed',
    query: `ended=2026-09-01T10:00&${SG}&interviewers=Ana%20Lim,%20Ben%20Ho`,
    ids: ['thank-you-1', 'thank-you-2', 'check-in-1', 'check-in-2', 'close-loop'],
    steps: { 'thank-you-2': { ideal: '2026-09-01T12:00+08:00' } },
  },
  {
    name: 'asked not to follow up: only the thank-you notes remain',
    query: `ended=2026-09-01T10:00&${SG}&noFollowUp=1&interviewers=Ana,Ben&decision=2026-09-04`,
    ids: ['thank-you-1', 'thank-you-2'],
    steps: {},
  },
  {
    name: 'an offer replaces the check-ins with acknowledging and deciding',
    query: `ended=2026-09-01T10:00&${SG}&outcome=offer&outcomeAt=2026-09-10T11:00&deadline=2026-09-18`,
    ids: ['thank-you', 'acknowledge-offer', 'decide-offer'],
    steps: {
      'acknowledge-offer': {
        earliest: '2026-09-10T12:00+08:00',
        ideal: '2026-09-10T13:00+08:00',
        latest: '2026-09-11T11:00+08:00',
      },
      'decide-offer': {
        earliest: '2026-09-10T11:00+08:00',
        ideal: '2026-09-16T09:30+08:00',
        latest: '2026-09-18T17:00+08:00',
      },
    },
  },
  {
    name: 'an offer on Friday evening is acknowledged on Monday morning',
    query: `ended=2026-09-01T10:00&${LDN}&outcome=offer&outcomeAt=2026-09-11T19:00&deadline=2026-09-25`,
    steps: {
      'acknowledge-offer': {
        earliest: '2026-09-11T20:00+01:00',
        ideal: '2026-09-14T09:30+01:00',
        latest: '2026-09-14T12:00+01:00',
      },
      'decide-offer': { ideal: '2026-09-23T09:30+01:00', latest: '2026-09-25T17:00+01:00' },
    },
  },
  {
    name: 'a rejection on Friday evening is answered on Monday; check-ins already sent stay listed',
    query: `ended=2026-09-01T10:00&${SG}&outcome=rejection&outcomeAt=2026-09-11T18:00`,
    done: { 'check-in-1': '2026-09-08T09:40+08:00' },
    ids: ['thank-you', 'check-in-1', 'reply-rejection'],
    steps: {
      'reply-rejection': {
        earliest: '2026-09-14T09:00+08:00',
        ideal: '2026-09-14T09:30+08:00',
        latest: '2026-09-15T17:00+08:00',
      },
    },
  },
  {
    name: 'a zone without DST or holidays: Tokyo, no calendar',
    query: 'ended=2026-05-01T09:00&tz=Asia/Tokyo&holidays=none',
    steps: {
      'thank-you': {
        earliest: '2026-05-01T10:00+09:00',
        ideal: '2026-05-01T11:00+09:00',
        latest: '2026-05-04T12:00+09:00',
      },
      'check-in-1': { ideal: '2026-05-08T09:30+09:00' },
    },
  },
  {
    name: 'a half-hour offset zone rounds on its own wall clock (Kolkata)',
    query: 'ended=2026-05-05T10:10&tz=Asia/Kolkata&holidays=none',
    steps: {
      'thank-you': {
        earliest: '2026-05-05T11:10+05:30',
        ideal: '2026-05-05T12:30+05:30',
        latest: '2026-05-06T10:10+05:30',
      },
    },
  },
];

describe('scheduleFollowUps: the step table', () => {
  it.each(cases)('$name', ({ query, done, ids, steps }) => {
    const doneTimes = Object.fromEntries(Object.entries(done ?? {}).map(([id, iso]) => [id, Date.parse(iso)]));
    const plan = planFrom(query, doneTimes);
    const times = stepTimes(plan);
    if (ids) expect(plan.steps.map((step) => step.id)).toEqual(ids);
    for (const [id, expected] of Object.entries(steps)) {
      expect(times[id], `step ${id}`).toMatchObject(expected);
    }
  });
});
