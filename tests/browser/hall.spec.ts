/// <reference lib="dom" />
// The whole hall at once, every person in a browser of their own: the secretary runs the meeting
// from the console, three representatives (one on a 360×740 phone) check in and vote, and the
// projector shows it all live. One representative's Wi-Fi drops while a ballot opens and comes
// back; their page catches up without a reload.
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from '../support/browser.js';
import { PHONE, PROJECTOR } from '../support/browser-hall.js';
import { call, type Congress, createApp, createCongress } from '../support/congress.js';
import { ballotIdOf, confirm, count, openConsole, waitForText } from '../support/console.js';
import { seen, textBecomes } from '../support/page-waits.js';

const TABLET = { viewport: { width: 800, height: 1100 }, locale: 'zh-CN', hasTouch: true };
const LAPTOP = { viewport: { width: 1280, height: 800 }, locale: 'zh-CN' };
const CONTRACT = '关于《集体合同（草案）》的决议';

let app: FastifyInstance | undefined;
let browser: Browser | undefined;

afterEach(async () => {
  await browser?.close();
  await app?.close();
  browser = undefined;
  app = undefined;
});

interface Seat {
  context: BrowserContext;
  page: Page;
}

async function representativeJoins(base: string, congress: Congress, index: number, options: object): Promise<Seat> {
  const context = await browser!.newContext(options);
  const page = await context.newPage();
  await page.goto(`${base}/v/${congress.representatives[index]!.code}`);
  await textBecomes(page.locator('.top-bar [role="status"]'), '已连接');
  await page.getByTestId('member-name').waitFor();
  return { context, page };
}

async function voteApproval(page: Page, choice: '赞成' | '反对' | '弃权'): Promise<void> {
  await page.getByRole('heading', { name: CONTRACT }).waitFor();
  await page.getByRole('radio', { name: choice }).check();
  await page.getByRole('button', { name: /下一步/ }).click();
  await seen(page, '请核对您的选票');
  await page.getByRole('button', { name: '确认投票' }).click();
  await textBecomes(page.getByTestId('voted'), '已投票');
}

async function voteElection(page: Page, names: string[]): Promise<void> {
  await page.getByRole('heading', { name: '职工董事选举' }).waitFor();
  for (const name of names) await page.getByRole('checkbox', { name }).check();
  await page.getByRole('button', { name: /下一步/ }).click();
  await seen(page, '请核对您的选票');
  await page.getByRole('button', { name: '确认投票' }).click();
  await textBecomes(page.getByTestId('voted'), '已投票');
}

