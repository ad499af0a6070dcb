// During the build: the social-cards manifest the site wrote (src/pages/social-cards.json.ts, one
// entry a card from src/data/social-cards.ts) moves out of the served site to <outDir>/social-cards.json.
// The cards themselves are rendered from it after Astro exits (after-build.ts, called by
// scripts/astro-build.ts), so their render threads do not add to the memory Astro holds.
import { mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { socialCardsManifestUrl } from '../../domain/urls.ts';
import { cardsManifestFile } from './manifest.ts';

export default function socialCards(): AstroIntegration {
  let outDir = '';
  return {
    name: 'follow-through:social-cards',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:done': async ({ dir }) => {
        await mkdir(outDir, { recursive: true });
        await rename(path.join(fileURLToPath(dir), socialCardsManifestUrl()), cardsManifestFile(outDir));
      },
    },
  };
}
