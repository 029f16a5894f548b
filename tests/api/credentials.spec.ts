// The credentials report (代表资格审查报告, issue 12 item 4): the roster counted by delegation and
// category tag, each composition rule of the term met or not at its boundary, and its adoption at the
// session's preparatory meeting by a settled ballot whose approval passed.
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { call, createApp, signIn } from '../support/congress.js';
import { bearer, expectError } from '../support/requests.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/**
 * 10 representatives (6 in 第一代表团, 4 in 第二代表团) and 2 attendees: 一线职工 5 (exactly half),
 * 中层以上 2 (exactly a fifth), 管理人员 1 more, 女职工 3, 青年 2, 工程技术人员 2; one attendee 劳务派遣.
 */
const ROSTER: { name: string; team: 0 | 1; role?: 'attendee'; tags: string[] }[] = [
  { name: '甲一', team: 0, tags: ['一线职工', '女职工', '青年'] },
  { name: '甲二', team: 0, tags: ['一线'] },
  { name: '甲三', team: 0, tags: ['一线职工', '劳模'] },
  { name: '甲四', team: 0, tags: ['中层以上'] },
  { name: '甲五', team: 0, tags: ['工程技术人员', '女职工'] },
  { name: '甲六', team: 0, tags: ['管理人员'] },
  { name: '乙一', team: 1, tags: ['一线职工', '青年'] },
  { name: '乙二', team: 1, tags: ['一线职工', '女'] },
  { name: '乙三', team: 1, tags: ['中层以上', '技术'] },
  { name: '乙四', team: 1, tags: [] },
  { name: '列席一', team: 0, role: 'attendee', tags: ['劳务派遣'] },
  { name: '列席二', team: 1, role: 'attendee', tags: [] },
];

async function setUp() {
  app = await createApp();
  const secretary = await signIn(app);
  const as = { cookie: secretary };
  const post = (url: string, payload: object) => app!.inject({ method: 'POST', url, headers: as, payload });
  const { term } = await call(app, { method: 'POST', url: '/api/terms', headers: as, payload: { number: 3 } }, 201);
  const delegationIds: string[] = [];
  for (const name of ['第一代表团', '第二代表团'])
    delegationIds.push((await call(app, { method: 'POST', url: `/api/terms/${term.id}/delegations`, headers: as, payload: { name } }, 201)).delegation.id);
  const memberIds = new Map<string, string>();
  for (const [index, person] of ROSTER.entries()) {
    const payload = { name: person.name, staffNumber: `S${index + 1}`, delegationId: delegationIds[person.team], role: person.role ?? 'representative', tags: person.tags };
    memberIds.set(person.name, (await call(app, { method: 'POST', url: `/api/terms/${term.id}/members`, headers: as, payload }, 201)).member.id);
  }
  const { session } = await call(app, { method: 'POST', url: `/api/terms/${term.id}/sessions`, headers: as, payload: { number: 1 } }, 201);
  const preparatory = (await call(app, { method: 'POST', url: '/api/meetings', headers: as, payload: { termId: term.id, title: '预备会议', sitting: 'preparatory', sessionId: session.id } }, 201))
    .meeting;
  const plenary = (await call(app, { method: 'POST', url: '/api/meetings', headers: as, payload: { termId: term.id, title: '第一次全体会议', sitting: 'plenary', sessionId: session.id } }, 201))
    .meeting;
  const report = async () => (await call(app!, { method: 'GET', url: `/api/sessions/${session.id}/credentials`, headers: as })).report;
  const setRules = (composition: object) => call(app!, { method: 'PATCH', url: `/api/terms/${term.id}/rules`, headers: as, payload: { composition } });
  const setTags = (name: string, tags: string[]) => call(app!, { method: 'PATCH', url: `/api/members/${memberIds.get(name)}`, headers: as, payload: { tags } });
  /** A show of hands on the report in a meeting, entered as a manual result. */
  const showOfHands = async (meetingId: string, yes: number) => {
    const { ballot } = await call(
      app!,
      {
        method: 'POST',
        url: `/api/meetings/${meetingId}/ballots`,
        headers: as,
        payload: { title: '关于代表资格审查报告的表决', method: 'manual', items: [{ kind: 'approval', title: '代表资格审查报告' }] },
      },
      201,
    );
    await call(app!, { method: 'PUT', url: `/api/ballots/${ballot.id}/manual-result`, headers: as, payload: { present: 10, cast: 10, items: [{ kind: 'approval', yes, no: 10 - yes, abstain: 0 }] } });
    return ballot.id as string;
  };
  const adopt = (ballotId: string, headers: Record<string, string> = as) => app!.inject({ method: 'POST', url: `/api/sessions/${session.id}/credentials/adopt`, headers, payload: { ballotId } });
  return { secretary, as, post, termId: term.id, sessionId: session.id, preparatory, plenary, report, setRules, setTags, showOfHands, adopt };
}