describe('a meeting with everyone in a browser', () => {
  it('checks in, votes a secret approval ballot and an election, with the projector and a dropped phone following live', { timeout: 180_000 }, async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 3, delegations: 2, present: 0 });
    browser = await launchBrowser();
    const secretary = await openConsole(browser, app, congress.secretary);
    const base = secretary.base;
    const desk = secretary.page;
    const meetingPath = `/admin/meetings/${congress.meetingId}`;

    // The projector, opened from the console's display link.
    const { token } = await call(app, { method: 'POST', url: `/api/meetings/${congress.meetingId}/display-token`, headers: { cookie: congress.secretary } }, 201);
    const projectorContext = await browser.newContext(PROJECTOR);
    const projector = await projectorContext.newPage();
    await projector.goto(`${base}/display/${token}`);
    await textBecomes(projector.locator('.display-header [role="status"]'), '已连接');
    const figure = (name: string) => projector.getByTestId(`figure-${name}`);
    await textBecomes(figure('present'), /^0$/);

    await desk.goto(`${base}${meetingPath}/checkin`);
    await waitForText(desk.locator('.status'), '已连接');
    expect(await count(desk, 'present')).toBe('0');

    // Three representatives join from their cards: a phone, a tablet, a laptop; each checks in.
    const phone = await representativeJoins(base, congress, 0, PHONE);
    const tablet = await representativeJoins(base, congress, 1, TABLET);
    const laptop = await representativeJoins(base, congress, 2, LAPTOP);
    const seats = [phone, tablet, laptop];
    for (const [index, seat] of seats.entries()) {
      await seat.page.getByRole('button', { name: '签到' }).click();
      await textBecomes(seat.page.getByTestId('attendance'), '已签到');
      await waitForText(desk.locator('[data-count="present"]'), new RegExp(`^${index + 1}$`));
      await textBecomes(figure('present'), new RegExp(`^${index + 1}$`));
    }
    await waitForText(desk.getByTestId('quorum'), '已达到法定人数');
    await textBecomes(projector.getByTestId('quorum'), '已达到法定人数');
    await textBecomes(phone.page.getByTestId('quorum'), '实到 3 / 应到 3');
    await screenshot(desk, 'hall-1-console-checkin');
    await screenshot(phone.page, 'hall-1-phone-checked-in');

    // The secretary drafts a secret approval ballot in the console.
    await desk.getByRole('link', { name: '表决', exact: true }).click();
    await desk.getByRole('link', { name: '新建表决' }).click();
    await desk.getByLabel('表决标题').fill(CONTRACT);
    expect(await desk.getByLabel('无记名投票').isChecked()).toBe(true);
    await desk.getByRole('button', { name: '创建表决（草稿）' }).click();
    await desk.getByRole('heading', { name: CONTRACT, level: 2 }).waitFor();
    const approvalId = ballotIdOf(desk);

    // The laptop's Wi-Fi drops just before voting opens.
    await laptop.context.setOffline(true);
    await textBecomes(laptop.page.locator('.top-bar [role="status"]'), '正在重连');

    await desk.getByRole('button', { name: '开始投票' }).click();
    await waitForText(desk.getByTestId('turnout'), /^0 \/ 3/);
    // Pushed, not polled: the phone and the tablet show the ballot, and so does the projector.
    await phone.page.getByRole('heading', { name: CONTRACT }).waitFor();
    await tablet.page.getByRole('heading', { name: CONTRACT }).waitFor();
    await textBecomes(projector.getByTestId('turnout'), '0 / 3');
    expect(await laptop.page.getByRole('heading', { name: CONTRACT }).count()).toBe(0);
    await screenshot(phone.page, 'hall-2-phone-ballot-open');

    await voteApproval(phone.page, '赞成');
    await waitForText(desk.getByTestId('turnout'), /^1 \/ 3/);
    await textBecomes(projector.getByTestId('turnout'), '1 / 3');
    await voteApproval(tablet.page, '赞成');
    await textBecomes(projector.getByTestId('turnout'), '2 / 3');

    // The laptop comes back: connected again, the open ballot there, without a reload.
    await laptop.page.evaluate(() => ((window as unknown as { untouched: boolean }).untouched = true));
    await laptop.context.setOffline(false);
    await textBecomes(laptop.page.locator('.top-bar [role="status"]'), '已连接');
    await voteApproval(laptop.page, '反对');
    expect(await laptop.page.evaluate(() => (window as unknown as { untouched?: boolean }).untouched)).toBe(true);
    await waitForText(desk.getByTestId('turnout'), /^3 \/ 3/);
    await textBecomes(projector.getByTestId('turnout'), '3 / 3');
    // While open nobody sees a partial tally, the projector included.
    expect(await projector.locator('.display-ballot').innerText()).not.toMatch(/赞成\s*\d/);
    await screenshot(projector, 'hall-3-projector-turnout');

    await confirm(desk, '结束投票并计票');
    await waitForText(desk.locator('.result-item .verdict'), '通过');
    await confirm(desk, '公布结果');
    await waitForText(desk.locator('.badge'), '已公布');
    await textBecomes(projector.getByTestId('verdict'), '通过');
    expect(await projector.locator('.chart-count').allTextContents()).toEqual(['2 票', '1 票', '0 票']);
    await seen(projector, '赞成 2 票，超过全体代表 3 人的半数（须至少 2 票），通过');
    for (const seat of seats) await textBecomes(seat.page.locator('.sole-verdict'), '通过');
    await screenshot(projector, 'hall-4-projector-result');
    await screenshot(phone.page, 'hall-4-phone-result');

    // An election: two seats, three candidates; the phone cannot choose a third.
    await desk.getByRole('link', { name: '全部表决' }).click();
    await desk.getByRole('link', { name: '新建表决' }).click();
    await desk.getByLabel('表决标题').fill('职工董事选举');
    await desk.getByRole('button', { name: '+ 选举' }).click();
    await desk.getByRole('button', { name: '删除第 1 项' }).click();
    await desk.getByLabel('应选人数').fill('2');
    await desk.getByLabel('候选人').fill('王建国\n李秀英\n张伟');
    await desk.getByRole('button', { name: '创建表决（草稿）' }).click();
    await desk.getByRole('heading', { name: '职工董事选举', level: 2 }).waitFor();
    expect(ballotIdOf(desk)).not.toBe(approvalId);
    await desk.getByRole('button', { name: '开始投票' }).click();
    await textBecomes(projector.getByTestId('turnout'), '0 / 3');

    await phone.page.getByRole('heading', { name: '职工董事选举' }).waitFor();
    await phone.page.getByRole('checkbox', { name: '王建国' }).check();
    await phone.page.getByRole('checkbox', { name: '李秀英' }).check();
    await phone.page.getByRole('checkbox', { name: '张伟' }).click();
    expect(await phone.page.getByRole('checkbox', { name: '张伟' }).isChecked()).toBe(false);
    await seen(phone.page, '本项应选 2 名，您已选满 2 人。如需改选，请先取消一位。');
    await screenshot(phone.page, 'hall-5-phone-election-full');
    await phone.page.getByRole('button', { name: /下一步/ }).click();
    await seen(phone.page, '请核对您的选票');
    await phone.page.getByRole('button', { name: '确认投票' }).click();
    await textBecomes(phone.page.getByTestId('voted'), '已投票');
    await voteElection(tablet.page, ['王建国', '张伟']);
    await voteElection(laptop.page, ['王建国', '李秀英']);
    await waitForText(desk.getByTestId('turnout'), /^3 \/ 3/);
    await textBecomes(projector.getByTestId('turnout'), '3 / 3');

    await confirm(desk, '结束投票并计票');
    await waitForText(desk.locator('.result-item .verdict'), '当选 2 名');
    await confirm(desk, '公布结果');
    await waitForText(desk.locator('.badge'), '已公布');
    await projector.locator('.chart-row.elected').first().waitFor();
    expect(await projector.locator('.chart-row.elected .chart-label').allTextContents()).toEqual(['王建国 当选', '李秀英 当选']);
    for (const seat of seats) await seen(seat.page, /当选：王建国（3 票）、李秀英（2 票）/);
    await screenshot(projector, 'hall-6-projector-election');
    await screenshot(desk, 'hall-6-console-election');
    expect(secretary.errors).toEqual([]);
  });
});
