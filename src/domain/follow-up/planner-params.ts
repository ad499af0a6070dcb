// The planner's share-link parameters: one per field of PlannerInput, named like it (planner-input.ts
// reads and writes them). A module of its own, so the island can tell whether an address holds a plan
// without downloading the parser.
import type { FieldName } from './planner-input.ts';

export const PLANNER_PARAMS = [
  'ended',
  'tz',
  'holidays',
  'stage',
  'decision',
  'asked',
  'askedDate',
  'noFollowUp',
  'agency',
  'interviewers',
  'role',
  'company',
  'outcome',
  'outcomeAt',
  'deadline',
] as const satisfies readonly FieldName[];

/** True when the address carries any planner parameter, so it describes a plan to open. */
export const hasPlannerParams = (params: URLSearchParams) => PLANNER_PARAMS.some((name) => params.has(name));
