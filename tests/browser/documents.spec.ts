/// <reference lib="dom" />
// A document through its first round (一下/一上) in real browsers: the secretary registers and issues
// a pay scheme in the console; a representative reads it on a 360 px phone and gives an opinion on a
// clause; the secretary's per-delegation count moves live; the delegation leader consolidates it
// from their phone and sends it up; the secretary, as drafter, answers it in the console; the
// representative sees the answer; the revision's diff links the change to the opinion; the
// consultation record prints.
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from '../support/browser.js';
import { PHONE } from '../support/browser-hall.js';
import { call, type Congress, createApp, createCongress, signIn } from '../support/congress.js';
import { LAPTOP, openConsole, waitForText } from '../support/console.js';
import { createDocument, documentHall, quickRound } from '../support/documents.js';
import { bearer, castAll, closeBallot, publishBallot } from '../support/requests.js';
import { fullWidth, screenshotFromTop, seen, textBecomes } from '../support/page-waits.js';

const TITLE = '工资分配方案(征求意见稿)';
const DRAFT = `# 第一章 总则

第一条 为规范工资分配,制定本方案。

第二条 本方案适用于全体职工。

第三条 夜班津贴每班30元。`;
const REVISION = DRAFT.replace('本方案适用于全体职工', '本方案适用于全体在岗职工');

let app: FastifyInstance | undefined;
let browser: Browser | undefined;

afterEach(async () => {
  await browser?.close();
  await app?.close();
  browser = undefined;
  app = undefined;
});

