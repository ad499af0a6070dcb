import { describe, expect, it } from 'vitest';
import { formatResultDate, resultCountMessage, unavailableMessage } from '../../../../src/domain/search/messages';
import { nextFocusIndex } from '../../../../src/domain/search/result-keys';

describe('result details', () => {
  it('shows the index date as a short British date, the same day wherever the reader is', () => {
    expect(formatResultDate('2025-03-04')).toBe('4 Mar 2025');
    expect(formatResultDate('2025-12-31')).toBe('31 Dec 2025');
  });

  it('shows nothing for a missing or malformed date', () => {
    expect(formatResultDate(undefined)).toBe('');
    expect(formatResultDate('March 2025')).toBe('');
    expect(formatResultDate('2025-13-45')).toBe('');
  });
});

describe('announcements', () => {
  it('counts results in words a screen reader can say', () => {
    expect(resultCountMessage(0, 'xyzzy')).toBe('No results for “xyzzy”.');
    expect(resultCountMessage(1, 'offer')).toBe('1 result for “offer”.');
    expect(resultCountMessage(12, ' thank you ')).toBe('12 results for “thank you”.');
    expect(resultCountMessage(5, '')).toBe('5 results.');
  });

  it('tells a writer in development how to get an index, and a reader what to do instead', () => {
    expect(unavailableMessage(true)).toMatch(/npm run build/);
    expect(unavailableMessage(false)).toMatch(/browse all advice/);
  });
});

describe('arrow keys through results', () => {
  it('moves from the search box into the results and back', () => {
    expect(nextFocusIndex(-1, 'ArrowDown', 3)).toBe(0);
    expect(nextFocusIndex(0, 'ArrowDown', 3)).toBe(1);
    expect(nextFocusIndex(2, 'ArrowDown', 3)).toBe(2);
    expect(nextFocusIndex(1, 'ArrowUp', 3)).toBe(0);
    expect(nextFocusIndex(0, 'ArrowUp', 3)).toBe(-1);
  });

  it('jumps to the ends from a result, but leaves Home and End to the text box', () => {
    expect(nextFocusIndex(1, 'End', 3)).toBe(2);
    expect(nextFocusIndex(2, 'Home', 3)).toBe(0);
    expect(nextFocusIndex(-1, 'Home', 3)).toBeNull();
  });

  it('does nothing without results or for other keys', () => {
    expect(nextFocusIndex(-1, 'ArrowDown', 0)).toBeNull();
    expect(nextFocusIndex(0, 'Enter', 3)).toBeNull();
  });
});
