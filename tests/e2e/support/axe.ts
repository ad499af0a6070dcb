import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The WCAG tags engineering.md names; every page must report zero violations. */
export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * The rules whose outcome a colour scheme can change. The markup is the same in both themes, so a
 * second pass over a page in the other theme needs only these (a full axe run costs two to four seconds
 * a page, and the sitemap pass covers every page four times).
 */
export const colourRules = ['color-contrast', 'link-in-text-block'];

/** The violations on the page as readable lines (empty when it passes); `rules` narrows the run. */
export async function axeViolations(page: Page, include?: string, rules?: string[]): Promise<string[]> {
  let builder = rules ? new AxeBuilder({ page }).withRules(rules) : new AxeBuilder({ page }).withTags(axeTags);
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  return violations.map(
    (v) => `${new URL(page.url()).pathname} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}

export async function expectNoAxeViolations(page: Page, include?: string): Promise<void> {
  expect(await axeViolations(page, include), `axe violations on ${page.url()}`).toEqual([]);
}
