/** The interview stages the form offers (a final round waits longer before the first check-in). */
export type InterviewStage = 'screen' | 'mid' | 'final';

export const STAGES: Record<InterviewStage, string> = {
  screen: 'Phone screen',
  mid: 'Middle round',
  final: 'Final round',
};