const checkOf = (report: any, rule: string) => report.current.checks.find((check: { rule: string }) => check.rule === rule);

describe('the credentials report', () => {
  it('counts representatives and attendees by delegation and by category tag, with their shares', async () => {
    const { report } = await setUp();
    const { current, title, adopted } = await report();
    expect(title).toBe('第三届职工代表大会第一次会议代表资格审查报告');
    expect(adopted).toBeNull();
    expect(current).toMatchObject({ representatives: 10, attendees: 2 });
    const byTag = Object.fromEntries(current.categories.map((row: any) => [row.tag, [row.representatives, row.attendees, row.percent]]));
    expect(byTag).toEqual({
      一线职工: [5, 0, '50%'],
      工程技术人员: [2, 0, '20%'],
      管理人员: [3, 0, '30%'],
      中层以上: [2, 0, '20%'],
      女职工: [3, 0, '30%'],
      青年: [2, 0, '20%'],
      劳务派遣: [0, 1, '0%'],
    });
    expect(current.delegations.map((row: any) => [row.name, row.representatives, row.attendees, row.categories.一线职工, row.categories.管理人员, row.categories.女职工])).toEqual([
      ['第一代表团', 6, 1, 3, 2, 2],
      ['第二代表团', 4, 1, 2, 1, 1],
    ]);
    expect(current.paragraphs[0]).toBe('本届职工代表大会应有代表10人，分为2个代表团（组）；另有列席代表2人，列席会议，不计入法定人数，不参加表决。');
    expect(current.paragraphs[1]).toContain('管理人员3人，占30%（其中中层以上管理人员2人，占20%）');
  });

  it('meets each rule exactly at its boundary, with its numbers, wording and source', async () => {
    const { report, setRules } = await setUp();
    await setRules({ minRepresentatives: 10 });
    const current = (await report()).current;
    expect(checkOf({ current }, 'composition.managersMax')).toMatchObject({
      bound: 'atMost',
      shareText: '20%',
      required: 2,
      actual: 2,
      met: true,
      wording: expect.stringContaining('20%'),
      source: expect.stringContaining('上海 §16'),
    });
    expect(checkOf({ current }, 'composition.frontLineMin')).toMatchObject({ bound: 'atLeast', shareText: '50%', required: 5, actual: 5, met: true });
    expect(checkOf({ current }, 'composition.attendeesMax')).toMatchObject({ bound: 'atMost', required: 2, actual: 2, met: true });
    expect(checkOf({ current }, 'composition.minRepresentatives')).toMatchObject({ share: null, required: 10, actual: 10, met: true });
    expect(current.allMet).toBe(true);
    expect(current.paragraphs[3]).toBe('经审查，代表的产生符合规定程序，代表构成符合本届规则，10名代表的代表资格有效。');
  });

  it('finds each rule not met one past its boundary, and says so in the finding', async () => {
    const { report, setTags, setRules, post, termId } = await setUp();
    expect(checkOf(await report(), 'composition.minRepresentatives')).toMatchObject({ required: 30, actual: 10, met: false });
    await setRules({ minRepresentatives: 10 });
    await setTags('乙四', ['中层以上']);
    await setTags('甲二', []);
    expect((await post(`/api/terms/${termId}/members`, { name: '列席三', staffNumber: 'S99', role: 'attendee' })).statusCode).toBe(201);
    const current = (await report()).current;
    expect(checkOf({ current }, 'composition.managersMax')).toMatchObject({ required: 2, actual: 3, met: false });
    expect(checkOf({ current }, 'composition.frontLineMin')).toMatchObject({ required: 5, actual: 4, met: false });
    expect(checkOf({ current }, 'composition.attendeesMax')).toMatchObject({ required: 2, actual: 3, met: false });
    expect(current.allMet).toBe(false);
    expect(current.paragraphs[2]).toContain('中层以上管理人员3人，占代表总数的30%，不符合“不超过代表总数的20%（2人）”的规定');
    expect(current.paragraphs[3]).toContain('代表构成中一线职工代表、中层以上管理人员、列席代表未达到本届规则的要求');
  });

  it('checks women only once the workforce share is entered', async () => {
    const { report, setRules } = await setUp();
    expect(checkOf(await report(), 'composition.workforceWomenShare')).toBeUndefined();
    await setRules({ workforceWomenShare: { numerator: 3, denominator: 10 } });
    expect(checkOf(await report(), 'composition.workforceWomenShare')).toMatchObject({ shareText: '30%', required: 3, actual: 3, met: true });
    await setRules({ workforceWomenShare: { numerator: 1, denominator: 3 } });
    expect(checkOf(await report(), 'composition.workforceWomenShare')).toMatchObject({ shareText: '三分之一', required: 4, actual: 3, met: false });
  });
});

