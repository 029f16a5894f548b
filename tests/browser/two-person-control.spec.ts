/// <reference lib="dom" />
// Two-person control (双人确认) in a real chromium, with two officers at two laptops: the secretary sets
// the meeting to 开启、计票和公布, and a secret ballot goes from draft to published only as each step is
// confirmed by the secretary and by the scrutineer (监票人), each seeing the other's confirmation live.
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from '../support/browser.js';
import { call, createApp, createCongress, signIn } from '../support/congress.js';
import { castVotes, confirm, openAnotherConsole, openConsole, waitForText } from '../support/console.js';

let app: FastifyInstance | undefined;
let browser: Browser | undefined;

afterEach(async () => {
  await browser?.close();
  await app?.close();
  browser = undefined;
  app = undefined;
});

describe('two-person control in the console', () => {
  it('takes a secret ballot from open to published only with the secretary and the scrutineer both confirming each step', { timeout: 120_000 }, async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 4, present: 'all' });
    const as = { cookie: congress.secretary };
    await call(app, { method: 'POST', url: '/api/accounts', headers: as, payload: { username: 'teller', displayName: '陈监票', password: 'scrutineer password 1', role: 'scrutineer' } }, 201);
    const { ballot } = await call(
      app,
      { method: 'POST', url: `/api/meetings/${congress.meetingId}/ballots`, headers: as, payload: { title: '关于年度工作报告的决议', items: [{ kind: 'approval', title: '关于年度工作报告的决议' }] } },
      201,
    );
    browser = await launchBrowser();
    const secretary = await openConsole(browser, app, congress.secretary);
    const scrutineer = await openAnotherConsole(browser, secretary.base, await signIn(app, 'teller', 'scrutineer password 1'));
    const meetingPath = `${secretary.base}/admin/meetings/${congress.meetingId}`;

    // The secretary sets the meeting's two-person control on its overview.
    await secretary.page.goto(meetingPath);
    await waitForText(secretary.page.locator('.status'), '已连接');
    await secretary.page.getByLabel('双人确认').selectOption('all');
    await secretary.page.getByRole('button', { name: '保存双人确认设置' }).click();
    await waitForText(secretary.page.getByRole('status'), '已保存');

    // The secretary opens first: the ballot waits for the scrutineer.
    await secretary.page.goto(`${meetingPath}/ballots/${ballot.id}`);
    await waitForText(secretary.page.locator('.status'), '已连接');
    await secretary.page.getByRole('button', { name: '开始投票' }).click();
    await waitForText(secretary.page.getByTestId('awaiting-other'), '等待监票人确认');
    expect(await secretary.page.getByTestId('confirmed-by').textContent()).toContain('确认开启');
    await screenshot(secretary.page, 'two-person-awaiting-scrutineer');

    // The scrutineer's console lists what awaits their confirmation, and confirms the opening.
    await scrutineer.page.goto(meetingPath);
    await waitForText(scrutineer.page.locator('.status'), '已连接');
    const awaiting = scrutineer.page.getByTestId('awaiting-you');
    await waitForText(awaiting, '关于年度工作报告的决议');
    expect(await scrutineer.page.getByTestId('two-person-setting').textContent()).toContain('开启、计票和公布');
    await screenshot(scrutineer.page, 'two-person-scrutineer-awaiting');
    await awaiting.getByRole('button', { name: '确认开启' }).click();
    await waitForText(awaiting, '目前没有等待您确认的表决');
    // The secretary's page follows live: voting is open.
    await waitForText(secretary.page.locator('.badge'), '投票中');
    await castVotes(congress, ballot.id, [['yes'], ['yes'], ['yes'], ['no']]);

    // The scrutineer closes first this time; the secretary confirms the count.
    await scrutineer.page.goto(`${meetingPath}/ballots/${ballot.id}`);
    await waitForText(scrutineer.page.getByTestId('turnout'), /^4 \/ 4/);
    await confirm(scrutineer.page, '结束投票并计票');
    await waitForText(scrutineer.page.getByTestId('awaiting-other'), '等待秘书处确认');
    await waitForText(secretary.page.getByTestId('step-close'), '确认计票');
    expect(await secretary.page.getByTestId('confirmed-by').textContent()).toContain('陈监票');
    await confirm(secretary.page, '确认计票', '结束投票并计票');
    await waitForText(secretary.page.locator('.badge'), '已结束');
    await waitForText(scrutineer.page.locator('.badge'), '已结束');

    // Publishing: the secretary asks, the scrutineer confirms from the list.
    await confirm(secretary.page, '公布结果');
    await waitForText(secretary.page.getByTestId('awaiting-other'), '等待监票人确认');
    await scrutineer.page.goto(`${meetingPath}/ballots`);
    await waitForText(scrutineer.page.getByTestId('awaiting-you'), '确认公布');
    await scrutineer.page.getByTestId('awaiting-you').getByRole('button', { name: '确认公布' }).click();
    await waitForText(secretary.page.locator('.badge'), '已公布');
    await screenshot(secretary.page, 'two-person-published');

    const actions = (app.yishi.sqlite.prepare('SELECT action FROM audit_log WHERE ballot_id = ? ORDER BY id').all(ballot.id) as { action: string }[]).map((row) => row.action);
    expect(actions).toEqual([
      'ballot.created',
      'ballot.confirmation-recorded',
      'ballot.opened',
      'ballot.confirmation-recorded',
      'ballot.counted',
      'ballot.closed',
      'ballot.confirmation-recorded',
      'ballot.published',
    ]);
    expect(secretary.errors).toEqual([]);
    expect(scrutineer.errors).toEqual([]);
  });
});
