import { describe, expect, it } from 'vitest';
import { draftIssue, newSince } from '../../../../src/domain/newsletter/draft-template.ts';

describe('newSince', () => {
  const items = [{ date: '2026-11-20' }, { date: '2026-11-28' }, { date: '2026-11-29' }, { date: '2026-12-05' }];
  it('keeps what came after the previous issue and not after this one, newest first', () => {
    expect(newSince(items, '2026-11-20', '2026-11-30')).toEqual([{ date: '2026-11-29' }, { date: '2026-11-28' }]);
    expect(newSince(items, null, '2026-11-30')).toHaveLength(3);
  });
});

describe('draftIssue', () => {
  it('has the frontmatter fields of an issue and lists what is new, inside MDX comments', () => {
    const text = draftIssue({
      date: '2026-11-30',
      since: '2026-11-27',
      articles: [{ date: '2026-11-28', title: 'Handling offers', file: 'content/articles/offers.mdx' }],
      jobs: [],
    });
    expect(text).toMatch(/^---\nsubject: "The Follow-Through briefing for 2026-11-30"\npreheader: ".+"\n---\n/);
    expect(text).toContain('New since the issue of 2026-11-27:');
    expect(text).toContain('- 2026-11-28 Handling offers (content/articles/offers.mdx)');
    expect(text).toMatch(/Jobs:\n {2}\(none\)\n\*\/\}/);
  });
});
