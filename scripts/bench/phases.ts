// The build's phases, read back from its log: each line is stamped with the time the benchmark
// received it (Astro's own timestamps have whole seconds only), and a phase runs from the line that
// starts it to the line that ends it. CPU time per phase comes from the process tree's samples at
// those two moments. The post-build steps (social cards, search indexes) print their own times, which
// the benchmark uses as given; a line this parser does not know leaves its phase out, never wrong.
import { stripVTControlCharacters } from 'node:util';

/** A line of the build's output and when it arrived, in ms since the build started. */
export interface StampedLine {
  ms: number;
  text: string;
}

export interface Phase {
  name: string;
  startMs: number;
  endMs: number;
  /** CPU seconds of the whole process tree between start and end. */
  cpuSeconds: number;
}

/** Phase names in print order; a build that skips one (no cards, say) leaves its row out. */
export const phaseNames = [
  'Start-up and configuration',
  'Content sync',
  'Types and build info',
  'Server bundle (Rolldown, MDX)',
  'Client bundles',
  'Prerendering',
  'Assets, headers, email issues',
  'Sitemap',
  'Search index',
  'Social cards',
] as const;

export type PhaseName = (typeof phaseNames)[number];

const markers = {
  syncing: /\[content\] Syncing content/,
  synced: /\[content\] Synced content/,
  serverBundle: /\[build\] Building server entrypoints/,
  bundled: /\[vite\] ✓ built in/,
  prerendering: /(prerendering|generating) static routes/,
  completed: /✓ Completed in/,
  cards: /Social cards: \d+ rendered, \d+ reused in (\d+) ms/,
  /** The indexer step after Astro, one line for all indexes. */
  indexed: /Indexed (\d+) pages for search/,
  /** One line a shard from the indexer step: `Search index <name>: <n> pages, built in <ms> ms`. */
  shard: /Search index (\S+): (\d+) pages, (built|reused) in (\d+) ms/,
  sitemap: /\[@astrojs\/sitemap\] .* created/,
  /** Lines that say nothing about progress. */
  noise: /Waiting for integration|^\s*$|^\s*[├└]─/,
};

/** The first line at or after `from` matching `pattern`. */
function find(lines: StampedLine[], pattern: RegExp, from = 0): number {
  return lines.findIndex((line, i) => i >= from && pattern.test(line.text));
}

/** The last line before `index` that says something, for phases that begin when the previous step ends. */
function previousStep(lines: StampedLine[], index: number): StampedLine | undefined {
  for (let i = index - 1; i >= 0; i--) if (!markers.noise.test(lines[i].text)) return lines[i];
  return undefined;
}

/** Pages the search index holds, from either form of the indexer's line (0 when absent). */
export function indexedPages(lines: StampedLine[]): number {
  const line = lines.find((l) => markers.indexed.test(l.text));
  return line ? Number(markers.indexed.exec(line.text)![1]) : 0;
}

/** Pages an incremental build copied from its cache instead of rendering (Astro marks them in its page list). */
export function pagesFromCache(lines: StampedLine[]): number {
  return lines.filter((l) => /[├└]─ .*\((cached|restored)\)\s*$/.test(l.text)).length;
}

/** The indexer's own per-shard lines, when it prints them. */
export function searchShards(lines: StampedLine[]): { name: string; pages: number; reused: boolean; ms: number }[] {
  return lines.flatMap((l) => {
    const m = markers.shard.exec(l.text);
    return m ? [{ name: m[1], pages: Number(m[2]), reused: m[3] === 'reused', ms: Number(m[4]) }] : [];
  });
}

/** The phases found in `lines`, in print order, with `cpuAt` giving the tree's CPU seconds at a moment. */
export function buildPhases(lines: StampedLine[], cpuAt: (ms: number) => number): Phase[] {
  const spans = new Map<PhaseName, [number, number]>();
  const at = (i: number) => lines[i].ms;
  const span = (name: PhaseName, start: number | undefined, end: number | undefined) => {
    if (start !== undefined && end !== undefined && end >= start) spans.set(name, [start, end]);
  };

  const syncing = find(lines, markers.syncing);
  const synced = find(lines, markers.synced, Math.max(syncing, 0));
  const serverBundle = find(lines, markers.serverBundle);
  const bundled = find(lines, markers.bundled, Math.max(serverBundle, 0));
  const prerendering = find(lines, markers.prerendering, Math.max(bundled, 0));
  const completed = find(lines, markers.completed, Math.max(prerendering, 0));
  if (syncing >= 0) span('Start-up and configuration', 0, at(syncing));
  if (syncing >= 0 && synced >= 0) span('Content sync', at(syncing), at(synced));
  if (synced >= 0 && serverBundle >= 0) span('Types and build info', at(synced), at(serverBundle));
  if (serverBundle >= 0 && bundled >= 0) span('Server bundle (Rolldown, MDX)', at(serverBundle), at(bundled));
  if (bundled >= 0 && prerendering >= 0) span('Client bundles', at(bundled), at(prerendering));
  if (prerendering >= 0 && completed >= 0) span('Prerendering', at(prerendering), at(completed));

  // Steps that report their own duration end at their line and began that long before it.
  const cards = find(lines, markers.cards);
  if (cards >= 0) span('Social cards', at(cards) - Number(markers.cards.exec(lines[cards].text)![1]), at(cards));
  if (completed >= 0) {
    const firstAfter = [cards, find(lines, markers.indexed), find(lines, markers.sitemap)]
      .filter((i) => i > completed)
      .map((i) => (i === cards ? spans.get('Social cards')![0] : (previousStep(lines, i)?.ms ?? at(i))));
    if (firstAfter.length > 0) span('Assets, headers, email issues', at(completed), Math.min(...firstAfter));
  }
  const indexed = find(lines, markers.indexed);
  if (indexed >= 0) {
    const shards = searchShards(lines);
    const took = shards.reduce((sum, s) => sum + s.ms, 0);
    span('Search index', shards.length > 0 ? at(indexed) - took : previousStep(lines, indexed)?.ms, at(indexed));
  }
  const sitemap = find(lines, markers.sitemap);
  if (sitemap >= 0) span('Sitemap', previousStep(lines, sitemap)?.ms, at(sitemap));

  return phaseNames.flatMap((name) => {
    const found = spans.get(name);
    if (!found) return [];
    const [startMs, endMs] = found;
    return [{ name, startMs, endMs, cpuSeconds: Math.max(0, cpuAt(endMs) - cpuAt(startMs)) }];
  });
}

/** Splits output chunks into lines stamped with their arrival time. */
export function lineStamper(startedAt: number, now = () => performance.now()) {
  const lines: StampedLine[] = [];
  let partial = '';
  return {
    lines,
    push(chunk: string) {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop()!;
      const ms = now() - startedAt;
      for (const text of parts) lines.push({ ms, text: stripVTControlCharacters(text) });
    },
    end() {
      if (partial) lines.push({ ms: now() - startedAt, text: partial });
      partial = '';
    },
  };
}
