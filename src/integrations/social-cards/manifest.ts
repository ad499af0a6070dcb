// The list of every card the build renders: written by the site (src/pages/social-cards.json.ts), moved
// out of the served site by the integration (index.ts), read by the render step (after-build.ts).
// A module of its own, so that Astro's process loads neither satori nor resvg.
import path from 'node:path';
import { z } from 'astro/zod';
import { socialCardsManifestUrl } from '../../domain/urls.ts';

export const cardsManifest = z.array(
  z.object({ page: z.string().startsWith('/'), kind: z.string(), title: z.string(), details: z.array(z.string()) }),
);

/** Where the build leaves the list, beside the served site (<outDir>/client). */
export function cardsManifestFile(outDir: string): string {
  return path.join(outDir, path.basename(socialCardsManifestUrl()));
}
