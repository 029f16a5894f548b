/// <reference lib="dom" />
// A whole session (第二次会议) walked from the secretary's console, with three representatives' phones
// (one at 360 px), the projector and the presiding chair's tablet following live, never reloaded.
// The preparatory meeting (预备会议) adopts the agenda, elects the presidium (composition checked, 不符合
// then 符合) and adopts the credentials report (checks 符合 / 不符合), each by a show of hands entered in
// the console; the phones move into it when it opens and back to the plenary when it closes. The plenary
// (正式会议) takes up a report (its material read at 360 px), a 二上二下 document's final secret ballot,
// an election, the motions work report and the confirmation of a joint meeting's decision (生成确认表决),
// each set as the current item in the console and voted on the phones.
//
// Through the API instead of the console, beforehand (each has its own page tests elsewhere): the
// roster's category tags (they come from the roster import), the document's consultation round
// (tests/browser/documents.spec.ts walks one), one motion raised by a representative, and the joint
// meeting held between sessions with its roll and its decision (a show of hands). The plenary sitting is
// the fixture's, opened with everyone checked in. In each plenary vote two or three more representatives
// vote through the API (phones we do not drive), so that a majority of all nine is reached.
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from '../support/browser.js';
import { PHONE, PROJECTOR } from '../support/browser-hall.js';
import { call } from '../support/congress.js';
import { ballotIdOf, confirm, openConsole, waitForText } from '../support/console.js';
import { createDocument, type DocumentHall, documentHall, quickRound } from '../support/documents.js';
import { motionFields } from '../support/motions.js';
import { seen, textBecomes } from '../support/page-waits.js';
import { bearer, vote } from '../support/requests.js';

const REPORT_MATERIAL = [
  '关于2026年度工作的报告',
  '一、2026年主要工作回顾。全年实现营业收入同比增长百分之八,职工人均收入同比增长百分之六。',
  '二、2027年工作安排。坚持以职工为中心,推进厂务公开,办好职工代表大会。',
].join('\n');
const WIDE_PHONE = { ...PHONE, viewport: { width: 412, height: 860 } };

let hall: DocumentHall | undefined;
let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;

afterEach(async () => {
  await browser?.close();
  await hall?.app.close();
  browser = undefined;
  hall = undefined;
});

/** The joint meeting between sessions, through the API: its roll, a show of hands deciding one matter, closed. */
async function holdJointMeeting(world: DocumentHall): Promise<void> {
  const { app, congress, secretary } = world;
  const { meeting } = await call(app, { method: 'POST', url: '/api/meetings', headers: secretary, payload: { termId: congress.termId, title: '职代会联席会议', sitting: 'joint' } }, 201);
  const capacities = ['delegation_leader', 'delegation_leader', 'delegation_leader', 'presidium', 'committee_chair', 'union_committee'];
  const members = congress.representatives.slice(0, 6).map((person, index) => ({ memberId: person.memberId, capacity: capacities[index] }));
  await call(app, { method: 'PUT', url: `/api/meetings/${meeting.id}/roll`, headers: secretary, payload: { members } });
  await call(app, { method: 'POST', url: `/api/meetings/${meeting.id}/open`, headers: secretary });
  for (const person of congress.representatives.slice(0, 5)) await call(app, { method: 'POST', url: `/api/meetings/${meeting.id}/check-in`, headers: bearer(person.token) });
  const { ballot } = await call(
    app,
    {
      method: 'POST',
      url: `/api/meetings/${meeting.id}/ballots`,
      headers: secretary,
      payload: { title: '联席会议表决', method: 'manual', items: [{ kind: 'approval', title: '职工疗休养实施办法' }] },
    },
    201,
  );
  await call(app, { method: 'PUT', url: `/api/ballots/${ballot.id}/manual-result`, headers: secretary, payload: { present: 5, cast: 5, items: [{ kind: 'approval', yes: 4, no: 1, abstain: 0 }] } });
  await call(app, { method: 'POST', url: `/api/meetings/${meeting.id}/close`, headers: secretary });
  // Reading the decisions settles them (待大会确认) and places them on the next plenary's agenda.
  const { decisions } = await call(app, { url: `/api/terms/${congress.termId}/joint-decisions`, headers: secretary });
  expect(decisions.map((decision: { state: string }) => decision.state)).toEqual(['pending']);
}

