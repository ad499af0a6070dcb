/** Class lists shared by the planner's controls, so each is written (and shipped) once. */
export const INPUT = 'mt-1 block w-full rounded border border-border bg-bg px-3 py-2 text-fg';
export const BUTTON =
  'rounded border border-border bg-surface px-3 py-1.5 font-medium text-fg hover:border-accent print:hidden';
export const PRIMARY = 'rounded bg-accent px-4 py-2 font-semibold text-accent-fg';
export const ERROR = 'mt-1 text-sm font-medium text-[#a3231a] dark:text-[#ff9b8f]';
export const NOTICE = 'rounded border-l-4 border-accent bg-surface p-3 print:hidden';
