import { describe, expect, it } from 'vitest';
import { emptySavedPlans } from '../../../../src/domain/follow-up/plan-store.ts';
import {
  FOCUS_LIMIT,
  isActivePlan,
  markDone,
  openPlan,
  removePlan,
  savedPlanLabel,
} from '../../../../src/domain/follow-up/saved-plans.ts';
import { planFrom } from './support.ts';

const Q1 = 'ended=2026-12-04T15%3A30&tz=Asia%2FSingapore&holidays=SG&stage=mid&role=Analyst&company=Lion+Bank';
const Q2 = 'ended=2026-12-07T10%3A00&tz=Europe%2FLondon&holidays=GB&stage=final';

describe('saved plans', () => {
  it('reopens an identical plan with its ticks instead of adding a copy', () => {
    let saved = openPlan(emptySavedPlans(), Q1, 1);
    const id = saved.currentId!;
    saved = markDone(saved, id, 'thank-you', 1000);
    saved = openPlan(saved, Q2, 2);
    expect(saved.plans).toHaveLength(2);
    saved = openPlan(saved, Q1, 3);
    expect(saved.plans).toHaveLength(2);
    expect(saved.currentId).toBe(id);
    expect(saved.plans.find((plan) => plan.id === id)!.done).toEqual({ 'thank-you': 1000 });
  });

  it('updates the plan being edited and keeps its ticks', () => {
    let saved = openPlan(emptySavedPlans(), Q1, 1);
    const id = saved.currentId!;
    saved = markDone(saved, id, 'thank-you', 1000);
    saved = openPlan(saved, `${Q1}&decision=2026-12-11`, 2, id);
    expect(saved.plans).toHaveLength(1);
    expect(saved.plans[0]).toMatchObject({ id, query: `${Q1}&decision=2026-12-11`, done: { 'thank-you': 1000 } });
    saved = markDone(saved, id, 'thank-you', undefined);
    expect(saved.plans[0].done).toEqual({});
  });

  it('removes a plan and makes the last remaining one current', () => {
    let saved = openPlan(openPlan(emptySavedPlans(), Q1, 1), Q2, 2);
    const [first, second] = saved.plans;
    saved = removePlan(saved, second.id);
    expect(saved).toEqual({ currentId: first.id, plans: [first] });
    expect(removePlan(saved, first.id)).toEqual({ currentId: null, plans: [] });
  });

  it('counts a plan as active until an outcome or the last tick, which is what the focus reminder counts', () => {
    let saved = openPlan(emptySavedPlans(), `${Q1}&noFollowUp=1`, 1);
    const plan = () => saved.plans[0];
    expect(isActivePlan(plan())).toBe(true);
    saved = markDone(saved, plan().id, 'thank-you', 5);
    expect(isActivePlan(plan())).toBe(false);
    const withOffer = openPlan(emptySavedPlans(), `${Q2}&outcome=rejection&outcomeAt=2026-12-20T10%3A00`, 1);
    expect(isActivePlan(withOffer.plans[0])).toBe(false);
    expect(FOCUS_LIMIT).toBe(5);
  });

  it.each([
    'ended=2026-12-04T15%3A30&tz=Asia%2FSingapore&holidays=SG',
    'ended=2026-12-04T15%3A30&tz=Asia%2FSingapore&holidays=SG&interviewers=Ana%2CBen%2CCy',
    'ended=2026-12-04T15%3A30&tz=Asia%2FSingapore&holidays=SG&interviewers=Ana&noFollowUp=1',
  ])('stays active exactly until every step the schedule lists is ticked (%s)', (query) => {
    const steps = planFrom(query).steps.map((step) => step.id);
    let saved = openPlan(emptySavedPlans(), query, 1);
    const id = saved.currentId!;
    for (const stepId of steps) {
      expect(isActivePlan(saved.plans[0])).toBe(true);
      saved = markDone(saved, id, stepId, 10);
    }
    expect(isActivePlan(saved.plans[0])).toBe(false);
  });

  it('labels plans by role, company and interview day', () => {
    const saved = openPlan(openPlan(emptySavedPlans(), Q1, 1), Q2, 2);
    expect(saved.plans.map(savedPlanLabel)).toEqual(['Analyst, Lion Bank (2026-12-04)', 'Interview (2026-12-07)']);
  });
});
