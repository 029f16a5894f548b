// The projector view at 1920×1080 (attendance, quorum, live turnout, countdown, results and verdict,
// manual results marked, the count hash) and the public result notice, printed on one A4 page.
/// <reference lib="dom" />
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { ARTIFACTS, screenshot } from '../support/browser.js';
import { BrowserHall, PROJECTOR } from '../support/browser-hall.js';
import { approvalBallot, call, type Congress, openBallot } from '../support/congress.js';
import { fullWidth, seen, textBecomes } from '../support/page-waits.js';

const PAPER = { viewport: { width: 900, height: 1200 }, locale: 'zh-CN' };
const ELECTION = {
  title: '选举第三届工会委员会委员',
  items: [
    {
      kind: 'election',
      title: '选举第三届工会委员会委员',
      seats: 2,
      candidates: [
        { id: 'c1', name: '王芳' },
        { id: 'c2', name: '李强' },
        { id: 'c3', name: '张伟' },
      ],
    },
  ],
};

let hall: BrowserHall | undefined;
afterEach(async () => {
  await hall?.close();
  hall = undefined;
});

async function openProjector(live: BrowserHall): Promise<Page> {
  const token = await live.displayToken();
  const { page } = await live.newPage(PROJECTOR);
  await page.goto(`${live.base}/display/${token}`);
  await textBecomes(page.locator('.display-header [role="status"]'), '已连接');
  return page;
}

/** A show of hands (举手表决) recorded by the secretary and published. */
async function publishShowOfHands(congress: Congress) {
  const as = { cookie: congress.secretary };
  const { ballot } = await call(
    congress.app,
    {
      method: 'POST',
      url: `/api/meetings/${congress.meetingId}/ballots`,
      headers: as,
      payload: { title: '关于确认大会议程的决定', method: 'manual', items: [{ kind: 'approval', title: '关于确认大会议程的决定' }] },
    },
    201,
  );
  await call(congress.app, {
    method: 'PUT',
    url: `/api/ballots/${ballot.id}/manual-result`,
    headers: as,
    payload: { present: 4, cast: 4, method: 'show_of_hands', items: [{ kind: 'approval', yes: 2, no: 1, abstain: 1 }] },
  });
  return (await call(congress.app, { method: 'POST', url: `/api/ballots/${ballot.id}/publish`, headers: as })).ballot;
}

/** The count hash (计票校验码) shown whole, in groups of four, in a monospace face. */
async function expectCountHash(page: Page, finalHash: string) {
  expect(finalHash).toMatch(/^[0-9a-f]{64}$/);
  const shown = page.getByTestId('count-hash');
  expect(await shown.locator('.count-hash-label').textContent()).toBe('计票校验码');
  expect(await shown.locator('.count-hash-value').textContent()).toBe(finalHash.match(/.{4}/g)!.join(' '));
  expect(await shown.locator('.count-hash-value').evaluate((element) => getComputedStyle(element).fontFamily)).toMatch(/mono|Consolas|Menlo/i);
}

/** Nothing scrolls: the result, the figures and the count hash are all on the screen. */
function fitsOnScreen(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const hash = document.querySelector('[data-testid="count-hash"]')!.getBoundingClientRect();
    const root = document.documentElement;
    return root.scrollHeight <= window.innerHeight && root.scrollWidth <= window.innerWidth && hash.bottom <= window.innerHeight && hash.right <= window.innerWidth;
  });
}

