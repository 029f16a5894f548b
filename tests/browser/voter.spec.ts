// The voter page in a real browser on a 360×740 phone: joining from the card link, check-in, a
// ballot that opens while the page watches, confirmation and receipt, a second phone, a dropped
// Wi-Fi, a lost acknowledgement, an election's limit, the keyboard alone, and an attendee.
/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { BrowserHall } from '../support/browser-hall.js';
import { approvalBallot, call, openBallot } from '../support/congress.js';
import { fullWidth, screenshotFromTop as screenshot, seen, textBecomes } from '../support/page-waits.js';

const BALLOT_TITLE = '关于《集体合同(草案)》的决议';
const RECEIPT = /^[2-9A-HJ-NP-Z]{26}$/;

let hall: BrowserHall | undefined;
afterEach(async () => {
  await hall?.close();
  hall = undefined;
});

const connection = (page: Page) => page.locator('.top-bar [role="status"]');

/** Opens the card's link and waits for the live meeting. */
async function joinByLink(page: Page, base: string, code: string): Promise<void> {
  await page.goto(`${base}/v/${code}`);
  await textBecomes(connection(page), '已连接');
  await page.getByTestId('member-name').waitFor();
}

const nextStep = (page: Page) => page.getByRole('button', { name: /下一步/ }).click();

