import { describe, expect, it } from 'vitest';
import { composeMessage, mailtoHref } from '../../../../src/domain/follow-up/messages.ts';
import { inputFrom, planFrom } from './support.ts';

const QUERY =
  'ended=2026-12-04T15:30&tz=Asia/Singapore&holidays=SG&decision=2026-12-11&interviewers=Ana Lim,Ben Ho&role=Credit analyst&company=Lion Bank';
const input = inputFrom(QUERY);
const plan = planFrom(QUERY);
const message = (id: string) =>
  composeMessage(
    input,
    plan.steps.find((step) => step.id === id)!,
    plan.interviewDay,
  );
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
/** Sentences of the message's main paragraph (the one after the greeting). */
const sentences = (body: string) => body.split('\n\n')[1].split(/(?<=[.?!])\s+/).length;

describe('ready messages', () => {
  it('writes each thank-you to its interviewer, naming the role, company and interview day, in 150 words or fewer', () => {
    const first = message('thank-you-1');
    const second = message('thank-you-2');
    expect(first.body.startsWith('Hi Ana Lim,')).toBe(true);
    expect(second.body.startsWith('Hi Ben Ho,')).toBe(true);
    expect(first.subject).toBe('Thank you: Credit analyst');
    expect(first.body).toContain('on Friday 4 December to talk about the Credit analyst role at Lion Bank');
    expect(words(first.body)).toBeLessThanOrEqual(150);
  });

  it('keeps check-ins to three or four sentences and quotes their decision date', () => {
    expect(message('check-in-1').body).toContain('You mentioned you hoped to decide by Friday 11 December');
    for (const id of ['check-in-1', 'check-in-2']) expect(sentences(message(id).body)).toBeGreaterThanOrEqual(3);
    for (const id of ['check-in-1', 'check-in-2']) expect(sentences(message(id).body)).toBeLessThanOrEqual(4);
  });

  it('gives an easy way out in the close-the-loop note, without announcing that we assume the worst', () => {
    // when-to-stop-following-up: "Do not announce that you assume they have lost interest."
    expect(message('close-loop').body).toContain('a one-line reply is plenty');
    expect(message('close-loop').body).not.toMatch(/assume/i);
  });

  it('opens no message with "I hope", which the templates guide tells readers to avoid', () => {
    for (const step of plan.steps) {
      const opening = message(step.id).body.split('\n\n')[1];
      expect(opening, step.id).not.toMatch(/^I hope/);
    }
  });

  it('falls back to neutral wording when the role and company are left empty', () => {
    const bareQuery = 'ended=2026-12-04T15:30&tz=Asia/Singapore';
    const barePlan = planFrom(bareQuery);
    const { subject, body } = composeMessage(inputFrom(bareQuery), barePlan.steps[0], barePlan.interviewDay);
    expect(subject).toBe('Thank you');
    expect(body).toMatch(/^Hi \[name\],/);
    expect(body).toContain('to talk about the role.');
  });

  it('builds a mailto link that carries the subject and body intact', () => {
    const href = mailtoHref({ subject: 'Lion & Co? 100%', body: 'Line one\n\nLine two' });
    const url = new URL(href);
    expect(url.protocol).toBe('mailto:');
    expect(url.searchParams.get('subject')).toBe('Lion & Co? 100%');
    expect(url.searchParams.get('body')).toBe('Line one\n\nLine two');
    expect(href).not.toContain('+');
  });
});
