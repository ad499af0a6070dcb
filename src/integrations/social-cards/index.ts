// After the build: the social-cards manifest the site wrote (src/pages/social-cards.json.ts, one
// entry a card from src/data/social-cards.ts) becomes a PNG a page under /cards/, rendered with
// bundled fonts and no network, or reused from the cache when its text has not changed. The manifest
// moves out of the served site to <outDir>/social-cards.json, where the build checks read it.
import { mkdir, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { z } from 'astro/zod';
import { socialCardsManifestUrl } from '../../domain/urls.ts';
import { writeSocialCards, type CardReport } from './write-cards.ts';

const manifest = z.array(
  z.object({ page: z.string().startsWith('/'), kind: z.string(), title: z.string(), details: z.array(z.string()) }),
);

/** The line the build prints; scripts/bench reads it back. */
export function cardReportLine(report: CardReport): string {
  return (
    `Social cards: ${report.rendered} rendered, ${report.reused} reused in ${Math.round(report.ms)} ms` +
    ` (${report.msPerRendered.toFixed(1)} ms a rendered card).`
  );
}

export default function socialCards(): AstroIntegration {
  let outDir = '';
  let cacheDir = '';
  return {
    name: 'follow-through:social-cards',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const clientDir = fileURLToPath(dir);
        const served = path.join(clientDir, socialCardsManifestUrl());
        const kept = path.join(outDir, path.basename(served));
        const cards = manifest.parse(JSON.parse(await readFile(served, 'utf8')));
        await mkdir(outDir, { recursive: true });
        await rename(served, kept);
        const report = await writeSocialCards(cards, { clientDir, cacheDir });
        logger.info(cardReportLine(report));
        for (const page of report.clamped) logger.warn(`The social card of ${page} cut its title to fit.`);
      },
    },
  };
}
