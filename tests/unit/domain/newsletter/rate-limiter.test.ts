import { describe, expect, it } from 'vitest';
import { clientAddress, rateLimitKey } from '../../../../src/server/newsletter/client-address.ts';
import { createRateLimiter } from '../../../../src/domain/newsletter/rate-limiter.ts';

describe('createRateLimiter', () => {
  it('allows `limit` hits in a window, then refuses with the seconds until a slot frees', () => {
    const limiter = createRateLimiter({ limit: 5, windowMs: 60_000 });
    for (let i = 0; i < 5; i++) expect(limiter.hit('1.2.3.4', 1_000 + i * 1_000).allowed).toBe(true);
    expect(limiter.hit('1.2.3.4', 10_000)).toEqual({ allowed: false, retryAfterSeconds: 51 });
    // Another client is not affected.
    expect(limiter.hit('5.6.7.8', 10_000).allowed).toBe(true);
    // The oldest hit leaves the window at 61 s.
    expect(limiter.hit('1.2.3.4', 60_999).allowed).toBe(false);
    expect(limiter.hit('1.2.3.4', 61_000).allowed).toBe(true);
  });

  it('does not count refused hits, so a client hammering away is let in when Retry-After says', () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 1_000 });
    limiter.hit('k', 0);
    for (let t = 10; t < 1_000; t += 10) expect(limiter.hit('k', t).allowed).toBe(false);
    expect(limiter.hit('k', 1_000).allowed).toBe(true);
  });

  it('never answers Retry-After: 0', () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 1_000 });
    limiter.hit('k', 0);
    expect(limiter.hit('k', 999)).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('keeps its memory bounded under a flood of distinct clients', () => {
    const limiter = createRateLimiter({ limit: 3, windowMs: 60_000, maxKeys: 100 });
    for (let i = 0; i < 5_000; i++) limiter.hit(`client-${i}`, i);
    expect(limiter.size()).toBeLessThanOrEqual(101);
  });
});

describe('clientAddress', () => {
  it('ignores X-Forwarded-For unless the proxy is trusted', () => {
    expect(clientAddress('10.0.0.1', '203.0.113.9', 0)).toBe('10.0.0.1');
  });

  it('takes the entry the trusted proxy appended, not one the client wrote', () => {
    expect(clientAddress('10.0.0.1', '198.51.100.7, 203.0.113.9', 1)).toBe('203.0.113.9');
    expect(clientAddress('10.0.0.1', '198.51.100.7, 203.0.113.9, 10.0.0.2', 2)).toBe('203.0.113.9');
    expect(clientAddress('10.0.0.1', '203.0.113.9', 3)).toBe('203.0.113.9');
    expect(clientAddress('10.0.0.1', ' , ', 1)).toBe('10.0.0.1');
    expect(clientAddress('10.0.0.1', null, 1)).toBe('10.0.0.1');
  });
});

describe('rateLimitKey', () => {
  it.each([
    ['203.0.113.9', '203.0.113.9'],
    ['::ffff:203.0.113.9', '203.0.113.9'],
    ['2001:db8:85a3:1:2:3:4:5', '2001:db8:85a3:1::/64'],
    ['2001:0db8:85a3:0001:ffff:3:4:5', '2001:db8:85a3:1::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
  ])('%s -> %s', (address, key) => {
    expect(rateLimitKey(address)).toBe(key);
  });
});
