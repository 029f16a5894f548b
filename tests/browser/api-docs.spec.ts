// The browsable API docs (/api/docs) work under the same strict policy as the pages: the operations
// are listed and the browser reports no blocked script, style or request.
/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, listen } from '../support/browser.js';
import { createApp } from '../support/congress.js';

let app: FastifyInstance;
let browser: Browser;
let base: string;
beforeAll(async () => {
  browser = await launchBrowser();
  app = await createApp();
  base = await listen(app);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('the browsable API docs', () => {
  it('lists the operations with nothing blocked by the security policy', async () => {
    const page = await browser.newPage();
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { blocked: string[] }).blocked = seen;
      document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.effectiveDirective} ${event.blockedURI}`));
    });
    await page.goto(`${base}/api/docs`);
    await page.locator('.opblock-summary-path', { hasText: '/api/auth/login' }).first().waitFor();
    expect(await page.evaluate(() => (window as unknown as { blocked: string[] }).blocked)).toEqual([]);
    await page.close();
  });
});
