// Finds a Chromium for the browser tools (Playwright, Lighthouse, the benchmark): CHROME_PATH first,
// then Playwright's own browser, then Debian's.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { loadToolConfig } from '../../src/config.ts';

export function chromiumPath(): string | undefined {
  const candidates = [
    loadToolConfig().chromePath,
    safe(() => chromium.executablePath()),
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
  ];
  return candidates.find((p): p is string => !!p && existsSync(p));
}

function safe(f: () => string): string | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}

/** What every tool says when it finds no browser. */
export const noChromiumMessage =
  'No Chromium browser found: install one (on Debian: `apt-get install -y chromium`) or set CHROME_PATH to its path.';

/** Flags this kind of machine needs: root without a sandbox, no shared-memory limits, no calls home. */
export const chromiumArgs = [
  '--no-sandbox',
  '--headless=new',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];
