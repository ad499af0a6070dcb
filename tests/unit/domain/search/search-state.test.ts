import { describe, expect, it } from 'vitest';
import {
  emptySearch,
  hasCriteria,
  pagefindQuery,
  readSearchState,
  searchQueryString,
} from '../../../../src/domain/search/search-state';

describe('the search address', () => {
  it('reads words, filters and order from /search/?q=...', () => {
    expect(
      readSearchState(new URLSearchParams('q=thank+you+note&topic=Interviewing&type=Article&sort=newest')),
    ).toEqual({
      q: 'thank you note',
      topic: 'Interviewing',
      type: 'Article',
      sort: 'newest',
    });
  });

  it('falls back to best match for an order it does not know', () => {
    expect(readSearchState(new URLSearchParams('q=offer&sort=oldest')).sort).toBe('relevance');
  });

  it('writes a short address that leaves out defaults and round-trips', () => {
    const state = { ...emptySearch, q: ' decision date ', topic: 'Job search' };
    const query = searchQueryString(state);
    expect(query).toBe('?q=decision+date&topic=Job+search');
    expect(readSearchState(new URLSearchParams(query))).toEqual({ ...state, q: 'decision date' });
    expect(searchQueryString(emptySearch)).toBe('');
  });
});

describe('what Pagefind is asked', () => {
  it('passes words, filters and the date sort', () => {
    expect(pagefindQuery({ q: 'offer', topic: 'Offers', type: 'Article', sort: 'newest' })).toEqual({
      term: 'offer',
      options: { filters: { topic: 'Offers', type: 'Article' }, sort: { date: 'desc' } },
    });
  });

  it('lists by filter alone when no words are given, and sorts by relevance by default', () => {
    expect(pagefindQuery({ ...emptySearch, type: 'Job' })).toEqual({
      term: null,
      options: { filters: { type: 'Job' }, sort: {} },
    });
  });

  it('has nothing to search for when the box is blank and no filter is chosen', () => {
    expect(hasCriteria({ ...emptySearch, q: '   ' })).toBe(false);
    expect(hasCriteria({ ...emptySearch, topic: 'Offers' })).toBe(true);
  });
});
