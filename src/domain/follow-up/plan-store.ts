/**
 * Saved plans in localStorage under one versioned key. Whatever is found there is checked before use:
 * corrupt, unknown-version or oversized data is moved aside (never thrown at the reader), and a browser
 * that blocks storage still gets a working planner that says it cannot save.
 */
import type { DoneTimes } from './schedule.ts';

export const STORAGE_KEY = 'follow-through:planner:v1';
export const SET_ASIDE_KEY = 'follow-through:planner:set-aside';
const STORAGE_VERSION = 1;
/** Far above what dozens of plans need; anything bigger is not ours or has gone wrong. */
export const MAX_STORED_CHARS = 100_000;
const MAX_PLANS = 50;

export interface SavedPlan {
  id: string;
  /** The plan's inputs as a share-link query string, validated again whenever it is opened. */
  query: string;
  done: DoneTimes;
  savedAt: number;
}

export interface SavedPlans {
  currentId: string | null;
  plans: SavedPlan[];
}

export type StorageProblem = 'set-aside' | 'blocked';
export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function emptySavedPlans(): SavedPlans {
  return { currentId: null, plans: [] };
}

export function loadSavedPlans(openStorage: () => StorageLike): { saved: SavedPlans; problem?: StorageProblem } {
  let storage: StorageLike;
  let raw: string | null;
  try {
    storage = openStorage();
    raw = storage.getItem(STORAGE_KEY);
  } catch {
    return { saved: emptySavedPlans(), problem: 'blocked' };
  }
  if (raw === null) return { saved: emptySavedPlans() };
  const saved = raw.length <= MAX_STORED_CHARS ? decode(raw) : undefined;
  if (saved) return { saved };
  try {
    storage.setItem(SET_ASIDE_KEY, raw);
  } catch {
    // Too big to copy: it could not have been a plan list of ours, so letting it go loses nothing readable.
  }
  try {
    storage.removeItem(STORAGE_KEY);
  } catch {
    return { saved: emptySavedPlans(), problem: 'blocked' };
  }
  return { saved: emptySavedPlans(), problem: 'set-aside' };
}

/** False when the browser refuses (storage blocked or full); the plan on screen is unaffected. */
export function storeSavedPlans(openStorage: () => StorageLike, saved: SavedPlans): boolean {
  try {
    openStorage().setItem(STORAGE_KEY, JSON.stringify({ version: STORAGE_VERSION, ...saved }));
    return true;
  } catch {
    return false;
  }
}

export function newPlanId(now: number, random: number): string {
  return `${now.toString(36)}${Math.floor(random * 1e8).toString(36)}`;
}

function decode(raw: string): SavedPlans | undefined {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!isRecord(data) || data.version !== STORAGE_VERSION || !Array.isArray(data.plans)) return undefined;
  if (data.plans.length > MAX_PLANS || !data.plans.every(isSavedPlan)) return undefined;
  const currentId = typeof data.currentId === 'string' ? data.currentId : null;
  return { currentId, plans: data.plans };
}

function isSavedPlan(value: unknown): value is SavedPlan {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    value.id.length <= 40 &&
    typeof value.query === 'string' &&
    typeof value.savedAt === 'number' &&
    isRecord(value.done) &&
    Object.values(value.done).every((time) => typeof time === 'number' && Number.isFinite(time))
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
