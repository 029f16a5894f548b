/// <reference lib="dom" />
// The secretary console (秘书处) running a meeting in a real chromium: check-in counts that follow the
// representatives live, quorum before voting (and its audited override), a secret approval ballot and an
// election from draft to published result, a show of hands entered by hand, and what a scrutineer may do.
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from '../support/browser.js';
import { call, createApp, createCongress } from '../support/congress.js';
import { ballotIdOf, castVotes, checkIn, confirm, count, openConsole, waitForText } from '../support/console.js';

let app: FastifyInstance | undefined;
let browser: Browser | undefined;

afterEach(async () => {
  await browser?.close();
  await app?.close();
  browser = undefined;
  app = undefined;
});

describe('secretary console: running the meeting', () => {
  it('follows check-in live, opens a ballot only with quorum, and counts a secret approval ballot and an election', { timeout: 90_000 }, async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 9, attendees: 1, delegations: 3, present: 0 });
    browser = await launchBrowser();
    const { base, page, errors } = await openConsole(browser, app, congress.secretary);
    const meetingPath = `/admin/meetings/${congress.meetingId}`;

    await page.goto(`${base}${meetingPath}/checkin`);
    await waitForText(page.locator('.status'), '已连接');
    await page.evaluate(() => ((window as unknown as { untouched: boolean }).untouched = true));
    expect(await count(page, 'eligible')).toBe('9');
    expect(await count(page, 'present')).toBe('0');
    await waitForText(page.getByRole('button', { name: /未到/ }), '未到（10）');

    // Representatives check in on their phones (here: through the API); the counts follow live.
    await checkIn(congress, congress.representatives.slice(0, 3));
    await waitForText(page.locator('[data-count="present"]'), /^3$/);
    await waitForText(page.getByTestId('quorum'), '未达到法定人数');
    expect(await page.getByTestId('quorum').textContent()).toContain('法定人数 6 人，还差 3 人');
    await waitForText(page.getByRole('button', { name: /未到/ }), '未到（7）');
    expect(await page.getByTestId('missing').textContent()).not.toContain('代表1');

    // The secretary marks one representative on leave by hand.
    const fourth = page.locator('tr', { has: page.getByRole('rowheader', { name: '代表4', exact: true }) });
    await fourth.getByRole('button', { name: '请假' }).click();
    await waitForText(page.locator('[data-count="on-leave"]'), /^1$/);
    await waitForText(fourth, '请假');
    expect(await count(page, 'absent')).toBe('5');
    const groups = await page.locator('.delegation-groups h3').allTextContents();
    expect(groups.map((text) => text.replace(/\s.*$/, ''))).toEqual(['第1代表团', '第2代表团', '第3代表团']);
    await screenshot(page, 'console-checkin');

    // A secret approval ballot: refused without quorum, with an explicit (audited) override offered.
    await page.getByRole('link', { name: '表决', exact: true }).click();
    await page.getByRole('link', { name: '新建表决' }).click();
    await page.getByLabel('表决标题').fill('关于《集体合同（草案）》的决议');
    expect(await page.getByLabel('无记名投票').isChecked()).toBe(true);
    await waitForText(page.locator('.rule-preview'), '赞成票须超过全体代表的半数');
    await screenshot(page, 'console-ballot-form');
    await page.getByRole('button', { name: '创建表决（草稿）' }).click();
    await page.getByRole('heading', { name: '关于《集体合同（草案）》的决议', level: 2 }).waitFor();
    const approvalId = ballotIdOf(page);
    await page.getByRole('button', { name: '开始投票' }).click();
    const override = page.locator('.override');
    await override.waitFor();
    expect(await override.textContent()).toContain('实到 3 人，未达到法定人数 6 人');
    expect(await override.getByRole('button', { name: '未达法定人数仍开始投票' }).isDisabled()).toBe(true);
    await screenshot(page, 'console-quorum-override');
    await override.getByRole('button', { name: '取消' }).click();

    await checkIn(congress, congress.representatives.slice(4, 7));
    await page.getByRole('button', { name: '开始投票' }).click();
    await waitForText(page.locator('.badge'), '投票中');
    await waitForText(page.getByTestId('turnout'), /^0 \/ 9/);

    await castVotes(congress, approvalId, [['yes'], ['yes'], ['yes'], ['yes'], ['yes'], ['no'], ['abstain']]);
    await waitForText(page.getByTestId('turnout'), /^7 \/ 9/);
    await screenshot(page, 'console-ballot-open');
    await confirm(page, '结束投票并计票');
    const verdict = page.locator('.result-item .verdict');
    await verdict.waitFor();
    expect(await verdict.textContent()).toBe('通过');
    const chart = await page.locator('.result-item .chart').innerText();
    expect(chart).toMatch(/赞成\s+5 票/);
    expect(chart).toMatch(/反对\s+1 票/);
    expect(chart).toMatch(/弃权\s+1 票/);
    expect(await page.locator('.explanation').textContent()).toContain('赞成 5 票');
    await confirm(page, '公布结果');
    await waitForText(page.locator('.badge'), '已公布');
    expect(await page.getByRole('link', { name: '查看结果公告' }).getAttribute('href')).toBe(`/results/${approvalId}`);
    await screenshot(page, 'console-approval-result');

    // An election: two seats, three candidates.
    await page.getByRole('link', { name: '全部表决' }).click();
    await page.getByRole('link', { name: '新建表决' }).click();
    await page.getByLabel('表决标题').fill('职工董事选举');
    await page.getByRole('button', { name: '+ 选举' }).click();
    await page.getByRole('button', { name: '删除第 1 项' }).click();
    await page.getByLabel('应选人数').fill('2');
    await page.getByLabel('候选人').fill('王建国\n李秀英\n张伟');
    await screenshot(page, 'console-election-form');
    await page.getByRole('button', { name: '创建表决（草稿）' }).click();
    await page.getByRole('heading', { name: '职工董事选举', level: 2 }).waitFor();
    const electionId = ballotIdOf(page);
    expect(await page.locator('.item-summary').textContent()).toContain('应选 2 名 · 候选人：王建国、李秀英、张伟');
    await page.getByRole('button', { name: '开始投票' }).click();
    await waitForText(page.getByTestId('turnout'), /^0 \/ 9/);
    const both = { candidateIds: ['c1', 'c2'], writeIns: [] };
    await castVotes(congress, electionId, [[both], [both], [both], [both], [both], [{ candidateIds: ['c1', 'c3'], writeIns: [] }], [{ candidateIds: ['c3'], writeIns: [] }]]);
    await waitForText(page.getByTestId('turnout'), /^7 \/ 9/);
    await confirm(page, '结束投票并计票');
    await waitForText(page.locator('.result-item .verdict'), '当选 2 名');
    const elected = await page.locator('.chart-row', { hasText: '当选' }).locator('.chart-label').allInnerTexts();
    expect(elected.map((text) => text.replace(/\s*当选$/, ''))).toEqual(['王建国', '李秀英']);
    expect(await page.locator('.explanation').textContent()).toMatch(/当选[:：]王建国[(（]6 票[)）]、李秀英[(（]5 票[)）]/);
    await confirm(page, '公布结果');
    await waitForText(page.locator('.badge'), '已公布');
    await screenshot(page, 'console-election-result');

    // Both ballots on the list, with their outcome; then the meeting's audit log.
    await page.getByRole('link', { name: '全部表决' }).click();
    expect(await page.locator('.ballot-card').count()).toBe(2);
    await screenshot(page, 'console-ballots');
    await page.getByRole('link', { name: '审计日志', exact: true }).last().click();
    await page.getByRole('heading', { name: '本次会议的审计日志' }).waitFor();
    await page.locator('tr[data-action="ballot.published"]').first().waitFor();
    const actions = await page.locator('table.audit tbody td:nth-child(3)').allTextContents();
    for (const action of ['开始投票', '结束投票并计票', '公布结果', '登记出席状态', '新建表决', '开会']) expect(actions).toContain(action);
    expect(await page.locator('tr[data-action="attendance.marked"]').textContent()).toContain('代表4 · 请假');
    await screenshot(page, 'console-audit');

    // The English switch, and back.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Audit log of this meeting' }).waitFor();
    expect(await page.locator('table.audit tbody td:nth-child(3)').allTextContents()).toContain('Voting opened');
    await screenshot(page, 'console-audit-english');
    await page.getByRole('link', { name: 'Ballots', exact: true }).click();
    await page.locator('.ballot-card').first().waitFor();
    expect(await page.locator('.ballot-card .verdict').first().textContent()).toBe('Passed');
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { name: '表决', exact: true }).waitFor();

    expect(await page.evaluate(() => (window as unknown as { untouched?: boolean }).untouched)).toBe(true);
    expect(errors).toEqual([]);
  });

  it('records a show of hands by hand, and starts a re-vote linked to it', { timeout: 60_000 }, async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 6, present: 'all' });
    browser = await launchBrowser();
    const { base, page, errors } = await openConsole(browser, app, congress.secretary);

    await page.goto(`${base}/admin/meetings/${congress.meetingId}/ballots/new`);
    await page.getByLabel('表决标题').fill('关于会议议程的表决');
    await page.getByLabel('人工录入').check();
    expect(await page.getByLabel('截止时间').count()).toBe(0);
    await page.getByRole('button', { name: '创建表决（草稿）' }).click();
    await page.getByRole('heading', { name: '录入表决结果' }).waitFor();
    expect(await page.getByRole('button', { name: '开始投票' }).count()).toBe(0);
    await page.getByLabel('表决方式').selectOption('show_of_hands');
    await page.getByLabel('赞成').fill('3');
    await page.getByLabel('反对').fill('2');
    await page.getByLabel('弃权').fill('1');
    await screenshot(page, 'console-manual-form');
    await page.getByRole('button', { name: '保存结果' }).click();
    await page.locator('.result-item .verdict').waitFor();
    expect(await page.locator('.result-item .verdict').textContent()).toBe('未通过');
    expect(await page.locator('#result-heading').textContent()).toContain('人工录入结果 · 举手表决');
    expect(await page.locator('.explanation').textContent()).toContain('赞成 3 票');
    await screenshot(page, 'console-manual-result');

    await confirm(page, '重新表决');
    await waitForText(page.locator('.badge'), '草稿');
    await waitForText(page.locator('.ballot-detail'), '重新表决自：');
    expect(await page.getByRole('link', { name: '关于会议议程的表决' }).count()).toBe(1);
    expect(errors).toEqual([]);
  });
});

