// Puts every page's card into the built site: from the cache when a card with the same key was
// rendered before (by this build or an earlier one), rendered otherwise and then cached.
import { copyFile, mkdir, rename, writeFile, access } from 'node:fs/promises';
import path from 'node:path';
import type { SocialCard } from '../../domain/social/card.ts';
import { socialCardUrl } from '../../domain/urls.ts';
import { cardCacheKey, rendererVersion } from './cache-key.ts';
import { renderCards } from './pool.ts';

export interface CardReport {
  rendered: number;
  reused: number;
  /** Wall time of the whole step, reused cards included. */
  ms: number;
  /** Wall time spent rendering, divided by the cards rendered. */
  msPerRendered: number;
  /** Pages whose title had to be cut to fit (the build warns). */
  clamped: string[];
}

export interface CardTargets {
  /** The served output (dist/client): cards go to socialCardUrl(page) under it. */
  clientDir: string;
  /** Folder the rendered cards are kept in between builds. */
  cacheDir: string;
  /** Worker threads; left out, pool.ts decides from the cores and the batch. */
  threads?: number;
}

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

export async function writeSocialCards(cards: SocialCard[], targets: CardTargets): Promise<CardReport> {
  const started = performance.now();
  const cacheDir = path.join(targets.cacheDir, 'social-cards');
  await mkdir(cacheDir, { recursive: true });
  const renderer = rendererVersion();
  const target = (card: SocialCard) => path.join(targets.clientDir, socialCardUrl(card.page));
  const place = async (png: Buffer | string, pages: SocialCard[]) => {
    for (const card of pages) {
      await mkdir(path.dirname(target(card)), { recursive: true });
      await (typeof png === 'string' ? copyFile(png, target(card)) : writeFile(target(card), png));
    }
  };

  // Pages whose cards say the same thing (two openings with one title, employer and date) share one image.
  const cached = new Map(cards.map((card) => [card, path.join(cacheDir, `${cardCacheKey(card, renderer)}.png`)]));
  const byKey = Map.groupBy(cards, (card) => cached.get(card)!);
  const missing: SocialCard[] = [];
  let reused = 0;
  for (const [file, pages] of byKey) {
    if (!(await exists(file))) {
      missing.push(pages[0]);
      reused += pages.length - 1;
      continue;
    }
    await place(file, pages);
    reused += pages.length;
  }

  const clamped: string[] = [];
  const renderStarted = performance.now();
  await renderCards(missing, async (card, { png, fit }) => {
    const file = cached.get(card)!;
    const pages = byKey.get(file)!;
    if (fit.clamped || !fit.fits) clamped.push(...pages.map((page) => page.page));
    // Written under a temporary name first: a build stopped half-way leaves no broken card to reuse.
    const partial = `${file}.${process.pid}.tmp`;
    await writeFile(partial, png);
    await rename(partial, file);
    await place(png, pages);
  });
  const renderMs = performance.now() - renderStarted;
  return {
    rendered: missing.length,
    reused,
    ms: performance.now() - started,
    msPerRendered: missing.length ? renderMs / missing.length : 0,
    clamped,
  };
}
