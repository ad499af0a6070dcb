import { describe, expect, it } from 'vitest';
import { calendarDayOf, isOpen, newestFirst } from '../../../../src/domain/jobs/expiry';

describe('isOpen', () => {
  it.each([
    ['closed the day before the build', '2026-11-25', false],
    ['closes on the build day', '2026-11-26', true],
    ['closes the day after', '2026-11-27', true],
    ['closed last year', '2025-12-31', false],
    ['closes next year', '2027-01-01', true],
  ])('a role that %s is open: %s', (_case, closingDate, open) => {
    expect(isOpen({ closingDate }, '2026-11-26')).toBe(open);
  });
});

describe('calendarDayOf', () => {
  it('uses the UTC day, whatever the machine time zone', () => {
    expect(calendarDayOf(new Date('2026-11-26T23:59:59Z'))).toBe('2026-11-26');
    expect(calendarDayOf(new Date('2026-11-27T07:30:00+08:00'))).toBe('2026-11-26');
  });
});

describe('newestFirst', () => {
  it('puts the latest posting first and orders same-day postings by title', () => {
    const entries = [
      { id: 'a', data: { postedDate: '2026-11-01', title: 'Analyst' } },
      { id: 'b', data: { postedDate: '2026-11-20', title: 'Trader' } },
      { id: 'c', data: { postedDate: '2026-11-20', title: 'Associate' } },
    ];
    expect(newestFirst(entries).map((entry) => entry.id)).toEqual(['c', 'b', 'a']);
    expect(entries.map((entry) => entry.id)).toEqual(['a', 'b', 'c']);
  });
});
