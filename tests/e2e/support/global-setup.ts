// The production server the whole Playwright run shares, over the built site, on the port the
// config's baseURL names (E2E_PORT), with a throwaway database unless E2E_DATA_DIR names one.
import type { FullConfig } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { childEnvironment, loadToolConfig } from '../../../src/config.ts';
import { startServer } from '../../../scripts/support/server.ts';

/** A page only a TEST_FIXTURES build has (tests/fixtures/articles): the search-escaping article. */
const FIXTURE_PAGE = 'dist/client/advice/search-escaping-fixture/index.html';

/** The browser tests need the test-only pages; a plain `npm run build` leaves them out, so build them in. */
function ensureFixturesBuilt(): void {
  if (existsSync(FIXTURE_PAGE)) return;
  console.log('dist/ has no test fixtures (built without TEST_FIXTURES): building with them first.');
  const result = spawnSync('npm', ['run', 'build'], {
    stdio: 'inherit',
    env: childEnvironment({ TEST_FIXTURES: '1' }),
  });
  if (result.status !== 0) throw new Error('The build with TEST_FIXTURES=1 failed; see the output above.');
}

export default async function startSharedServer(config: FullConfig): Promise<() => Promise<void>> {
  const baseURL = config.projects[0].use.baseURL;
  if (!baseURL) throw new Error('playwright.config.ts must set use.baseURL: the shared server listens on its port.');
  ensureFixturesBuilt();
  const { e2eDataDir } = loadToolConfig();
  const server = await startServer(e2eDataDir ? { DATA_DIR: e2eDataDir } : {}, {
    port: Number(new URL(baseURL).port),
    show: 'errors',
  });
  // Specs that read the shared server's database find it here.
  process.env.E2E_DATA_DIR = server.dataDir;
  return () => server.stop();
}
