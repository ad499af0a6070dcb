/**
 * Everything the planner needs once there is an interview to plan: validation, the rules, the holiday
 * data and the plan view. Loaded on the first submit, or at once when a link or a saved plan has one,
 * so a visit that only looks at the form downloads the form alone.
 */
export { readPlannerParams, writePlannerParams } from '../../domain/follow-up/planner-input.ts';
export { PlanView } from './PlanView.tsx';