interface Phone {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

async function phoneOf(base: string, world: DocumentHall, index: number, options: object): Promise<Phone> {
  const context = await browser!.newContext(options);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${base}/v/${world.congress.representatives[index]!.code}`);
  await textBecomes(page.locator('.top-bar [role="status"]'), '已连接');
  await page.getByTestId('member-name').waitFor();
  return { context, page, errors };
}

/** A ballot whose counts are entered by hand (举手表决), made and settled in the console. */
async function showOfHands(desk: Page, base: string, meetingId: string, title: string, present: number): Promise<void> {
  await desk.goto(`${base}/admin/meetings/${meetingId}/ballots/new`);
  await desk.getByLabel('表决标题').fill(title);
  await desk.getByRole('radio', { name: '人工录入' }).check();
  await desk.getByRole('button', { name: '创建表决（草稿）' }).click();
  await desk.getByRole('heading', { name: title, level: 2 }).waitFor();
  await desk.getByLabel('实到', { exact: true }).fill(String(present));
  await desk.getByLabel('投票数', { exact: true }).fill(String(present));
  await desk.getByLabel('赞成', { exact: true }).fill(String(present));
  await desk.getByLabel('反对', { exact: true }).fill('0');
  await desk.getByLabel('弃权', { exact: true }).fill('0');
  await desk.getByRole('button', { name: '保存结果' }).click();
  await waitForText(desk.locator('.result-item .verdict'), '通过');
}

async function voteApproval(page: Page, heading: RegExp): Promise<void> {
  await page.getByRole('heading', { name: heading }).first().waitFor();
  await page.getByRole('radio', { name: '赞成' }).check();
  await page.getByRole('button', { name: /下一步/ }).click();
  await seen(page, '请核对您的选票');
  await page.getByRole('button', { name: '确认投票' }).click();
  await textBecomes(page.getByTestId('voted'), '已投票');
}

describe('a whole session from the console', () => {
  it('holds the preparatory meeting and the plenary, with three phones and the projector following', { timeout: 240_000 }, async () => {
    hall = await documentHall(9);
    const world = hall;
    const { app, congress, secretary } = world;
    const plenaryId = congress.meetingId;
    // Category tags come from the roster import; here six front-line workers (一线职工) of nine.
    for (const person of congress.representatives.slice(0, 6)) {
      await call(app, { method: 'PATCH', url: `/api/members/${person.memberId}`, headers: secretary, payload: { tags: ['一线职工'] } });
    }
    const document = await createDocument(world, { rounds: 1 });
    await quickRound(world, document.id);
    await holdJointMeeting(world);
    // One motion raised at this session (the motions tracker has its own console tests), for the report's figures.
    const DAY = 86_400_000;
    const opensAt = new Date(world.clock.now.getTime() - DAY).toISOString();
    const closesAt = new Date(world.clock.now.getTime() + 10 * DAY).toISOString();
    await call(app, { method: 'PUT', url: `/api/meetings/${plenaryId}/motion-settings`, headers: secretary, payload: { opensAt, closesAt } });
    const { motion } = await call(app, { method: 'POST', url: `/api/meetings/${plenaryId}/motions`, headers: world.representative(3), payload: motionFields('增设职工健身房') }, 201);
    await call(app, { method: 'POST', url: `/api/motions/${motion.id}/submit`, headers: world.representative(3) });

    // The fixture's clock stands still unless moved: minutes pass between steps, so what happened last is last.
    const later = () => {
      world.clock.now = new Date(world.clock.now.getTime() + 5 * 60_000);
    };
    browser = await launchBrowser();
    const desk = await openConsole(browser, app, congress.secretary);
    const base = desk.base;
    const page = desk.page;

    // The secretariat drafts the election's ballot in advance, so that its agenda item can name it: once
    // the agenda is adopted, linking a ballot to an item is an amendment and needs a vote of its own.
    await page.goto(`${base}/admin/meetings/${plenaryId}/ballots/new`);
    await page.getByLabel('表决标题').fill('职工董事选举');
    await page.getByRole('button', { name: '+ 选举' }).click();
    await page.getByRole('button', { name: '删除第 1 项' }).click();
    await page.getByLabel('应选人数').fill('1');
    await page.getByLabel('候选人').fill('王建国\n李秀英');
    await page.getByRole('button', { name: '创建表决（草稿）' }).click();
    await page.getByRole('heading', { name: '职工董事选举', level: 2 }).waitFor();
    const electionId = ballotIdOf(page);

    // ── The session's page (会次与议程): the preparatory meeting, then the agenda items.
    await page.goto(`${base}/admin/terms/${congress.termId}/sessions`);
    await page.getByTestId('sessions').getByRole('link').first().click();
    await page.getByRole('heading', { name: /议程/ }).first().waitFor();
    const sessionUrl = page.url();
    // The joint meeting's decision is on the agenda by itself.
    await waitForText(page.getByTestId('agenda-items'), '确认联席会议决定');
    later();
    await page.getByRole('button', { name: '新建预备会议' }).click();
    await waitForText(page.getByTestId('sittings'), '预备会议');

    const addItem = async (kind: string, title: string, presenter = '', material = '') => {
      const form = page.getByRole('form', { name: '添加议程项' });
      await form.getByLabel('类型').selectOption({ label: kind });
      await form.getByLabel('议程项名称').fill(title);
      if (presenter) await form.getByLabel('报告人').fill(presenter);
      if (material) await form.getByLabel(/^材料/).fill(material);
      if (kind === '文件审议') await form.getByLabel('关联文件').selectOption({ label: '工资分配方案' });
      if (kind === '选举') await form.getByLabel('关联表决').selectOption({ label: '职工董事选举' });
      await form.getByRole('button', { name: '添加' }).click();
      await waitForText(page.getByTestId('agenda-items'), title);
    };
    await addItem('报告', '厂长工作报告', '厂长 王明', REPORT_MATERIAL);
    await addItem('文件审议', '审议并表决《工资分配方案》', '人力资源部 赵强');
    await addItem('选举', '选举职工董事');
    await addItem('提案工作报告', '提案工作报告', '提案委员会主任 李华');
    // Before adoption items move freely: the confirmation goes last.
    for (let step = 0; step < 4; step++) {
      await page.getByRole('button', { name: '下移:确认联席会议决定' }).click();
      await textBecomes(
        page
          .getByTestId('agenda-items')
          .locator('li')
          .nth(step + 1)
          .locator('strong'),
        '确认联席会议决定',
      );
    }
    await waitForText(page.getByTestId('agenda-items').locator('li').last(), '确认联席会议决定');
    const preparatoryId = await page
      .getByTestId('sittings')
      .getByRole('link')
      .filter({ hasText: '预备会议' })
      .getAttribute('href')
      .then((href) => href!.split('/').pop()!);
    await screenshot(page, 'walk-1-agenda-draft');

    // Three representatives open their cards: the plenary (in session) is theirs, with the session's agenda.
    const phones = [await phoneOf(base, world, 0, PHONE), await phoneOf(base, world, 1, WIDE_PHONE), await phoneOf(base, world, 2, WIDE_PHONE)];
    const small = phones[0]!.page;
    await seen(small, '大会议程');
    expect(await small.getByTestId('agenda').locator('li').count()).toBe(5);
    // Each item names its own document or ballot only (the form forgets a link once its item is added).
    const phoneItem = (title: string) => small.getByTestId('agenda').locator('li').filter({ hasText: title });
    expect(await phoneItem('审议并表决《工资分配方案》').locator('p.small').allTextContents()).toEqual(['报告人：人力资源部 赵强', '工资分配方案']);
    // The election's ballot is still a draft: its title is the secretariat's until it opens.
    expect(await phoneItem('选举职工董事').locator('p.small').allTextContents()).toEqual([]);
    expect(await phoneItem('提案工作报告').locator('p.small').allTextContents()).toEqual(['报告人：提案委员会主任 李华']);
    // Marked now, checked at the end: no phone reloads during the walk.
    for (const phone of phones) await phone.page.evaluate(() => ((window as unknown as { untouched: boolean }).untouched = true));

    // ── The preparatory meeting opens (the phones move to it) and votes by a show of hands: the agenda,
    // the presidium list, the credentials report.
    await page.goto(`${base}/admin/meetings/${preparatoryId}`);
    await confirm(page, '开会');
    await seen(page, '会议进行中');
    for (const phone of phones) await textBecomes(phone.page.locator('#meeting-title'), /预备会议/);
    // One sheet of two items (entered through the API; the console's own entry is shown for the presidium
    // below): the console offers each item, and each step names the item that decides it.
    const sheet = '预备会议表决事项';
    const { ballot: preparatorySheet } = await call(
      app,
      {
        method: 'POST',
        url: `/api/meetings/${preparatoryId}/ballots`,
        headers: secretary,
        payload: { title: sheet, method: 'manual', items: ['关于大会议程的决定', '关于代表资格审查报告的决定'].map((title) => ({ kind: 'approval', title })) },
      },
      201,
    );
    const hands = { kind: 'approval', yes: 9, no: 0, abstain: 0 };
    await call(app, { method: 'PUT', url: `/api/ballots/${preparatorySheet.id}/manual-result`, headers: secretary, payload: { present: 9, cast: 9, items: [hands, hands] } });

    await page.goto(sessionUrl);
    await page.getByLabel('预备会议的表决').selectOption({ label: `${sheet} — 关于大会议程的决定` });
    await page.getByRole('button', { name: '通过议程' }).click();
    await waitForText(page.getByTestId('agenda-adopted'), sheet);
    // Adopted, the agenda changes only by a recorded vote to amend it: a plain deletion is refused.
    await page.getByRole('button', { name: '删除:提案工作报告' }).click();
    await seen(page, /议程已经通过[,，]修改须经表决通过/);
    expect(await page.getByTestId('agenda-items').locator('li').count()).toBe(5);

    // The presidium: three ticked, only one of them front-line (不符合); a fourth makes it 符合.
    await page
      .getByTestId('sittings')
      .getByRole('link', { name: /预备会议/ })
      .click();
    await page.getByRole('link', { name: '主席团', exact: true }).click();
    await page.getByRole('link', { name: '主席团与构成检查' }).click();
    await page.getByRole('heading', { name: /主席团/, level: 1 }).waitFor();
    const frontLine = page.getByTestId('presidium-check-presidium.frontLineMin');
    for (const name of ['代表7', '代表8', '代表1']) await page.getByRole('checkbox', { name: new RegExp(`^${name}\\b`) }).check();
    await page.getByRole('button', { name: '保存主席团名单' }).click();
    await waitForText(page.getByTestId('presidium-members'), '代表1');
    expect(await textBecomes(frontLine, '不符合')).toContain('不符合');
    expect(await frontLine.getAttribute('data-met')).toBe('false');
    await page.getByRole('checkbox', { name: /^代表2\b/ }).check();
    await page.getByRole('button', { name: '保存主席团名单' }).click();
    await textBecomes(frontLine, /^\s*符合/);
    expect(await frontLine.getAttribute('data-met')).toBe('true');
    // The hall votes on the list as it stands now (a show of hands), then the vote is recorded as electing it.
    const presidiumPage = page.url();
    await showOfHands(page, base, preparatoryId, '关于主席团名单的决定', 9);
    await page.goto(presidiumPage);
    await page.getByRole('heading', { name: /主席团/, level: 1 }).waitFor();
    await page.getByLabel('表决', { exact: true }).selectOption({ label: '关于主席团名单的决定' });
    await page.getByRole('button', { name: '选举结果确认' }).click();
    await textBecomes(page.getByTestId('presidium-status'), '已选出');
    await screenshot(page, 'walk-2-presidium');

    // The credentials report: nine representatives are fewer than the 30 the rules ask (不符合); the rest is met.
    await page.goto(`${base}/admin/terms/${congress.termId}/sessions`);
    await page.getByRole('link', { name: '代表资格审查', exact: true }).click();
    await page.getByRole('link', { name: /代表资格审查报告/ }).click();
    const checks = page.getByTestId('credentials-checks');
    await checks.waitFor();
    const verdicts = await checks.locator('tbody tr td:last-child').allTextContents();
    expect(verdicts).toContain('✗ 不符合');
    expect(verdicts).toContain('✓ 符合');
    await waitForText(checks.locator('tr').filter({ hasText: '✗ 不符合' }), '30人');
    await page.getByLabel('通过本报告的表决').selectOption({ label: `${sheet} — 关于代表资格审查报告的决定` });
    await page.getByRole('button', { name: '通过', exact: true }).click();
    await waitForText(page.getByTestId('credentials-status'), sheet);
    await screenshot(page, 'walk-3-credentials');

    // The preparatory meeting closes; the plenary (opened by the fixture, everyone checked in) takes over.
    await page.goto(`${base}/admin/meetings/${preparatoryId}`);
    await confirm(page, '闭会');
    await seen(page, '会议已闭会');
    for (const phone of phones) await textBecomes(phone.page.locator('#meeting-title'), '第三届第二次职工代表大会');

    // The plenary's presiding chair (执行主席), from the elected presidium; the chair's script on a tablet.
    await page.goto(`${base}/admin/meetings/${plenaryId}/presidium`);
    await page.getByLabel('选择执行主席').selectOption({ label: '代表1（第1代表团）' });
    await page.getByRole('button', { name: '保存执行主席' }).click();
    await textBecomes(page.getByTestId('presiding-chair'), '代表1');
    const tabletContext = await browser.newContext({ viewport: { width: 800, height: 1100 }, locale: 'zh-CN', hasTouch: true });
    const [cookieName, cookieValue] = congress.secretary.split('=', 2) as [string, string];
    await tabletContext.addCookies([{ name: cookieName, value: cookieValue, url: base }]);
    const chair = await tabletContext.newPage();
    await chair.goto(`${base}/admin/meetings/${plenaryId}/script/tablet`);
    await textBecomes(chair.getByTestId('script-tablet-lines'), '本次大会应出席代表9人，实到9人，超过全体代表的三分之二，符合规定，会议合法有效。');

    // ── The plenary: the projector joins the three phones.
    const { token } = await call(app, { method: 'POST', url: `/api/meetings/${plenaryId}/display-token`, headers: secretary }, 201);
    const projectorContext = await browser.newContext(PROJECTOR);
    const projector = await projectorContext.newPage();
    await projector.goto(`${base}/display/${token}`);
    await textBecomes(projector.locator('.display-header [role="status"]'), '已连接');

    await page.goto(sessionUrl);
    const setCurrent = async (title: string) => {
      later();
      await page.getByRole('button', { name: `设为当前议程:${title}` }).click();
      await waitForText(page.locator('.agenda-item.current'), title);
      for (const phone of phones) await textBecomes(phone.page.getByTestId('agenda-current').locator('.agenda-title'), title);
      await textBecomes(projector.getByTestId('display-agenda').locator('h2'), title);
      await textBecomes(chair.getByTestId('script-tablet-heading'), title);
    };
    await setCurrent('厂长工作报告');
    expect(await projector.getByTestId('display-agenda').textContent()).toContain('厂长 王明');
    expect(await projector.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight)).toBe(true);
    await small.getByTestId('agenda-current').getByRole('button', { name: '阅读材料' }).click();
    await textBecomes(small.getByTestId('agenda-material'), /二、2027年工作安排/);
    expect(await small.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await screenshot(small, 'walk-4-phone-report');
    await screenshot(projector, 'walk-4-projector-report');

    // The document's final vote: put to the vote from its page, opened from the ballot page, voted on the phones.
    await page.goto(sessionUrl);
    await setCurrent('审议并表决《工资分配方案》');
    await page.goto(`${base}/admin/documents/${document.id}`);
    await waitForText(page.getByTestId('document-state'), '待表决');
    await page.getByRole('button', { name: '提交大会无记名投票表决' }).click();
    await waitForText(page.getByTestId('document-state'), '表决中');
    const documentBallotId = (await call(app, { url: `/api/documents/${document.id}`, headers: secretary })).document.votes[0].ballotId as string;
    await page.goto(`${base}/admin/meetings/${plenaryId}/ballots/${documentBallotId}`);
    await page.getByRole('button', { name: '开始投票' }).click();
    await textBecomes(projector.getByTestId('turnout'), '0 / 9');
    for (const phone of phones) await voteApproval(phone.page, /工资分配方案/);
    for (const index of [3, 4, 5]) expect((await vote(app, congress.representatives[index]!.token, documentBallotId, ['yes'])).statusCode).toBe(201);
    await textBecomes(projector.getByTestId('turnout'), '6 / 9');
    await confirm(page, '结束投票并计票');
    await waitForText(page.locator('.result-item .verdict'), '通过');
    later();
    await confirm(page, '公布结果');
    await textBecomes(projector.getByTestId('verdict'), '通过');
    for (const phone of phones) await textBecomes(phone.page.locator('.sole-verdict'), '通过');
    await page.goto(`${base}/admin/documents/${document.id}`);
    await waitForText(page.getByTestId('document-state'), '已通过');
    // The chair's script finds the document's own vote (no ballot linked to its item) and announces its result.
    await textBecomes(chair.getByTestId('script-tablet-lines'), /现在宣布表决结果/);

    // The election: its ballot (drafted before) opened in the console, voted on the phones.
    await page.goto(sessionUrl);
    await setCurrent('选举职工董事');
    // The chair's script announces the election's rule before the vote.
    await textBecomes(chair.getByTestId('script-tablet-lines'), /应选1名，候选人2名（王建国、李秀英）/);
    await page.goto(`${base}/admin/meetings/${plenaryId}/ballots/${electionId}`);
    await page.getByRole('button', { name: '开始投票' }).click();
    for (const phone of phones) {
      await phone.page.getByRole('heading', { name: '职工董事选举' }).waitFor();
      await phone.page.getByRole('checkbox', { name: '王建国' }).check();
      await phone.page.getByRole('button', { name: /下一步/ }).click();
      await seen(phone.page, '请核对您的选票');
      await phone.page.getByRole('button', { name: '确认投票' }).click();
      await textBecomes(phone.page.getByTestId('voted'), '已投票');
    }
    for (const index of [3, 4]) expect((await vote(app, congress.representatives[index]!.token, electionId, [{ candidateIds: ['c1'], writeIns: [] }])).statusCode).toBe(201);
    await confirm(page, '结束投票并计票');
    await waitForText(page.locator('.result-item .verdict'), '当选 1 名');
    later();
    await confirm(page, '公布结果');
    for (const phone of phones) await seen(phone.page, /当选：王建国（5 票）/);
    // …and its result in words once it is out.
    await textBecomes(chair.getByTestId('script-tablet-lines'), /现在宣布表决结果/);
    await textBecomes(projector.locator('.chart-row.elected .chart-label'), '王建国 当选');
    expect(await projector.locator('.chart-row.elected .chart-label').allTextContents()).toEqual(['王建国 当选']);

    // The motions work report, generated from the tracker, readable on the phone. The chair takes the
    // sitting on to it from the tablet (下一节 until it shows, then 转到此项议程): everyone follows.
    later();
    for (let step = 0; step < 6 && !((await chair.getByTestId('script-tablet-heading').textContent()) ?? '').includes('提案工作报告'); step++) {
      await chair.getByRole('button', { name: '下一节' }).click();
    }
    await chair.getByRole('button', { name: '转到此项议程' }).click();
    for (const phone of phones) await textBecomes(phone.page.getByTestId('agenda-current').locator('.agenda-title'), '提案工作报告');
    await textBecomes(projector.getByTestId('display-agenda').locator('h2'), '提案工作报告');
    await page.goto(sessionUrl);
    await waitForText(page.locator('.agenda-item.current'), '提案工作报告');
    await small.getByTestId('agenda-current').getByRole('button', { name: '阅读材料' }).click();
    await textBecomes(small.getByTestId('agenda-material').last(), /本届共收到提案 1 件,其中本次会议提出 1 件/);

    // The joint meeting's decision: 生成确认表决 from the decisions' page, voted on the phones, 已确认.
    await setCurrent('确认联席会议决定');
    await page.getByRole('link', { name: /联席会议决定及大会确认情况/ }).click();
    await waitForText(page.getByTestId('joint-decisions'), '待大会确认');
    await page.getByRole('button', { name: /生成确认表决/ }).click();
    await page.getByRole('heading', { name: '确认联席会议决定', level: 2 }).waitFor();
    const confirmationId = ballotIdOf(page);
    await page.getByRole('button', { name: '开始投票' }).click();
    for (const phone of phones) {
      await seen(phone.page, '确认联席会议关于《职工疗休养实施办法》的决定');
      await voteApproval(phone.page, /确认联席会议/);
    }
    for (const index of [3, 4, 5]) expect((await vote(app, congress.representatives[index]!.token, confirmationId, ['yes'])).statusCode).toBe(201);
    await confirm(page, '结束投票并计票');
    await waitForText(page.locator('.result-item .verdict'), '通过');
    later();
    await confirm(page, '公布结果');
    await textBecomes(projector.getByTestId('verdict'), '通过');
    for (const phone of phones) await textBecomes(phone.page.locator('.sole-verdict'), '通过');
    // The item was linked to its confirmation ballot when it was made: the chair reads out the result.
    await textBecomes(chair.getByTestId('script-tablet-lines'), /现在宣布表决结果/);
    await page.goto(`${base}/admin/terms/${congress.termId}/joint-decisions`);
    await waitForText(page.getByTestId('joint-decisions'), '已确认');
    await screenshot(page, 'walk-5-joint-confirmed');

    expect(desk.errors).toEqual([]);
    for (const phone of phones) {
      expect(phone.errors).toEqual([]);
      expect(await phone.page.evaluate(() => (window as unknown as { untouched?: boolean }).untouched)).toBe(true);
    }
  });
});
