// A worker thread of the card pool (pool.ts): loads the fonts once, then renders the cards it is sent.
import { parentPort } from 'node:worker_threads';
import type { SocialCard } from '../../domain/social/card.ts';
import { loadCardFonts } from './fonts.ts';
import { collectFinishedRenders } from './native-memory.ts';
import { renderCard } from './render.ts';

const fonts = await loadCardFonts();
parentPort?.on('message', async ({ id, card }: { id: number; card: SocialCard }) => {
  try {
    parentPort?.postMessage({ id, result: await renderCard(card, fonts) });
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
  collectFinishedRenders({ type: 'minor' });
});
