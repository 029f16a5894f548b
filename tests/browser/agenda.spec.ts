// The agenda (议程) on the screens: the projector shows the current item between ballots without a
// scroll at 1920×1080 and 1280×720; a 360 px phone lists the agenda, follows a move of the current
// item without reload, and reads an item's material.
/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser.js';
import { BrowserHall, PHONE, PROJECTOR } from '../support/browser-hall.js';
import { call } from '../support/congress.js';
import { seen, textBecomes } from '../support/page-waits.js';

let hall: BrowserHall | undefined;
afterEach(async () => {
  await hall?.close();
  hall = undefined;
});

const MATERIAL = [
  '关于2026年度工作的报告',
  '',
  '一、2026年主要工作回顾。全年实现营业收入同比增长百分之八,职工人均收入同比增长百分之六,安全生产实现零事故。',
  '二、2027年工作安排。坚持以职工为中心,推进厂务公开,办好职工代表大会,落实集体合同各项条款。',
  '附:https://example.invalid/a-very-long-address-that-must-wrap-on-a-phone-instead-of-widening-the-page-0123456789',
].join('\n');

/** Neither way does the page need a scroll: everything is inside the viewport. */
function scrolls(page: Page): Promise<{ vertical: boolean; horizontal: boolean }> {
  return page.evaluate(() => ({
    vertical: document.documentElement.scrollHeight > window.innerHeight,
    horizontal: document.documentElement.scrollWidth > window.innerWidth,
  }));
}

describe('the agenda on the screens', () => {
  it('shows the current item on the projector without a scroll, and the agenda and its material on a 360 px phone', async () => {
    hall = await BrowserHall.start({ representatives: 3 });
    const { congress, base } = hall;
    const as = { cookie: congress.secretary };
    const { sessions } = await call(hall.app, { method: 'GET', url: `/api/terms/${congress.termId}/sessions`, headers: as });
    const add = async (payload: object) => (await call(hall!.app, { method: 'POST', url: `/api/sessions/${sessions[0].id}/agenda`, headers: as, payload }, 201)).item;
    const report = await add({ kind: 'report', title: '厂长工作报告', presenter: '厂长 王明', material: MATERIAL });
    const motions = await add({ kind: 'motions_report', title: '提案工作报告', presenter: '提案委员会主任 李华' });
    await add({ kind: 'other', title: '闭幕' });
    const moveTo = (itemId: string) => call(hall!.app, { method: 'PUT', url: `/api/meetings/${congress.meetingId}/current-item`, headers: as, payload: { itemId } });
    await moveTo(report.id);

    const token = await hall.displayToken();
    const { page: projector } = await hall.newPage(PROJECTOR);
    await projector.goto(`${base}/display/${token}`);
    const shown = projector.getByTestId('display-agenda');
    await textBecomes(shown.locator('h2'), '厂长工作报告');
    expect(await shown.textContent()).toContain('厂长 王明');
    expect(await shown.textContent()).toContain('关于2026年度工作的报告');
    expect(await scrolls(projector)).toEqual({ vertical: false, horizontal: false });
    await screenshot(projector, 'agenda-projector-1920');
    await projector.setViewportSize({ width: 1280, height: 720 });
    expect(await scrolls(projector)).toEqual({ vertical: false, horizontal: false });
    expect(await shown.locator('h2').isVisible()).toBe(true);
    await screenshot(projector, 'agenda-projector-1280');

    const { page: phone } = await hall.newPage(PHONE);
    await phone.goto(`${base}/v/${congress.representatives[0]!.code}`);
    await phone.getByTestId('member-name').waitFor();
    const agenda = phone.getByTestId('agenda');
    await seen(phone, '大会议程');
    expect(await agenda.locator('li').count()).toBe(3);
    await textBecomes(phone.getByTestId('agenda-current').locator('.agenda-title'), /厂长工作报告/);
    await phone.getByTestId('agenda-current').getByRole('button', { name: '阅读材料' }).click();
    await textBecomes(phone.getByTestId('agenda-material'), /二、2027年工作安排/);
    expect((await scrolls(phone)).horizontal).toBe(false);
    await screenshot(phone, 'agenda-phone-360');

    // The secretary moves on: the phone and the projector follow without reload.
    await moveTo(motions.id);
    await textBecomes(phone.getByTestId('agenda-current').locator('.agenda-title'), /提案工作报告/);
    await textBecomes(shown.locator('h2'), '提案工作报告');
    expect(await shown.textContent()).toContain('提案委员会主任 李华');
    await phone.getByTestId('agenda-current').getByRole('button', { name: '阅读材料' }).click();
    await textBecomes(phone.getByTestId('agenda-material').last(), /本届共收到提案 0 件/);
    expect(await scrolls(projector)).toEqual({ vertical: false, horizontal: false });
  });
});
