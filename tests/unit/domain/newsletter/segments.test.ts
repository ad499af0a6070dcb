import { describe, expect, it } from 'vitest';
import {
  createSegmentCache,
  jobsForSegment,
  renderSegment,
  segmentKey,
  SEGMENT_JOBS_LIMIT,
  type NewJobs,
} from '../../../../src/domain/newsletter/segments.ts';

const job = (id: string, market: NewJobs['jobs'][number]['market'], fn: NewJobs['jobs'][number]['function']) => ({
  id,
  market,
  function: fn,
  postedDate: '2026-11-20',
  html: `<li>${id}</li>`,
  text: `* ${id}`,
});

const newJobs: NewJobs = {
  listStart: '<ul class="items" style="margin: 0;">',
  jobs: [
    job('ldn-risk', 'london', 'risk'),
    job('sg-risk', 'singapore', 'risk'),
    job('sg-ops', 'singapore', 'operations'),
    job('ny-tech', 'new-york', 'technology'),
    job('hk-research', 'hong-kong', 'research'),
  ],
  empty: { html: '<p>No new roles lately.</p>', text: 'No new roles lately.' },
  emptyForAlerts: { html: '<p>No new roles for your alerts.</p>', text: 'No new roles for your alerts.' },
  segmentLine: { html: '<p>Roles in {{segment}}.</p>', text: 'Roles in {{segment}}.' },
};
const ids = (jobs: { id: string }[]) => jobs.map((j) => j.id);

describe('jobsForSegment', () => {
  it('gives a reader with no preference every new role', () => {
    expect(ids(jobsForSegment(newJobs.jobs, { market: null, functions: [] }))).toEqual(ids(newJobs.jobs));
  });

  it('filters by market, by functions, and by both', () => {
    expect(ids(jobsForSegment(newJobs.jobs, { market: 'singapore', functions: [] }))).toEqual(['sg-risk', 'sg-ops']);
    expect(ids(jobsForSegment(newJobs.jobs, { market: null, functions: ['risk'] }))).toEqual(['ldn-risk', 'sg-risk']);
    expect(ids(jobsForSegment(newJobs.jobs, { market: 'london', functions: ['risk'] }))).toEqual(['ldn-risk']);
    expect(ids(jobsForSegment(newJobs.jobs, { market: 'new-york', functions: ['risk'] }))).toEqual([]);
  });

  it('gives Elsewhere every market, filtered by function', () => {
    expect(ids(jobsForSegment(newJobs.jobs, { market: 'elsewhere', functions: ['risk', 'research'] }))).toEqual([
      'ldn-risk',
      'sg-risk',
      'hk-research',
    ]);
    expect(jobsForSegment(newJobs.jobs, { market: 'elsewhere', functions: [] })).toHaveLength(5);
  });

  it('keeps at most the limit, newest first as given', () => {
    const many = Array.from({ length: 10 }, (_, i) => job(`j${i}`, 'london', 'risk'));
    expect(ids(jobsForSegment(many, { market: 'london', functions: [] }))).toEqual(
      ids(many.slice(0, SEGMENT_JOBS_LIMIT)),
    );
  });
});

describe('renderSegment and the cache', () => {
  it('joins the pre-rendered items, or says the right "nothing new"', () => {
    expect(renderSegment(newJobs, { market: 'london', functions: ['risk'] })).toEqual({
      html: '<p>Roles in London, for Risk.</p><ul class="items" style="margin: 0;"><li>ldn-risk</li></ul>',
      text: 'Roles in London, for Risk.\n\n* ldn-risk',
    });
    expect(renderSegment(newJobs, { market: 'new-york', functions: ['risk', 'research'] })).toEqual({
      html: '<p>Roles in New York, for Research and Risk.</p><p>No new roles for your alerts.</p>',
      text: 'Roles in New York, for Research and Risk.\n\nNo new roles for your alerts.',
    });
    expect(renderSegment(newJobs, { market: null, functions: [] }).html).toBe(
      '<ul class="items" style="margin: 0;">' + newJobs.jobs.map((j) => j.html).join('') + '</ul>',
    );
    expect(renderSegment({ ...newJobs, jobs: [] }, { market: null, functions: [] })).toBe(newJobs.empty);
    expect(renderSegment(newJobs, { market: 'elsewhere', functions: [] }).text).toMatch(
      /^Roles in every market, for every function\./,
    );
  });

  it('renders each segment once, however many readers share it', () => {
    const cache = createSegmentCache(newJobs);
    for (let i = 0; i < 100; i++) {
      cache.section({ market: 'london', functions: ['risk'] });
      cache.section({ market: null, functions: [] });
      cache.section({ market: 'london', functions: ['risk', 'compliance'] });
    }
    expect(cache.renders).toBe(3);
    expect(segmentKey({ market: 'london', functions: ['risk', 'compliance'] })).toBe(
      segmentKey({ market: 'london', functions: ['compliance', 'risk'] }),
    );
  });
});
