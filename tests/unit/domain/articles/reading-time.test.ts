import { describe, expect, it } from 'vitest';
import { countWords, readingMinutes, WORDS_PER_MINUTE } from '../../../../src/domain/articles/reading-time';

describe('countWords', () => {
  it.each([
    ['plain prose', 'Send the note within a day.', 6],
    ['headings and emphasis', '## Send it *today*\n\nThen **wait**.', 5],
    ['link text counts, the target does not', 'Read [the guide](/advice/thank-you-note-after-interview/) first.', 4],
    ['code fences are left out', 'Before\n\n```text\nSubject: Thank you\nDear Ana\n```\n\nAfter', 2],
    ['MDX components are left out', '<EditorNote>Views are my own.</EditorNote>', 4],
    ['frontmatter is left out', '---\ntitle: "A title here"\n---\nBody words only', 3],
    ['punctuation alone is no word', 'Yes — no - / * 42', 3],
  ])('%s', (_name, text, words) => {
    expect(countWords(text)).toBe(words);
  });
});

describe('readingMinutes', () => {
  const words = (n: number) => Array.from({ length: n }, () => 'word').join(' ');
  it('is never below one minute', () => expect(readingMinutes('Hi')).toBe(1));
  it('rounds to the nearest minute', () => {
    expect(readingMinutes(words(WORDS_PER_MINUTE * 5))).toBe(5);
    expect(readingMinutes(words(Math.floor(WORDS_PER_MINUTE * 5.4)))).toBe(5);
    expect(readingMinutes(words(Math.ceil(WORDS_PER_MINUTE * 5.6)))).toBe(6);
  });
});
