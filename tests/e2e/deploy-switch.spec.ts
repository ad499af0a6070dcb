// A deploy never serves a half-built site (issue 16, item 10): builds are switched under a running
// server the way `npm run build` switches them (scripts/astro-build.ts, a symlink renamed over dist),
// and every request answers from one whole build, with the Content-Security-Policy of that build.
import { cpSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { switchBuild } from '../../scripts/astro-build.ts';
import { projectRoot } from '../../scripts/support/project.ts';
import { startServer, type RunningServer } from '../../scripts/support/server.ts';

// Inside the project, so the copied server code finds node_modules as the real build does.
const work = join(projectRoot, '.tmp', `deploy-switch-${process.pid}`);
const dist = join(work, 'dist');
const buildA = join(work, '.dist-builds', 'a');
const buildB = join(work, '.dist-builds', 'b');
const marker = "'sha256-QnVpbGRCQnVpbGRCQnVpbGRCQnVpbGRCQnVpbGRCQnU='";
let server: RunningServer;

test.beforeAll(async () => {
  const built = realpathSync(join(projectRoot, 'dist'));
  mkdirSync(join(work, '.dist-builds'), { recursive: true });
  cpSync(built, buildA, { recursive: true });
  cpSync(built, buildB, { recursive: true });
  // Build B differs in its home page and that page's policy.
  const home = join(buildB, 'client', 'index.html');
  writeFileSync(home, readFileSync(home, 'utf8').replace('</body>', '<p>build B</p></body>'));
  const headersFile = join(buildB, '_headers.json');
  const headers = JSON.parse(readFileSync(headersFile, 'utf8')) as {
    pathname: string;
    headers: { key: string; value: string }[];
  }[];
  for (const entry of headers)
    if (entry.pathname === '/')
      for (const header of entry.headers)
        if (header.key.toLowerCase() === 'content-security-policy')
          header.value = header.value.replace(/script-src /, `script-src ${marker} `);
  writeFileSync(headersFile, JSON.stringify(headers));
  switchBuild(dist, buildA);
  server = await startServer({ DIST_DIR: dist, NEWSLETTER_SCHEDULER: 'off' });
});
test.afterAll(async () => {
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
});

async function home(): Promise<{ body: string; policy: string }> {
  const res = await fetch(`${server.url}/`);
  return { body: await res.text(), policy: res.headers.get('content-security-policy') ?? '' };
}

test('switching builds under load: no 500, and each page with its own build’s policy', async () => {
  const asset = readFileSync(join(buildA, 'client', 'index.html'), 'utf8').match(/\/_astro\/[^"']+\.css/)?.[0];
  expect(asset).toBeTruthy();
  const paths = ['/', '/missing-page/', asset!, '/advice/', '/newsletter/confirm/?token=x', '/search/'];
  const statuses = new Map<number, number>();
  let switching = true;
  const load = Array.from({ length: 4 }, async () => {
    while (switching) {
      for (const path of paths) {
        const res = await fetch(server.url + path);
        await res.arrayBuffer();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (path === '/' && res.status === 200) {
          const body = await (await fetch(`${server.url}/`)).text();
          expect(body.length).toBeGreaterThan(1000);
        }
      }
    }
  });
  for (let i = 0; i < 20; i++) {
    switchBuild(dist, i % 2 === 0 ? buildB : buildA);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  switching = false;
  await Promise.all(load);
  expect([...statuses.keys()].filter((status) => status >= 500)).toEqual([]);
  expect(statuses.get(200)).toBeGreaterThan(20);

  switchBuild(dist, buildB);
  const b = await home();
  expect(b.body).toContain('<p>build B</p>');
  expect(b.policy).toContain(marker);
  switchBuild(dist, buildA);
  const a = await home();
  expect(a.body).not.toContain('<p>build B</p>');
  expect(a.policy).not.toContain(marker);
});
