// The console's storage view (存储) in chromium: officers are warned on every screen while free space
// is below the reserve, and see free space, the reserve, pending scrubs and who stores how much.
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from '../support/browser.js';
import { call, createApp, createCongress } from '../support/congress.js';
import { openConsole, waitForText } from '../support/console.js';
import { bearer } from '../support/requests.js';

const MB = 1024 * 1024;
let app: FastifyInstance | undefined;
let browser: Browser | undefined;

afterEach(async () => {
  await browser?.close();
  await app?.close();
  browser = undefined;
  app = undefined;
});

describe('secretary console: storage', () => {
  it('warns while writes are held back for the reserve and shows space, scrubs and usage per representative', { timeout: 90_000 }, async () => {
    const disk = { freeBytes: 10_000 * MB };
    app = await createApp({ STORAGE_RESERVE_MB: 64 }, { storageProbe: async () => ({ freeBytes: disk.freeBytes, totalBytes: 20_000 * MB }) });
    const congress = await createCongress(app, { representatives: 3 });
    await call(app, {
      method: 'PUT',
      url: `/api/meetings/${congress.meetingId}/motion-settings`,
      headers: { cookie: congress.secretary },
      payload: { opensAt: '2020-01-01T00:00:00.000Z', closesAt: '2099-01-01T00:00:00.000Z' },
    });
    await call(
      app,
      {
        method: 'POST',
        url: `/api/meetings/${congress.meetingId}/motions`,
        headers: bearer(congress.representatives[1]!.token),
        payload: { subject: '食堂改善', reasons: '职工反映强烈。', measures: '请后勤研究。', category: 'welfare' },
      },
      201,
    );
    disk.freeBytes = 32 * MB;

    browser = await launchBrowser();
    const { base, page, errors } = await openConsole(browser, app, congress.secretary);
    await page.goto(`${base}/admin`);
    await waitForText(page.getByRole('alert'), '可用空间已降到保留空间以下');
    await page.getByRole('link', { name: '存储' }).first().click();
    await page.getByRole('heading', { name: '存储空间与配额' }).waitFor();
    const facts = page.locator('.storage-space');
    await waitForText(facts, '32.0 MB');
    expect(await facts.textContent()).toContain('64.0 MB');
    expect(await facts.textContent()).toContain('待清理的投票');
    await waitForText(page.getByRole('row'), '代表2');
    expect(await page.content()).not.toContain('职工反映强烈');
    await screenshot(page, 'console-storage');
    expect(errors).toEqual([]);
  });
});
