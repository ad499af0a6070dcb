import { describe, expect, it } from 'vitest';
import { workedExample } from '../../../../src/domain/follow-up/worked-example.ts';
import { planFrom, stepTimes } from './support.ts';

describe('worked examples for articles', () => {
  it("dates the spec's worked example exactly as the planner does", () => {
    const example = workedExample({
      ended: '2026-12-04T15:30',
      tz: 'Asia/Singapore',
      holidays: 'SG',
      decision: '2026-12-11',
    });
    const plan = planFrom('ended=2026-12-04T15:30&tz=Asia/Singapore&holidays=SG&stage=mid&decision=2026-12-11');
    expect(example.steps.map((step) => step.id)).toEqual(plan.steps.map((step) => step.id));
    const times = stepTimes(plan);
    for (const step of example.steps) {
      expect({ earliest: step.earliest.iso, ideal: step.ideal.iso, latest: step.latest.iso }).toEqual(times[step.id]);
    }
    expect(example.steps[1].ideal).toEqual({
      iso: '2026-12-15T09:30+08:00',
      text: 'Tuesday 15 December 2026, 09:30 GMT+8',
    });
    expect(example.summary).toBe(
      'Middle round ended Friday 4 December 2026, 15:30 GMT+8; Singapore public holidays; decision promised by Friday 11 December 2026',
    );
    expect(example.query).toBe(
      'ended=2026-12-04T15%3A30&tz=Asia%2FSingapore&holidays=SG&stage=mid&decision=2026-12-11',
    );
  });

  it('guesses the holiday calendar from the zone and shows only the steps asked for', () => {
    const example = workedExample({
      ended: '2026-06-11T11:00',
      tz: 'Asia/Hong_Kong',
      decision: '2026-06-18',
      steps: 'check-in-1',
    });
    expect(example.input.holidays).toBe('HK');
    // 19 June 2026 is the Tuen Ng Festival in Hong Kong: the check-in skips it.
    expect(example.steps.map((step) => [step.id, step.ideal.iso])).toEqual([['check-in-1', '2026-06-23T09:30+08:00']]);
  });

  it('keeps the dates of a past year when the site is rebuilt later (holidays of the example year)', () => {
    const example = workedExample({
      ended: '2025-12-24T16:00',
      tz: 'Europe/London',
      holidays: 'GB',
      steps: 'thank-you',
    });
    // 25 and 26 December 2025 are bank holidays: the next business morning is Monday 29 December.
    expect(example.steps[0].ideal.iso).toBe('2025-12-29T09:30+00:00');
  });

  it('dates an offer: acknowledge it and decide two business days before the deadline', () => {
    const example = workedExample({
      ended: '2026-12-01T10:00',
      tz: 'Europe/London',
      outcome: 'offer',
      outcomeAt: '2026-12-18T18:40',
      deadline: '2026-12-29',
    });
    expect(example.steps.map((step) => [step.id, step.ideal.iso])).toEqual([
      ['thank-you', '2026-12-01T12:00+00:00'],
      ['acknowledge-offer', '2026-12-21T09:30+00:00'],
      ['decide-offer', '2026-12-23T09:30+00:00'],
    ]);
  });

  it('fails loudly on an example the planner would reject, quoting the field', () => {
    expect(() => workedExample({ ended: '2026-02-30T10:00', tz: 'Asia/Singapore' })).toThrow(/ended/);
    expect(() => workedExample({ ended: '2026-12-04T10:00', tz: 'Asia/Singapore', decision: '2026-12-01' })).toThrow(
      /decision/,
    );
    expect(() => workedExample({ ended: '2026-12-04T10:00', tz: 'Asia/Singapore', steps: 'check-in-9' })).toThrow(
      /check-in-9/,
    );
  });
});