describe('voting from a phone', () => {
  it('joins from the card link, checks in, sees a ballot open without reload, confirms, and gets a receipt', async () => {
    hall = await BrowserHall.start({ representatives: 3, present: 2 });
    const { congress, base } = hall;
    const me = congress.representatives[2]!;
    const { page } = await hall.newPage();
    await joinByLink(page, base, me.code);

    expect(new URL(page.url()).pathname).toBe('/join');
    expect(await page.locator('#meeting-title').textContent()).toBe('第三届第二次职工代表大会');
    expect(await page.getByTestId('member-name').textContent()).toBe('代表3');
    expect(await page.getByTestId('delegation').textContent()).toBe('第1代表团');
    await textBecomes(page.getByTestId('attendance'), '您还没有签到');
    await seen(page, '目前没有进行中的表决');
    await screenshot(page, 'voter-1-joined');

    await page.getByRole('button', { name: '签到' }).click();
    await textBecomes(page.getByTestId('attendance'), '已签到');
    await textBecomes(page.getByTestId('quorum'), '实到 3 / 应到 3');
    const { counts } = await call(hall.app, { url: `/api/meetings/${congress.meetingId}/attendance`, headers: { cookie: congress.secretary } });
    expect(counts.present).toBe(3);

    const ballotId = await openBallot(congress);
    const heading = page.getByRole('heading', { name: BALLOT_TITLE });
    await heading.waitFor();
    await page.waitForFunction(() => document.activeElement?.id.endsWith('-title'));
    expect(await page.getByTestId('announcement').textContent()).toBe(`表决开始：${BALLOT_TITLE}`);
    await screenshot(page, 'voter-2-ballot-open');

    const { page: otherPhone } = await hall.newPage();
    await joinByLink(otherPhone, base, me.code);
    await otherPhone.getByRole('radio', { name: '赞成' }).waitFor();

    await nextStep(page);
    await seen(page, '请选择赞成、反对或弃权。');
    await page.getByRole('radio', { name: '赞成' }).check();
    await nextStep(page);
    await seen(page, '请核对您的选票');
    expect(await page.locator('dl.summary').innerText()).toContain('赞成');
    await screenshot(page, 'voter-3-confirm');

    await page.getByRole('button', { name: '确认投票' }).click();
    const voted = page.getByTestId('voted');
    await textBecomes(voted, '已投票');
    await textBecomes(voted, '您的选票已记录');
    const receipt = await voted.locator('[data-receipt]').getAttribute('data-receipt');
    expect(receipt).toMatch(RECEIPT);
    const stored = JSON.parse((await page.evaluate(() => localStorage.getItem('yishi.receipts')))!);
    expect(stored).toEqual([{ memberId: me.memberId, ballotId, receipt, confirmed: true }]);
    const check = await call(hall.app, { method: 'POST', url: `/api/ballots/${ballotId}/receipts/check`, headers: { authorization: `Bearer ${me.token}` }, payload: { receipt } });
    expect(check.counted).toBe(true);
    await screenshot(page, 'voter-4-voted');

    // The second phone learns of the vote live, and has no receipt of its own to show.
    await textBecomes(otherPhone.getByTestId('voted'), '已投票');
    await textBecomes(otherPhone.getByTestId('voted'), '回执码保存在投票时使用的设备上');
    expect(await otherPhone.getByRole('radio').count()).toBe(0);
    await screenshot(otherPhone, 'voter-5-second-phone');

    await hall.voteByApi(0, ballotId, ['yes']);
    await hall.voteByApi(1, ballotId, ['no']);
    const published = await hall.closeAndPublish(ballotId);
    const explanation = published.result.items[0].explanation.zh as string;
    expect(explanation).toContain('通过');
    await seen(page, fullWidth(explanation));
    await textBecomes(page.locator('.sole-verdict'), '通过');
    await seen(page, '应到 3 人，实到 3 人，收回选票 3 张');
    expect(await page.locator('.chart-count').allTextContents()).toEqual(['2 票', '1 票', '0 票']);
    await textBecomes(page.getByTestId('voted'), receipt!.slice(0, 4));
    await page.getByRole('button', { name: '在公开的回执码清单中核对' }).click();
    await textBecomes(page.getByTestId('receipt-check'), '已核对：您的回执码在公开清单中，共 3 张选票。');
    await screenshot(page, 'voter-6-result');
  });

  it('stops the (N+1)-th candidate, says why, and takes a write-in on a sheet of several items', async () => {
    hall = await BrowserHall.start({ representatives: 3 });
    const { congress, base } = hall;
    const { page } = await hall.newPage();
    await joinByLink(page, base, congress.representatives[0]!.code);
    const ballotId = await openBallot(congress, {
      title: '选举工会委员会委员及表决经费预算',
      items: [
        {
          kind: 'election',
          title: '选举工会委员会委员',
          seats: 2,
          allowWriteIn: true,
          candidates: [
            { id: 'c1', name: '王芳' },
            { id: 'c2', name: '李强' },
            { id: 'c3', name: '张伟' },
          ],
        },
        { kind: 'approval', title: '2025 年工会经费预算' },
      ],
    });
    await page.getByRole('checkbox', { name: '王芳' }).check();
    await page.getByRole('checkbox', { name: '李强' }).check();
    await page.getByRole('checkbox', { name: '张伟' }).click();
    expect(await page.getByRole('checkbox', { name: '张伟' }).isChecked()).toBe(false);
    await seen(page, '本项应选 2 名，您已选满 2 人。如需改选，请先取消一位。');
    await page.getByRole('button', { name: '+ 另选他人' }).click();
    expect(await page.getByRole('textbox', { name: '另选他人 1' }).count()).toBe(0);
    await screenshot(page, 'voter-7-election-full');

    await page.getByRole('checkbox', { name: '李强' }).uncheck();
    await page.getByRole('button', { name: '+ 另选他人' }).click();
    await page.getByRole('textbox', { name: '另选他人 1' }).fill('赵敏');
    await page.getByRole('radio', { name: '弃权' }).check();
    await nextStep(page);
    await seen(page, '请核对您的选票');
    const summary = await page.locator('dl.summary').innerText();
    expect(summary).toContain('王芳');
    expect(summary).toContain('另选：赵敏');
    expect(summary).not.toContain('李强');
    expect(summary).toContain('弃权');
    await screenshot(page, 'voter-8-election-confirm');
    await page.getByRole('button', { name: '确认投票' }).click();
    await textBecomes(page.getByTestId('voted'), '已投票');

    const ballot = await hall.closeAndPublish(ballotId);
    expect(ballot.result.items[0].candidates.find((candidate: any) => candidate.id === 'c1').votes).toBe(1);
    expect(ballot.result.items[0].writeIns).toEqual([{ name: '赵敏', votes: 1, reachedThreshold: false }]);
    expect(ballot.result.items[1].counts).toEqual({ yes: 0, no: 0, abstain: 1 });
    await seen(page, fullWidth(ballot.result.items[0].explanation.zh));
    await screenshot(page, 'voter-9-election-result');
  });

  it('votes with the keyboard alone, focus following each step', async () => {
    hall = await BrowserHall.start({ representatives: 3 });
    const { congress, base } = hall;
    const { page } = await hall.newPage();
    await joinByLink(page, base, congress.representatives[0]!.code);
    await openBallot(congress);
    await page.waitForFunction(() => document.activeElement?.tagName === 'H2');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('yes');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('下一步');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.textContent === '请核对您的选票');
    // Focus moved for the keyboard shows, as it must (a tap draws none: draft-edit.spec.ts).
    const outline = () => page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(await outline()).toBe('solid');
    expect(await page.locator('dl.summary').innerText()).toContain('反对');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('确认投票');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'voted');
    expect(await outline()).toBe('solid');
    await textBecomes(page.getByTestId('voted'), '已投票');
  });
});

