/** The words the plan shows for each step: headings, one-sentence reasons and notes. */
import type { CivilDay } from './civil-date.ts';
import { dayLabel, weekdayName } from './day-labels.ts';

export type StepKind =
  'thank-you' | 'check-in-1' | 'check-in-2' | 'close-loop' | 'acknowledge-offer' | 'decide-offer' | 'reply-rejection';

export const STEP_TITLES: Record<StepKind, string> = {
  'thank-you': 'Thank-you note',
  'check-in-1': 'First check-in',
  'check-in-2': 'Second check-in',
  'close-loop': 'Close the loop',
  'acknowledge-offer': 'Acknowledge the offer',
  'decide-offer': 'Decide, or ask for more time',
  'reply-rejection': 'Reply and ask for feedback',
};

export const REASONS = {
  thankYouSameDay:
    'Sent a couple of hours after the interview, while it is fresh for both of you and well inside the 24 hours hiring managers expect.',
  thankYouNextMorning:
    'The interview ended in the afternoon or outside business days, so the note goes first thing the next business morning, still within about 24 hours.',
  askedDate: (day: CivilDay, rolled: boolean) =>
    `They asked you to follow up on ${dayLabel(day)}${rolled ? ' (not a business day, so the next one)' : ''}: keeping to their date shows you listened.`,
  decisionDate: (day: CivilDay, rolled: boolean) =>
    `They planned to decide by ${dayLabel(day)}${rolled ? ', not a business day' : ''}, so you give them two business days past it before asking.`,
  noDate: 'With no date given, about a week (five business days) is the usual wait before a polite check-in.',
  noDateFinal: 'Final rounds take longer to conclude, so with no date given the check-in waits seven business days.',
  checkInTwo:
    'If the first check-in got no reply, one more about a week later is still welcome; more often is too often.',
  closeLoop:
    'After two unanswered check-ins, a last gracious note closes the loop and leaves the door open; then stop.',
  acknowledgeOffer: 'Acknowledge an offer within 24 hours, even before you decide.',
  decideOffer: (deadline: CivilDay) =>
    `Answer, or ask for an extension, two business days before the deadline of ${dayLabel(deadline)}.`,
  replyRejection:
    'A gracious reply the next business day keeps the relationship and is the moment to ask for feedback.',
};

export const NOTES = {
  mondayMoved: (day: CivilDay) =>
    `Moved from Monday to ${weekdayName(day)}: Monday inboxes are full of the weekend's backlog.`,
  yearEnd:
    'Year-end slowdown: between mid-December and early January replies come more slowly. The dates stay; expect to wait.',
  agencyCheckIn: 'Send this to your agency recruiter, not to the employer: the recruiter runs the process.',
  agencyCopy: 'Copy (cc) your agency recruiter so they know you have written.',
  noFollowUp:
    'They asked you not to follow up, so the plan stops at the thank-you note. Respect that and wait for them to contact you.',
  holidaysUnknown: (years: string) =>
    `Public holidays are known for ${years} only; dates outside those years skip weekends but not holidays.`,
};
