import { describe, expect, it } from 'vitest';
import { paginationView } from '../../../../src/domain/articles/paginate';

describe('paginationView', () => {
  it('gives the first page no suffix and no newer page', () => {
    expect(paginationView({ currentPage: 1, lastPage: 3, url: { prev: undefined, next: '/advice/2/' } })).toEqual({
      current: 1,
      last: 3,
      prev: undefined,
      next: '/advice/2/',
      suffix: '',
    });
  });

  it('names the page after the first in titles and headings', () => {
    const view = paginationView({ currentPage: 3, lastPage: 3, url: { prev: '/advice/2/', next: undefined } });
    expect(view).toMatchObject({ current: 3, last: 3, prev: '/advice/2/', next: undefined, suffix: ' (page 3)' });
  });
});
