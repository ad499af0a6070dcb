// Frees each card's native memory as soon as the card is done. resvg hands back its 1200 x 630 raster
// (3 MB) in an object that V8 sees as a few bytes, so the young-generation collector that would free
// it runs rarely: every render then writes into fresh pages, and faulting those in cost about 13 ms of
// CPU a card on the build machine (an empty canvas cost the same as a full card). A minor collection
// after each card (well under 1 ms) frees the raster, and the next render reuses its pages.
// `gc` exists only with --expose-gc; a render thread turns it on for itself (the flag affects only
// contexts created afterwards, and this one is created for nothing else).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

type Collect = (options: { type: 'minor' }) => void;

function exposedCollector(): Collect {
  if (globalThis.gc) return globalThis.gc as Collect;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as Collect;
}

/** Collects the young generation; native objects it frees are released on the next turn of the event loop. */
export const collectFinishedRenders: Collect = exposedCollector();
