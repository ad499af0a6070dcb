import { describe, expect, it } from 'vitest';
import { allocatorSettings, buildEnvironment } from '../../../scripts/astro-build.ts';

describe('the build launcher environment', () => {
  it('turns off transparent huge pages and purges freed pages at once for the bundler, and returns freed pages for Pagefind', () => {
    const env = buildEnvironment({ PATH: '/usr/bin' });
    expect(env).toMatchObject({
      MIMALLOC_ALLOW_THP: '0',
      MIMALLOC_PURGE_DELAY: '0',
      _RJEM_MALLOC_CONF: 'dirty_decay_ms:0,muzzy_decay_ms:0',
      PATH: '/usr/bin',
    });
  });

  it("keeps an operator's own allocator settings", () => {
    const env = buildEnvironment({ MIMALLOC_PURGE_DELAY: '250' });
    expect(env.MIMALLOC_PURGE_DELAY).toBe('250');
    expect(env.MIMALLOC_ALLOW_THP).toBe(allocatorSettings.MIMALLOC_ALLOW_THP);
  });
});
