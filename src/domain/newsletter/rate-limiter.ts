// A sliding-window limiter kept in memory: at most `limit` hits per key in any `windowMs`.
// The server is one process, so memory is the right place; a restart forgetting the counts costs
// at most one extra window of requests. Refused hits are not counted, so Retry-After stays true.

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiterOptions {
  limit: number;
  windowMs: number;
  /** Keys remembered at most; beyond it the keys seen longest ago are forgotten first. */
  maxKeys?: number;
}

export function createRateLimiter({ limit, windowMs, maxKeys = 50_000 }: RateLimiterOptions) {
  const hits = new Map<string, number[]>();
  let hitsSinceSweep = 0;

  function recent(key: string, now: number): number[] {
    const times = (hits.get(key) ?? []).filter((time) => time > now - windowMs);
    if (times.length === 0) hits.delete(key);
    else hits.set(key, times);
    return times;
  }

  // Drops keys whose window has passed, and if a flood of new keys still overflows the map,
  // the oldest ones (Map keeps insertion order).
  function sweep(now: number): void {
    for (const key of [...hits.keys()]) recent(key, now);
    for (const key of hits.keys()) {
      if (hits.size <= maxKeys) break;
      hits.delete(key);
    }
  }

  return {
    hit(key: string, now: number): RateDecision {
      if (++hitsSinceSweep >= 1_000 || hits.size > maxKeys) {
        hitsSinceSweep = 0;
        sweep(now);
      }
      const times = recent(key, now);
      if (times.length >= limit) {
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((times[0] + windowMs - now) / 1000)) };
      }
      times.push(now);
      hits.set(key, times);
      return { allowed: true };
    },
    /** Keys currently held, for tests of the memory bound. */
    size(): number {
      return hits.size;
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
