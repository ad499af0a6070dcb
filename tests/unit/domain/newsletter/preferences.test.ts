import { describe, expect, it } from 'vitest';
import { marketOfLocation, marketTimeZone, MARKETS } from '../../../../src/domain/newsletter/markets.ts';
import {
  functionsColumn,
  parsePreferences,
  preferenceMessages,
  preferencesFromColumns,
} from '../../../../src/domain/newsletter/preferences.ts';
import { parseSignup } from '../../../../src/domain/newsletter/signup-request.ts';
import { LOCATIONS } from '../../../../src/domain/jobs/taxonomy.ts';

const form = (fields: [string, string][]) => new URLSearchParams(fields).toString();

describe('markets', () => {
  it('maps every job location to the market of the same name', () => {
    for (const location of LOCATIONS) expect(marketOfLocation(location.label)).toBe(location.slug);
  });

  it("gives Elsewhere and no preference the newsletter's own zone", () => {
    expect(marketTimeZone('london', 'Asia/Singapore')).toBe('Europe/London');
    expect(marketTimeZone('elsewhere', 'Asia/Singapore')).toBe('Asia/Singapore');
    expect(marketTimeZone(null, 'Europe/Berlin')).toBe('Europe/Berlin');
    expect(MARKETS.map((m) => m.label)).toEqual(['Singapore', 'Hong Kong', 'London', 'New York', 'Elsewhere']);
  });
});

describe('parsePreferences', () => {
  it('takes no market and no functions as no preference', () => {
    expect(parsePreferences(undefined, undefined)).toEqual({ ok: true, preferences: { market: null, functions: [] } });
    expect(parsePreferences('', [])).toEqual({ ok: true, preferences: { market: null, functions: [] } });
  });

  it('keeps functions in taxonomy order without repeats', () => {
    expect(parsePreferences('london', ['risk', 'research', 'risk'])).toEqual({
      ok: true,
      preferences: { market: 'london', functions: ['research', 'risk'] },
    });
  });

  it.each([
    ['an unknown market', 'paris', [], { market: preferenceMessages.market }],
    ['a market label instead of its value', 'London', [], { market: preferenceMessages.market }],
    ['an unknown function', null, ['astrology'], { functions: preferenceMessages.functions }],
    ['functions that are not a list', null, 'risk', { functions: preferenceMessages.functions }],
    ['a market that is not text', 7, [], { market: preferenceMessages.market }],
  ])('refuses %s with a field message', (_, market, functions, errors) => {
    expect(parsePreferences(market ?? undefined, functions)).toEqual({ ok: false, errors });
  });

  it('reads the stored columns back, dropping values the code no longer knows', () => {
    expect(functionsColumn(['risk', 'compliance'])).toBe('risk,compliance');
    expect(preferencesFromColumns('hong-kong', 'risk,gone,research')).toEqual({
      market: 'hong-kong',
      functions: ['research', 'risk'],
    });
    expect(preferencesFromColumns(null, '')).toEqual({ market: null, functions: [] });
  });
});

describe('parseSignup with preferences', () => {
  it('reads the market and several functions from the plain form', () => {
    const body = form([
      ['email', 'ann@example.com'],
      ['consent', 'yes'],
      ['market', 'london'],
      ['functions', 'risk'],
      ['functions', 'compliance'],
    ]);
    expect(parseSignup('form', body)).toEqual({
      kind: 'signup',
      email: 'ann@example.com',
      preferences: { market: 'london', functions: ['risk', 'compliance'] },
    });
  });

  it('reads them from the enhanced form JSON', () => {
    const body = JSON.stringify({ email: 'ann@example.com', consent: true, market: 'singapore', functions: [] });
    expect(parseSignup('json', body)).toMatchObject({ preferences: { market: 'singapore', functions: [] } });
  });

  it('refuses two markets, an unknown market or function, with messages beside those fields and the email kept', () => {
    const twoMarkets = form([
      ['email', 'ann@example.com'],
      ['consent', 'yes'],
      ['market', 'london'],
      ['market', 'singapore'],
    ]);
    expect(parseSignup('form', twoMarkets)).toEqual({
      kind: 'invalid',
      errors: { market: preferenceMessages.market },
      typedEmail: 'ann@example.com',
    });
    const bad = JSON.stringify({ email: 'ann@example.com', consent: true, market: 'mars', functions: ['x'] });
    expect(parseSignup('json', bad)).toEqual({
      kind: 'invalid',
      errors: { market: preferenceMessages.market, functions: preferenceMessages.functions },
      typedEmail: 'ann@example.com',
    });
  });
});
