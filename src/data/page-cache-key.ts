// Keys for Astro's incremental build (experimental.incrementalBuild in astro.config.mjs). Astro skips
// a page whose key, code (its module graph) and rendered content entry all match the previous build
// and copies the page it wrote then; the key must therefore cover every piece of collection data the
// page shows beyond its own body: change what a page renders from the collections, and change its key.
import { createHash } from 'node:crypto';

/** A collection entry as far as a page can show it: its id and its frontmatter or JSON. */
export const entryFacts = (entry: { id: string; data: unknown }) => ({ id: entry.id, data: entry.data });

/** A key for the page built from `parts` (entries, lists, values); stable for equal data. */
export function pageCacheKey(parts: Record<string, unknown>): string {
  // The footer prints the current year, so a page built last December is stale in January.
  const input = JSON.stringify({ ...parts, year: new Date().getFullYear() });
  return createHash('sha256').update(input).digest('base64url');
}
