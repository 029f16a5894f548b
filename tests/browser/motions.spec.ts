/// <reference lib="dom" />
// A motion's whole life in real browsers: a representative drafts and submits it on a phone, two
// others second it from theirs, the secretary accepts and assigns it in the console, the
// department's handler replies, the proposer rates the reply, and the secretary's dashboard follows
// every step live, without a reload.
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from '../support/browser.js';
import { PHONE } from '../support/browser-hall.js';
import { call, type Congress, createApp, createCongress, signIn } from '../support/congress.js';
import { openConsole, waitForText } from '../support/console.js';
import { seen, textBecomes } from '../support/page-waits.js';

const DAY = 86_400_000;
const SUBJECT = '关于职工食堂延长晚餐供应时间的建议';

let app: FastifyInstance | undefined;
let browser: Browser | undefined;

afterEach(async () => {
  await browser?.close();
  await app?.close();
  browser = undefined;
  app = undefined;
});

async function phoneOf(base: string, congress: Congress, index: number): Promise<Page> {
  const context = await browser!.newContext(PHONE);
  const page = await context.newPage();
  await page.goto(`${base}/v/${congress.representatives[index]!.code}`);
  await textBecomes(page.locator('.top-bar [role="status"]'), '已连接');
  await page.getByRole('tab', { name: '提案' }).click();
  return page;
}

async function second(page: Page): Promise<void> {
  await page.getByTestId('motions-scope-seconding').click();
  await page.getByRole('button', { name: new RegExp(SUBJECT) }).click();
  await page.getByTestId('motion-second').click();
  await page.locator('[data-testid="motion-detail"]').waitFor();
}

/** Another officer's laptop on the same server, signed in with their cookie. */
async function consoleAs(base: string, cookie: string) {
  const context = await browser!.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
  const [name, value] = cookie.split('=', 2) as [string, string];
  await context.addCookies([{ name, value, url: base }]);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, errors };
}

const rate = (page: Page, name: string) => page.locator(`[data-rate="${name}"]`);
const figure = (page: Page, name: string) => page.locator(`[data-count="${name}"]`);

