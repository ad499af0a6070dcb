import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './scripts/support/chromium.ts';
import { loadToolConfig } from './src/config.ts';

const { e2ePort, ci } = loadToolConfig();

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  reporter: ci ? 'line' : 'list',
  // One production server over the built site for the whole run, started the way every tool starts
  // it (scripts/support/server.ts), on the port baseURL names, with a throwaway database.
  globalSetup: './tests/e2e/support/global-setup.ts',
  use: {
    baseURL: `http://127.0.0.1:${e2ePort}`,
    launchOptions: { executablePath: chromiumPath(), args: chromiumArgs },
  },
  projects: [{ name: 'chromium' }],
});
