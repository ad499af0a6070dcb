// Finds a Chromium for Playwright: CHROME_PATH first, then Playwright's own browser, then Debian's.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROME_PATH, safe(() => chromium.executablePath()), '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p): p is string => !!p && existsSync(p));
}

function safe(f: () => string): string | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}

/** Flags this kind of machine needs: root without a sandbox, no shared-memory limits, no calls home. */
export const chromiumArgs = ['--no-sandbox', '--headless=new', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];
