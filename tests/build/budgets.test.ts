import { describe, expect, it } from 'vitest';
import { builtPages } from './dist';
import { pageWeight } from './weight';

const kB = 1024;
// The budgets table in ../shared/spec/engineering.md (gzip bytes).
const budgets = {
  article: { html: 14 * kB, css: 12 * kB, eagerJs: 1 * kB, islandJs: 14 * kB },
  planner: { html: 14 * kB, css: 12 * kB, eagerJs: 1 * kB, islandJs: 14 * kB },
  search: { html: 10 * kB, css: 12 * kB, eagerJs: 8 * kB, islandJs: 0 },
  other: { html: 12 * kB, css: 12 * kB, eagerJs: 1 * kB, islandJs: 0 },
};

/**
 * JavaScript before interaction keeps an eighth of its budget spare (at most 896 B of 1 kB): at 995 B
 * the next small script, or a bundler update, would have broken it (issue 16).
 */
const eagerJsCeiling = (budget: number) => (budget * 7) / 8;

function kindOf(path: string): keyof typeof budgets {
  if (/^\/advice\/[^/]+\/$/.test(path) && !/^\/advice\/\d+\/$/.test(path)) return 'article';
  if (path === '/tools/follow-up-planner/') return 'planner';
  if (path === '/search/') return 'search';
  return 'other';
}

describe('page-weight budgets (gzip)', () => {
  it.each(builtPages().map((p) => [p.path, p] as const))('%s stays within its budget', (path, page) => {
    const weight = pageWeight(page);
    const budget = budgets[kindOf(path)];
    expect.soft(weight.html, 'HTML').toBeLessThanOrEqual(budget.html);
    expect.soft(weight.css, 'CSS').toBeLessThanOrEqual(budget.css);
    expect
      .soft(weight.eagerJs, 'JavaScript before interaction, with room to spare')
      .toBeLessThanOrEqual(eagerJsCeiling(budget.eagerJs));
    expect.soft(weight.islandJs, 'island and its framework').toBeLessThanOrEqual(budget.islandJs);
  });
});
