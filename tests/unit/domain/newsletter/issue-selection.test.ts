import { describe, expect, it } from 'vitest';
import {
  issueDateFromFileName,
  newSinceIssue,
  previousIssueDate,
  publishedIssues,
} from '../../../../src/domain/newsletter/issue-selection.ts';

const issue = (id: string, draft = false) => ({ id, data: { draft } });

describe('issueDateFromFileName', () => {
  it('takes the date from the file name, with or without its folder and extension', () => {
    expect(issueDateFromFileName('2026-11-27.mdx')).toBe('2026-11-27');
    expect(issueDateFromFileName('2026/2026-11-30.mdx')).toBe('2026-11-30');
    expect(issueDateFromFileName('2026-12-01')).toBe('2026-12-01');
  });

  it('refuses names that are not a real calendar date', () => {
    for (const name of ['monday.mdx', '2026-02-30.mdx', '2026-1-5.mdx', '27-11-2026.mdx', '2026-11-27-extra.mdx']) {
      expect(() => issueDateFromFileName(name), name).toThrow(/YYYY-MM-DD/);
    }
  });
});

describe('publishedIssues', () => {
  const all = [
    issue('2026-11-30'),
    issue('2026-12-03'),
    issue('2026-11-27'),
    issue('2026-12-01', true),
    issue('2026-12-02'),
  ];

  it('keeps issues dated up to today, newest first, and leaves drafts and future issues out', () => {
    expect(publishedIssues(all, '2026-12-02').map((i) => i.id)).toEqual(['2026-12-02', '2026-11-30', '2026-11-27']);
  });

  it('shows drafts when asked (the dev server), but still not the future', () => {
    expect(publishedIssues(all, '2026-12-02', true).map((i) => i.id)).toEqual([
      '2026-12-02',
      '2026-12-01',
      '2026-11-30',
      '2026-11-27',
    ]);
  });
});

describe('previousIssueDate', () => {
  const dates = ['2026-12-01', '2026-11-27', '2026-11-30'];

  it('is the latest issue strictly before the date, whatever the order given', () => {
    expect(previousIssueDate(dates, '2026-12-01')).toBe('2026-11-30');
    expect(previousIssueDate(dates, '2026-11-30')).toBe('2026-11-27');
  });

  it('is null for the first issue', () => {
    expect(previousIssueDate(dates, '2026-11-27')).toBeNull();
  });
});

describe('newSinceIssue', () => {
  const items = ['2026-11-26', '2026-11-27', '2026-11-28', '2026-11-30', '2026-12-01'].map((date) => ({ date }));
  const dateOf = (item: { date: string }) => item.date;

  it('lists what appeared after the previous issue and up to the issue day, newest first', () => {
    expect(newSinceIssue(items, dateOf, '2026-11-27', '2026-11-30').map(dateOf)).toEqual(['2026-11-30', '2026-11-28']);
  });

  it('leaves out what the previous issue already covered and anything after the issue', () => {
    const listed = newSinceIssue(items, dateOf, '2026-11-28', '2026-11-30').map(dateOf);
    expect(listed).not.toContain('2026-11-28');
    expect(listed).not.toContain('2026-12-01');
  });

  it('takes everything up to the day for the first issue, at most the limit', () => {
    expect(newSinceIssue(items, dateOf, null, '2026-11-30').map(dateOf)).toEqual([
      '2026-11-30',
      '2026-11-28',
      '2026-11-27',
      '2026-11-26',
    ]);
    expect(newSinceIssue(items, dateOf, null, '2026-12-01', 2).map(dateOf)).toEqual(['2026-12-01', '2026-11-30']);
  });
});
