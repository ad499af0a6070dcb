/** Step ids, shared by the schedule and by the saved-plan list (which must not load the whole schedule). */

/** `thank-you` when no names were given, otherwise `thank-you-1`, `thank-you-2` ... in the order typed. */
export function thankYouStepIds(interviewers: readonly string[]): string[] {
  return interviewers.length ? interviewers.map((_, index) => `thank-you-${index + 1}`) : ['thank-you'];
}

/** The steps that chase the employer after the thank-you, in order. */
export const CHASE_STEP_IDS = ['check-in-1', 'check-in-2', 'close-loop'] as const;
