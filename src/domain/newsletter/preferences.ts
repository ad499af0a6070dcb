// A reader's preferences: their market and the job functions they want alerts for, both optional.
// Parsed from the signup form and the preferences page (form-encoded or JSON) with astro/zod, and
// stored as two columns: market (NULL for no preference) and job_functions (comma-separated slugs).
import { z } from 'astro/zod';
import { FUNCTIONS, type FunctionSlug } from '../jobs/taxonomy.ts';
import { marketSlugs, type MarketSlug } from './markets.ts';

export interface Preferences {
  market: MarketSlug | null;
  /** In taxonomy order, no repeats; empty means every function. */
  functions: FunctionSlug[];
}

export const NO_PREFERENCE: Preferences = { market: null, functions: [] };

export const preferenceMessages = {
  market: 'Choose one of the markets listed, or leave it unset.',
  functions: 'Choose job alerts from the functions listed.',
} as const;

export type PreferenceErrors = { market?: string; functions?: string };

const functionSlugs = FUNCTIONS.map((f) => f.slug) as [FunctionSlug, ...FunctionSlug[]];

const preferencesSchema = z.object({
  market: z.enum(marketSlugs).nullable(),
  functions: z.array(z.enum(functionSlugs)).max(functionSlugs.length),
});

/** Taxonomy order without repeats, so equal choices give equal segments. */
export function orderedFunctions(functions: readonly FunctionSlug[]): FunctionSlug[] {
  return functionSlugs.filter((slug) => functions.includes(slug));
}

/**
 * Checks raw values: `market` a slug, '' or absent (no preference); `functions` a list of slugs
 * (absent: none). Anything else is a field error.
 */
export function parsePreferences(
  market: unknown,
  functions: unknown,
): { ok: true; preferences: Preferences } | { ok: false; errors: PreferenceErrors } {
  const parsed = preferencesSchema.safeParse({
    market: market === undefined || market === '' ? null : market,
    functions: functions === undefined ? [] : functions,
  });
  if (parsed.success)
    return {
      ok: true,
      preferences: { market: parsed.data.market, functions: orderedFunctions(parsed.data.functions) },
    };
  const errors: PreferenceErrors = {};
  for (const issue of parsed.error.issues) {
    if (issue.path[0] === 'market') errors.market = preferenceMessages.market;
    else errors.functions = preferenceMessages.functions;
  }
  return { ok: false, errors };
}

/** The stored form of the function list. */
export function functionsColumn(functions: readonly FunctionSlug[]): string {
  return orderedFunctions(functions).join(',');
}

/** Preferences from the stored columns; values the code no longer knows are dropped, not fatal. */
export function preferencesFromColumns(market: string | null, functions: string | null): Preferences {
  const known = parsePreferences(market ?? '', []);
  const slugs = (functions ?? '')
    .split(',')
    .filter((slug): slug is FunctionSlug => functionSlugs.includes(slug as FunctionSlug));
  return { market: known.ok ? known.preferences.market : null, functions: orderedFunctions(slugs) };
}
