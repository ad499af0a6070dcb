// The card's fonts, bundled from @fontsource packages: no network and no system fonts at build.
// Satori reads .woff (not .woff2), so the Latin .woff files are used.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Font } from 'satori';
import { cardFonts } from '../../domain/social/card-layout.ts';

const require = createRequire(import.meta.url);

const files = [
  { name: cardFonts.sans, weight: 400, file: '@fontsource/inter/files/inter-latin-400-normal.woff' },
  { name: cardFonts.sans, weight: 600, file: '@fontsource/inter/files/inter-latin-600-normal.woff' },
  { name: cardFonts.serif, weight: 700, file: '@fontsource/source-serif-4/files/source-serif-4-latin-700-normal.woff' },
] as const;

/** Font versions, part of every card's cache key: a new release of a font renders the cards again. */
export function fontVersions(): string[] {
  return ['@fontsource/inter', '@fontsource/source-serif-4'].map(
    (name) => `${name}@${(require(`${name}/package.json`) as { version: string }).version}`,
  );
}

export async function loadCardFonts(): Promise<Font[]> {
  return Promise.all(
    files.map(async ({ name, weight, file }) => ({
      name,
      weight,
      style: 'normal' as const,
      data: await readFile(require.resolve(file)),
    })),
  );
}
