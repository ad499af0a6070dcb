// Renders cards on worker threads: satori, resvg and the PNG encoder keep one core busy for about 60 ms a card,
// so on two cores a pool of two halves the build's card time. Small batches render in-process, where
// there is no worker start-up (about 200 ms to load satori, resvg and the fonts) to pay.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Font } from 'satori';
import type { SocialCard } from '../../domain/social/card.ts';
import { loadCardFonts } from './fonts.ts';
import type { RenderedCard } from './render.ts';

/** Below this many cards to render, threads cost more than they save. */
const smallestPoolBatch = 8;

type Done = (card: SocialCard, result: RenderedCard) => Promise<void>;

export function poolSize(cards: number, cores = availableParallelism()): number {
  return cards < smallestPoolBatch ? 0 : Math.min(cores, 4, Math.ceil(cards / smallestPoolBatch));
}

async function renderInProcess(cards: SocialCard[], done: Done): Promise<void> {
  if (cards.length === 0) return;
  // Loaded here rather than up front: when the cards render on worker threads (or all are reused), this
  // thread never needs satori and resvg, which take about 0.2 s of CPU to load.
  const { renderCard } = await import('./render.ts');
  const fonts: Font[] = await loadCardFonts();
  for (const card of cards) await done(card, await renderCard(card, fonts));
}

/** One worker taking the next card from the shared queue until it is empty. */
async function drain(queue: SocialCard[], done: Done): Promise<void> {
  const worker = new Worker(new URL('./worker.ts', import.meta.url));
  try {
    let id = 0;
    for (let card = queue.shift(); card; card = queue.shift()) {
      const sent = ++id;
      const answer = await new Promise<{ result?: RenderedCard; error?: string }>((resolve, reject) => {
        const onMessage = (message: { id: number; result?: RenderedCard; error?: string }) => {
          if (message.id !== sent) return;
          worker.off('message', onMessage);
          worker.off('error', reject);
          resolve(message);
        };
        worker.on('message', onMessage);
        worker.once('error', reject);
        worker.postMessage({ id: sent, card });
      });
      if (!answer.result) throw new Error(`Could not render the social card of ${card.page}: ${answer.error}`);
      // Structured cloning turns the Buffer into a Uint8Array.
      await done(card, { ...answer.result, png: Buffer.from(answer.result.png) });
    }
  } finally {
    await worker.terminate();
  }
}

/** Renders every card, calling `done` for each as it is ready (in no particular order). */
export async function renderCards(cards: SocialCard[], done: Done, threads = poolSize(cards.length)): Promise<void> {
  if (threads <= 1) return renderInProcess(cards, done);
  const queue = [...cards];
  await Promise.all(Array.from({ length: threads }, () => drain(queue, done)));
}
