// `npx node scripts/bench/card-speed.ts [--cards 200] [--threads 2] [--manifest dist/social-cards.json]`:
// renders social cards cold (an empty cache) and prints the time a card, the way the build renders
// them (src/integrations/social-cards/). Without --manifest the cards are synthetic articles with
// titles from the benchmark corpus's generator; with it, the cards of the last build.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { SocialCard } from '../../src/domain/social/card.ts';
import { poolSize } from '../../src/integrations/social-cards/pool.ts';
import { writeSocialCards } from '../../src/integrations/social-cards/write-cards.ts';
import { planArticle } from './article.ts';
import { seededRandom } from './random.ts';
import { commonWords, zipfSampler } from './vocabulary.ts';

const { values } = parseArgs({
  options: { cards: { type: 'string', default: '200' }, threads: { type: 'string' }, manifest: { type: 'string' } },
});

function syntheticCards(count: number): SocialCard[] {
  const random = seededRandom(17);
  const text = { random, word: zipfSampler(commonWords, random) };
  return Array.from({ length: count }, (_, i) => {
    const plan = planArticle(i, text, false);
    return { page: `/advice/${plan.id}/`, kind: plan.category, title: plan.title, details: [`By The Editorial Desk`] };
  });
}

const cards: SocialCard[] = values.manifest
  ? JSON.parse(await readFile(values.manifest, 'utf8'))
  : syntheticCards(Number(values.cards));
const threads = values.threads === undefined ? poolSize(cards.length) : Number(values.threads);
const work = await mkdtemp(path.join(tmpdir(), 'card-speed-'));
try {
  const cpuBefore = process.cpuUsage();
  const report = await writeSocialCards(cards, {
    clientDir: path.join(work, 'site'),
    cacheDir: path.join(work, 'cache'),
    threads,
  });
  const cpu = process.cpuUsage(cpuBefore);
  console.log(
    `${report.rendered} cards on ${threads || 'no worker'} thread(s): ${Math.round(report.ms)} ms in all, ` +
      `${report.msPerRendered.toFixed(1)} ms a card (wall); CPU (all threads) ${((cpu.user + cpu.system) / 1000 / report.rendered).toFixed(1)} ms a card`,
  );
} finally {
  await rm(work, { recursive: true, force: true });
}
