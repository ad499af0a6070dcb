// `npm run lighthouse`: Lighthouse (mobile preset) on the key pages of the built site, served by the
// production server. Prints the four category scores per page and exits non-zero below 100.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { launch } from 'chrome-launcher';
import { loadBuildConfig, loadToolConfig } from '../src/config.ts';
import { chromiumArgs, chromiumPath, noChromiumMessage } from './support/chromium.ts';
import { builtSiteFolder } from './support/project.ts';
import { startServer } from './support/server.ts';

const pages = ['/', '/advice/interview-follow-through/', '/tools/follow-up-planner/', '/search/', '/jobs/'];
const categories = {
  performance: 'Performance',
  accessibility: 'Accessibility',
  'best-practices': 'Best Practices',
  seo: 'SEO',
} as const;
const { lighthouseMin: threshold, lighthouseVerbose: verbose } = loadToolConfig();
const chromePath = chromiumPath();
if (!chromePath) {
  console.error(noChromiumMessage);
  process.exit(1);
}
if (!existsSync(join(builtSiteFolder(), 'server/entry.mjs'))) {
  console.error('No build found: run `npm run build` first.');
  process.exit(1);
}

// Served on the port the build's canonical URLs name, so the canonical audit sees the real origin.
const site = new URL(loadBuildConfig().siteUrl);
const port = Number(site.port || 80);
const server = await startServer({}, { port, show: 'everything' });
const origin = `http://localhost:${port}`;

const chrome = await launch({
  chromePath,
  chromeFlags: chromiumArgs,
});
let failed = false;
const rows: Record<string, string | number>[] = [];
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
    if (!result) throw new Error(`Lighthouse returned no result for ${url}`);
    const row: Record<string, string | number> = { page: path };
    for (const [id, name] of Object.entries(categories)) {
      const score = Math.round((result.lhr.categories[id]?.score ?? 0) * 100);
      row[name] = score;
      if (score < threshold) failed = true;
    }
    rows.push(row);
    if (verbose) {
      for (const a of Object.values(result.lhr.audits))
        if (a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative')
          console.log(`  ${path}: ${a.id} ${a.score} ${a.displayValue ?? ''}`);
    }
  }
} finally {
  chrome.kill();
  await server.stop();
}
console.table(rows);
if (failed) {
  console.error(`Some scores are below ${threshold} (or a page is missing).`);
  process.exit(1);
}
console.log(`All pages score ${threshold} or more in every category.`);
