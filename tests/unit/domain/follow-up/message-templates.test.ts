import { describe, expect, it } from 'vitest';
import { messageTemplate } from '../../../../src/domain/follow-up/message-templates.ts';
import { composeMessage } from '../../../../src/domain/follow-up/messages.ts';
import { inputFrom, planFrom } from './support.ts';

describe('message templates for the articles', () => {
  it('prints the planner’s own messages with square-bracket placeholders', () => {
    const template = messageTemplate('check-in-1');
    expect(template.subject).toBe('Following up: [role]');
    expect(template.body).toBe(
      'Hi [name],\n\nI am following up on our conversation on [day] about the [role] role at [company], which I remain very keen on. You mentioned you hoped to decide by [date], so I wanted to ask whether there is any news. I would be happy to send anything else that would help.\n\nBest regards,\n[Your name]',
    );
  });

  it('differs from a filled-in planner message only where the planner knows the facts', () => {
    const query =
      'ended=2026-12-04T15:30&tz=Asia/Singapore&decision=2026-12-11&interviewers=Ana Lim&role=Analyst&company=Lion Bank';
    const plan = planFrom(query);
    const filled = composeMessage(
      inputFrom(query),
      plan.steps.find((s) => s.id === 'close-loop')!,
      plan.interviewDay,
    );
    const template = messageTemplate('close-loop');
    const fill = (text: string) =>
      text
        .replaceAll('[role]', 'Analyst')
        .replaceAll('[company]', 'Lion Bank')
        .replace('[name]', 'Ana Lim')
        .replace('[day]', 'Friday 4 December');
    expect(fill(template.body)).toBe(filled.body);
    expect(fill(template.subject)).toBe(filled.subject);
  });

  it('writes to the recruiter and uses the other timeline sentences when asked', () => {
    expect(messageTemplate('check-in-1', { agency: true, timeline: 'none' }).body).toMatch(
      /^Hi \[recruiter's name\],\n\nI am following up on my interview with \[company\] on \[day\].*Is there any update on the timeline\?/s,
    );
    expect(messageTemplate('check-in-1', { timeline: 'asked' }).body).toContain(
      'You asked me to get in touch around [date]',
    );
  });
});
