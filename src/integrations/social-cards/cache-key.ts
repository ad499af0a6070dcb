// A card's cache key: the hash of everything its pixels depend on. The layout's element tree holds
// the text, the colours and the sizes, so editing a title or the design renders the card again;
// the package versions and rendererRevision cover the renderer itself.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { SocialCard } from '../../domain/social/card.ts';
import { cardLayout, titleSizeFor, titleSizes } from '../../domain/social/card-layout.ts';
import { fontVersions } from './fonts.ts';

/** Bump when render.ts or png.ts change what a card looks like without changing the layout. */
const rendererRevision = 1;

const require = createRequire(import.meta.url);
const version = (name: string) => (require(`${name}/package.json`) as { version: string }).version;

/** The renderer's part of every key, computed once a build. */
export function rendererVersion(): string {
  return JSON.stringify([
    rendererRevision,
    `satori@${version('satori')}`,
    `resvg@${version('@resvg/resvg-js')}`,
    ...fontVersions(),
    titleSizes,
  ]);
}

export function cardCacheKey(card: SocialCard, renderer: string): string {
  return createHash('sha256')
    .update(renderer)
    .update(JSON.stringify(cardLayout(card, titleSizeFor(card.title))))
    .digest('hex')
    .slice(0, 32);
}
