// The projector with a result too long for one screen: at 1920×1080 and at 1280×720 the items are
// paged, never scrolled (a 30-candidate election set in columns), the pages turn by themselves, and
// the secretary's 前一页 / 后一页 on the console moves the screen and holds it until 自动翻页.
/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser.js';
import { BrowserHall, PROJECTOR } from '../support/browser-hall.js';
import { openBallot } from '../support/congress.js';
import { confirm, LAPTOP } from '../support/console.js';
import { seen, textBecomes } from '../support/page-waits.js';

const CANDIDATES = Array.from({ length: 30 }, (_, index) => ({ id: `c${index + 1}`, name: `候选人${String(index + 1).padStart(2, '0')}号` }));
const APPROVALS = ['关于《集体合同(草案)》的决议', '关于《职工代表大会提案工作办法》修订的决议', '关于《年度工资分配方案》的决议', '关于《劳动安全卫生专项集体合同》的决议'];
const ELECTION_TITLE = '选举第三届工会经费审查委员会委员';
const SHEET = {
  title: '第三届第二次职工代表大会表决票',
  items: [
    ...APPROVALS.slice(0, 2).map((title) => ({ kind: 'approval', title })),
    { kind: 'election', title: ELECTION_TITLE, seats: 3, candidates: CANDIDATES },
    ...APPROVALS.slice(2).map((title) => ({ kind: 'approval', title })),
  ],
};
const TITLES = [APPROVALS[0], APPROVALS[1], ELECTION_TITLE, APPROVALS[2], APPROVALS[3]].map((title, index) => `第 ${index + 1} 项：${title}`);

let hall: BrowserHall | undefined;
afterEach(async () => {
  await hall?.close();
  hall = undefined;
});

/** What the screen shows at one moment, read at once (the page may turn right after). */
interface Moment {
  indicator: string;
  titles: string[];
  fits: boolean;
  itemsInside: boolean;
  candidatesInside: number;
}

function readMoment(page: Page): Promise<Moment> {
  return page.evaluate(() => {
    const items = [...document.querySelectorAll<HTMLElement>('.display-page-items .result-item')];
    const inside = (element: Element) => {
      const box = element.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight && box.left >= 0 && box.right <= window.innerWidth;
    };
    return {
      indicator: document.querySelector('[data-testid="display-page"]')?.textContent?.trim() ?? '',
      titles: items.map((item) => item.querySelector('h3')?.textContent?.trim() ?? ''),
      fits: document.documentElement.scrollHeight <= window.innerHeight && document.documentElement.scrollWidth <= window.innerWidth,
      itemsInside: items.every(inside),
      candidatesInside: [...document.querySelectorAll('.display-page-items .chart-label')].filter((label) => /候选人\d+号/.test(label.textContent ?? '') && inside(label)).length,
    };
  });
}

/** Waits for each page in turn as the screen turns them itself, checking each fits; returns the pages. */
async function walkPages(page: Page, label: string): Promise<Moment[]> {
  const first = await textBecomes(page.getByTestId('display-page'), /^第 1\/\d+ 页$/);
  const count = Number(/\/(\d+)/.exec(first)![1]);
  const seenPages: Moment[] = [];
  for (let number = 1; number <= count; number += 1) {
    await textBecomes(page.getByTestId('display-page'), `第 ${number}/${count} 页`);
    const moment = await readMoment(page);
    if (moment.indicator !== `第 ${number}/${count} 页`) {
      number -= 1;
      continue;
    }
    expect(moment.fits, `${label}, page ${number}: the page scrolls`).toBe(true);
    expect(moment.itemsInside, `${label}, page ${number}: an item runs off the screen`).toBe(true);
    seenPages.push(moment);
    await screenshot(page, `display-pages-${label}-${number}`);
  }
  return seenPages;
}

async function fitsNow(page: Page): Promise<boolean> {
  return (await readMoment(page)).fits;
}

