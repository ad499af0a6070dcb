// `npm run lighthouse`: Lighthouse (mobile preset) on the key pages of the built site, served by the
// production server. Prints the four category scores per page and exits non-zero below 100.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { launch } from 'chrome-launcher';
import { chromiumArgs, chromiumPath } from '../tests/e2e/support/browser.ts';

const pages = ['/', '/advice/interview-follow-through/', '/tools/follow-up-planner/', '/search/', '/jobs/'];
const threshold = Number(process.env.LIGHTHOUSE_MIN ?? 100);
const chromePath = chromiumPath();
if (!chromePath) {
  console.error('No Chromium found: install one (on Debian: apt-get install -y chromium) or set CHROME_PATH.');
  process.exit(1);
}
if (!existsSync(join(process.env.DIST_DIR ?? 'dist', 'server/entry.mjs'))) {
  console.error('No build found: run `npm run build` first.');
  process.exit(1);
}

// Served on the port the build's canonical URLs name, so the canonical audit sees the real origin.
const site = new URL(process.env.SITE_URL ?? 'http://localhost:4321');
const dataDir = mkdtempSync(join(tmpdir(), 'ft-lighthouse-'));
const server = spawn(process.execPath, ['scripts/server.mjs'], {
  env: { ...process.env, PORT: site.port || '80', HOST: '127.0.0.1', DATA_DIR: dataDir },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const origin = `http://localhost:${site.port || 80}`;
for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${origin}/robots.txt`)).ok) break;
  } catch {}
  if (i > 100) throw new Error('server did not start');
  await new Promise((r) => setTimeout(r, 100));
}

const chrome = await launch({
  chromePath,
  chromeFlags: chromiumArgs,
});
let failed = false;
const rows = [];
try {
  for (const path of pages) {
    const url = origin + path;
    if ((await fetch(url)).status !== 200) {
      rows.push({ page: path, Performance: 'missing', Accessibility: '', 'Best Practices': '', SEO: '' });
      failed = true;
      continue;
    }
    // A first visit warms the server's compression cache, as any production server is warm.
    await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error' });
    const c = result.lhr.categories;
    const score = (k) => Math.round((c[k]?.score ?? 0) * 100);
    const row = { page: path, Performance: score('performance'), Accessibility: score('accessibility'), 'Best Practices': score('best-practices'), SEO: score('seo') };
    rows.push(row);
    for (const [k, v] of Object.entries(row)) if (k !== 'page' && v < threshold) failed = true;
    if (process.env.LIGHTHOUSE_VERBOSE) {
      for (const a of Object.values(result.lhr.audits)) if (a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative') console.log(`  ${path}: ${a.id} ${a.score} ${a.displayValue ?? ''}`);
    }
  }
} finally {
  chrome.kill();
  server.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}
console.table(rows);
if (failed) {
  console.error(`Some scores are below ${threshold} (or a page is missing).`);
  process.exit(1);
}
console.log(`All pages score ${threshold} or more in every category.`);