describe('a phone that loses its connection', () => {
  it('shows 正在重连 then 已连接, catches up on what it missed, and sends a vote confirmed offline once back', async () => {
    hall = await BrowserHall.start({ representatives: 3 });
    const { congress, base } = hall;
    const { context, page } = await hall.newPage();
    const snapshots: string[] = [];
    page.on('websocket', (socket) => socket.on('framereceived', ({ payload }) => typeof payload === 'string' && payload.includes('"meeting:snapshot"') && snapshots.push(payload)));
    await joinByLink(page, base, congress.representatives[0]!.code);

    await context.setOffline(true);
    await textBecomes(connection(page), '正在重连');
    const ballotId = await openBallot(congress);
    await screenshot(page, 'voter-10-offline');
    expect(await page.getByRole('heading', { name: BALLOT_TITLE }).count()).toBe(0);
    await context.setOffline(false);
    await textBecomes(connection(page), '已连接');
    await page.getByRole('heading', { name: BALLOT_TITLE }).waitFor();

    await page.getByRole('radio', { name: '赞成' }).check();
    await nextStep(page);
    await seen(page, '请核对您的选票');
    await context.setOffline(true);
    await textBecomes(connection(page), '正在重连');
    await seen(page, '网络暂时中断');
    await page.getByRole('button', { name: '确认投票' }).click();
    await textBecomes(page.getByTestId('sending'), '网络已断开：选票将在连接恢复后自动提交');
    await screenshot(page, 'voter-11-vote-waiting-offline');
    expect(await hall.turnoutOf(ballotId)).toBe(0);

    await context.setOffline(false);
    await textBecomes(page.getByTestId('voted'), '您的选票已记录');
    await textBecomes(connection(page), '已连接');
    expect(await hall.turnoutOf(ballotId)).toBe(1);
    await screenshot(page, 'voter-12-back-online');
    // Back the first time after a ballot opened: the whole snapshot. The second time nothing but the
    // figures had changed: the page sent the version it held and got the figures alone, and still
    // showed the ballot it was voting on.
    const short = snapshots.map((payload) => payload.includes('"same":true'));
    expect(short.length).toBeGreaterThanOrEqual(3);
    expect(short.slice(0, -1)).not.toContain(true);
    expect(short.at(-1)).toBe(true);
  });

  it('says honestly that the vote came from another device when the one sent on reconnecting was already cast', async () => {
    hall = await BrowserHall.start({ representatives: 3 });
    const { congress, base } = hall;
    const ballotId = await openBallot(congress);
    const { context, page } = await hall.newPage();
    await joinByLink(page, base, congress.representatives[0]!.code);
    await page.getByRole('radio', { name: '反对' }).check();
    await nextStep(page);
    await context.setOffline(true);
    await textBecomes(connection(page), '正在重连');
    await page.getByRole('button', { name: '确认投票' }).click();
    await page.getByTestId('sending').waitFor();
    await hall.voteByApi(0, ballotId, ['yes']);
    await context.setOffline(false);
    await textBecomes(page.getByTestId('voted'), '本机发出的那一张没有找到记录');
    expect(await hall.turnoutOf(ballotId)).toBe(1);
  });

  it('after a lost acknowledgement and a reload, asks about its own receipt and says honestly what it finds', async () => {
    const started = await BrowserHall.start({ representatives: 3 });
    hall = started;
    const { congress, base } = started;
    const ballotId = await openBallot(congress);
    const receipts = ['KEPTRECEIPT2345678923456789', 'LOSTRECEIPT2345678923456789', 'RETRYRECEIPT345678923456789'];
    const phones = await Promise.all(
      receipts.map(async (receipt, index) => {
        const { context, page } = await started.newPage();
        const entry = { memberId: congress.representatives[index]!.memberId, ballotId, receipt, confirmed: false };
        await context.addInitScript(
          (value) => {
            if (location.protocol === 'http:' && !localStorage.getItem('yishi.receipts')) localStorage.setItem('yishi.receipts', value);
          },
          JSON.stringify([entry]),
        );
        return page;
      }),
    );
    // The first phone's vote arrived (its ack was lost); the second's owner voted from another device.
    await hall.voteByApi(0, ballotId, ['yes'], receipts[0]);
    await hall.voteByApi(1, ballotId, ['no']);

    await joinByLink(phones[0]!, base, congress.representatives[0]!.code);
    await textBecomes(phones[0]!.getByTestId('voted'), '您的选票已记录（已向服务器核实）');
    expect(await phones[0]!.locator('[data-receipt]').getAttribute('data-receipt')).toBe(receipts[0]);

    await joinByLink(phones[1]!, base, congress.representatives[1]!.code);
    await textBecomes(phones[1]!.getByTestId('voted'), '本机发出的那一张没有找到记录');
    await screenshot(phones[1]!, 'voter-13-vote-from-other-device');

    // The third never arrived: the page says so and votes again with the same receipt.
    await joinByLink(phones[2]!, base, congress.representatives[2]!.code);
    await seen(phones[2]!, '本机上次投出的选票没有送达，未被记录');
    await phones[2]!.getByRole('radio', { name: '反对' }).check();
    await nextStep(phones[2]!);
    await phones[2]!.getByRole('button', { name: '确认投票' }).click();
    await textBecomes(phones[2]!.getByTestId('voted'), '已投票');
    expect(await phones[2]!.locator('[data-receipt]').getAttribute('data-receipt')).toBe(receipts[2]);
  });
});

