import { describe, expect, it } from 'vitest';
import {
  isIssueDate,
  issueEmailSchema,
  issueMessageId,
  personalize,
} from '../../../../src/domain/newsletter/issue-email.ts';

const valid = {
  date: '2026-11-30',
  subject: 'Bonus season, read early',
  preheader: 'What the first bonus numbers say.',
  sendAt: '2026-11-30T07:00:00+08:00',
  webUrl: 'http://localhost:4321/newsletter/2026-11-30/',
  html: '<p><a href="{{unsubscribe_url}}">Unsubscribe</a></p>',
  text: 'Unsubscribe: {{unsubscribe_url}}',
};

describe('the issue file the build writes', () => {
  it('accepts the documented shape, with sendAt null or a date-time with its zone', () => {
    expect(issueEmailSchema.parse(valid)).toEqual(valid);
    expect(issueEmailSchema.parse({ ...valid, sendAt: null }).sendAt).toBeNull();
  });

  it.each([
    ['subject', 'x'.repeat(81)],
    ['preheader', 'x'.repeat(141)],
    ['sendAt', '2026-11-30T07:00:00'],
    ['date', '2026-02-30'],
    ['webUrl', 'not a url'],
    ['html', ''],
  ])('refuses a bad %s and names the field', (field, value) => {
    const result = issueEmailSchema.safeParse({ ...valid, [field]: value });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual([field]);
  });

  it('knows a calendar date from a date-shaped string', () => {
    expect(isIssueDate('2028-02-29')).toBe(true);
    expect(isIssueDate('2026-02-29')).toBe(false);
    expect(isIssueDate('2026-1-30')).toBe(false);
  });
});

describe('personalize', () => {
  const link = 'https://news.example/newsletter/unsubscribe/?id=abc&sig=xyz';

  it('fills the unsubscribe link, escaped for HTML and as is in the text', () => {
    const { html, text } = personalize(valid, { unsubscribe_url: link, preferences_url: 'p' });
    expect(html).toBe(
      '<p><a href="https://news.example/newsletter/unsubscribe/?id=abc&#38;sig=xyz">Unsubscribe</a></p>',
    );
    expect(text).toBe(`Unsubscribe: ${link}`);
  });

  it('leaves placeholders it does not know for a later step to notice', () => {
    expect(
      personalize(
        { html: '{{other_url}}', text: '{{unsubscribe_url}} {{x}}' },
        { unsubscribe_url: 'u', preferences_url: 'p' },
      ),
    ).toEqual({
      html: '{{other_url}}',
      text: 'u {{x}}',
    });
  });
});

describe('issueMessageId', () => {
  it('is the same for one issue and reader, and differs for another issue or reader', () => {
    const id = issueMessageId('2026-11-30', 'sub1', 'news.example');
    expect(id).toBe('<issue-2026-11-30-sub1@news.example>');
    expect(issueMessageId('2026-11-30', 'sub1', 'news.example')).toBe(id);
    expect(issueMessageId('2026-12-01', 'sub1', 'news.example')).not.toBe(id);
    expect(issueMessageId('2026-11-30', 'sub2', 'news.example')).not.toBe(id);
  });
});
