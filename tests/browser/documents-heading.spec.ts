/// <reference lib="dom" />
// /admin/documents is headed by what it lists: the secretary sees every document (全部文件), a drafting
// department's handler only their department's (本部门起草的文件).
import type { Browser, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { launchBrowser, listen } from '../support/browser.js';
import { LAPTOP } from '../support/console.js';
import { createDocument, type DocumentHall, documentHall } from '../support/documents.js';
import { screenshotFromTop as screenshot } from '../support/page-waits.js';

let hall: DocumentHall | undefined;
let browser: Browser | undefined;
afterEach(async () => {
  await browser?.close();
  await hall?.app.close();
  browser = undefined;
  hall = undefined;
});

async function documentsPage(base: string, cookie: string): Promise<Page> {
  const context = await browser!.newContext({ viewport: LAPTOP, locale: 'zh-CN' });
  const [name, value] = cookie.split('=', 2) as [string, string];
  await context.addCookies([{ name, value, url: base }]);
  const page = await context.newPage();
  await page.goto(`${base}/admin/documents`);
  await page.locator('table').first().waitFor();
  return page;
}

describe('the documents list in the console', () => {
  it('is headed 全部文件 for the secretary, who sees every document, and 本部门起草的文件 for a handler', { timeout: 90_000 }, async () => {
    hall = await documentHall(3);
    await createDocument(hall);
    await createDocument(hall, { title: '财务报销办法', kind: 'rules', draftingDepartmentId: undefined, draftingDepartmentName: '财务科' });
    const base = await listen(hall.app);
    browser = await launchBrowser();

    const secretary = await documentsPage(base, hall.secretary.cookie!);
    expect(await secretary.getByRole('heading', { level: 1 }).textContent()).toBe('全部文件');
    expect(await secretary.title()).toContain('全部文件');
    const all = await secretary.locator('table').innerText();
    expect(all).toContain('工资分配方案');
    expect(all).toContain('财务报销办法');
    await screenshot(secretary, 'documents-secretary');

    const drafter = await documentsPage(base, hall.drafter.cookie!);
    expect(await drafter.getByRole('heading', { level: 1 }).textContent()).toBe('本部门起草的文件');
    const theirs = await drafter.locator('table').innerText();
    expect(theirs).toContain('工资分配方案');
    expect(theirs).not.toContain('财务报销办法');
  });
});