describe('secretary console： a scrutineer （监票人）', () => {
  it('shows a scrutineer the meeting, check-in, ballots and audit log, and lets them close a ballot but nothing more', { timeout: 60_000 }, async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 4, present: 'all' });
    const as = { cookie: congress.secretary };
    await call(app, { method: 'POST', url: '/api/accounts', headers: as, payload: { username: 'teller', displayName: '陈监票', password: 'scrutineer password 1', role: 'scrutineer' } }, 201);
    const { ballot } = await call(
      app,
      { method: 'POST', url: `/api/meetings/${congress.meetingId}/ballots`, headers: as, payload: { title: '关于年度工作报告的决议', items: [{ kind: 'approval', title: '关于年度工作报告的决议' }] } },
      201,
    );
    await call(app, { method: 'POST', url: `/api/ballots/${ballot.id}/open`, headers: as, payload: {} });
    browser = await launchBrowser();
    const { base, page, errors } = await openConsole(browser, app);

    await page.goto(`${base}/admin`);
    await page.getByLabel('用户名').fill('teller');
    await page.getByLabel('密码').fill('scrutineer password 1');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: '会议与届次' }).waitFor();
    expect(await page.locator('.console-user').textContent()).toContain('陈监票');
    expect(await page.getByRole('button', { name: '新建会议' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: '名册', exact: true }).count()).toBe(0);

    await page.getByRole('link', { name: '第三届第二次职工代表大会' }).click();
    await waitForText(page.locator('.status'), '已连接');
    expect(await page.getByRole('button', { name: '闭会' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '生成大屏链接' }).count()).toBe(0);
    await page.getByRole('link', { name: '签到', exact: true }).click();
    await page.getByRole('button', { name: /全部/ }).click();
    await page.getByRole('rowheader', { name: '代表1', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: '请假' }).count()).toBe(0);

    await page.getByRole('link', { name: '表决', exact: true }).click();
    expect(await page.getByRole('link', { name: '新建表决' }).count()).toBe(0);
    await page.getByRole('link', { name: '关于年度工作报告的决议' }).click();
    await castVotes(congress, ballot.id, [['yes'], ['yes'], ['yes'], ['no']]);
    await waitForText(page.getByTestId('turnout'), /^4 \/ 4/);
    await confirm(page, '结束投票并计票');
    await waitForText(page.locator('.result-item .verdict'), /^通过$/);
    await waitForText(page.locator('.notice-warn'), '结果尚未公布');
    // Before publishing, the scrutineer can already sign the paper record against the count hash.
    await waitForText(page.getByTestId('count-hash'), /^计票校验码\s+([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
    expect(await page.getByRole('button', { name: '公布结果' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '重新表决' }).count()).toBe(0);
    await screenshot(page, 'console-scrutineer');

    await page.goto(`${base}/admin/terms/${congress.termId}/roster`);
    await page.getByRole('heading', { name: '只有秘书处可以使用此页面。' }).waitFor();
    await page.getByRole('link', { name: '审计日志', exact: true }).click();
    await waitForText(page.locator('tr[data-action="ballot.closed"]'), 'teller');
    await waitForText(page.locator('tr[data-action="ballot.counted"]'), '计票结果封存');
    expect(errors).toEqual([]);
  });
});

