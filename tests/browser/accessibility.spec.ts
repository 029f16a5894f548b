/// <reference lib="dom" />
// Every page against WCAG 2.1 A and AA with axe-core (labels, roles, names, contrast, structure), at
// the moments people use them: the phone before and during a ballot and after the result, its 提案
// and 文件 tabs, the projector during and after a ballot, the result notice, and the console.
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { BrowserHall, PROJECTOR } from '../support/browser-hall.js';
import { approvalBallot, call, deviceReceipt, openBallot } from '../support/congress.js';
import { textBecomes } from '../support/page-waits.js';

let hall: BrowserHall | undefined;
afterEach(async () => {
  await hall?.close();
  hall = undefined;
});

interface Finding {
  rule: string;
  impact: string | null;
  targets: string[];
}

/** Runs axe in the page (injected through the debugger, so the page's CSP still holds) and returns what fails. */
async function violations(page: Page): Promise<Finding[]> {
  await page.evaluate(axe.source);
  const result = await page.evaluate(async () => {
    const run = (window as unknown as { axe: typeof axe }).axe.run;
    const outcome = await run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return {
      passes: outcome.passes.length,
      violations: outcome.violations.map((violation) => ({ rule: violation.id, impact: violation.impact ?? null, targets: violation.nodes.map((node) => node.target.join(' ')) })),
    };
  });
  expect(result.passes, 'axe ran its rules').toBeGreaterThan(10);
  return result.violations;
}

async function expectAccessible(page: Page, where: string): Promise<void> {
  expect(await violations(page), where).toEqual([]);
}

describe('accessibility (WCAG 2.1 AA, axe-core)', () => {
  it('holds on the phone, the projector, the result notice and the console', { timeout: 120_000 }, async () => {
    hall = await BrowserHall.start({ representatives: 3, present: 2 });
    const { congress, base } = hall;
    const { page: phone } = await hall.newPage();
    await phone.goto(`${base}/v/${congress.representatives[2]!.code}`);
    await textBecomes(phone.locator('.top-bar [role="status"]'), '已连接');
    await expectAccessible(phone, 'voter page, joined');

    const token = await hall.displayToken();
    const { page: projector } = await hall.newPage(PROJECTOR);
    await projector.goto(`${base}/display/${token}`);
    await textBecomes(projector.locator('.display-header [role="status"]'), '已连接');

    const ballotId = await openBallot(congress, approvalBallot());
    await phone.getByRole('radio', { name: '赞成' }).check();
    await expectAccessible(phone, 'voter page, a ballot open');
    await phone.getByRole('button', { name: /下一步/ }).click();
    await phone.getByRole('button', { name: '确认投票' }).waitFor();
    await expectAccessible(phone, 'voter page, confirming');
    await textBecomes(projector.getByTestId('turnout'), /\/ 3/);
    await expectAccessible(projector, 'projector, a ballot open');

    await phone.getByRole('button', { name: '确认投票' }).click();
    await textBecomes(phone.getByTestId('voted'), '已投票');
    await hall.voteByApi(0, ballotId, ['yes'], deviceReceipt());
    await hall.closeAndPublish(ballotId);
    await textBecomes(phone.locator('.sole-verdict'), '通过');
    await expectAccessible(phone, 'voter page, the result');
    await textBecomes(projector.getByTestId('verdict'), '通过');
    await expectAccessible(projector, 'projector, the result');

    await phone.getByRole('tab', { name: '提案' }).click();
    await phone.getByTestId('motion-new').waitFor();
    await expectAccessible(phone, 'voter page, 提案');
    await phone.getByRole('tab', { name: '文件' }).click();
    await phone.getByRole('tab', { name: '文件', selected: true }).waitFor();
    await expectAccessible(phone, 'voter page, 文件');

    const { page: notice } = await hall.newPage({ viewport: { width: 900, height: 1200 }, locale: 'zh-CN' });
    await notice.goto(`${base}/results/${ballotId}`);
    await notice.getByTestId('notice-verdict').waitFor();
    await expectAccessible(notice, 'result notice');

    const { context, page: desk } = await hall.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    const [name, value] = congress.secretary.split('=', 2) as [string, string];
    await context.addCookies([{ name, value, url: base }]);
    const { ballot: draft } = await call(
      hall.app,
      { method: 'POST', url: `/api/meetings/${congress.meetingId}/ballots`, headers: { cookie: congress.secretary }, payload: approvalBallot('职工董事补选') },
      201,
    );
    const screens: [string, string, (page: Page) => Promise<unknown>][] = [
      ['console, meetings', '/admin', (page) => page.getByRole('heading', { level: 1 }).first().waitFor()],
      ['console, check-in', `/admin/meetings/${congress.meetingId}/checkin`, (page) => page.locator('[data-count="present"]').waitFor()],
      ['console, the ballot', `/admin/meetings/${congress.meetingId}/ballots/${ballotId}`, (page) => page.locator('.result-item .verdict').waitFor()],
      ['console, editing a draft', `/admin/meetings/${congress.meetingId}/ballots/${draft.id}/edit`, (page) => page.getByRole('heading', { name: '编辑表决草稿' }).waitFor()],
      ['console, roster', `/admin/terms/${congress.termId}/roster`, (page) => page.getByRole('heading', { level: 2 }).first().waitFor()],
      ['console, motions', '/admin/motions', (page) => page.getByRole('heading', { name: '提案工作' }).waitFor()],
      ['console, audit log', '/admin/audit', (page) => page.locator('table').first().waitFor()],
    ];
    for (const [where, path, ready] of screens) {
      await desk.goto(`${base}${path}`);
      await ready(desk);
      await expectAccessible(desk, where);
    }
  });
});
