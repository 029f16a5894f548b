// A session's public notice page (/public/sessions/:id, issue 13): without signing in it shows the
// published results as their own notices do, not an unpublished one, with the publication and
// posted-until dates; English on the switch; on A4 paper; and once taken down it says so.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ARTIFACTS, screenshot } from '../support/browser.js';
import { BrowserHall } from '../support/browser-hall.js';
import { approvalBallot, call, openBallot } from '../support/congress.js';
import { seen } from '../support/page-waits.js';

const PAPER = { viewport: { width: 900, height: 1200 }, locale: 'zh-CN' };

let hall: BrowserHall | undefined;
afterEach(async () => {
  await hall?.close();
  hall = undefined;
});

describe('the session’s public notice page', () => {
  it('shows the published results and dates to anyone, prints on A4, switches to English, and says when taken down', async () => {
    hall = await BrowserHall.start({ representatives: 5, present: 5 });
    const { congress, base, app } = hall;
    const as = { cookie: congress.secretary };
    const published = await openBallot(congress, approvalBallot('关于《集体合同(草案)》的决议'));
    for (const index of [0, 1, 2, 3]) await hall.voteByApi(index, published, ['yes']);
    const { finalHash } = await hall.closeAndPublish(published);
    const unpublished = await openBallot(congress, approvalBallot('关于《考核办法》的决议'));
    await hall.voteByApi(0, unpublished, ['yes']);
    await call(app, { method: 'POST', url: `/api/ballots/${unpublished}/close`, headers: as });
    const { meeting } = await call(app, { method: 'GET', url: `/api/meetings/${congress.meetingId}`, headers: as });
    await call(app, { method: 'POST', url: `/api/meetings/${congress.meetingId}/close`, headers: as });
    await call(app, { method: 'POST', url: `/api/sessions/${meeting.sessionId}/close`, headers: as, payload: {} });

    const { page } = await hall.newPage(PAPER);
    await page.goto(`${base}/public/sessions/${meeting.sessionId}`);
    await seen(page, '没有找到这份公告');

    const { aftermath } = await call(app, { method: 'POST', url: `/api/sessions/${meeting.sessionId}/notice/publish`, headers: as, payload: {} });
    await page.reload();
    await seen(page, '关于《集体合同(草案)》的决议');
    expect(await page.getByTestId('session-notice-ballot').count()).toBe(1);
    expect(await page.getByTestId('session-notice-ballot').getByTestId('count-hash').innerText()).toBe(`计票校验码 ${finalHash.match(/.{4}/g).join(' ')}`);
    expect(await page.locator('body').textContent()).not.toContain('考核办法');
    const [year, month, day] = aftermath.notice.postedUntil.split('-').map(Number);
    expect(await page.getByTestId('session-notice-dates').textContent()).toContain(`公示至：${year}年${month}月${day}日`);
    await screenshot(page, 'session-notice-1-screen');
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync(join(ARTIFACTS, 'session-notice-1.pdf'), pdf);
    expect(pdf.length).toBeGreaterThan(1000);

    await page.getByRole('button', { name: 'English' }).click();
    await seen(page, 'Public notice');
    expect(await page.getByTestId('count-hash').locator('.count-hash-label').textContent()).toBe('Count hash');

    await call(app, { method: 'POST', url: `/api/sessions/${meeting.sessionId}/notice/withdraw`, headers: as, payload: { reason: '内容需更正' } });
    await page.reload();
    await page.getByTestId('session-notice-taken-down').waitFor();
    expect(await page.getByTestId('session-notice-ballot').count()).toBe(0);
  });

  it('lets the secretary close the session, publish the notice and see the report due, on the console', async () => {
    hall = await BrowserHall.start({ representatives: 3, present: 3 });
    const { congress, base, app } = hall;
    const as = { cookie: congress.secretary };
    const { meeting } = await call(app, { method: 'GET', url: `/api/meetings/${congress.meetingId}`, headers: as });
    await call(app, { method: 'POST', url: `/api/meetings/${congress.meetingId}/close`, headers: as });
    const { context, page } = await hall.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const [name, value] = congress.secretary.split('=', 2) as [string, string];
    await context.addCookies([{ name, value, url: base }]);
    await page.goto(`${base}/admin/terms/${congress.termId}/sessions/${meeting.sessionId}`);
    const card = page.getByTestId('aftermath');
    await card.getByRole('button', { name: '宣布闭幕' }).click();
    await card.getByTestId('aftermath-notice').waitFor();
    expect(await card.getByTestId('aftermath-notice').textContent()).toContain('公告尚未发布');
    expect(await card.getByTestId('aftermath-report').textContent()).toContain('报告应于');
    await card.getByRole('button', { name: '发布公告' }).click();
    await seen(page, '公示至');
    expect(await card.getByTestId('aftermath-notice').textContent()).toMatch(/公告已于.+发布，公示至.+。/);
    const noticeDocx = await card.getByTestId('notice-docx').getAttribute('href');
    expect(noticeDocx).toBe(`/api/sessions/${meeting.sessionId}/notice/docx`);
    expect((await page.request.get(`${base}${noticeDocx}`)).status()).toBe(200);
    await screenshot(page, 'session-aftermath-console');
    await page.goto(`${base}/admin/terms/${congress.termId}/sessions`);
    await page.getByTestId('aftermath-summary').waitFor();
    expect(await page.getByTestId('aftermath-summary').textContent()).toContain('按期');
    await page.goto(`${base}/admin/sessions/${meeting.sessionId}/report`);
    await page.getByTestId('session-report').waitFor();
    await seen(page, '一、会议出席情况');
    const reportDocx = await page.getByTestId('report-docx').getAttribute('href');
    expect(reportDocx).toBe(`/api/sessions/${meeting.sessionId}/report/docx`);
    expect((await page.request.get(`${base}${reportDocx}`)).headers()['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    await screenshot(page, 'session-report-console');
  });
});
