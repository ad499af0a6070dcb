import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from '../../../../src/domain/follow-up/business-days.ts';
import { composeMessage } from '../../../../src/domain/follow-up/messages.ts';
import { scheduleFollowUps } from '../../../../src/domain/follow-up/schedule.ts';
import { inputFrom, planFrom } from './support.ts';

const notesOf = (query: string) =>
  Object.fromEntries(planFrom(query).steps.map((step) => [step.id, step.notes.join(' ')]));

describe('adjustments and notices', () => {
  it.each([
    {
      ended: '2026-12-15T10:00',
      yearEnd: false,
      why: '15 December itself is outside (worked example: the 15 December check-in has no notice)',
    },
    { ended: '2026-12-16T10:00', yearEnd: true, why: '16 December' },
    { ended: '2027-01-04T10:00', yearEnd: true, why: '4 January' },
    { ended: '2027-01-05T10:00', yearEnd: false, why: '5 January itself is outside' },
    { ended: '2026-07-01T10:00', yearEnd: false, why: 'July' },
  ])('year-end notice on a same-day thank-you: $why', ({ ended, yearEnd }) => {
    expect(/Year-end slowdown/.test(notesOf(`ended=${ended}&tz=UTC&holidays=none`)['thank-you'])).toBe(yearEnd);
  });

  it("worked example: only check-in 2 carries the year-end notice and the dates don't move", () => {
    const notes = notesOf('ended=2026-12-04T15:30&tz=Asia/Singapore&holidays=SG&decision=2026-12-11');
    expect(notes['check-in-2']).toMatch(/Year-end slowdown/);
    expect(notes['thank-you']).not.toMatch(/Year-end/);
    expect(notes['check-in-1']).not.toMatch(/Year-end/);
  });

  it('says why a Monday check-in moved, naming the new day', () => {
    const notes = notesOf('ended=2026-02-13T16:00&tz=Asia/Singapore&holidays=SG&decision=2026-02-17');
    expect(notes['check-in-1']).toBe("Moved from Monday to Tuesday: Monday inboxes are full of the weekend's backlog.");
  });

  it('keeps the plan to thank-you notes and says why when they asked not to be chased', () => {
    const plan = planFrom('ended=2026-09-01T10:00&tz=Asia/Singapore&holidays=SG&noFollowUp=1');
    expect(plan.steps.map((step) => step.kind)).toEqual(['thank-you']);
    expect(plan.notes.join(' ')).toMatch(/asked you not to follow up/);
  });

  it('sends check-ins through the agency recruiter and copies them on the thank-you', () => {
    const query =
      'ended=2026-09-01T10:00&tz=Asia/Singapore&holidays=SG&agency=1&interviewers=Ana Lim&company=Lion Bank';
    const plan = planFrom(query);
    const notes = Object.fromEntries(plan.steps.map((step) => [step.id, step.notes.join(' ')]));
    expect(notes['thank-you-1']).toMatch(/Copy \(cc\) your agency recruiter/);
    for (const id of ['check-in-1', 'check-in-2', 'close-loop'])
      expect(notes[id]).toMatch(/agency recruiter, not to the employer/);
    const checkIn = plan.steps.find((step) => step.id === 'check-in-1')!;
    const message = composeMessage(inputFrom(query), checkIn, plan.interviewDay);
    expect(message.body).toMatch(/^Hi \[recruiter's name\],/);
    expect(message.body).toContain('my interview with Lion Bank on Tuesday 1 September');
  });

  it('warns when a plan runs past the years whose holidays are known', () => {
    const calendar = createBusinessCalendar(['2026-12-25'], [2026]);
    const plan = scheduleFollowUps(
      inputFrom('ended=2026-12-04T15:30&tz=Asia/Singapore&holidays=SG&decision=2026-12-11'),
      calendar,
    )!;
    expect(plan.notes).toContain(
      'Public holidays are known for 2026–2026 only; dates outside those years skip weekends but not holidays.',
    );
    const inside = scheduleFollowUps(inputFrom('ended=2026-06-01T10:00&tz=Asia/Singapore&holidays=SG'), calendar)!;
    expect(inside.notes).toEqual([]);
  });

  it('explains a rolled decision date in the reason', () => {
    const plan = planFrom('ended=2026-09-01T10:00&tz=Asia/Hong_Kong&holidays=HK&decision=2026-09-05');
    expect(plan.steps.find((step) => step.id === 'check-in-1')!.reason).toBe(
      'They planned to decide by Saturday 5 September, not a business day, so you give them two business days past it before asking.',
    );
  });
});
