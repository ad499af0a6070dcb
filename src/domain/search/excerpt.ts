// Turns a Pagefind excerpt into plain-text runs, so results never parse page text as HTML.

/** One run of excerpt text; `marked` runs are the words that matched the query. */
export interface ExcerptPart {
  text: string;
  marked: boolean;
}

const markedRun = /<mark>([\s\S]*?)<\/mark>/g;

/**
 * Pagefind excerpts are the page's text with `<` and `>` escaped and each match wrapped in `<mark>`.
 * Undoing exactly that escaping gives the words the page showed, e.g. a literal
 * `<img src=x onerror=alert(1)>`, which the caller then puts in text nodes where it stays inert.
 */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  const push = (raw: string, marked: boolean) => {
    const text = raw.replaceAll('&lt;', '<').replaceAll('&gt;', '>');
    if (text === '') return;
    const last = parts.at(-1);
    // Pagefind marks adjacent words separately; one highlight reads better than several.
    if (last && last.marked === marked) last.text += text;
    else parts.push({ text, marked });
  };
  let from = 0;
  for (const match of excerpt.matchAll(markedRun)) {
    push(excerpt.slice(from, match.index), false);
    push(match[1], true);
    from = match.index + match[0].length;
  }
  push(excerpt.slice(from), false);
  return parts;
}
