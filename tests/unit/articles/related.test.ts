import { describe, expect, it } from 'vitest';
import { relatedArticles, type RankableArticle } from '../../../src/lib/articles/related';

const a = (id: string, topics: string[], day: number): RankableArticle => ({ id, topics, pubDate: new Date(Date.UTC(2026, 0, day)) });

describe('relatedArticles', () => {
  const current = a('current', ['interviewing', 'job-search'], 20);
  const all = [
    current,
    a('one-shared-new', ['interviewing'], 19),
    a('two-shared-old', ['interviewing', 'job-search'], 2),
    a('none-newest', ['offers'], 25),
    a('one-shared-old', ['job-search'], 3),
    a('two-shared-new', ['job-search', 'interviewing', 'offers'], 10),
    a('none-old', ['networking'], 1),
  ];

  it('ranks by shared topics, then recency, and never lists the article itself', () => {
    expect(relatedArticles(current, all).map((r) => r.id)).toEqual(['two-shared-new', 'two-shared-old', 'one-shared-new', 'one-shared-old']);
  });

  it('fills remaining places with the newest unrelated articles', () => {
    expect(relatedArticles(current, all, 6).map((r) => r.id)).toEqual([
      'two-shared-new', 'two-shared-old', 'one-shared-new', 'one-shared-old', 'none-newest', 'none-old',
    ]);
  });

  it('breaks exact ties by id so builds are deterministic', () => {
    const tied = [a('b', ['x'], 5), a('a', ['x'], 5)];
    expect(relatedArticles(a('c', ['x'], 9), tied).map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('returns fewer when there are fewer articles', () => {
    expect(relatedArticles(current, [current])).toEqual([]);
  });
});
