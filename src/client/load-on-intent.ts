// The one way a page loads code when the reader reaches for it (the search control, the newsletter form,
// the job board), so a page runs only these few lines up front. Why it is done this way:
// - The URL comes from an `?on-intent` import (src/integrations/on-intent.ts): Vite builds that module as
//   a chunk of its own, and `astro dev` serves its source.
// - The code is added with a <script type="module"> element, not import(): Vite 8 wraps every import() in
//   its preload helper (about 0.9 kB gzipped), nearly all of the ~1 kB of JavaScript a page may run up front.
// - A module script runs once however often it is added, so repeated triggers need no guard.
// - Every module that imports this one gets its own copy (the same integration): shared, it would be a
//   chunk of its own, and Astro inlines only page scripts that import nothing, so each page would fetch
//   more files.

const handedOver = 'handover';

/** Runs the module at `src` (once per page); `onerror` is called if it cannot be fetched. */
export const addScript = (src: string, onerror?: () => void) =>
  document.head.append(Object.assign(document.createElement('script'), { type: 'module', src, onerror }));

/** Adds the module at `src` the first time one of `events` reaches `target`. */
export const loadOnIntent = (target: EventTarget | null, src: string, ...events: string[]) =>
  events.map((type) => target?.addEventListener(type, () => addScript(src), { once: true }));

/** For a module added on intent: gives the page script that added it something to call later. */
export const handOver = (detail: unknown) => dispatchEvent(new CustomEvent(handedOver, { detail }));

/** Receives what a module added on intent hands over (a module script has no return value). */
export const onHandOver = <T>(receive: (detail: T) => void) =>
  addEventListener(handedOver, (event) => receive((event as CustomEvent<T>).detail));
