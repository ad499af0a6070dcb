import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeIssues, jobSchema } from '../../../../src/domain/jobs/schema';
import { feedRole } from '../../data/jobs/feed-server';

const { id: _id, ...validRole } = feedRole();

function reasonFor(overrides: Record<string, unknown>): string {
  const result = jobSchema.safeParse({ ...validRole, ...overrides });
  return result.success ? 'accepted' : describeIssues(result.error);
}

describe('job schema', () => {
  it('accepts a complete role', () => {
    expect(reasonFor({})).toBe('accepted');
  });

  it.each([
    ['a missing title', { title: undefined }, /^title: /],
    ['a city outside the four markets', { location: 'Tokyo' }, /^location: .*"Singapore"/],
    ['an unknown function', { function: 'Marketing' }, /^function: /],
    ['an unknown seniority', { seniority: 'Intern' }, /^seniority: /],
    ['an unknown employment type', { employmentType: 'Zero-hours' }, /^employmentType: /],
    ['a day-first date', { postedDate: '20/11/2026' }, /^postedDate: must be a date written as YYYY-MM-DD$/],
    ['an impossible date', { closingDate: '2027-02-30' }, /^closingDate: must be a date written as YYYY-MM-DD$/],
    [
      'a closing date before the posted date',
      { closingDate: '2026-11-19' },
      /^closingDate: must be on or after postedDate$/,
    ],
    [
      'a plain http apply link',
      { applyUrl: 'http://feed-employer.example/jobs/1' },
      /^applyUrl: must be a full https:\/\/ address$/,
    ],
    ['a javascript: apply link', { applyUrl: 'javascript:alert(1)' }, /^applyUrl: /],
    ['a one-line description', { description: 'Great role.' }, /^description: /],
  ])('rejects %s and names the field', (_case, overrides, reason) => {
    expect(reasonFor(overrides)).toMatch(reason);
  });

  it('lists every problem of an entry at once', () => {
    expect(reasonFor({ title: '', location: 'Paris' }).split('; ')).toHaveLength(2);
  });
});

describe('the sample roles in content/jobs', () => {
  const dir = new URL('../../../../content/jobs/', import.meta.url);
  const files = readdirSync(dir).filter((name) => name.endsWith('.json'));
  const roles = files.map((name) => ({ name, data: JSON.parse(readFileSync(new URL(name, dir), 'utf8')) }));

  it('are at least 12 across Singapore, Hong Kong, London and New York', () => {
    expect(roles.length).toBeGreaterThanOrEqual(12);
    expect(new Set(roles.map((role) => role.data.location))).toEqual(
      new Set(['Singapore', 'Hong Kong', 'London', 'New York']),
    );
  });

  it.each(roles.map((role) => [role.name, role.data]))('%s passes the schema', (_name, data) => {
    const result = jobSchema.safeParse(data);
    expect(result.success ? 'valid' : describeIssues(result.error)).toBe('valid');
  });

  it.each(roles.map((role) => [role.name, role.data]))(
    '%s says it is a sample and links to a reserved domain',
    (_name, data) => {
      expect(data.description).toContain(`Sample listing: ${data.employer} is a fictional employer`);
      // .example is reserved (RFC 2606), so no apply link can ever reach a real company.
      expect(new URL(data.applyUrl).hostname).toMatch(/\.example$/);
    },
  );
});
