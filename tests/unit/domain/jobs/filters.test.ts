import { describe, expect, it } from 'vitest';
import {
  filterFromPath,
  filterHeading,
  filterLabels,
  filterOptions,
  filterPath,
  filterViews,
  matchesFilter,
} from '../../../../src/domain/jobs/filters';

describe('filterPath', () => {
  it.each([
    [{}, '/', '/jobs/'],
    [{ location: 'hong-kong' as const }, '/', '/jobs/location/hong-kong/'],
    [{ function: 'risk' as const }, '/', '/jobs/function/risk/'],
    [
      { location: 'london' as const, function: 'sales-and-trading' as const },
      '/',
      '/jobs/location/london/function/sales-and-trading/',
    ],
    [{ location: 'london' as const }, '/careers', '/careers/jobs/location/london/'],
  ])('%o under %s is %s', (filter, base, path) => {
    expect(filterPath(filter, base)).toBe(path);
  });
});

describe('filterFromPath', () => {
  it.each([
    '/jobs/',
    '/jobs/location/hong-kong/',
    '/jobs/function/risk/',
    '/jobs/location/london/function/sales-and-trading/',
  ])('reads back the view of %s', (path) => {
    const filter = filterFromPath(path);
    expect(filter && filterPath(filter)).toBe(path);
  });

  it.each([
    '/jobs/quayfield-credit-risk-analyst-singapore/',
    '/jobs/location/tokyo/',
    '/jobs/function/risk/location/london/',
    '/advice/',
    '/jobs/location/london',
  ])('is undefined for %s, which is not a board view', (path) => {
    expect(filterFromPath(path)).toBeUndefined();
  });

  it('honours a base path', () => {
    expect(filterFromPath('/careers/jobs/function/risk/', '/careers')).toEqual({
      location: undefined,
      function: 'risk',
    });
  });
});

describe('filterHeading', () => {
  it.each([
    [{}, 'Finance jobs'],
    [{ location: 'Hong Kong' }, 'Finance jobs in Hong Kong'],
    [{ function: 'Risk' }, 'Risk jobs'],
    [{ location: 'London', function: 'Sales and trading' }, 'Sales and trading jobs in London'],
  ])('%o reads %s', (labels, heading) => {
    expect(filterHeading(labels)).toBe(heading);
  });
});

describe('filterLabels', () => {
  it('names the chosen options as readers see them', () => {
    expect(filterHeading(filterLabels({ location: 'hong-kong', function: 'wealth-management' }))).toBe(
      'Wealth management jobs in Hong Kong',
    );
    expect(filterLabels({})).toEqual({ location: undefined, function: undefined });
  });
});

const jobs = [
  { location: 'London', function: 'Risk' },
  { location: 'London', function: 'Research' },
  { location: 'Singapore', function: 'Risk' },
] as const;

describe('matchesFilter', () => {
  it('keeps roles that match every chosen option', () => {
    expect(jobs.filter((job) => matchesFilter(job, {}))).toHaveLength(3);
    expect(jobs.filter((job) => matchesFilter(job, { function: 'risk' }))).toHaveLength(2);
    expect(jobs.filter((job) => matchesFilter(job, { location: 'london', function: 'risk' }))).toEqual([jobs[0]]);
    expect(jobs.filter((job) => matchesFilter(job, { location: 'new-york' }))).toEqual([]);
  });
});

describe('filter options and views', () => {
  it('offers only the locations and functions some role has, in the fixed order', () => {
    const { locations, functions } = filterOptions(jobs);
    expect(locations.map((l) => l.slug)).toEqual(['singapore', 'london']);
    expect(functions.map((f) => f.slug)).toEqual(['research', 'risk']);
  });

  it('gives every combination its own page: all, each option alone, and each pair', () => {
    const paths = filterViews(jobs).map((filter) => filterPath(filter));
    expect(paths).toHaveLength(3 * 3);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).toContain('/jobs/');
    expect(paths).toContain('/jobs/location/singapore/function/research/');
  });
});
