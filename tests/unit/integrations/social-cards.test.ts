import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SocialCard } from '../../../src/domain/social/card.ts';
import { cardPalette } from '../../../src/domain/social/card-layout.ts';
import { socialCardUrl } from '../../../src/domain/urls.ts';
import { loadCardFonts } from '../../../src/integrations/social-cards/fonts.ts';
import { renderCard } from '../../../src/integrations/social-cards/render.ts';
import { writeSocialCards } from '../../../src/integrations/social-cards/write-cards.ts';
import { pngSize } from '../../build/png-header.ts';

const folders: string[] = [];
const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'cards-'));
  folders.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const article = (id: string, title: string): SocialCard => ({
  page: `/advice/${id}/`,
  kind: 'Guide',
  title,
  details: ['By The Editorial Desk · 1 December 2026'],
});

describe('writeSocialCards', () => {
  it('renders new cards, then only the one whose article changed', async () => {
    const cacheDir = folder();
    const cards = [
      article('one', 'How long to wait before following up'),
      article('two', 'When to stop following up'),
      article('three', 'The thank-you note after an interview'),
    ];
    const first = await writeSocialCards(cards, { clientDir: folder(), cacheDir, threads: 0 });
    expect(first).toMatchObject({ rendered: 3, reused: 0, clamped: [] });

    const clientDir = folder();
    const edited = [cards[0], { ...cards[1], title: 'When to stop following up, and how' }, cards[2]];
    const second = await writeSocialCards(edited, { clientDir, cacheDir, threads: 0 });
    expect(second).toMatchObject({ rendered: 1, reused: 2 });
    for (const card of edited) {
      const png = readFileSync(join(clientDir, socialCardUrl(card.page)));
      expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
    }
  });

  it('renders a card shared by two pages once, on worker threads, and gives both pages the image', async () => {
    const same = { kind: 'Job', title: 'Analyst, Credit Research', details: ['Harbour Bank · Singapore'] };
    const cards = Array.from({ length: 10 }, (_, i) => ({ ...same, page: `/jobs/analyst-${i}/` }));
    const clientDir = folder();
    const report = await writeSocialCards(cards, { clientDir, cacheDir: folder(), threads: 2 });
    expect(report).toMatchObject({ rendered: 1, reused: 9 });
    const first = readFileSync(join(clientDir, socialCardUrl(cards[0].page)));
    for (const card of cards) expect(readFileSync(join(clientDir, socialCardUrl(card.page))).equals(first)).toBe(true);
  }, 30_000);

  it('renders on worker threads with the same result as in-process', async () => {
    const cards = [article('a', 'Reading a delayed decision'), article('b', 'Answering a counter-offer')];
    const clientDir = folder();
    const report = await writeSocialCards(cards, { clientDir, cacheDir: folder(), threads: 2 });
    expect(report).toMatchObject({ rendered: 2, reused: 0 });
    const inProcess = folder();
    await writeSocialCards(cards, { clientDir: inProcess, cacheDir: folder(), threads: 0 });
    for (const card of cards) {
      const file = socialCardUrl(card.page);
      expect(existsSync(join(clientDir, file))).toBe(true);
      expect(readFileSync(join(clientDir, file)).equals(readFileSync(join(inProcess, file)))).toBe(true);
    }
  }, 30_000);
});

describe('renderCard', () => {
  it('shrinks a title at the schemas’ longest (a 100-character job title) until it fits, without cutting it', async () => {
    const fonts = await loadCardFonts();
    const title =
      'Managing Director, Head of Multi-Asset Structured Solutions Distribution for Asia-Pacific Mid-Market';
    expect(title.length).toBe(100);
    const job = {
      page: '/jobs/x/',
      kind: 'Job',
      title,
      details: ['Ashgrove Meridian Investors · Hong Kong', 'Closes 30 June 2027'],
    };
    const { png, fit } = await renderCard(job, fonts);
    expect(fit).toMatchObject({ clamped: false, fits: true });
    expect(fit.titleSize).toBeLessThan(76);
    expect(png.length).toBeLessThanOrEqual(60 * 1024);
  });

  it('cuts a title no size can fit, and says so', async () => {
    const fonts = await loadCardFonts();
    const { fit } = await renderCard(article('long', 'Follow up '.repeat(40).trim()), fonts);
    expect(fit).toMatchObject({ clamped: true, fits: true });
  });
});

describe('the card palette', () => {
  it('is the light half of the theme tokens in global.css', () => {
    const css = readFileSync('src/styles/global.css', 'utf8');
    for (const [token, colour] of Object.entries(cardPalette)) {
      expect(css, token).toMatch(new RegExp(`--${token}: light-dark\\(${colour},`));
    }
  });
});
