import { describe, expect, it } from 'vitest';
import { excerptParts } from '../../../../src/domain/search/excerpt';

describe('excerptParts', () => {
  it('splits an excerpt into plain runs and highlighted matches', () => {
    expect(excerptParts('Send the <mark>thank-you</mark> <mark>note</mark> within a day.')).toEqual([
      { text: 'Send the ', marked: false },
      { text: 'thank-you', marked: true },
      { text: ' ', marked: false },
      { text: 'note', marked: true },
      { text: ' within a day.', marked: false },
    ]);
  });

  it('gives back markup-like page text as the literal characters the page showed', () => {
    const parts = excerptParts('Shown as text: &lt;img src=x onerror=alert(1)&gt; in the <mark>article</mark>');
    expect(parts[0]).toEqual({ text: 'Shown as text: <img src=x onerror=alert(1)> in the ', marked: false });
    expect(parts.map((p) => p.text).join('')).toBe('Shown as text: <img src=x onerror=alert(1)> in the article');
  });

  it('never turns page text that spells out a mark tag into a highlight', () => {
    // Pagefind escapes the page's own "<mark>", so only its real highlights arrive as tags.
    expect(excerptParts('use &lt;mark&gt;here&lt;/mark&gt; for <mark>emphasis</mark>')).toEqual([
      { text: 'use <mark>here</mark> for ', marked: false },
      { text: 'emphasis', marked: true },
    ]);
  });

  it('handles excerpts that start or end with a match, and empty excerpts', () => {
    expect(excerptParts('<mark>Decision</mark> date')).toEqual([
      { text: 'Decision', marked: true },
      { text: ' date', marked: false },
    ]);
    expect(excerptParts('')).toEqual([]);
  });

  it('leaves ampersands alone, since Pagefind does not escape them', () => {
    expect(excerptParts('M&amp;A and M&A')).toEqual([{ text: 'M&amp;A and M&A', marked: false }]);
  });
});
