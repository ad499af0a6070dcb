// The production server the whole Playwright run shares, over the built site, on the port the
// config's baseURL names (E2E_PORT), with a throwaway database unless E2E_DATA_DIR names one.
import type { FullConfig } from '@playwright/test';
import { loadToolConfig } from '../../../src/config.ts';
import { startServer } from '../../../scripts/support/server.ts';

export default async function startSharedServer(config: FullConfig): Promise<() => Promise<void>> {
  const baseURL = config.projects[0].use.baseURL;
  if (!baseURL) throw new Error('playwright.config.ts must set use.baseURL: the shared server listens on its port.');
  const { e2eDataDir } = loadToolConfig();
  const server = await startServer(e2eDataDir ? { DATA_DIR: e2eDataDir } : {}, {
    port: Number(new URL(baseURL).port),
    show: 'errors',
  });
  // Specs that read the shared server's database find it here.
  process.env.E2E_DATA_DIR = server.dataDir;
  return () => server.stop();
}