describe('secretary console: opening without quorum', () => {
  it('opens a ballot without quorum only with a reason, which the audit log keeps', { timeout: 60_000 }, async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 6, present: 2 });
    const as = { cookie: congress.secretary };
    const { ballot } = await call(
      app,
      { method: 'POST', url: `/api/meetings/${congress.meetingId}/ballots`, headers: as, payload: { title: '关于调整会议议程的决定', items: [{ kind: 'approval', title: '关于调整会议议程的决定' }] } },
      201,
    );
    browser = await launchBrowser();
    const { base, page, errors } = await openConsole(browser, app, congress.secretary);

    await page.goto(`${base}/admin/meetings/${congress.meetingId}/ballots/${ballot.id}`);
    await page.getByRole('button', { name: '开始投票' }).click();
    const override = page.locator('.override');
    await override.waitFor();
    expect(await override.textContent()).toContain('实到 2 人，未达到法定人数 4 人');
    await override.getByLabel('理由').fill('主席团决定：部分代表在途，先行表决程序性事项');
    await override.getByRole('button', { name: '未达法定人数仍开始投票' }).click();
    await waitForText(page.locator('.badge'), '投票中');
    await waitForText(page.locator('.notice-warn'), '未达到法定人数时开始');

    await page.getByRole('link', { name: '审计日志', exact: true }).last().click();
    const opened = page.locator('tr[data-action="ballot.opened"]');
    await opened.waitFor();
    expect(await opened.textContent()).toContain('理由：主席团决定：部分代表在途，先行表决程序性事项');
    expect(errors).toEqual([]);
  });
});
