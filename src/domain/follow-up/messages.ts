/**
 * Ready-to-send emails for each step. Short on purpose: a thank-you under about 150 words,
 * check-ins of three or four sentences, and a close that gives the reader an easy way out.
 * Square brackets mark what only the candidate can fill in.
 */
import { parseIsoDay, type CivilDay } from './civil-date.ts';
import { dayLabel } from './day-labels.ts';
import type { PlannerInput } from './planner-input.ts';
import type { PlanStep } from './schedule.ts';

export interface EmailMessage {
  subject: string;
  body: string;
}

const SIGN_OFF = 'Best regards,\n[Your name]';

export function composeMessage(input: PlannerInput, step: PlanStep, interviewDay: CivilDay): EmailMessage {
  const { role, company } = input;
  const theRole = `the ${role ? `${role} ` : ''}role${company ? ` at ${company}` : ''}`;
  const day = dayLabel(interviewDay);
  const contact = input.interviewers[0] ?? '[name]';
  // With an agency, everything after the thank-you goes through the recruiter.
  const chaseTo = input.agency ? "[recruiter's name]" : contact;
  const ourMeeting = input.agency
    ? `my interview${company ? ` with ${company}` : ''} on ${day}`
    : `our conversation on ${day}`;
  const about = role ? `: ${role}` : '';
  const write = (subject: string, greeting: string, ...paragraphs: string[]): EmailMessage => ({
    subject,
    body: [`Hi ${greeting},`, ...paragraphs, SIGN_OFF].join('\n\n'),
  });

  switch (step.kind) {
    case 'thank-you':
      return write(
        `Thank you${about}`,
        step.interviewer ?? contact,
        `Thank you for taking the time to meet me on ${day} to talk about ${theRole}. I enjoyed hearing about [something specific from the conversation], and it made me even keener to join the team.`,
        '[One sentence that adds to an answer you gave, or a point you did not get to make.]',
        'If anything else would help, I would be glad to send it.',
      );
    case 'check-in-1':
      return write(
        `Following up${about}`,
        chaseTo,
        `I hope you are well. I am following up on ${ourMeeting} about ${theRole}, which I remain very keen on. ${timelineLine(input)} I would be happy to send anything else that would help.`,
      );
    case 'check-in-2':
      return write(
        `Checking in${about}`,
        chaseTo,
        `I wanted to follow up once more on ${theRole}. I am still very interested, and I would welcome any news on the timeline. If it would help, I can share [references or a short work sample].`,
      );
    case 'close-loop':
      return write(
        `Closing the loop${about}`,
        chaseTo,
        `I have not heard back about ${theRole}, so I will assume the team has gone another way or the timing is not right, and I will not keep writing. If things change, I would be very glad to hear from you. Thank you again for your time on ${day}.`,
      );
    case 'acknowledge-offer':
      return write(
        `Thank you for the offer${about}`,
        contact,
        `Thank you very much for the offer for ${theRole}; I am delighted to receive it. I will read the details carefully and come back to you${deadlineLine(input)}. [Any question about the package or the start date.]`,
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

function timelineLine(input: PlannerInput): string {
  const asked = input.asked ? parseIsoDay(input.askedDate) : undefined;
  if (asked !== undefined) return `You asked me to get in touch around ${dayLabel(asked)}, so I am doing just that.`;
  const decision = parseIsoDay(input.decision);
  if (decision !== undefined)
    return `You mentioned you hoped to decide by ${dayLabel(decision)}, so I wanted to ask whether there is any news.`;
  return 'Is there any update on the timeline?';
}

function deadlineLine(input: PlannerInput): string {
  const deadline = parseIsoDay(input.deadline);
  return deadline === undefined ? ' soon' : ` by ${dayLabel(deadline)}`;
}

/** A `mailto:` link with the subject and body filled in; the reader adds the address. */
export function mailtoHref(message: EmailMessage): string {
  return `mailto:?subject=${encodeURIComponent(message.subject)}&body=${encodeURIComponent(message.body)}`;
}
