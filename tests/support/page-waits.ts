// Waiting on what a page shows (playwright-core has no expect): bounded waits for text and for a
// locator's text, each failing with what it was waiting for; and screenshots taken from the top.
import type { Locator, Page } from 'playwright-core';
import { screenshot } from './browser.js';

// Generous: on a 2-core machine the browser shares the cores with the rest of the suite.
export const WAIT_MS = 20_000;

/** Resolves once `text` is visible somewhere on the page. */
export async function seen(page: Page, text: string | RegExp, timeout = WAIT_MS): Promise<void> {
  try {
    await page.getByText(text).first().waitFor({ state: 'visible', timeout });
  } catch {
    const body = (
      await page
        .locator('body')
        .innerText()
        .catch(() => '')
    )
      .replace(/\s+/g, ' ')
      .slice(0, 800);
    throw new Error(`timed out waiting for ${String(text)} on ${page.url()}; the page shows: ${body}`);
  }
}

/** Resolves once the locator's text matches, with that text. */
export async function textBecomes(locator: Locator, expected: string | RegExp, timeout = WAIT_MS): Promise<string> {
  try {
    await locator.filter({ hasText: expected }).first().waitFor({ state: 'attached', timeout });
  } catch {
    const last =
      (await locator
        .first()
        .textContent({ timeout: 100 })
        .catch(() => null)) ?? '(nothing)';
    throw new Error(`timed out waiting for ${String(expected)}; the text was "${last.trim()}"`);
  }
  return ((await locator.filter({ hasText: expected }).first().textContent()) ?? '').trim();
}

/** Resolves once nothing on the page shows `text` any more. */
export async function gone(page: Page, text: string | RegExp, timeout = WAIT_MS): Promise<void> {
  await page.getByText(text).first().waitFor({ state: 'hidden', timeout });
}

/** The pages set the server's Chinese explanations with full-width punctuation. */
export function fullWidth(text: string): string {
  const marks: Record<string, string> = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）' };
  return text.replace(/[,;:()]/g, (mark) => marks[mark] ?? mark);
}

/** A full-page screenshot scrolled to the top first, so a sticky header stays where a person sees it. */
export async function screenshotFromTop(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}
