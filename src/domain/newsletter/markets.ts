// The reader's markets: where they work, which time zone their morning is in, and which job
// locations count as theirs. "Elsewhere" has no zone of its own (the newsletter's zone) and no
// location filter: those readers see roles in every market, filtered only by function.
import { LOCATIONS, type LocationLabel } from '../jobs/taxonomy.ts';

export const MARKETS = [
  { slug: 'singapore', label: 'Singapore', timeZone: 'Asia/Singapore', location: 'Singapore' },
  { slug: 'hong-kong', label: 'Hong Kong', timeZone: 'Asia/Hong_Kong', location: 'Hong Kong' },
  { slug: 'london', label: 'London', timeZone: 'Europe/London', location: 'London' },
  { slug: 'new-york', label: 'New York', timeZone: 'America/New_York', location: 'New York' },
  { slug: 'elsewhere', label: 'Elsewhere', timeZone: null, location: null },
] as const satisfies readonly {
  slug: string;
  label: string;
  timeZone: string | null;
  location: LocationLabel | null;
}[];

export type Market = (typeof MARKETS)[number];
export type MarketSlug = Market['slug'];

export const marketSlugs = MARKETS.map((m) => m.slug) as [MarketSlug, ...MarketSlug[]];

export function marketBySlug(slug: MarketSlug): Market {
  return MARKETS.find((m) => m.slug === slug)!;
}

/** The market a job's location belongs to; every location in the taxonomy is one market's. */
export function marketOfLocation(location: LocationLabel): MarketSlug {
  const market = MARKETS.find((m) => m.location === location);
  if (!market) throw new Error(`No market for the job location "${location}".`);
  return market.slug;
}

/** The zone a reader's morning is in: their market's, or the newsletter's own for Elsewhere and no preference. */
export function marketTimeZone(market: MarketSlug | null, newsletterTimeZone: string): string {
  return (market && marketBySlug(market).timeZone) || newsletterTimeZone;
}

// Checked once at load: a location added to the jobs taxonomy must get a market here.
for (const location of LOCATIONS) marketOfLocation(location.label);
