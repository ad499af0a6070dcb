// The benchmark's one table: a row per measure, in a fixed order, as Markdown so it can be pasted
// into docs/benchmarks.md as printed.
import { readersPerQuery, type QueryFigures } from './search-probe.ts';
import type { MemoryPeak } from './process-tree.ts';
import type { CardFigures } from './build.ts';

export interface BenchmarkFigures {
  articles: number;
  published: number;
  htmlPages: number;
  indexedPages: number;
  wallMs: number;
  cpuSeconds: number;
  /** One-minute load average when the build started and when the searches ended (2 cores: 2 means busy). */
  load: [number, number];
  memory: MemoryPeak;
  distBytes: number;
  indexBytes: number;
  /** Social cards of the build (a cold cache: every card is rendered). */
  cards: CardFigures;
  common: QueryFigures;
  rare: QueryFigures;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

function queryCell(q: QueryFigures, what: 'bytes' | 'ms'): string {
  return what === 'bytes'
    ? `${kb(q.bytes)} in ${q.requests} requests`
    : `${Math.round(q.ms)} ms (${q.results} results)`;
}

/** Measure names in print order; tests check the printed table against this list. */
export const measureNames = [
  'Articles generated (published)',
  'HTML pages built',
  'Pages in the search index',
  'Build wall time (with search index)',
  'Build time per page',
  'Social cards rendered (reused)',
  'Social cards: total time, time per rendered card',
  'Build CPU time (user + system, all processes)',
  'Machine load (1-minute average) at start, at end',
  'Peak build memory (RSS, all build processes)',
  'Peak of the largest single process',
  'dist/ size',
  'Search index size',
  'Common query: transferred',
  `Common query: last keystroke to results (median of ${readersPerQuery} readers)`,
  'Rare query: transferred',
  `Rare query: last keystroke to results (median of ${readersPerQuery} readers)`,
];

export function figureRows(f: BenchmarkFigures): [string, string][] {
  const values = [
    `${f.articles} (${f.published})`,
    String(f.htmlPages),
    String(f.indexedPages),
    `${(f.wallMs / 1000).toFixed(1)} s`,
    `${(f.wallMs / f.htmlPages).toFixed(1)} ms`,
    `${f.cards.rendered} (${f.cards.reused})`,
    `${(f.cards.totalMs / 1000).toFixed(1)} s, ${f.cards.msPerRendered.toFixed(1)} ms`,
    `${f.cpuSeconds.toFixed(1)} s`,
    `${f.load[0].toFixed(2)}, ${f.load[1].toFixed(2)}`,
    mb(f.memory.treeRss),
    mb(f.memory.processHwm),
    mb(f.distBytes),
    mb(f.indexBytes),
    `“${f.common.query}”: ${queryCell(f.common, 'bytes')}`,
    queryCell(f.common, 'ms'),
    `“${f.rare.query}”: ${queryCell(f.rare, 'bytes')}`,
    queryCell(f.rare, 'ms'),
  ];
  return measureNames.map((name, i) => [name, values[i]]);
}

export function markdownTable(f: BenchmarkFigures): string {
  const rows = figureRows(f);
  return ['| Measure | Value |', '| --- | --- |', ...rows.map(([name, value]) => `| ${name} | ${value} |`)].join('\n');
}
