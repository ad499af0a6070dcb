import { describe, expect, it } from 'vitest';
import { stepStanding } from '../../../../src/domain/follow-up/status.ts';
import { formatZonedIso } from '../../../../src/domain/follow-up/time-zone.ts';
import { planFrom, testCalendar } from './support.ts';

// Worked example: thank-you window Fri 4 Dec 16:30 to Mon 7 Dec 12:00, Singapore.
const plan = planFrom('ended=2026-12-04T15:30&tz=Asia/Singapore&holidays=SG&decision=2026-12-11');
const thankYou = plan.steps[0];

describe('status against the current time', () => {
  it.each([
    { now: '2026-12-04T16:00+08:00', doneAt: undefined, status: 'upcoming', sendNext: undefined },
    { now: '2026-12-04T16:30+08:00', doneAt: undefined, status: 'due', sendNext: undefined },
    { now: '2026-12-07T12:00+08:00', doneAt: undefined, status: 'due', sendNext: undefined },
    { now: '2026-12-07T12:01+08:00', doneAt: undefined, status: 'overdue', sendNext: '2026-12-08T09:30+08:00' },
    { now: '2026-12-11T20:00+08:00', doneAt: undefined, status: 'overdue', sendNext: '2026-12-14T09:30+08:00' },
    { now: '2026-12-08T07:00+08:00', doneAt: undefined, status: 'overdue', sendNext: '2026-12-08T09:30+08:00' },
    { now: '2026-12-24T18:00+08:00', doneAt: undefined, status: 'overdue', sendNext: '2026-12-28T09:30+08:00' },
    { now: '2026-12-09T10:00+08:00', doneAt: '2026-12-07T09:35+08:00', status: 'done', sendNext: undefined },
  ])('at $now the thank-you is $status', ({ now, doneAt, status, sendNext }) => {
    const standing = stepStanding(
      thankYou,
      Date.parse(now),
      doneAt ? Date.parse(doneAt) : undefined,
      plan.timeZone,
      testCalendar('SG'),
    );
    expect(standing.status).toBe(status);
    expect(standing.sendNext && formatZonedIso(plan.timeZone, standing.sendNext)).toBe(sendNext);
  });
});
