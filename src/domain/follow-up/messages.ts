/**
 * Ready-to-send emails for each step: the one message library. The planner fills them in from an
 * interview; the articles show the same texts with square-bracket placeholders (message-templates.ts),
 * so a guide and the planner can never offer two different emails.
 * Short on purpose and in line with the guides: a thank-you under about 150 words, check-ins of three
 * or four sentences that open with the point (no "I hope..."), and a close that gives the reader an easy
 * way out without announcing that we assume the worst.
 */
import { parseIsoDay, type CivilDay } from './civil-date.ts';
import { dayLabel } from './day-labels.ts';
import type { PlannerInput } from './planner-input.ts';
import type { PlanStep } from './schedule.ts';
import type { StepKind } from './step-text.ts';

export interface EmailMessage {
  subject: string;
  body: string;
}

/** Everything a message needs, already as words: real names and dates, or placeholders. */
export interface MessageFields {
  /** "the Credit analyst role at Lion Bank", or "the [role] role at [company]". */
  theRole: string;
  /** ": Credit analyst" for subject lines, or '' when no role is known. */
  about: string;
  /** Who the thank-you (or an offer reply) greets. */
  contact: string;
  /** Who the check-ins greet: the interviewer, or the agency recruiter. */
  chaseTo: string;
  /** "Friday 4 December" or "[day]". */
  day: string;
  /** "our conversation on Friday 4 December", or the agency's "my interview with Lion Bank on ...". */
  ourMeeting: string;
  /** The check-in's sentence about the timeline they gave. */
  timeline: string;
  /** " by Friday 18 December", " soon", or " by [deadline]". */
  byDeadline: string;
}

const SIGN_OFF = 'Best regards,\n[Your name]';

export function composeMessage(input: PlannerInput, step: PlanStep, interviewDay: CivilDay): EmailMessage {
  const { role, company } = input;
  const day = dayLabel(interviewDay);
  const contact = input.interviewers[0] ?? '[name]';
  return writeMessage(step.kind, {
    theRole: `the ${role ? `${role} ` : ''}role${company ? ` at ${company}` : ''}`,
    about: role ? `: ${role}` : '',
    contact: step.interviewer ?? contact,
    // With an agency, everything after the thank-you goes through the recruiter.
    chaseTo: input.agency ? "[recruiter's name]" : contact,
    day,
    ourMeeting: input.agency
      ? `my interview${company ? ` with ${company}` : ''} on ${day}`
      : `our conversation on ${day}`,
    timeline: timelineLine(input),
    byDeadline: deadlineLine(input),
  });
}

/** The texts themselves, one per step kind, from words already chosen. */
export function writeMessage(kind: StepKind, fields: MessageFields): EmailMessage {
  const { theRole, about, contact, chaseTo, day, ourMeeting, timeline, byDeadline } = fields;
  const write = (subject: string, greeting: string, ...paragraphs: string[]): EmailMessage => ({
    subject,
    body: [`Hi ${greeting},`, ...paragraphs, SIGN_OFF].join('\n\n'),
  });

  switch (kind) {
    case 'thank-you':
      return write(
        `Thank you${about}`,
        contact,
        `Thank you for taking the time to meet me on ${day} to talk about ${theRole}. I enjoyed hearing about [something specific from the conversation].`,
        '[One sentence that adds to an answer you gave, or a point you did not get to make.]',
        'I am very keen to join the team and would welcome the next step. If references or examples of my work would help, I can send them at once.',
      );
    case 'check-in-1':
      return write(
        `Following up${about}`,
        chaseTo,
        `I am following up on ${ourMeeting} about ${theRole}, which I remain very keen on. ${timeline} I would be happy to send anything else that would help.`,
      );
    case 'check-in-2':
      return write(
        `Checking in${about}`,
        chaseTo,
        `I wanted to follow up once more on ${theRole}. I am still very interested, and I would welcome any news on the timeline. If it would help, I can share [references, a short work sample, or a new point such as a confirmed notice period].`,
      );
    case 'close-loop':
      return write(
        `Closing the loop${about}`,
        chaseTo,
        `I know decisions like this take time, and I do not want to keep adding to your inbox, so this will be my last note about ${theRole}. If the position has been filled or the search has changed direction, a one-line reply is plenty. If it is still open, I remain very interested.`,
        `Either way, I would be glad to be considered for similar roles in future. Thank you again for your time on ${day}.`,
      );
    case 'acknowledge-offer':
      return write(
        `Thank you for the offer${about}`,
        contact,
        `Thank you very much for the offer for ${theRole}; I am delighted to receive it. I will read the details carefully and come back to you${byDeadline}. [Any question about the package or the start date.]`,
      );
    case 'decide-offer':
      return write(
        `Your offer${about}`,
        contact,
        `Thank you again for the offer for ${theRole}.`,
        '[To accept:] I am delighted to accept, and I look forward to confirming the next steps.',
        '[Or, to ask for more time:] I am giving the offer the careful thought it deserves. Would it be possible to have until [date] to give you my answer?',
      );
    case 'reply-rejection':
      return write(
        `Thank you${about}`,
        contact,
        `Thank you for letting me know, and for the time you and the team gave me. If you could spare a moment, I would value any feedback on how I could have made a stronger case. I hope our paths cross again.`,
      );
  }
}

/** The check-in's timeline sentence: their follow-up date, their decision date, or a plain question. */
export function timelineSentence(kind: 'asked' | 'decision' | 'none', date = ''): string {
  if (kind === 'asked') return `You asked me to get in touch around ${date}, so I am doing just that.`;
  if (kind === 'decision')
    return `You mentioned you hoped to decide by ${date}, so I wanted to ask whether there is any news.`;
  return 'Is there any update on the timeline?';
}

function timelineLine(input: PlannerInput): string {
  const asked = input.asked ? parseIsoDay(input.askedDate) : undefined;
  if (asked !== undefined) return timelineSentence('asked', dayLabel(asked));
  const decision = parseIsoDay(input.decision);
  if (decision !== undefined) return timelineSentence('decision', dayLabel(decision));
  return timelineSentence('none');
}

function deadlineLine(input: PlannerInput): string {
  const deadline = parseIsoDay(input.deadline);
  return deadline === undefined ? ' soon' : ` by ${dayLabel(deadline)}`;
}

/** A `mailto:` link with the subject and body filled in; the reader adds the address. */
export function mailtoHref(message: EmailMessage): string {
  return `mailto:?subject=${encodeURIComponent(message.subject)}&body=${encodeURIComponent(message.body)}`;
}