describe('a long result on the projector', () => {
  it('pages a five-item sheet with a 30-candidate election to fit 1920×1080 and 1280×720, by itself and by the secretary', async () => {
    hall = await BrowserHall.start({ representatives: 7, present: 7 });
    const { congress, base } = hall;
    const token = await hall.displayToken();
    const { page } = await hall.newPage(PROJECTOR);
    await page.goto(`${base}/display/${token}?seconds=1`);
    await textBecomes(page.locator('.display-header [role="status"]'), '已连接');
    expect(await fitsNow(page)).toBe(true);

    // While open: the titles, turnout and countdown fit too, at both sizes.
    const ballotId = await openBallot(congress, { ...SHEET, deadlineAt: new Date(Date.now() + 10 * 60_000).toISOString() });
    await textBecomes(page.getByTestId('turnout'), '0 / 7');
    await screenshot(page, 'display-pages-open');
    expect(await fitsNow(page)).toBe(true);
    await page.setViewportSize({ width: 1280, height: 720 });
    expect(await fitsNow(page)).toBe(true);
    await page.setViewportSize(PROJECTOR.viewport!);

    for (const index of [0, 1, 2, 3, 4, 5]) {
      const picked = CANDIDATES.slice(index % 4, (index % 4) + 3).map((candidate) => candidate.id);
      await hall.voteByApi(index, ballotId, ['yes', index < 4 ? 'yes' : 'no', { candidateIds: picked }, 'abstain', 'yes']);
    }
    await hall.closeAndPublish(ballotId);

    for (const viewport of [PROJECTOR.viewport!, { width: 1280, height: 720 }]) {
      await page.setViewportSize(viewport);
      const label = `${viewport.width}x${viewport.height}`;
      const pages = await walkPages(page, label);
      expect(pages.length, label).toBeGreaterThan(1);
      expect(pages.flatMap((moment) => moment.titles).sort(), `${label}: every item on one page`).toEqual([...TITLES].sort());
      const election = pages.find((moment) => moment.titles.includes(TITLES[2]!))!;
      expect(election.candidatesInside, `${label}: all 30 candidates on the election's page`).toBe(30);
    }

    // The secretary steps from the published ballot's page on the console: the screen holds the page chosen.
    const { context, page: desk } = await hall.newPage({ viewport: LAPTOP, locale: 'zh-CN' });
    const [name, value] = congress.secretary.split('=', 2) as [string, string];
    await context.addCookies([{ name, value, url: base }]);
    await desk.goto(`${base}/admin/meetings/${congress.meetingId}/ballots/${ballotId}`);
    await seen(desk, '大屏翻页');
    const step = (label: string) => desk.getByRole('button', { name: label, exact: true }).click();
    await step('前一页');
    const held = await textBecomes(page.getByTestId('display-page'), /手动翻页/);
    const [, at, count] = /第 (\d+)\/(\d+) 页/.exec(held)!.map(Number) as [number, number, number];
    const forward = at < count;
    await step(forward ? '后一页' : '前一页');
    const moved = `第 ${forward ? at + 1 : at - 1}/${count} 页 · 手动翻页`;
    await textBecomes(page.getByTestId('display-page'), moved);
    expect(await fitsNow(page)).toBe(true);
    await screenshot(page, 'display-pages-stepped');

    await step('自动翻页');
    await textBecomes(page.getByTestId('display-page'), /^第 \d+\/\d+ 页$/);
    await textBecomes(page.getByTestId('display-page'), new RegExp(`^第 (?!${forward ? at + 1 : at - 1}/)\\d+/${count} 页$`));

    // The seconds per page are written into the projector link the console gives out.
    await desk.goto(`${base}/admin/meetings/${congress.meetingId}`);
    await confirm(desk, '重新生成大屏链接');
    await desk.locator('#display-url').waitFor();
    expect(new URL(await desk.locator('#display-url').inputValue()).search).toBe('');
    await desk.locator('#display-seconds').fill('12');
    expect(new URL(await desk.locator('#display-url').inputValue()).search).toBe('?seconds=12');
  });
});
