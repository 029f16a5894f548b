/// <reference lib="dom" />
// The console's 下载 .docx buttons in chromium: beside the print button of the credentials report and
// of the chair's script, a click saves a Word file in the official layout (GB/T 9704-2012), named in
// Chinese, riding the secretary's cookie like the page itself.
import { readFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { createApp, createCongress } from '../support/congress.js';
import { openConsole, waitForText } from '../support/console.js';
import { expectOfficialLayout, readDocx } from '../support/read-docx.js';

let app: FastifyInstance | undefined;
let browser: Browser | undefined;

afterEach(async () => {
  await browser?.close();
  await app?.close();
  browser = undefined;
  app = undefined;
});

/** Clicks 下载 .docx and reads what the browser saved. */
async function download(page: Page) {
  const [saved] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载 .docx' }).click()]);
  const path = await saved.path();
  return { name: saved.suggestedFilename(), docx: await readDocx(await readFile(path)) };
}

describe('下载 .docx in the console', () => {
  it('saves the credentials report and the chair’s script as Word files in the official layout', { timeout: 120_000 }, async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 5, attendees: 1, present: 4 });
    const sessionId = app.yishi.sqlite.prepare('SELECT session_id FROM meeting WHERE id = ?').pluck().get(congress.meetingId) as string;
    browser = await launchBrowser();
    const desk = await openConsole(browser, app, congress.secretary);

    await desk.page.goto(`${desk.base}/admin/sessions/${sessionId}/credentials`);
    await waitForText(desk.page.getByTestId('credentials-report'), '本届职工代表大会应有代表5人');
    const credentials = await download(desk.page);
    expect(credentials.name).toMatch(/代表资格审查报告\.docx$/);
    expectOfficialLayout(credentials.docx);
    expect(credentials.docx.text).toContain('本届职工代表大会应有代表5人');

    await desk.page.goto(`${desk.base}/admin/meetings/${congress.meetingId}/script`);
    await waitForText(desk.page.getByTestId('chair-script'), '实到4人');
    const script = await download(desk.page);
    expect(script.name).toBe('第三届第二次职工代表大会主持词.docx');
    expectOfficialLayout(script.docx);
    expect(script.docx.text).toContain('本次大会应出席代表5人，实到4人');
    expect(desk.errors).toEqual([]);
  });
});
