/** Adult silent reading of non-fiction averages about 238 words a minute (Brysbaert, 2019). */
export const WORDS_PER_MINUTE = 238;

/** Counts the words a reader sees in MDX source: code fences, tags, link targets and markup are left out. */
export function countWords(mdx: string): number {
  const text = mdx
    .replace(/^---[\s\S]*?\n---/, ' ')
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\]\([^)]*\)/g, ' ')
    .replace(/[#>*_`|[\]-]+/g, ' ');
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Whole minutes, never less than one. */
export function readingMinutes(mdx: string): number {
  return Math.max(1, Math.round(countWords(mdx) / WORDS_PER_MINUTE));
}
