import { describe, expect, it } from 'vitest';
import { newestFirst } from '../../../../src/domain/search/newest-first';

interface Item {
  name: string;
  date: string;
}
const item = (name: string, date: string): Item => ({ name, date });

/** The recent index (newest articles and a dated newsletter issue from long ago) and two archives. */
const recent = [item('r1', '2026-12-02'), item('r2', '2026-11-30'), item('issue', '2019-01-07')];
const newerArchive = [item('a3', '2024-05-01'), item('a2', '2022-02-02')];
const olderArchive = [item('a1', '2018-03-03')];

describe('newestFirst', () => {
  it('interleaves lists that are each newest first into one list newest first', async () => {
    const take = newestFirst([recent, newerArchive, olderArchive], async (i) => i.date);
    expect((await take(10)).map((i) => i.name)).toEqual(['r1', 'r2', 'a3', 'a2', 'issue', 'a1']);
  });

  it('asks for the dates of the items it returns and of the other lists’ heads only', async () => {
    const asked: string[] = [];
    const take = newestFirst([recent, newerArchive, olderArchive], async (i) => (asked.push(i.name), i.date));
    expect((await take(2)).map((i) => i.name)).toEqual(['r1', 'r2']);
    expect(asked.sort()).toEqual(['a1', 'a3', 'r1', 'r2']);
  });

  it('keeps the lists’ order for items of the same date, and answers overlapping requests consistently', async () => {
    const take = newestFirst([[item('x', '2020-01-01')], [item('y', '2020-01-01')]], async (i) => i.date);
    const [one, both] = await Promise.all([take(1), take(2)]);
    expect(one.map((i) => i.name)).toEqual(['x']);
    expect(both.map((i) => i.name)).toEqual(['x', 'y']);
  });

  it('stops when every list has run out', async () => {
    expect(await newestFirst([[], []], async () => '')(5)).toEqual([]);
  });
});
