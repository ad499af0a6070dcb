import { expect, type Page } from '@playwright/test';

/** Presses Tab until the focused element matches `selector`, as a keyboard user would; fails after `max` presses. */
export async function tabTo(page: Page, selector: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector} in ${max} presses`);
}

/** The first Tab on a page must land on the skip link, and Enter must move focus into <main>. */
export async function useSkipLink(page: Page): Promise<void> {
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => document.activeElement?.textContent?.trim());
  expect(first).toBe('Skip to main content');
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();
}