async function phoneOf(base: string, congress: Congress, index: number): Promise<{ page: Page; errors: string[] }> {
  const context = await browser!.newContext(PHONE);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${base}/v/${congress.representatives[index]!.code}`);
  await textBecomes(page.locator('.top-bar [role="status"]'), '已连接');
  await page.getByRole('tab', { name: '文件' }).click();
  await page.getByTestId('document-row').first().waitFor();
  if (index === 3) await screenshotFromTop(page, 'document-2-phone-list');
  await page.getByRole('button', { name: /工资分配方案/ }).click();
  await page.getByTestId('document-text').waitFor();
  return { page, errors };
}

/** Another account's laptop on the same server, signed in with its cookie. */
async function consoleAs(base: string, cookie: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser!.newContext({ viewport: LAPTOP, locale: 'zh-CN' });
  const [name, value] = cookie.split('=', 2) as [string, string];
  await context.addCookies([{ name, value, url: base }]);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, errors };
}

const documentIdOf = (page: Page) => new URL(page.url()).pathname.split('/').pop()!;
const countOf = (page: Page, delegation: string) => page.locator(`[data-testid="opinion-counts"] tr[data-delegation="${delegation}"] [data-count="delegation"]`);

describe('a document down to the delegations and back up', () => {
  it('is issued, commented on a clause from a phone, counted live, consolidated by the leader and answered by the drafters', { timeout: 180_000 }, async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 6, delegations: 3 });
    const as = { cookie: congress.secretary };
    for (const [index, delegationId] of congress.delegationIds.entries()) {
      await call(app, { method: 'PATCH', url: `/api/delegations/${delegationId}`, headers: as, payload: { leaderMemberId: congress.representatives[index]!.memberId } });
    }
    const { department } = await call(app, { method: 'POST', url: '/api/departments', headers: as, payload: { name: '人力资源部' } }, 201);
    browser = await launchBrowser();

    // The secretary registers the pay scheme on the meeting's 文件 tab, with its first draft.
    const desk = await openConsole(browser, app, congress.secretary);
    const base = desk.base;
    await desk.page.goto(`${base}/admin/meetings/${congress.meetingId}/documents`);
    await desk.page.getByLabel('文件名称').fill(TITLE);
    await desk.page.getByLabel('类别').selectOption('pay_scheme');
    await desk.page.getByLabel('起草部门', { exact: true }).selectOption({ label: '人力资源部' });
    await desk.page.getByLabel(/征求意见稿/).fill(DRAFT);
    await screenshot(desk.page, 'document-1-create');
    await desk.page.getByRole('button', { name: '登记', exact: true }).click();
    await waitForText(desk.page.getByTestId('document-state'), '起草中');

    // 一下: issued with the default deadline (in seven days).
    await desk.page.getByRole('button', { name: fullWidth('下发征求意见(一下)') }).click();
    await waitForText(desk.page.getByTestId('document-state'), '征求意见中');
    await waitForText(countOf(desk.page, '第1代表团'), /^0$/);

    // Representative 4 (第1代表团) reads it at 360 px and gives an opinion on 第二条.
    const reader = await phoneOf(base, congress, 3);
    await screenshotFromTop(reader.page, 'document-3-phone-reading');
    const clause = reader.page.locator('[data-testid="document-block"]').filter({ hasText: '第二条' });
    await clause.getByTestId('opinion-button').click();
    await clause.getByRole('textbox').fill('建议明确为“全体在岗职工”,不含劳务派遣人员以外的人员。');
    await screenshotFromTop(reader.page, 'document-4-phone-opinion');
    await clause.getByTestId('opinion-send').click();
    await seen(reader.page, '对“第二条”的意见已提交');
    await textBecomes(reader.page.getByTestId('my-opinions'), '待团长汇总');
    expect(await reader.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // The secretary's count for 第1代表团 moves without a reload.
    await waitForText(countOf(desk.page, '第1代表团'), /^1$/);
    expect(await countOf(desk.page, '第2代表团').textContent()).toBe('0');
    // The leader (代表1) says much the same from their own phone, through the API.
    await call(
      app,
      { method: 'POST', url: `/api/documents/${documentIdOf(desk.page)}/opinions`, headers: bearer(congress.representatives[0]!.token), payload: { anchor: 'b3', content: '适用范围应写明在岗职工' } },
      201,
    );
    await waitForText(countOf(desk.page, '第1代表团'), /^2$/);
    await screenshot(desk.page, 'document-5-live-count');

    // The leader of 第1代表团 has the document open; collection ends and their phone offers the consolidation.
    const leader = await phoneOf(base, congress, 0);
    await desk.page.getByRole('button', { name: '结束收集意见' }).click();
    await waitForText(desk.page.getByTestId('document-state'), '代表团汇总中');
    const item = leader.page.getByTestId('consolidation-item');
    await item.first().waitFor({ timeout: 20_000 });
    expect(await item.count()).toBe(2);
    // Two opinions on the same clause: merged into one, reworded.
    await item.nth(0).getByRole('checkbox').check();
    await item.nth(1).getByRole('checkbox').check();
    await leader.page.getByTestId('consolidation-merge').click();
    expect(await item.count()).toBe(1);
    await item.getByRole('textbox').fill('适用范围明确为全体在岗职工');
    await leader.page.getByLabel(fullWidth('备注(可选)')).fill('本团讨论一致');
    await screenshotFromTop(leader.page, 'document-6-leader-consolidating');
    await leader.page.getByTestId('consolidation-send').click();
    await textBecomes(leader.page.getByTestId('consolidation-outcome'), fullWidth('已报送(一上),共 1 条'));

    // The secretariat sees the submission with the original behind it, ends consolidation and answers (as drafter).
    const submission = desk.page.locator('[data-testid="delegation-submission"][data-delegation="第1代表团"]');
    await waitForText(submission, '适用范围明确为全体在岗职工');
    await waitForText(submission.getByTestId('original-opinion'), '不含劳务派遣人员以外的人员');
    expect(await submission.getByTestId('original-opinion').count()).toBe(2);
    await desk.page.getByRole('button', { name: fullWidth('结束汇总,转起草部门答复') }).click();
    await waitForText(desk.page.getByTestId('document-state'), '答复意见中');

    // The drafting department's handler finds it under 文件 and may answer too.
    await call(
      app,
      {
        method: 'POST',
        url: '/api/accounts',
        headers: as,
        payload: { username: 'renli', displayName: '人力资源部承办人', password: 'handler-password-123', role: 'handler', departmentId: department.id },
      },
      201,
    );
    const drafter = await consoleAs(base, await signIn(app, 'renli', 'handler-password-123'));
    await drafter.page.goto(`${base}/admin`);
    await drafter.page.getByRole('link', { name: '文件', exact: true }).click();
    await drafter.page.getByRole('link', { name: TITLE }).click();
    await drafter.page.getByTestId('respond-form').waitFor();
    expect(await drafter.page.getByTestId('document-actions').innerText()).not.toContain(fullWidth('结束汇总,转起草部门答复'));
    await screenshot(drafter.page, 'document-7-handler');
    const form = desk.page.getByTestId('respond-form');
    await form.getByLabel('部分采纳').check();
    await form.getByLabel(fullWidth('理由(必填)')).fill('劳务派遣人员按派遣协议执行,本方案适用于全体在岗职工。');
    await form.getByLabel('修改稿中对应的条目').fill('b3');
    await form.getByRole('button', { name: '提交答复' }).click();
    await waitForText(desk.page.getByTestId('response'), '部分采纳');
    await screenshot(desk.page, 'document-8-answered');
    expect(drafter.errors).toEqual([]);

    // The representative's phone shows the answer to their opinion.
    await textBecomes(reader.page.getByTestId('my-opinions'), '起草部门答复：部分采纳');
    await screenshotFromTop(reader.page, 'document-9-phone-answer');

    // The round closes; the revision's preview shows the change, linked to the opinion it answers.
    await desk.page.getByRole('button', { name: fullWidth('本轮结束,进入修改') }).click();
    await waitForText(desk.page.getByTestId('document-state'), '修改中');
    await desk.page.getByLabel(fullWidth('文稿(Markdown)')).fill(REVISION);
    await desk.page.getByRole('button', { name: '保存文稿' }).click();
    const preview = desk.page.getByTestId('draft-preview');
    const change = preview.locator('.diff-change').filter({ hasText: '第二条' });
    await waitForText(change, '在岗');
    expect(await change.locator('ins').first().textContent()).toBe('在岗');
    expect(await change.locator('.diff-answers').textContent()).toContain('适用范围明确为全体在岗职工');
    await waitForText(preview.getByTestId('adoption-report'), '部分采纳');
    await screenshot(desk.page, 'document-10-revision-diff');

    // One click to the printable consultation record.
    await desk.page.getByTestId('record-link').click();
    const record = desk.page.getByTestId('document-record');
    await waitForText(record, '适用范围明确为全体在岗职工');
    await desk.page.emulateMedia({ media: 'print' });
    await screenshot(desk.page, 'document-11-record-print');
    expect(desk.errors).toEqual([]);
    expect(reader.errors).toEqual([]);
    expect(leader.errors).toEqual([]);
  });

  it('goes from the last round to the secret ballot, and the page and the record show the result', { timeout: 120_000 }, async () => {
    const hall = await documentHall(9);
    app = hall.app;
    const created = await createDocument(hall, { rounds: 1 });
    await quickRound(hall, created.id);
    browser = await launchBrowser();
    const desk = await openConsole(browser, app, hall.congress.secretary);
    await desk.page.goto(`${desk.base}/admin/documents/${created.id}`);
    await waitForText(desk.page.getByTestId('document-state'), '待表决');
    await desk.page.getByLabel('表决票名称（可选）').fill('第三届第二次职代会表决票');
    await desk.page.getByRole('button', { name: '提交大会无记名投票表决' }).click();
    await waitForText(desk.page.getByTestId('document-state'), '表决中');
    const ballotId = (await call(app, { url: `/api/documents/${created.id}`, headers: hall.secretary })).document.votes[0].ballotId as string;
    await call(app, { method: 'POST', url: `/api/ballots/${ballotId}/open`, headers: hall.secretary, payload: {} });
    await castAll(hall.congress, ballotId, [['yes'], ['yes'], ['yes'], ['yes'], ['yes'], ['yes'], ['no'], ['abstain']]);
    await closeBallot(hall.congress, ballotId);
    await publishBallot(hall.congress, ballotId);
    // The outcome arrives without a reload.
    await waitForText(desk.page.getByTestId('document-state'), '已通过');
    await waitForText(desk.page.getByTestId('document-votes'), '关于《工资分配方案》的表决');
    await screenshot(desk.page, 'document-12-approved');
    await desk.page.getByTestId('record-link').click();
    await waitForText(desk.page.getByTestId('record-vote'), '赞成 6，反对 1，弃权 1；全体代表 9 人，通过须 5 票');
    await desk.page.emulateMedia({ media: 'print' });
    await screenshot(desk.page, 'document-13-record-vote');
    expect(desk.errors).toEqual([]);
  });
});
