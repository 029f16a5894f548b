// Driving the secretary console (秘书处) in chromium: a laptop-sized page signed in (or not), bounded
// waits for text that arrives live, confirmation dialogs, and representatives acting through the API.
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { listen } from './browser.js';
import { call, type Congress } from './congress.js';
import { bearer, vote } from './requests.js';

export const LAPTOP = { width: 1366, height: 900 };

export interface Console {
  base: string;
  context: BrowserContext;
  page: Page;
  /** Uncaught errors in the page: there must be none. */
  errors: string[];
}

/** Listens, then opens a zh-CN page at laptop size; with an officer cookie the page starts signed in. */
export async function openConsole(browser: Browser, server: FastifyInstance, cookie?: string): Promise<Console> {
  const base = await listen(server);
  const context = await browser.newContext({ viewport: LAPTOP, locale: 'zh-CN', acceptDownloads: true });
  if (cookie) {
    const [name, value] = cookie.split('=', 2) as [string, string];
    await context.addCookies([{ name, value, url: base }]);
  }
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { base, context, page, errors };
}

/** Another officer's laptop on the same server: a browser context of its own (its own cookies), signed in with `cookie`. */
export async function openAnotherConsole(browser: Browser, base: string, cookie: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: LAPTOP, locale: 'zh-CN' });
  const [name, value] = cookie.split('=', 2) as [string, string];
  await context.addCookies([{ name, value, url: base }]);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, errors };
}

/** Waits until the locator's text matches: live updates arrive without a reload, or the test fails. */
export async function waitForText(locator: Locator, text: string | RegExp, timeout = 20_000): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor({ state: 'visible', timeout });
}

export async function count(page: Page, name: string): Promise<string> {
  return (await page.locator(`[data-count="${name}"]`).textContent())?.trim() ?? '';
}

/** Clicks a button that opens a confirmation dialog, then confirms in the dialog. */
export async function confirm(page: Page, button: string, confirmLabel = button): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).first().click();
  const dialog = page.locator('dialog[open]');
  await dialog.waitFor();
  await dialog.getByRole('button', { name: confirmLabel, exact: true }).click();
  await page.locator('dialog[open]').waitFor({ state: 'hidden', timeout: 5000 });
}

export async function checkIn(congress: Congress, people: { token: string }[]): Promise<void> {
  for (const person of people) {
    await call(congress.app, { method: 'POST', url: `/api/meetings/${congress.meetingId}/check-in`, headers: bearer(person.token) });
  }
}

export async function castVotes(congress: Congress, ballotId: string, papers: unknown[][]): Promise<void> {
  for (const [index, answers] of papers.entries()) {
    const response = await vote(congress.app, congress.representatives[index]!.token, ballotId, answers);
    expect(response.statusCode, response.body).toBe(201);
  }
}

export function ballotIdOf(page: Page): string {
  return new URL(page.url()).pathname.split('/').pop()!;
}
