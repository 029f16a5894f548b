/// <reference lib="dom" />
// A typo in a draft ballot, corrected in the console (编辑) instead of retyping the sheet: the form comes
// filled in, the items and the candidates keep their ids, the phone shows the corrected text once voting
// opens, counts its own vote in 全场已投票 from the acknowledgement alone, and the console's chart counts
// those who did not vote in people (人). An edit after opening is refused as BALLOT_STATE.
import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { BrowserHall } from '../support/browser-hall.js';
import { call } from '../support/congress.js';
import { LAPTOP, confirm, waitForText } from '../support/console.js';
import { screenshotFromTop as screenshot, seen, textBecomes } from '../support/page-waits.js';

const TYPO = '关于《集体合同（草按）》的决议';
const FIXED = '关于《集体合同（草案）》的决议';
const SHEET = '第三届第二次职代会表决票';

let hall: BrowserHall | undefined;
afterEach(async () => {
  await hall?.close();
  hall = undefined;
});

async function consolePage(current: BrowserHall): Promise<{ page: Page; errors: string[] }> {
  const options: BrowserContextOptions = { viewport: LAPTOP, locale: 'zh-CN' };
  const { context, page } = await current.newPage(options);
  const [name, value] = current.congress.secretary.split('=', 2) as [string, string];
  await context.addCookies([{ name, value, url: current.base }]);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, errors };
}

describe('editing a draft ballot in the console', () => {
  it('corrects a typo in an item and a candidate, keeps their ids, and the phone votes on the corrected sheet', { timeout: 120_000 }, async () => {
    hall = await BrowserHall.start({ representatives: 3 });
    const { congress, base } = hall;
    const as = { cookie: congress.secretary };
    // Candidates from the roster: their ids are the members' ids, which an edit must not renumber.
    const [first, second] = congress.representatives;
    const draft = {
      title: SHEET,
      items: [
        { kind: 'approval', title: TYPO },
        {
          kind: 'election',
          title: '职工董事选举',
          seats: 1,
          candidates: [
            { id: first!.memberId, name: '代表1' },
            { id: second!.memberId, name: '代表二' },
          ],
        },
      ],
    };
    const { ballot: created } = await call(hall.app, { method: 'POST', url: `/api/meetings/${congress.meetingId}/ballots`, headers: as, payload: draft }, 201);

    const secretary = await consolePage(hall);
    const ballotPath = `${base}/admin/meetings/${congress.meetingId}/ballots/${created.id}`;
    await secretary.page.goto(ballotPath);
    await secretary.page.getByRole('heading', { name: SHEET, level: 2 }).waitFor();
    await secretary.page.getByRole('link', { name: '编辑', exact: true }).click();
    await secretary.page.getByRole('heading', { name: '编辑表决草稿' }).waitFor();
    expect(await secretary.page.getByLabel('表决标题').inputValue()).toBe(SHEET);
    const itemTitles = secretary.page.getByLabel('事项标题');
    expect(await itemTitles.nth(0).inputValue()).toBe(TYPO);
    expect(await secretary.page.getByLabel('候选人').inputValue()).toBe('代表1\n代表二');
    expect(await secretary.page.getByLabel('无记名投票').isChecked()).toBe(true);

    await itemTitles.nth(0).fill(FIXED);
    await secretary.page.getByLabel('候选人').fill('代表1\n代表2');
    await screenshot(secretary.page, 'console-draft-edit');
    await secretary.page.getByRole('button', { name: '保存修改' }).click();
    await secretary.page.getByRole('heading', { name: SHEET, level: 2 }).waitFor();
    await waitForText(secretary.page.locator('.item-summary').first(), FIXED);
    expect(await secretary.page.locator('.item-list').innerText()).toContain('代表1、代表2');

    const { ballot: edited } = await call(hall.app, { url: `/api/ballots/${created.id}`, headers: as });
    expect(edited.items.map((item: { id: string }) => item.id)).toEqual(created.items.map((item: { id: string }) => item.id));
    expect(edited.items[0].title).toBe(FIXED);
    expect(edited.items[1].candidates).toEqual([
      { id: first!.memberId, name: '代表1' },
      { id: second!.memberId, name: '代表2' },
    ]);

    // The phone hears no turnout broadcast at all: whatever 全场已投票 says comes from the vote's own
    // acknowledgement.
    const { page: phone } = await hall.newPage();
    const dropped: string[] = [];
    await phone.routeWebSocket(/socket\.io/, (socket) => {
      const server = socket.connectToServer();
      server.onMessage((message) => {
        if (typeof message === 'string' && message.includes('"ballot:turnout"')) dropped.push(message);
        else socket.send(message);
      });
    });
    await phone.goto(`${base}/v/${congress.representatives[2]!.code}`);
    await textBecomes(phone.locator('.top-bar [role="status"]'), '已连接');

    // Opened from the console, where the edit form stays open: the draft is gone, the save is refused.
    const late = await consolePage(hall);
    await late.page.goto(`${ballotPath}/edit`);
    await late.page.getByRole('heading', { name: '编辑表决草稿' }).waitFor();
    await secretary.page.getByRole('button', { name: '开始投票' }).click();
    await waitForText(secretary.page.locator('.badge'), '投票中');
    await late.page.getByTestId('edit-not-draft').waitFor();
    await late.page.getByRole('button', { name: '保存修改' }).click();
    await waitForText(late.page.locator('[role="alert"]'), '表决当前状态不允许此操作');

    await seen(phone, FIXED);
    expect(await phone.locator('main').innerText()).not.toContain('草按');
    await textBecomes(phone.getByTestId('hall-turnout'), '全场已投票 0 / 3 人');
    await phone.getByRole('radio', { name: '赞成' }).check();
    await phone.getByRole('checkbox', { name: '代表2' }).check();
    await phone.getByRole('button', { name: /下一步/ }).click();
    await phone.getByRole('button', { name: '确认投票' }).tap();
    await textBecomes(phone.getByTestId('voted'), '已投票');
    expect(await phone.getByTestId('hall-turnout').textContent()).toBe('全场已投票 1 / 3 人');
    // Focus moved to the receipt for screen readers, but a tap draws no box around it.
    await phone.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'voted');
    expect(await phone.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('none');
    // The receipt in one line: optional to keep, proves counted, never how.
    expect(await phone.getByTestId('voted').innerText()).toContain('回执码留不留由您决定：它只证明您的选票已被计入，从不显示您投了什么。');
    await screenshot(phone, 'voter-own-vote-counted');

    // Another representative votes; its broadcast reaches the phone's socket and is dropped, so the
    // phone still says what its own acknowledgement told it.
    await hall.voteByApi(0, created.id, ['no', { candidateIds: [first!.memberId], writeIns: [] }]);
    await expect.poll(() => dropped.some((message) => message.includes('"voted":2')), { timeout: 20_000 }).toBe(true);
    expect(await phone.getByTestId('hall-turnout').textContent()).toBe('全场已投票 1 / 3 人');

    // Closed: one of three never voted, counted in people on the console's chart.
    await confirm(secretary.page, '结束投票并计票');
    const notVoted = secretary.page.locator('.result-item .chart-row', { hasText: '未投票' });
    await notVoted.waitFor();
    expect(await notVoted.innerText()).toMatch(/未投票\s+1 人/);
    expect(await secretary.page.locator('.result-item .chart-row', { hasText: '赞成' }).innerText()).toMatch(/赞成\s+1 票/);
    await screenshot(secretary.page, 'console-not-voted-people');
    expect([...secretary.errors, ...late.errors]).toEqual([]);
  });
});
