import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SocialCard } from '../../../src/domain/social/card.ts';
import { socialCardUrl } from '../../../src/domain/urls.ts';
import { renderBuiltSiteCards } from '../../../src/integrations/social-cards/after-build.ts';
import { pngSize } from '../../build/png-header.ts';

const roots: string[] = [];
afterEach(() => {
  for (const dir of roots.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A project whose Astro build has just finished: the manifest beside an (otherwise empty) served site. */
function builtSite(cards: SocialCard[]): { root: string; env: Record<string, string> } {
  const root = mkdtempSync(join(tmpdir(), 'built-site-'));
  roots.push(root);
  mkdirSync(join(root, 'out', 'client'), { recursive: true });
  writeFileSync(join(root, 'out', 'social-cards.json'), JSON.stringify(cards));
  return { root, env: { ASTRO_CACHE_DIR: 'astro-cache' } };
}

const card = (page: string, title: string): SocialCard => ({ page, kind: 'Job', title, details: ['Harbour Bank'] });

describe('renderBuiltSiteCards', () => {
  it('renders the cards of the built site into its client folder, then reuses them from the cache', async () => {
    const cards = [card('/jobs/analyst/', 'Credit Analyst'), card('/', 'Follow-through')];
    const { root, env } = builtSite(cards);
    expect(await renderBuiltSiteCards('out', { root, env })).toMatchObject({ rendered: 2, reused: 0 });
    for (const { page } of cards) {
      expect(pngSize(readFileSync(join(root, 'out', 'client', socialCardUrl(page))))).toEqual({
        width: 1200,
        height: 630,
      });
    }
    expect(await renderBuiltSiteCards(join(root, 'out'), { root, env })).toMatchObject({ rendered: 0, reused: 2 });
    expect(readdirSync(join(root, 'astro-cache', 'social-cards')).filter((f) => f.endsWith('.png'))).toHaveLength(2);
  });

  it('refuses a manifest that is not a list of cards', async () => {
    const { root, env } = builtSite([{ page: 'no-slash', kind: 'Job', title: 'x', details: [] }]);
    await expect(renderBuiltSiteCards('out', { root, env })).rejects.toThrow();
  });
});
