import { expect, test } from '@playwright/test';
import { axeViolations, colourRules, expectNoAxeViolations } from './support/axe';

// Every URL in the sitemap, at a phone and a desktop width, in both themes: every rule in the light
// theme, and in the dark theme the rules a colour scheme can change (the markup is the same).
test.describe.configure({ mode: 'parallel' });

async function sitemapPaths(baseURL: string): Promise<string[]> {
  const index = await (await fetch(`${baseURL}/sitemap-index.xml`)).text();
  const maps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
  const paths: string[] = [];
  for (const m of maps) {
    const xml = await (await fetch(`${baseURL}${m}`)).text();
    paths.push(...[...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((x) => new URL(x[1]).pathname));
  }
  return paths;
}

for (const [width, scheme] of [
  [375, 'light'],
  [1280, 'light'],
  [1280, 'dark'],
  [375, 'dark'],
] as const) {
  const rules = scheme === 'dark' ? colourRules : undefined;
  const what = rules ? 'colour rules' : 'all rules';
  test(`axe (${what}): 0 violations on every sitemap URL at ${width}px, ${scheme} theme`, async ({ page, baseURL }) => {
    test.setTimeout(240_000);
    await page.setViewportSize({ width, height: 900 });
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    const paths = await sitemapPaths(baseURL!);
    expect(paths.length).toBeGreaterThan(10);
    const found: string[] = [];
    for (const path of paths) {
      await page.goto(path);
      found.push(...(await axeViolations(page, undefined, rules)));
    }
    expect(found).toEqual([]);
  });
}

test('axe: 0 violations on the 404 page', async ({ page }) => {
  await page.goto('/missing-page/');
  await expectNoAxeViolations(page);
});
