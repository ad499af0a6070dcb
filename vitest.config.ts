// @ts-check
import { defineConfig } from 'vitest/config';

// Unit tests cover the pure TypeScript in src/lib/ and our own integrations; they need no Astro build.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
  },
});
