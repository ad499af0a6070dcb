import { describe, expect, it } from 'vitest';
import {
  loadSavedPlans,
  MAX_STORED_CHARS,
  SET_ASIDE_KEY,
  STORAGE_KEY,
  storeSavedPlans,
  type SavedPlans,
  type StorageLike,
} from '../../../../src/domain/follow-up/plan-store.ts';

function memoryStorage(initial: Record<string, string> = {}): StorageLike & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

const saved: SavedPlans = {
  currentId: 'a1',
  plans: [
    {
      id: 'a1',
      query: 'ended=2026-12-04T15%3A30&tz=Asia%2FSingapore',
      done: { 'thank-you': 1_765_000_000_000 },
      savedAt: 1,
    },
  ],
};

describe('saved plans in localStorage', () => {
  it('keeps plans and ticks across a reload', () => {
    const storage = memoryStorage();
    expect(storeSavedPlans(() => storage, saved)).toBe(true);
    expect(loadSavedPlans(() => storage)).toEqual({ saved });
  });

  it('starts empty without a notice on first visit', () => {
    expect(loadSavedPlans(() => memoryStorage())).toEqual({ saved: { currentId: null, plans: [] } });
  });

  it.each([
    ['corrupt JSON', '{"version":1,"plans":[{'],
    ['an unknown version', JSON.stringify({ version: 2, currentId: null, plans: [] })],
    ['the wrong shape', JSON.stringify({ version: 1, plans: [{ id: 'x', query: 5, done: {}, savedAt: 1 }] })],
    [
      'a tick that is not a time',
      JSON.stringify({ version: 1, plans: [{ id: 'x', query: '', done: { a: 'soon' }, savedAt: 1 }] }),
    ],
    ['data that is too large', JSON.stringify({ version: 1, plans: [], padding: 'x'.repeat(MAX_STORED_CHARS) })],
  ])('sets %s aside with a notice and starts fresh', (_label, raw) => {
    const storage = memoryStorage({ [STORAGE_KEY]: raw });
    expect(loadSavedPlans(() => storage)).toEqual({ saved: { currentId: null, plans: [] }, problem: 'set-aside' });
    expect(storage.data.get(SET_ASIDE_KEY)).toBe(raw);
    expect(storage.data.has(STORAGE_KEY)).toBe(false);
  });

  it('reports blocked storage instead of throwing, and saving then says it failed', () => {
    const blocked = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    expect(loadSavedPlans(blocked)).toEqual({ saved: { currentId: null, plans: [] }, problem: 'blocked' });
    expect(storeSavedPlans(blocked, saved)).toBe(false);
  });

  it('says saving failed when the storage is full', () => {
    const full = {
      ...memoryStorage(),
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    expect(storeSavedPlans(() => full, saved)).toBe(false);
  });
});
