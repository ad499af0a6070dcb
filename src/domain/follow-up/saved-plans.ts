/** Operations on the reader's list of saved plans (pure: the island persists the result). */
import { newPlanId, type SavedPlan, type SavedPlans } from './plan-store.ts';
import { CHASE_STEP_IDS, thankYouStepIds } from './step-ids.ts';

/** Past this many active plans the planner repeats the flagship's advice to focus. */
export const FOCUS_LIMIT = 5;

/**
 * Makes the plan for `query` current. An identical saved plan is reopened (with its ticks);
 * otherwise `replaceId` names a plan being edited, or a new plan is added.
 */
export function openPlan(saved: SavedPlans, query: string, now: number, replaceId: string | null = null): SavedPlans {
  const same = saved.plans.find((plan) => plan.query === query);
  if (same) return { ...saved, currentId: same.id };
  if (replaceId && saved.plans.some((plan) => plan.id === replaceId)) {
    const plans = saved.plans.map((plan) => (plan.id === replaceId ? { ...plan, query, savedAt: now } : plan));
    return { currentId: replaceId, plans };
  }
  const plan: SavedPlan = { id: newPlanId(now, Math.random()), query, done: {}, savedAt: now };
  return { currentId: plan.id, plans: [...saved.plans, plan] };
}

/** Ticks a step done at `at`, or clears the tick when `at` is undefined. */
export function markDone(saved: SavedPlans, planId: string, stepId: string, at: number | undefined): SavedPlans {
  const plans = saved.plans.map((plan) => {
    if (plan.id !== planId) return plan;
    const done = { ...plan.done };
    if (at === undefined) delete done[stepId];
    else done[stepId] = at;
    return { ...plan, done };
  });
  return { ...saved, plans };
}

export function removePlan(saved: SavedPlans, planId: string): SavedPlans {
  const plans = saved.plans.filter((plan) => plan.id !== planId);
  return { currentId: plans.at(-1)?.id ?? null, plans };
}

/**
 * A plan is active until an outcome is recorded or every step is ticked. Saved queries were written by
 * writePlannerParams, so their parameters can be read directly, without loading the whole planner.
 */
export function isActivePlan(plan: SavedPlan): boolean {
  const params = new URLSearchParams(plan.query);
  if (params.get('outcome')) return false;
  const names = (params.get('interviewers') ?? '').split(',').filter(Boolean);
  const steps = [...thankYouStepIds(names), ...(params.get('noFollowUp') ? [] : CHASE_STEP_IDS)];
  return steps.some((id) => plan.done[id] === undefined);
}

/** "Credit analyst, Lion Bank (2026-12-04)": how a saved plan is listed in the switcher. */
export function savedPlanLabel(plan: SavedPlan): string {
  const params = new URLSearchParams(plan.query);
  const what = [params.get('role'), params.get('company')].filter(Boolean).join(', ') || 'Interview';
  return `${what} (${(params.get('ended') ?? '').slice(0, 10)})`;
}
