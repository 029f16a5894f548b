/// <reference lib="dom" />
// An election that leaves a seat empty (issue 14, part 3), in the secretary's console: the result says
// 空缺 1 名, the 另行选举 button makes the new draft among those not elected, and the form states the
// 差额 live, warning (not refusing) below the term's rule.
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from '../support/browser.js';
import { call, createApp, createCongress } from '../support/congress.js';
import { ballotIdOf, castVotes, confirm, openConsole, waitForText } from '../support/console.js';

let app: FastifyInstance | undefined;
let browser: Browser | undefined;

afterEach(async () => {
  await browser?.close();
  await app?.close();
  browser = undefined;
  app = undefined;
});

describe('secretary console: an election with an empty seat', () => {
  it('reports the empty seat and opens a new election for it', { timeout: 60_000 }, async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 8 });
    const as = { cookie: congress.secretary };
    const candidates = ['王建国', '李秀英', '张伟', '刘洋'].map((name, index) => ({ id: `c${index + 1}`, name }));
    const { ballot } = await call(
      app,
      {
        method: 'POST',
        url: `/api/meetings/${congress.meetingId}/ballots`,
        headers: as,
        payload: { title: '补选工会委员', items: [{ kind: 'election', title: '补选工会委员', seats: 2, candidates }] },
      },
      201,
    );
    await call(app, { method: 'POST', url: `/api/ballots/${ballot.id}/open`, headers: as, payload: {} });
    const paper = (...ids: string[]) => [{ candidateIds: ids, writeIns: [] }];
    // 王建国 5 of 8 (elected); 李秀英 4, exactly half (not elected).
    await castVotes(congress, ballot.id, [paper('c1', 'c2'), paper('c1', 'c2'), paper('c1', 'c2'), paper('c1', 'c2'), paper('c1', 'c3'), paper('c3')]);
    await call(app, { method: 'POST', url: `/api/ballots/${ballot.id}/close`, headers: as });

    browser = await launchBrowser();
    const { base, page, errors } = await openConsole(browser, app, congress.secretary);
    await page.goto(`${base}/admin/meetings/${congress.meetingId}/ballots/${ballot.id}`);
    await waitForText(page.getByTestId('empty-seats'), '空缺 1 名');
    expect(await page.locator('.explanation').textContent()).toContain('空缺 1 名');
    expect(await page.locator('.explanation').textContent()).toContain('差额 2 名');
    await screenshot(page, 'console-election-empty-seat');

    await confirm(page, '另行选举（第 1 项，空缺 1 名）', '另行选举');
    await page.getByRole('heading', { name: '补选工会委员(另行选举)', level: 2 }).waitFor();
    expect(ballotIdOf(page)).not.toBe(ballot.id);
    expect(await page.locator('.item-summary').textContent()).toContain('应选 1 名 · 候选人：李秀英、张伟、刘洋');

    // The form states the 差额 live and warns below a fifth more candidates than seats.
    await page.getByRole('link', { name: '编辑' }).click();
    await waitForText(page.getByTestId('competition'), '候选人 3 名，应选 1 名，差额 2 名');
    expect(await page.getByTestId('competition-warning').count()).toBe(0);
    await page.getByLabel('应选人数').fill('3');
    await waitForText(page.getByTestId('competition'), '等额选举');
    await waitForText(page.getByTestId('competition-warning'), '差额不足');
    expect(await page.getByRole('button', { name: '保存修改' }).isDisabled()).toBe(false);
    expect(errors).toEqual([]);
  });
});
