/**
 * The planner's messages with square-bracket placeholders, for the articles that print them as templates.
 * Kept out of messages.ts so the planner's island does not carry it.
 */
import { timelineSentence, writeMessage, type EmailMessage } from './messages.ts';
import type { StepKind } from './step-text.ts';

export interface TemplateOptions {
  /** Which timeline sentence a first check-in uses: their decision date (default), their follow-up date, or none. */
  timeline?: 'decision' | 'asked' | 'none';
  /** Check-ins written to an agency recruiter rather than the interviewer. */
  agency?: boolean;
}

export function messageTemplate(kind: StepKind, options: TemplateOptions = {}): EmailMessage {
  const timeline = options.timeline ?? 'decision';
  return writeMessage(kind, {
    theRole: 'the [role] role at [company]',
    about: ': [role]',
    contact: '[name]',
    chaseTo: options.agency ? "[recruiter's name]" : '[name]',
    day: '[day]',
    ourMeeting: options.agency ? 'my interview with [company] on [day]' : 'our conversation on [day]',
    timeline: timelineSentence(timeline, timeline === 'none' ? '' : '[date]'),
    byDeadline: ' by [deadline]',
  });
}
