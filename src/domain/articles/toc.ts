export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

export interface TocEntry {
  slug: string;
  text: string;
  children: { slug: string; text: string }[];
}

/** Articles with fewer sections than this get no table of contents. */
export const MIN_SECTIONS_FOR_TOC = 3;

/** Nests h3s under their h2; returns an empty list when the article is too short to need one. */
export function tableOfContents(headings: readonly Heading[]): TocEntry[] {
  const entries: TocEntry[] = [];
  for (const h of headings) {
    if (h.depth === 2) entries.push({ slug: h.slug, text: h.text, children: [] });
    else if (h.depth === 3 && entries.length > 0)
      entries[entries.length - 1].children.push({ slug: h.slug, text: h.text });
  }
  return entries.length >= MIN_SECTIONS_FOR_TOC ? entries : [];
}