describe('a motion from submission to resolution', () => {
  it('is submitted, seconded, accepted, assigned, answered and rated, with the dashboard following live', { timeout: 180_000 }, async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 4, present: 0 });
    const as = { cookie: congress.secretary };
    const now = Date.now();
    await call(app, {
      method: 'PUT',
      url: `/api/meetings/${congress.meetingId}/motion-settings`,
      headers: as,
      payload: { opensAt: new Date(now - DAY).toISOString(), closesAt: new Date(now + 10 * DAY).toISOString(), requiredSeconders: 2 },
    });
    const { department } = await call(app, { method: 'POST', url: '/api/departments', headers: as, payload: { name: '后勤保障部' } }, 201);
    await call(
      app,
      { method: 'POST', url: '/api/accounts', headers: as, payload: { username: 'houqin', displayName: '后勤承办人', password: 'handler-password-123', role: 'handler', departmentId: department.id } },
      201,
    );
    browser = await launchBrowser();

    // The secretary watches the tracker from the start.
    const desk = await openConsole(browser, app, congress.secretary);
    const base = desk.base;
    await desk.page.goto(`${base}/admin/motions`);
    await waitForText(figure(desk.page, 'submitted'), /^0$/);

    // The proposer drafts and submits on a phone.
    const proposer = await phoneOf(base, congress, 0);
    await proposer.getByTestId('motion-new').click();
    await proposer.getByLabel('案由').fill(SUBJECT);
    await proposer.getByLabel('理由').fill('夜班职工下班时食堂已停止供应，只能在外就餐。');
    await proposer.getByLabel('建议措施').fill('晚餐供应延长至 20:30，并提供夜班简餐。');
    await proposer.getByLabel('类别').selectOption('welfare');
    await proposer.getByTestId('motion-save').click();
    await proposer.getByTestId('motion-submit').click();
    const outcome = await textBecomes(proposer.getByTestId('motion-outcome'), /已提交，编号 \d{4}-\d{3}/);
    const number = /\d{4}-\d{3}/.exec(outcome)![0];
    await screenshot(proposer, 'motion-1-submitted');
    await waitForText(figure(desk.page, 'submitted'), /^1$/);
    await waitForText(desk.page.getByTestId('motion-list'), SUBJECT);

    // Two other representatives second it from their phones; then it is under review.
    await second(await phoneOf(base, congress, 1));
    const secondPhone = await phoneOf(base, congress, 2);
    await second(secondPhone);
    await textBecomes(secondPhone.getByTestId('motion-seconder-count'), /2/);
    await screenshot(secondPhone, 'motion-2-seconded');
    await waitForText(desk.page.getByTestId('by-status'), '待审查');
    await screenshot(desk.page, 'motion-3-dashboard-review');

    // The secretary accepts it (立案) and assigns it (交办) to the canteen's department.
    await desk.page.getByRole('link', { name: SUBJECT }).click();
    await textBecomes(desk.page.getByTestId('motion-number'), number);
    expect(await desk.page.getByTestId('seconders').textContent()).toBe('代表2、代表3');
    await desk.page.getByRole('button', { name: '立案', exact: true }).click();
    await waitForText(desk.page.getByTestId('motion-state'), '已立案待交办');
    await desk.page.getByLabel('主办单位').selectOption(department.id);
    await desk.page.getByRole('button', { name: '交办', exact: true }).click();
    await waitForText(desk.page.getByTestId('motion-state'), '办理中');
    await screenshot(desk.page, 'motion-4-assigned');
    await desk.page.getByRole('link', { name: /返回提案工作/ }).click();
    await waitForText(desk.page.getByTestId('by-department'), '后勤保障部');

    // The handler signs in and sees only their department's motion; they reply.
    const handler = await consoleAs(base, await signIn(app, 'houqin', 'handler-password-123'));
    await handler.page.goto(`${base}/admin/motions`);
    await handler.page.getByRole('heading', { name: '交办给本部门的提案' }).waitFor();
    await handler.page.getByRole('link', { name: SUBJECT }).click();
    await handler.page.getByLabel('答复内容').fill('自下月起晚餐供应延长至 20:30，夜班另设简餐窗口。');
    await handler.page.getByLabel('答复类别').selectOption('A');
    await handler.page.getByRole('button', { name: '答复', exact: true }).click();
    await waitForText(handler.page.getByTestId('motion-state'), '已答复');
    await screenshot(handler.page, 'motion-5-replied');
    await waitForText(desk.page.getByTestId('by-status'), '已答复');
    await waitForText(rate(desk.page, 'on-time'), '100%');

    // The proposer reads the reply on the phone and is satisfied.
    await proposer.getByTestId('motion-detail').locator('[data-testid="motion-reply"]').waitFor();
    await seen(proposer, '夜班另设简餐窗口');
    await proposer.getByRole('radio', { name: '满意', exact: true }).check();
    await proposer.getByTestId('motion-rate').click();
    await textBecomes(proposer.getByTestId('motion-state'), '待办结');
    await screenshot(proposer, 'motion-6-rated');

    // The dashboard has followed it all without a reload; the secretary resolves it (办结).
    await waitForText(rate(desk.page, 'satisfaction'), '100%');
    await screenshot(desk.page, 'motion-7-dashboard-rated');
    await desk.page.getByRole('link', { name: SUBJECT }).click();
    await desk.page.getByRole('button', { name: '办结', exact: true }).click();
    await waitForText(desk.page.getByTestId('motion-state'), '已办结');
    expect(await desk.page.getByTestId('history').innerText()).toMatch(/立案\s*待审查 → 已立案待交办[\s\S]*答复\s*办理中 → 已答复[\s\S]*评价满意\s*已答复 → 待办结[\s\S]*办结\s*待办结 → 已办结/);
    await desk.page.getByRole('link', { name: /返回提案工作/ }).click();
    await waitForText(rate(desk.page, 'resolution'), '100%');
    expect(await figure(desk.page, 'resolved').textContent()).toBe('1');
    await textBecomes(proposer.getByTestId('motion-state'), '已办结');
    expect(desk.errors).toEqual([]);
    expect(handler.errors).toEqual([]);
  });
});
