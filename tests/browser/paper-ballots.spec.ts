/// <reference lib="dom" />
// Paper and phones in one ballot (issue 14, part 1), from the screens: the secretary issues papers
// by name in the console; after the close two tellers, each signed in on their own browser, count
// the papers: one enters them, the other confirms each by entering it again without seeing the
// first entry; the result counts phones and papers as one ballot, invalid papers apart.
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from '../support/browser.js';
import { call, createApp, createCongress, signIn } from '../support/congress.js';
import { castVotes, openAnotherConsole, openConsole, waitForText } from '../support/console.js';

let app: FastifyInstance | undefined;
let browser: Browser | undefined;

afterEach(async () => {
  await browser?.close();
  await app?.close();
  browser = undefined;
  app = undefined;
});

/** One paper through a form of the count: its approval answer, or invalid with a reason. */
async function paper(page: Page, form: string, answer: { approve: string } | { invalid: string }) {
  const scope = page.getByTestId(form);
  if ('approve' in answer) await scope.getByText(answer.approve, { exact: true }).click();
  else await scope.getByLabel('废票').selectOption({ label: answer.invalid });
  await scope.getByRole('button').last().click();
}

describe('paper and phones in one ballot, from the screens', () => {
  it('issues papers in the console and counts them from two tellers’ screens', { timeout: 90_000 }, async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 8 });
    const as = { cookie: congress.secretary };
    const tellers: string[] = [];
    for (const username of ['jianpiao1', 'jianpiao2']) {
      await call(app, { method: 'POST', url: '/api/accounts', headers: as, payload: { username, password: 'teller password 12345', role: 'scrutineer' } }, 201);
      tellers.push(await signIn(app, username, 'teller password 12345'));
    }
    const { ballot } = await call(
      app,
      { method: 'POST', url: `/api/meetings/${congress.meetingId}/ballots`, headers: as, payload: { title: '关于《集体合同(草案)》的决议', items: [{ kind: 'approval', title: '集体合同(草案)' }] } },
      201,
    );

    browser = await launchBrowser();
    const secretary = await openConsole(browser, app, congress.secretary);
    const url = `${secretary.base}/admin/meetings/${congress.meetingId}/ballots/${ballot.id}`;
    await secretary.page.goto(url);
    // Two papers, to 代表7 and 代表8.
    // Two papers: to 代表7 picked from the list, to 代表8 by staff number (an unknown number issues nothing).
    await secretary.page.getByLabel('发给').selectOption({ label: '代表7(代表-7)' });
    await secretary.page.getByTestId('paper-issue-button').click();
    await waitForText(secretary.page.getByTestId('paper-issue'), '代表7');
    const byNumber = secretary.page.getByLabel('按工号发放');
    await byNumber.fill('代表-8, 无此人');
    await byNumber.locator('xpath=following-sibling::button').click();
    await waitForText(secretary.page.getByRole('alert'), '无此人');
    await byNumber.fill('代表-8');
    await byNumber.locator('xpath=following-sibling::button').click();
    await waitForText(secretary.page.getByTestId('paper-issue'), '代表8');
    expect(await secretary.page.getByTestId('paper-issue').locator('tbody tr').allTextContents()).toEqual(['No. 001代表7代表-7收回未用选票', 'No. 002代表8代表-8收回未用选票']);

    // The papers to print: one a page, the stub (serial and holder) above the tear line, the ballot below with neither.
    await secretary.page.getByTestId('paper-print-link').click();
    await secretary.page.getByTestId('paper-sheet').first().waitFor();
    const sheets = await secretary.page.getByTestId('paper-sheet').allTextContents();
    expect(sheets).toHaveLength(2);
    expect(sheets[0]).toContain('存根　No. 001　领票人：代表7');
    const ballotPart = sheets[1]!.split('沿此线撕下')[1]!;
    expect(ballotPart).toContain('赞成 □');
    expect(ballotPart).not.toContain('代表8');
    expect(ballotPart).not.toContain('002');
    await screenshot(secretary.page, 'console-paper-print');
    await secretary.page.goto(url);

    // Six phones: 4 yes, 2 no. Then the close: counted only once the papers are in.
    await call(app, { method: 'POST', url: `/api/ballots/${ballot.id}/open`, headers: as, payload: {} });
    await castVotes(congress, ballot.id, [['yes'], ['yes'], ['yes'], ['yes'], ['no'], ['no']]);
    await call(app, { method: 'POST', url: `/api/ballots/${ballot.id}/close`, headers: as });

    // Each teller on a browser of their own, on the same server.
    const [first, second] = [await openAnotherConsole(browser, secretary.base, tellers[0]!), await openAnotherConsole(browser, secretary.base, tellers[1]!)];
    await first.page.goto(url);
    await waitForText(first.page.getByTestId('paper-count'), '纸质选票计票');
    await first.page.getByLabel('收回张数').fill('2');
    await first.page.getByRole('button', { name: '确认收回张数' }).click();
    await waitForText(first.page.getByTestId('paper-collected'), '2');
    await first.page.getByRole('button', { name: '新建一批' }).click();
    await first.page.getByTestId('paper-batch-1').getByRole('button', { name: '录入选票' }).click();
    await paper(first.page, 'paper-enter', { approve: '赞成' });
    await waitForText(first.page.getByTestId('paper-entered'), '1');
    await paper(first.page, 'paper-enter', { invalid: '空白票' });
    await waitForText(first.page.getByTestId('paper-entered'), '2');
    await screenshot(first.page, 'console-paper-count-entered');

    // The second teller sees the figures, never the first one's papers, and confirms each blind.
    await second.page.goto(url);
    await waitForText(second.page.getByTestId('paper-entered'), '2');
    expect(await second.page.locator('.paper-mine').count()).toBe(0);
    await second.page.getByTestId('paper-batch-1').getByRole('button', { name: '逐张核对' }).click();
    await paper(second.page, 'paper-check', { invalid: '空白票' });
    await waitForText(second.page.getByTestId('paper-confirmed'), '1');
    await paper(second.page, 'paper-check', { approve: '赞成' });
    await waitForText(second.page.getByTestId('paper-confirmed'), '2');
    await second.page.getByTestId('paper-finish').click();

    // Phones and papers as one ballot, on the secretary's screen too.
    const figures = '其中电子票 6 张，纸质票 2 张（发出 2 张，废票 1 张）';
    await waitForText(second.page.getByTestId('result-papers'), figures);
    await secretary.page.reload();
    await waitForText(secretary.page.getByTestId('result-papers'), figures);
    expect(await secretary.page.locator('.result .stats').textContent()).toContain('8');
    await screenshot(secretary.page, 'console-paper-count-result');
    expect([...secretary.errors, ...first.errors, ...second.errors]).toEqual([]);
  });
});
