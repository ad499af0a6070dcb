/** Turns a plan into calendar events: each reminder carries the window, the reason and the ready message. */
import type { CalendarEvent } from './ics.ts';
import { formatMoment } from './format-time.ts';
import { composeMessage } from './messages.ts';
import type { PlannerInput } from './planner-input.ts';
import type { FollowUpPlan, PlanStep } from './schedule.ts';
import { STEP_TITLES } from './step-text.ts';

/** "Thank-you note to Ana Lim", "First check-in". */
export function stepHeading(step: PlanStep): string {
  return step.interviewer ? `${STEP_TITLES[step.kind]} to ${step.interviewer}` : STEP_TITLES[step.kind];
}

export function planCalendarEvents(
  plan: FollowUpPlan,
  input: PlannerInput,
  planId: string,
  domain: string,
): CalendarEvent[] {
  const about = [input.role, input.company].filter(Boolean).join(', ');
  return plan.steps.map((step) => {
    const message = composeMessage(input, step, plan.interviewDay);
    const window = `Send between ${formatMoment(step.earliest, plan.timeZone)} and ${formatMoment(step.latest, plan.timeZone)}.`;
    return {
      uid: `${planId}-${step.id}@${domain}`,
      start: step.ideal,
      summary: about ? `${stepHeading(step)} (${about})` : stepHeading(step),
      description: [step.reason, window, ...step.notes, `Subject: ${message.subject}`, message.body].join('\n\n'),
    };
  });
}