describe('joining and following without a vote', () => {
  it('takes a typed code with spaces and lower case, refuses a bad one, and remembers the sign-in', async () => {
    hall = await BrowserHall.start({ representatives: 2 });
    const { congress, base } = hall;
    const { page } = await hall.newPage();
    await page.goto(`${base}/join`);
    const code = page.getByLabel('代表码');
    await code.fill('ABCD');
    await page.getByRole('button', { name: '进入会议' }).click();
    await textBecomes(page.locator('#code-error'), '代表码应为 12 位字母和数字');
    await code.fill('zzzz zzzz zzzz');
    await page.getByRole('button', { name: '进入会议' }).click();
    await textBecomes(page.locator('#code-error'), '代表码无效或已作废');
    await screenshot(page, 'voter-14-join-form');

    const typed = congress.representatives[1]!.code.replace(/-/g, '')
      .toLowerCase()
      .replace(/(.{4})/g, '$1 ');
    await code.fill(typed);
    await page.getByRole('button', { name: '进入会议' }).click();
    await textBecomes(connection(page), '已连接');
    expect(await page.getByTestId('member-name').textContent()).toBe('代表2');

    await page.reload();
    await textBecomes(connection(page), '已连接');
    expect(await page.getByLabel('代表码').count()).toBe(0);

    const { page: stranger } = await hall.newPage();
    await stranger.goto(`${base}/v/ZZZZ-ZZZZ-ZZZZ`);
    await textBecomes(stranger.locator('#code-error'), '代表码无效或已作废');
    expect(new URL(stranger.url()).pathname).toBe('/join');
    expect(await stranger.getByLabel('代表码').inputValue()).toBe('ZZZZ-ZZZZ-ZZZZ');
  });

  it('shows an attendee the meeting and the open ballot without vote buttons, and says why, in either language', async () => {
    hall = await BrowserHall.start({ representatives: 3, attendees: 1 });
    const { congress, base } = hall;
    const { page } = await hall.newPage();
    await joinByLink(page, base, congress.attendees[0]!.code);
    await seen(page, '列席代表');
    await page.getByRole('button', { name: '签到' }).click();
    await textBecomes(page.getByTestId('attendance'), '已签到');
    await openBallot(congress, approvalBallot());
    await textBecomes(page.getByTestId('attendee-note'), '没有表决权');
    expect(await page.getByRole('radio').count()).toBe(0);
    expect(await page.getByRole('button', { name: /下一步/ }).count()).toBe(0);
    await screenshot(page, 'voter-15-attendee');

    await page.getByRole('button', { name: 'English' }).click();
    await textBecomes(page.getByTestId('attendee-note'), 'You are an attendee');
    await textBecomes(connection(page), 'Connected');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await screenshot(page, 'voter-16-attendee-english');
  });

  it('tells a phone whose code the secretariat revoked that its sign-in has ended, instead of reconnecting forever', async () => {
    hall = await BrowserHall.start({ representatives: 2 });
    const { congress, base } = hall;
    const me = congress.representatives[0]!;
    const { page } = await hall.newPage();
    await joinByLink(page, base, me.code);
    await call(hall.app, { method: 'DELETE', url: `/api/members/${me.memberId}/code`, headers: { cookie: congress.secretary } });
    await seen(page, '登录已失效');
    await page.getByLabel('代表码').waitFor();
    await screenshot(page, 'voter-17-code-revoked');
  });
});
