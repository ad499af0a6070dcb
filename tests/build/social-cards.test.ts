// The social cards of the built site: one a page of each kind, in their size and weight budget, and
// the longest titles (of the content and of the benchmark corpus) laid out without being cut off.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { longestTitle } from '../../scripts/bench/article.ts';
import type { SocialCard } from '../../src/domain/social/card.ts';
import { socialCardUrl } from '../../src/domain/urls.ts';
import { loadCardFonts } from '../../src/integrations/social-cards/fonts.ts';
import { renderCard } from '../../src/integrations/social-cards/render.ts';
import { clientDir } from './dist';
import { pngSize } from './png-header';

const cards: SocialCard[] = JSON.parse(readFileSync(join(clientDir, '..', 'social-cards.json'), 'utf8'));
const longest = (list: SocialCard[]) => list.reduce((a, b) => (b.title.length > a.title.length ? b : a));

describe('the social cards', () => {
  it('cover every article, job, issue, the planner and the site', () => {
    const kinds = (prefix: string) => cards.filter((c) => c.page.startsWith(prefix)).length;
    expect(kinds('/advice/')).toBeGreaterThanOrEqual(10);
    expect(kinds('/jobs/')).toBeGreaterThan(0);
    expect(kinds('/newsletter/')).toBeGreaterThan(0);
    expect(cards.map((c) => c.page)).toEqual(expect.arrayContaining(['/', '/tools/follow-up-planner/']));
  });

  it.each(cards.map((c) => [socialCardUrl(c.page), c] as const))('%s is a 1200 x 630 PNG of at most 60 kB', (url) => {
    const file = join(clientDir, url);
    expect(existsSync(file)).toBe(true);
    expect(pngSize(readFileSync(file))).toEqual({ width: 1200, height: 630 });
    expect(statSync(file).size).toBeLessThanOrEqual(60 * 1024);
  });

  const article = cards.find((c) => c.page.startsWith('/advice/'))!;
  const worst: [string, SocialCard][] = [
    ['the longest title in the content', longest(cards)],
    ['the longest article title', longest(cards.filter((c) => c.page.startsWith('/advice/')))],
    ['the longest job title', longest(cards.filter((c) => c.page.startsWith('/jobs/')))],
    ['the longest title the benchmark corpus can have', { ...article, title: longestTitle() }],
  ];
  it.each(worst)('%s fits on its card without being cut', async (_, card) => {
    const { png, fit } = await renderCard(card, await loadCardFonts());
    expect(fit, card.title).toMatchObject({ clamped: false, fits: true });
    expect(fit.titleLines).toBeGreaterThanOrEqual(1);
    expect(png.length).toBeLessThanOrEqual(60 * 1024);
  });
});
