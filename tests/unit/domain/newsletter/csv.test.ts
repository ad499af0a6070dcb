import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../../src/domain/newsletter/csv.ts';

describe('toCsv', () => {
  it('writes a header and rows with CRLF line ends', () => {
    expect(toCsv(['email', 'status'], [['ann@example.com', 'confirmed']])).toBe(
      'email,status\r\nann@example.com,confirmed\r\n',
    );
  });

  it('quotes cells holding commas, quotes or line breaks, and leaves nulls empty', () => {
    expect(toCsv(['a', 'b', 'c'], [['x,y', 'say "hi"', null]])).toBe('a,b,c\r\n"x,y","say ""hi""",\r\n');
  });
});
