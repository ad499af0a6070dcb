// The benchmark's tables: one row per measure in a fixed order, then the build's phases, as Markdown
// so they can be pasted into docs/benchmarks.md as printed.
import { readersPerQuery, type QueryFigures, type SearchMoment } from './search-probe.ts';
import type { MemoryPeak } from './process-tree.ts';
import type { CardFigures } from './build.ts';
import type { Phase } from './phases.ts';

export interface BuildFigures {
  wallMs: number;
  cpuSeconds: number;
  phases: Phase[];
}

export interface BenchmarkFigures {
  articles: number;
  published: number;
  htmlPages: number;
  indexedPages: number;
  /** Search indexes the indexer built (1 for a one-index site or an indexer that does not say). */
  indexes: number;
  build: BuildFigures;
  /** One-minute load average when the build started and when the searches ended (2 cores: 2 means busy). */
  load: [number, number];
  memory: MemoryPeak;
  distBytes: number;
  indexBytes: number;
  /** Social cards of the build (a cold cache: every card is rendered). */
  cards: CardFigures;
  common: QueryFigures;
  rare: QueryFigures;
  /** The same build again, same cache, after adding one article. */
  rebuild: BuildFigures & { cards: CardFigures; added: string; pagesFromCache: number };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const perPage = (totalMs: number, pages: number) => `${(totalMs / pages).toFixed(1)} ms`;
/** A process kind that never ran has no peak of its own. */
const peak = (bytes: number) => (bytes > 0 ? mb(bytes) : 'none');

/** CPU seconds of the social-cards phase, if the build had one. */
export function cardCpuSeconds(build: BuildFigures): number {
  return build.phases.find((p) => p.name === 'Social cards')?.cpuSeconds ?? 0;
}

const momentBytes = (m: SearchMoment) => `${kb(m.bytes)} in ${m.requests} requests`;
const momentTime = (m: SearchMoment, counted: 'shown' | 'results') =>
  `${Math.round(m.ms)} ms (${m.results} ${counted})`;

/** Measure names in print order; tests check the printed table against this list. */
export const measureNames = [
  'Articles generated (published)',
  'HTML pages built',
  'Pages in the search index',
  'Build wall time (with search index)',
  'Build time per page',
  'Build CPU time (user + system, all processes)',
  'Build CPU time per page',
  'Build CPU time per page without social cards',
  'Social cards rendered (reused)',
  'Social cards: time, time per rendered card, CPU',
  'Machine load (1-minute average) at start, at end',
  'Peak build memory (RSS, all build processes)',
  'Peak of the largest single process',
  'Peak of Astro’s process',
  'Peak of a search indexer process',
  'Peak of a card renderer process',
  'dist/ size',
  'Search index size',
  'Common query, first results: transferred',
  `Common query, first results: last keystroke to results (median of ${readersPerQuery} readers)`,
  'Common query, complete results: transferred',
  'Common query, complete results: last keystroke to complete',
  'Rare query, first results: transferred',
  `Rare query, first results: last keystroke to results (median of ${readersPerQuery} readers)`,
  'Rare query, complete results: transferred',
  'Rare query, complete results: last keystroke to complete',
  'One-article rebuild: wall time (share of the cold build)',
  'One-article rebuild: CPU time, social cards rendered (reused)',
  'One-article rebuild: pages copied from the incremental cache',
];

export function figureRows(f: BenchmarkFigures): [string, string][] {
  const cardCpu = cardCpuSeconds(f.build);
  const cpuMs = f.build.cpuSeconds * 1000;
  const values = [
    `${f.articles} (${f.published})`,
    String(f.htmlPages),
    `${f.indexedPages} in ${f.indexes} ${f.indexes === 1 ? 'index' : 'indexes'}`,
    seconds(f.build.wallMs),
    perPage(f.build.wallMs, f.htmlPages),
    seconds(cpuMs),
    perPage(cpuMs, f.htmlPages),
    perPage(cpuMs - cardCpu * 1000, f.htmlPages),
    `${f.cards.rendered} (${f.cards.reused})`,
    `${seconds(f.cards.totalMs)}, ${f.cards.msPerRendered.toFixed(1)} ms, ${cardCpu.toFixed(1)} s`,
    `${f.load[0].toFixed(2)}, ${f.load[1].toFixed(2)}`,
    mb(f.memory.treeRss),
    mb(f.memory.processHwm),
    peak(f.memory.byKind.astro),
    peak(f.memory.byKind.indexer),
    peak(f.memory.byKind.cards),
    mb(f.distBytes),
    mb(f.indexBytes),
    `“${f.common.query}”: ${momentBytes(f.common)}`,
    momentTime(f.common, 'shown'),
    momentBytes(f.common.complete),
    momentTime(f.common.complete, 'results'),
    `“${f.rare.query}”: ${momentBytes(f.rare)}`,
    momentTime(f.rare, 'shown'),
    momentBytes(f.rare.complete),
    momentTime(f.rare.complete, 'results'),
    `${seconds(f.rebuild.wallMs)} (${Math.round((100 * f.rebuild.wallMs) / f.build.wallMs)} %)`,
    `${seconds(f.rebuild.cpuSeconds * 1000)}, ${f.rebuild.cards.rendered} (${f.rebuild.cards.reused})`,
    String(f.rebuild.pagesFromCache),
  ];
  return measureNames.map((name, i) => [name, values[i]]);
}

/** The cold build's and the rebuild's phases side by side: wall and CPU time of each. */
export function phaseRows(f: BenchmarkFigures): string[][] {
  const rebuilt = new Map(f.rebuild.phases.map((p) => [p.name, p]));
  const cells = (p: Phase | undefined) =>
    p ? [seconds(p.endMs - p.startMs), `${p.cpuSeconds.toFixed(1)} s`] : ['–', '–'];
  return f.build.phases.map((p) => [p.name, ...cells(p), ...cells(rebuilt.get(p.name))]);
}

const markdown = (header: string[], rows: string[][]) =>
  [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');

export function markdownTable(f: BenchmarkFigures): string {
  return [
    markdown(['Measure', 'Value'], figureRows(f)),
    markdown(['Phase', 'Wall', 'CPU', 'Rebuild wall', 'Rebuild CPU'], phaseRows(f)),
  ].join('\n\n');
}