describe('the projector view', () => {
  it('shows attendance and quorum, a live turnout bar with a countdown, then the bars and the verdict in words', async () => {
    hall = await BrowserHall.start({ representatives: 5, present: 4 });
    const { congress } = hall;
    const page = await openProjector(hall);
    expect(await page.locator('h1').textContent()).toBe('第三届第二次职工代表大会');
    const figure = (name: string) => page.getByTestId(`figure-${name}`).textContent();
    expect([await figure('eligible'), await figure('present'), await figure('absent'), await figure('onLeave')]).toEqual(['5', '4', '1', '0']);
    await textBecomes(page.getByTestId('quorum'), '已达到法定人数');
    await seen(page, '法定人数 4 人');
    await seen(page, '请稍候，表决尚未开始');
    await screenshot(page, 'display-1-waiting');

    const deadlineAt = new Date(Date.now() + 10 * 60_000).toISOString();
    const ballotId = await openBallot(congress, { ...approvalBallot(), deadlineAt });
    await textBecomes(page.getByTestId('turnout'), '0 / 5');
    await textBecomes(page.getByTestId('countdown'), /剩余时间\s*(10:00|9:[0-5]\d)/);
    await seen(page, '通过规则：赞成票须超过全体代表的半数');

    for (const index of [0, 1, 2]) await hall.voteByApi(index, ballotId, [index < 2 ? 'yes' : 'no']);
    await textBecomes(page.getByTestId('turnout'), '3 / 5');
    // The bar glides to its new length: wait until it is drawn at 60 % of the track.
    await page.waitForFunction(() => {
      const fill = document.querySelector<HTMLElement>('.turnout-bar > span');
      return fill !== null && Math.abs(fill.getBoundingClientRect().width / fill.parentElement!.clientWidth - 0.6) < 0.005;
    });
    expect(await page.locator('.display-ballot').innerText()).not.toMatch(/赞成\s*\d/);
    await screenshot(page, 'display-2-turnout');

    await hall.voteByApi(3, ballotId, ['yes']);
    const published = await hall.closeAndPublish(ballotId);
    await textBecomes(page.getByTestId('verdict'), '通过');
    await seen(page, fullWidth(published.result.items[0].explanation.zh));
    expect(await page.locator('.chart-count').allTextContents()).toEqual(['3 票', '1 票', '0 票']);
    await seen(page, '应到 5 人，实到 4 人，收回选票 4 张');
    await expectCountHash(page, published.finalHash);
    for (const viewport of [{ width: 1280, height: 720 }, PROJECTOR.viewport!]) {
      await page.setViewportSize(viewport);
      expect(await fitsOnScreen(page), `${viewport.width}×${viewport.height}`).toBe(true);
    }
    await screenshot(page, 'display-3-result');
  });

  it('marks a result entered by hand, shows who was elected, and refuses a wrong token', async () => {
    hall = await BrowserHall.start({ representatives: 5, present: 4 });
    const { congress, base } = hall;
    const page = await openProjector(hall);
    const manual = await publishShowOfHands(congress);
    await textBecomes(page.getByTestId('manual'), '人工录入（举手表决）');
    await seen(page, '应到 5 人，实到 4 人，参加举手表决 4 人');
    expect(await page.locator('.display-badges').innerText()).not.toContain('无记名');
    await textBecomes(page.getByTestId('verdict'), '未通过');
    await seen(page, fullWidth(manual.result.items[0].explanation.zh));
    await screenshot(page, 'display-4-manual');

    const ballotId = await openBallot(congress, ELECTION);
    await textBecomes(page.getByTestId('turnout'), '0 / 5');
    for (const index of [0, 1, 2, 3]) await hall.voteByApi(index, ballotId, [{ candidateIds: index < 3 ? ['c1', 'c2'] : ['c3'] }]);
    const election = await hall.closeAndPublish(ballotId);
    await seen(page, fullWidth(election.result.items[0].explanation.zh));
    expect(await page.locator('.chart-row.elected .chart-label').allTextContents()).toEqual(['王芳 当选', '李强 当选']);
    await screenshot(page, 'display-5-election');

    const { page: stranger } = await hall.newPage(PROJECTOR);
    await stranger.goto(`${base}/display/not-a-real-token`);
    await seen(stranger, '大屏链接无效或已被更换');
  });
});

describe('the public result notice', () => {
  it('prints meeting, ballot, figures, counts, rule, verdict and date on one A4 page', async () => {
    hall = await BrowserHall.start({ representatives: 5, present: 4 });
    const { congress, base } = hall;
    const ballotId = await openBallot(congress);
    for (const index of [0, 1, 2]) await hall.voteByApi(index, ballotId, [index === 2 ? 'abstain' : 'yes']);
    const published = await hall.closeAndPublish(ballotId);
    const { page } = await hall.newPage(PAPER);
    await page.goto(`${base}/results/${ballotId}`);

    await seen(page, '表决结果公告');
    expect(await page.getByTestId('notice-meeting').textContent()).toBe('第三届第二次职工代表大会');
    expect(await page.getByTestId('notice-ballot').textContent()).toBe('关于《集体合同(草案)》的决议');
    expect([await page.getByTestId('notice-eligible').textContent(), await page.getByTestId('notice-present').textContent(), await page.getByTestId('notice-cast').textContent()]).toEqual([
      '5 人',
      '4 人',
      '3 张',
    ]);
    expect(await page.locator('table.counts td').allTextContents()).toEqual(['2 票', '0 票', '1 票']);
    await seen(page, '赞成票须超过全体代表的半数');
    expect(await page.getByTestId('notice-explanation').textContent()).toContain(fullWidth(published.result.items[0].explanation.zh));
    expect(await page.getByTestId('notice-verdict').textContent()).toBe('未通过');
    const publishedOn = new Date(published.publishedAt);
    expect(await page.getByTestId('notice-date').textContent()).toBe(`${publishedOn.getFullYear()}年${publishedOn.getMonth() + 1}月${publishedOn.getDate()}日`);
    await expectCountHash(page, published.finalHash);
    await screenshot(page, 'notice-1-screen');

    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync(join(ARTIFACTS, 'notice-1.pdf'), pdf);
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)).toHaveLength(1);
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 794, height: 1123 });
    await screenshot(page, 'notice-2-print');
  });

  it('lists an election by candidate with who was elected, and says so when a ballot is not published', async () => {
    hall = await BrowserHall.start({ representatives: 5, present: 5 });
    const { congress, base } = hall;
    const ballotId = await openBallot(congress, ELECTION);
    for (const index of [0, 1, 2, 3, 4]) await hall.voteByApi(index, ballotId, [{ candidateIds: index < 3 ? ['c1', 'c3'] : ['c2'] }]);
    await hall.closeAndPublish(ballotId);
    const { page } = await hall.newPage(PAPER);
    await page.goto(`${base}/results/${ballotId}`);
    await seen(page, '候选人得票须超过全体代表的半数');
    const rows = await page.locator('table.counts tbody tr').allInnerTexts();
    expect(rows.map((row) => row.replace(/\s+/g, ' ').trim())).toEqual(['王芳 3 票 当选', '张伟 3 票 当选', '李强 2 票']);
    await screenshot(page, 'notice-3-election');

    const draft = await openBallot(congress);
    await page.goto(`${base}/results/${draft}`);
    await seen(page, '没有找到这份公告');
  });
});
