import { expect, test } from '@playwright/test';
import { axeViolations, colourRules, expectNoAxeViolations } from './support/axe';

// Every URL in the sitemap at a desktop width and, at a phone width, one URL of each kind of page (the
// same template lays out the same way), in both themes: every rule in the light theme, and in the dark
// theme the rules a colour scheme can change (the markup is the same). An axe run costs 2-4 s a page,
// so four passes over every URL would take most of CI's browser stage.
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

/** A page's kind: its first folder, its depth, and whether it is a numbered page of a list. */
function kindOf(path: string): string {
  const parts = path.split('/').filter(Boolean);
  return `${parts[0] ?? ''}/${parts.length}/${/^\d+$/.test(parts.at(-1) ?? '')}/${parts.length > 2 ? parts[1] : ''}`;
}

// Pages whose kind the path does not tell: the flagship (the article with the planner) and the archive.
const ALSO = ['/advice/interview-follow-through/', '/newsletter/archive/'];

function onePerKind(paths: string[]): string[] {
  const seen = new Map<string, string>(ALSO.filter((path) => paths.includes(path)).map((path) => [path, path]));
  for (const path of paths) if (!seen.has(kindOf(path))) seen.set(kindOf(path), path);
  return [...seen.values()];
}

for (const [width, scheme] of [
  [375, 'light'],
  [1280, 'light'],
  [1280, 'dark'],
  [375, 'dark'],
] as const) {
  const rules = scheme === 'dark' ? colourRules : undefined;
  const what = rules ? 'colour rules' : 'all rules';
  const which = width < 1000 ? 'one sitemap URL of each kind' : 'every sitemap URL';
  test(`axe (${what}): 0 violations on ${which} at ${width}px, ${scheme} theme`, async ({ page, baseURL }) => {
    test.setTimeout(240_000);
    await page.setViewportSize({ width, height: 900 });
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    const all = await sitemapPaths(baseURL!);
    expect(all.length).toBeGreaterThan(10);
    const paths = width < 1000 ? onePerKind(all) : all;
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
