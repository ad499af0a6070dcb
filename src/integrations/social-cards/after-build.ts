// The cards' step of `npm run build`, run by scripts/astro-build.ts once Astro has exited: Astro's
// process is near its largest when the build ends (docs/benchmarks.md), and the render threads would
// stack on top of it. The build decided
// which cards exist (src/pages/social-cards.json.ts, moved to <outDir>/social-cards.json by index.ts);
// this step renders each one into <outDir>/client/cards/ with bundled fonts and no network, or
// reuses it from the cache when its text has not changed.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadBuildConfig, type Env } from '../../config.ts';
import { cardsManifest, cardsManifestFile } from './manifest.ts';
import { writeSocialCards, type CardReport } from './write-cards.ts';

/** The line the build prints; scripts/bench reads it back. */
export function cardReportLine(report: CardReport): string {
  return (
    `Social cards: ${report.rendered} rendered, ${report.reused} reused in ${Math.round(report.ms)} ms` +
    ` (${report.msPerRendered.toFixed(1)} ms a rendered card).`
  );
}

/** Renders the cards of the site Astro built into `outDir`; the cache folder comes from `env` (default: this process's). */
export async function renderBuiltSiteCards(
  outDir: string,
  { root = process.cwd(), env }: { root?: string; env?: Env } = {},
): Promise<CardReport> {
  const folder = path.resolve(root, outDir);
  const cards = cardsManifest.parse(JSON.parse(await readFile(cardsManifestFile(folder), 'utf8')));
  const report = await writeSocialCards(cards, {
    clientDir: path.join(folder, 'client'),
    cacheDir: path.resolve(root, loadBuildConfig(env).cacheDir),
  });
  console.log(cardReportLine(report));
  for (const page of report.clamped) console.warn(`The social card of ${page} cut its title to fit.`);
  return report;
}
