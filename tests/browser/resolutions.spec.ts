/// <reference lib="dom" />
// The 决议 tab of a session's page in chromium: the secretary drafts a resolution, edits its text,
// puts it to the vote; once the ballot is counted the card shows the result clause, the text is no
// longer editable, the adopted ones download as .docx, and the print view holds the adopted resolution in full.
import type { Browser } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from '../support/browser.js';
import { call, createApp, createCongress } from '../support/congress.js';
import { openConsole, waitForText } from '../support/console.js';
import { castAll, closeBallot } from '../support/requests.js';
import type { FastifyInstance } from 'fastify';

let app: FastifyInstance | undefined;
let browser: Browser | undefined;
afterEach(async () => {
  await browser?.close();
  await app?.close();
  browser = undefined;
  app = undefined;
});

describe('the 决议 tab', () => {
  it('drafts, edits and puts a resolution to the vote, then shows it adopted and prints it', { timeout: 90_000 }, async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 3 });
    const as = { cookie: congress.secretary };
    const { meeting } = await call(app, { method: 'GET', url: `/api/meetings/${congress.meetingId}`, headers: as });
    browser = await launchBrowser();
    const { base, page, errors } = await openConsole(browser, app, congress.secretary);

    await page.goto(`${base}/admin/terms/${congress.termId}/sessions/${meeting.sessionId}`);
    await page.getByRole('navigation', { name: '本次会议' }).getByRole('link', { name: '决议' }).click();
    await page.getByRole('heading', { name: '起草决议' }).waitFor();
    await page.getByLabel('决议事项').fill('厂长工作报告');
    await page.getByRole('button', { name: '起草', exact: true }).click();
    const card = page.getByTestId('resolution');
    await waitForText(card.locator('h3'), '第三届第二次职工代表大会关于厂长工作报告的决议');
    const body = card.getByLabel('正文');
    expect(await body.inputValue()).toContain('会议应到代表3人，实到3人');
    await body.fill('会议认为，报告实事求是。\n会议决定，批准厂长工作报告。');
    await card.getByRole('button', { name: '保存' }).click();
    await card.getByRole('button', { name: '付诸表决' }).click();
    await waitForText(card.locator('.badge'), '已列入表决');
    await screenshot(page, 'resolutions-on-ballot');

    const { resolutions } = await call(app, { method: 'GET', url: `/api/sessions/${meeting.sessionId}/resolutions`, headers: as });
    const ballotId = resolutions[0].ballot.ballotId as string;
    expect(resolutions[0].body).toBe('会议认为，报告实事求是。\n会议决定，批准厂长工作报告。');
    await call(app, { method: 'POST', url: `/api/ballots/${ballotId}/open`, headers: as, payload: {} });
    await castAll(congress, ballotId, [['yes'], ['yes'], ['no']]);
    await closeBallot(congress, ballotId);

    await page.reload();
    await waitForText(page.getByTestId('resolution-result'), '经无记名投票表决，应到代表3人，实到3人，赞成2票，反对1票，弃权0票，超过全体代表的半数，本决议通过。');
    expect(await page.getByTestId('resolution').getByLabel('正文').count()).toBe(0);
    // 下载 .docx: the adopted ones as one file, in the official layout, with the cookie the console holds.
    const href = await page.getByTestId('resolutions-docx-adopted').getAttribute('href');
    expect(href).toBe(`/api/sessions/${meeting.sessionId}/resolutions/docx`);
    const file = await page.request.get(`${base}${href}`);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(await page.getByTestId('resolutions-docx-voted').count()).toBe(0);
    await page.getByRole('link', { name: '打印已通过的决议' }).click();
    const printed = page.getByTestId('resolution-print');
    await waitForText(printed, '会议认为，报告实事求是。');
    expect(await printed.textContent()).toContain('本决议通过。');
    expect(await page.getByRole('link', { name: '下载 .docx' }).getAttribute('href')).toBe(`/api/sessions/${meeting.sessionId}/resolutions/docx`);
    await screenshot(page, 'resolutions-print');
    expect(errors).toEqual([]);
  });
});