describe('adopting the credentials report', () => {
  it('is adopted by a show of hands at the preparatory meeting, keeping the figures of that moment', async () => {
    const { report, showOfHands, adopt, preparatory, setTags, as } = await setUp();
    const ballotId = await showOfHands(preparatory.id, 8);
    const response = await adopt(ballotId);
    expect(response.statusCode).toBe(200);
    expect(response.json().report.adopted).toMatchObject({ ballotId, ballotTitle: '关于代表资格审查报告的表决', rosterChanged: false, report: { representatives: 10 } });
    const before = (await report()).adopted.report;
    await setTags('乙四', ['中层以上']);
    const after = await report();
    expect(after.adopted.rosterChanged).toBe(true);
    expect(after.adopted.report).toEqual(before);
    expect(checkOf(after, 'composition.managersMax').actual).toBe(3);
    const { entries } = await call(app!, { method: 'GET', url: '/api/audit', headers: as });
    expect(entries.find((entry: { action: string }) => entry.action === 'credentials.adopted')).toMatchObject({ ballotId, meetingId: preparatory.id });
  });

  it('refuses a ballot of another sitting, one without a result, and one that failed', async () => {
    const { report, showOfHands, adopt, plenary, preparatory, as } = await setUp();
    expectError(await adopt(await showOfHands(plenary.id, 8)), 409, 'CREDENTIALS_BALLOT_INVALID');
    const { ballot: draft } = await call(
      app!,
      {
        method: 'POST',
        url: `/api/meetings/${preparatory.id}/ballots`,
        headers: as,
        payload: { title: '未录入结果', method: 'manual', items: [{ kind: 'approval', title: '代表资格审查报告' }] },
      },
      201,
    );
    expectError(await adopt(draft.id), 409, 'CREDENTIALS_BALLOT_INVALID');
    expectError(await adopt(await showOfHands(preparatory.id, 3)), 409, 'CREDENTIALS_NOT_ADOPTED');
    expectError(await adopt('no-such-ballot'), 404, 'BALLOT_NOT_FOUND');
    expect((await report()).adopted).toBeNull();
  });

  it('lets officers read it and only the secretary adopt it; representatives neither', async () => {
    const { sessionId, termId, showOfHands, adopt, preparatory, as } = await setUp();
    await call(app!, { method: 'POST', url: '/api/accounts', headers: as, payload: { username: 'jianpiao', password: 'scrutineer-password-1', role: 'scrutineer' } }, 201);
    const scrutineer = { cookie: await signIn(app!, 'jianpiao', 'scrutineer-password-1') };
    expect((await app!.inject({ method: 'GET', url: `/api/sessions/${sessionId}/credentials`, headers: scrutineer })).statusCode).toBe(200);
    const ballotId = await showOfHands(preparatory.id, 8);
    expectError(await adopt(ballotId, scrutineer), 403, 'FORBIDDEN');
    const { codes } = await call(app!, { method: 'POST', url: `/api/terms/${termId}/codes`, headers: as, payload: { scope: 'missing' } }, 201);
    const { token } = await call(app!, { method: 'POST', url: '/api/join', payload: { code: codes[0].code, issueToken: true } });
    expectError(await app!.inject({ method: 'GET', url: `/api/sessions/${sessionId}/credentials`, headers: bearer(token) }), 403, 'FORBIDDEN');
    expectError(await adopt(ballotId, bearer(token)), 403, 'FORBIDDEN');
    expectError(await app!.inject({ method: 'GET', url: '/api/sessions/nothing/credentials', headers: as }), 404, 'SESSION_NOT_FOUND');
  });
});
