// Reading several result lists, each already newest first, as one list newest first. Pagefind sorts by
// date within each index but orders merged results by score, which under a sort is a position inside
// one index (docs/architecture.md, "A search"); so the client asks each index for its own sorted list
// and interleaves them here. Dates come from the results' metadata, which costs a fetch each, so only
// the item at the head of each list is ever asked for its date.

/**
 * A reader of `lists` newest first: `take(n)` resolves with the first n items of the combined order
 * (fewer when the lists run out). Items of the same date keep their lists' order, earlier lists first.
 */
export function newestFirst<T>(lists: T[][], dateOf: (item: T) => Promise<string>): (count: number) => Promise<T[]> {
  const merged: T[] = [];
  const cursors = lists.map(() => 0);
  const dates = new Map<T, Promise<string>>();
  const date = (item: T) => {
    let known = dates.get(item);
    if (!known) dates.set(item, (known = dateOf(item)));
    return known;
  };

  async function fill(count: number) {
    while (merged.length < count) {
      const live = lists.map((_, i) => i).filter((i) => cursors[i] < lists[i].length);
      if (live.length === 0) return;
      const headDates = await Promise.all(live.map((i) => date(lists[i][cursors[i]])));
      let newest = 0;
      for (let k = 1; k < live.length; k++) if (headDates[k] > headDates[newest]) newest = k;
      const list = live[newest];
      merged.push(lists[list][cursors[list]++]);
    }
  }

  // One fill at a time: two interleaved fills would both take the same head.
  let queue = Promise.resolve();
  return (count) => {
    queue = queue.then(() => fill(count));
    return queue.then(() => merged.slice(0, count));
  };
}
