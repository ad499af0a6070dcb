import { describe, expect, it } from 'vitest';
import { relatedIndex, type RankableArticle } from '../../../../src/domain/articles/related';

const a = (id: string, topics: string[], day: number): RankableArticle => ({
  id,
  topics,
  pubDate: new Date(Date.UTC(2026, 0, day)),
});

describe('relatedIndex ranking', () => {
  const relatedArticles = (current: RankableArticle, all: RankableArticle[], limit?: number) =>
    relatedIndex(all).relatedTo(current, limit);
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
    expect(relatedArticles(current, all).map((r) => r.id)).toEqual([
      'two-shared-new',
      'two-shared-old',
      'one-shared-new',
      'one-shared-old',
    ]);
  });

  it('fills remaining places with the newest unrelated articles', () => {
    expect(relatedArticles(current, all, 6).map((r) => r.id)).toEqual([
      'two-shared-new',
      'two-shared-old',
      'one-shared-new',
      'one-shared-old',
      'none-newest',
      'none-old',
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

describe('relatedIndex', () => {
  /** The ranking written out directly: score every other article, sort, cut. The index must agree with it. */
  const byDefinition = (current: RankableArticle, all: RankableArticle[], limit: number) =>
    all
      .filter((x) => x.id !== current.id)
      .map((x) => ({ x, shared: x.topics.filter((t) => current.topics.includes(t)).length }))
      .sort(
        (p, q) => q.shared - p.shared || q.x.pubDate.getTime() - p.x.pubDate.getTime() || p.x.id.localeCompare(q.x.id),
      )
      .slice(0, limit)
      .map((r) => r.x.id);

  // A corpus with every kind of tie: few topics, many articles a day, ids out of date order.
  let seed = 7;
  const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const topics = ['interviewing', 'job-search', 'offers', 'networking', 'pay'];
  const corpus = Array.from({ length: 400 }, (_, i) =>
    a(
      `article-${Math.floor(next() * 1e6)}-${i}`,
      topics.filter(() => next() < 0.35).concat(topics[i % topics.length]),
      1 + Math.floor(next() * 40),
    ),
  );
  const index = relatedIndex(corpus);

  it('gives every article the same related list as scoring all articles would', () => {
    for (const current of corpus) {
      for (const limit of [1, 4, 7])
        expect(index.relatedTo(current, limit).map((r) => r.id)).toEqual(byDefinition(current, corpus, limit));
    }
  });

  it('ranks an article that is not in the collection against all of it', () => {
    const outsider = a('outsider', ['pay', 'offers'], 30);
    expect(index.relatedTo(outsider).map((r) => r.id)).toEqual(byDefinition(outsider, corpus, 4));
  });
});
