// Resolutions (决议, issue 13): drafted from the session's figures, edited while a draft, voted as one
// approval item bound to each, fixed from the moment that ballot opens, adopted or not by its tally,
// and public only with its published result.
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { call, createApp, createCongress } from '../support/congress.js';
import { castAll, closeBallot, expectError, publishBallot, rowCount } from '../support/requests.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** 第三届第二次 session: 5 representatives, 4 present at its open plenary sitting. */
async function setUp() {
  app = await createApp();
  const congress = await createCongress(app, { representatives: 5, present: 4 });
  const as = { cookie: congress.secretary };
  const { meeting } = await call(app, { method: 'GET', url: `/api/meetings/${congress.meetingId}`, headers: as });
  const sessionId = meeting.sessionId as string;
  const send = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT', url: string, payload?: object) => app!.inject({ method, url, headers: as, ...(payload ? { payload } : {}) });
  const create = async (payload: object = { subject: '厂长工作报告' }) => (await call(app!, { method: 'POST', url: `/api/sessions/${sessionId}/resolutions`, headers: as, payload }, 201)).resolution;
  const get = async (id: string) => (await call(app!, { method: 'GET', url: `/api/resolutions/${id}`, headers: as })).resolution;
  const toBallot = async (id: string, payload: object = { meetingId: congress.meetingId }) =>
    (await call(app!, { method: 'POST', url: `/api/resolutions/${id}/ballot`, headers: as, payload })).resolution;
  const open = (ballotId: string) => call(app!, { method: 'POST', url: `/api/ballots/${ballotId}/open`, headers: as, payload: {} });
  return { congress, as, sessionId, send, create, get, toBallot, open };
}

describe('drafting a resolution', () => {
  it('names a staff general assembly (职工大会) as such, in the resolution and in the report to the higher union', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 4, kind: 'general_assembly' });
    const as = { cookie: congress.secretary };
    const { meeting } = await call(app, { method: 'GET', url: `/api/meetings/${congress.meetingId}`, headers: as });
    const { resolution } = await call(app, { method: 'POST', url: `/api/sessions/${meeting.sessionId}/resolutions`, headers: as, payload: { subject: '厂长工作报告' } }, 201);
    expect(resolution.title).toBe('第三届第二次职工大会关于厂长工作报告的决议');
    expect(resolution.title).not.toContain('职工代表大会');
    const report = await call(app, { method: 'GET', url: `/api/sessions/${meeting.sessionId}/report`, headers: as });
    expect(report.report.title).toBe('关于召开第三届职工大会第二次会议的情况报告');
  });

  it('writes the title and body from the session’s figures, about a free-standing subject or a document of the term', async () => {
    const { congress, create, as } = await setUp();
    const report = await create();
    expect(report.title).toBe('第三届第二次职工代表大会关于厂长工作报告的决议');
    expect(report.state).toBe('draft');
    expect(report.body).toMatch(/^第三届第二次职工代表大会于\d{4}年\d{1,2}月\d{1,2}日召开。会议应到代表5人，实到4人，符合法定人数。\n会议审议了厂长工作报告。\n会议决定，批准厂长工作报告。$/);
    expect(report.resultClause).toBeNull();

    const { document } = await call(
      app!,
      { method: 'POST', url: `/api/meetings/${congress.meetingId}/documents`, headers: as, payload: { title: '集体合同(草案)', kind: 'collective_contract', draftingDepartmentName: '人力资源部' } },
      201,
    );
    const contract = await create({ documentId: document.id });
    expect(contract.title).toBe('第三届第二次职工代表大会关于《集体合同(草案)》的决议');
    expect(contract.documentId).toBe(document.id);
    expect(contract.body).toContain('会议审议了《集体合同(草案)》。');
    expect(contract.body).toContain('会议决定，通过《集体合同(草案)》。');
  });

  it('lets the secretary edit the text and draft it again from the figures as they stand now', async () => {
    const { congress, create, send, get } = await setUp();
    const resolution = await create();
    const edited = (await send('PATCH', `/api/resolutions/${resolution.id}`, { body: '会议认为，报告实事求是。\n会议决定，批准厂长工作报告。' })).json().resolution;
    expect(edited.body).toBe('会议认为，报告实事求是。\n会议决定，批准厂长工作报告。');
    // One more representative arrives: the re-draft says 实到5人 and drops the edit.
    await call(app!, { method: 'POST', url: `/api/meetings/${congress.meetingId}/check-in`, headers: { authorization: `Bearer ${congress.representatives[4]!.token}` } });
    const redrafted = (await send('POST', `/api/resolutions/${resolution.id}/redraft`)).json().resolution;
    expect(redrafted.body).toContain('会议应到代表5人，实到5人');
    expect((await get(resolution.id)).body).toBe(redrafted.body);
    const actions = (await call(app!, { method: 'GET', url: '/api/audit', headers: { cookie: congress.secretary } })).entries.map((entry: { action: string }) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(['resolution.created', 'resolution.updated', 'resolution.redrafted']));
  });

  it('refuses bad input with a 4xx and a stable code', async () => {
    const { sessionId, send, create } = await setUp();
    expectError(await send('POST', `/api/sessions/${sessionId}/resolutions`, {}), 400, 'VALIDATION_FAILED');
    expectError(await send('POST', '/api/sessions/nosuchsession/resolutions', { subject: '报告' }), 404, 'SESSION_NOT_FOUND');
    expectError(await send('POST', `/api/sessions/${sessionId}/resolutions`, { documentId: 'nosuchdocument' }), 404, 'DOCUMENT_NOT_FOUND');
    const resolution = await create();
    expectError(await send('PATCH', `/api/resolutions/${resolution.id}`, {}), 400, 'VALIDATION_FAILED');
    expectError(await send('PATCH', `/api/resolutions/${resolution.id}`, { body: '' }), 400, 'VALIDATION_FAILED');
    expectError(await send('PATCH', '/api/resolutions/nosuchresolution', { body: '正文' }), 404, 'RESOLUTION_NOT_FOUND');
    expectError(await send('POST', `/api/resolutions/${resolution.id}/ballot`, {}), 400, 'VALIDATION_FAILED');
    expectError(await send('POST', `/api/resolutions/${resolution.id}/ballot`, { meetingId: 'nosuchmeeting' }), 404, 'MEETING_NOT_FOUND');
    expectError(await send('POST', `/api/resolutions/${resolution.id}/ballot`, { ballotId: 'nosuchballot' }), 404, 'BALLOT_NOT_FOUND');
  });
});

describe('putting a resolution to the vote', () => {
  it('makes one approval item under the term’s rule, claimed once, and keeps the item named as the resolution while a draft', async () => {
    const { congress, create, toBallot, send } = await setUp();
    const resolution = await create();
    const onBallot = await toBallot(resolution.id);
    expect(onBallot.state).toBe('on_ballot');
    const { ballot } = await call(app!, { method: 'GET', url: `/api/ballots/${onBallot.ballot.ballotId}`, headers: { cookie: congress.secretary } });
    expect(ballot.items).toHaveLength(1);
    expect(ballot.items[0]).toMatchObject({ kind: 'approval', title: resolution.title, passingRule: 'all_majority', majorityWording: 'majorityStrict' });
    expect(rowCount(app!, 'ballot_use', "ballot_id = ? AND purpose = 'resolution_adoption' AND subject_id = ?", ballot.id, resolution.id)).toBe(1);

    // Once on a ballot it is not put to another, nor deleted.
    expectError(await send('POST', `/api/resolutions/${resolution.id}/ballot`, { meetingId: congress.meetingId }), 409, 'RESOLUTION_ON_BALLOT');
    expectError(await send('DELETE', `/api/resolutions/${resolution.id}`), 409, 'RESOLUTION_ON_BALLOT');
    // A second resolution joins the same draft sheet as its second item.
    const second = await create({ subject: '财务工作报告' });
    await toBallot(second.id, { ballotId: ballot.id });
    const retitled = (await send('PATCH', `/api/resolutions/${second.id}`, { title: '关于财务工作报告的决议' })).json().resolution;
    const sheet = (await call(app!, { method: 'GET', url: `/api/ballots/${ballot.id}`, headers: { cookie: congress.secretary } })).ballot;
    expect(sheet.items.map((item: { title: string }) => item.title)).toEqual([resolution.title, retitled.title]);
  });

  it('frees the resolution again when its draft ballot is deleted', async () => {
    const { create, toBallot, send, get, as } = await setUp();
    const resolution = await create();
    const onBallot = await toBallot(resolution.id);
    await call(app!, { method: 'DELETE', url: `/api/ballots/${onBallot.ballot.ballotId}`, headers: as });
    const freed = await get(resolution.id);
    expect(freed.state).toBe('draft');
    expect(freed.ballot).toBeNull();
    expect(rowCount(app!, 'ballot_use', "purpose = 'resolution_adoption'")).toBe(0);
    expect((await send('PATCH', `/api/resolutions/${resolution.id}`, { body: '改过的正文' })).statusCode).toBe(200);
    expect((await toBallot(resolution.id)).state).toBe('on_ballot');
  });

  it('frees the resolution when its item is edited off the draft sheet', async () => {
    const { create, toBallot, get, as } = await setUp();
    const resolution = await create();
    const ballotId = (await toBallot(resolution.id)).ballot.ballotId;
    await call(app!, { method: 'PATCH', url: `/api/ballots/${ballotId}`, headers: as, payload: { items: [{ kind: 'approval', title: '另一事项' }] } });
    const freed = await get(resolution.id);
    expect(freed.state).toBe('draft');
    expect(rowCount(app!, 'ballot_use', "purpose = 'resolution_adoption'")).toBe(0);
    expect(rowCount(app!, 'resolution_vote', 'resolution_id = ?', resolution.id)).toBe(0);
    expect((await toBallot(resolution.id)).state).toBe('on_ballot');
  });

  it('refuses a sitting of another session, and a ballot that is no longer a draft', async () => {
    const { congress, create, send, open } = await setUp();
    const resolution = await create();
    const { meeting: other } = await call(
      app!,
      { method: 'POST', url: '/api/meetings', headers: { cookie: congress.secretary }, payload: { termId: congress.termId, title: '第三次会议', sessionNumber: 3 } },
      201,
    );
    expectError(await send('POST', `/api/resolutions/${resolution.id}/ballot`, { meetingId: other.id }), 409, 'RESOLUTION_BALLOT_INVALID');
    const { ballot } = await call(
      app!,
      { method: 'POST', url: `/api/meetings/${congress.meetingId}/ballots`, headers: { cookie: congress.secretary }, payload: { title: '其他', items: [{ kind: 'approval', title: '其他' }] } },
      201,
    );
    await open(ballot.id);
    expectError(await send('POST', `/api/resolutions/${resolution.id}/ballot`, { ballotId: ballot.id }), 409, 'RESOLUTION_BALLOT_INVALID');
    expect((await send('GET', `/api/resolutions/${resolution.id}`)).json().resolution.state).toBe('draft');
  });
});

describe('voting on a resolution', () => {
  it('fixes the text when its ballot opens: edits and re-drafts are refused and nothing changes', async () => {
    const { create, toBallot, send, get, open } = await setUp();
    const resolution = await create();
    const onBallot = await toBallot(resolution.id);
    await open(onBallot.ballot.ballotId);
    const frozen = await get(resolution.id);
    expect(frozen.state).toBe('voting');
    expect(frozen.frozenAt).not.toBeNull();
    expect(frozen.textSha256).toBe(createHash('sha256').update(`${resolution.title}\n\n${resolution.body}`).digest('hex'));
    expectError(await send('PATCH', `/api/resolutions/${resolution.id}`, { body: '偷改的正文' }), 409, 'RESOLUTION_FROZEN');
    expectError(await send('PATCH', `/api/resolutions/${resolution.id}`, { title: '偷改的标题' }), 409, 'RESOLUTION_FROZEN');
    expectError(await send('POST', `/api/resolutions/${resolution.id}/redraft`), 409, 'RESOLUTION_FROZEN');
    expectError(await send('DELETE', `/api/resolutions/${resolution.id}`), 409, 'RESOLUTION_ON_BALLOT');
    const after = await get(resolution.id);
    expect(after.title).toBe(resolution.title);
    expect(after.body).toBe(resolution.body);
    expect(after.updatedAt).toBe(resolution.updatedAt);
  });

  it('is adopted by a secret ballot that passed, with the clause written from its tally, and stays fixed', async () => {
    const { congress, create, toBallot, send, get, open } = await setUp();
    const resolution = await create();
    const ballotId = (await toBallot(resolution.id)).ballot.ballotId;
    await open(ballotId);
    await castAll(congress, ballotId, [['yes'], ['yes'], ['yes'], ['no']]);
    await closeBallot(congress, ballotId);
    const adopted = await get(resolution.id);
    expect(adopted.state).toBe('adopted');
    expect(adopted.resultClause).toBe('经无记名投票表决，应到代表5人，实到4人，赞成3票，反对1票，弃权0票，超过全体代表的半数，本决议通过。');
    expect(adopted.text).toBe(`${resolution.body}\n${adopted.resultClause}`);
    expectError(await send('PATCH', `/api/resolutions/${resolution.id}`, { body: '事后修改' }), 409, 'RESOLUTION_FROZEN');
    const actions = (await call(app!, { method: 'GET', url: '/api/audit', headers: { cookie: congress.secretary } })).entries.map((entry: { action: string }) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(['resolution.put-to-vote', 'resolution.frozen', 'resolution.adopted']));
  });

  it('is not adopted when the yes votes are not more than half of all, and a show of hands says so', async () => {
    const { congress, create, toBallot, get, send } = await setUp();
    const resolution = await create();
    const ballotId = (await toBallot(resolution.id, { meetingId: congress.meetingId, method: 'manual', secrecy: 'named' })).ballot.ballotId;
    await call(app!, {
      method: 'PUT',
      url: `/api/ballots/${ballotId}/manual-result`,
      headers: { cookie: congress.secretary },
      payload: { present: 4, cast: 4, items: [{ kind: 'approval', yes: 2, no: 1, abstain: 1 }] },
    });
    const rejected = await get(resolution.id);
    expect(rejected.state).toBe('not_adopted');
    expect(rejected.resultClause).toBe('经举手表决，应到代表5人，实到4人，赞成2票，反对1票，弃权1票，未超过全体代表的半数，本决议未通过。');
    // Never opened, yet voted: fixed all the same.
    expect(rejected.frozenAt).not.toBeNull();
    expectError(await send('PATCH', `/api/resolutions/${resolution.id}`, { body: '再改' }), 409, 'RESOLUTION_FROZEN');
  });

  it('is decided again by a re-vote of its ballot, whose item it is bound to; the text stays as voted', async () => {
    const { congress, create, toBallot, get, send, open } = await setUp();
    const resolution = await create();
    const ballotId = (await toBallot(resolution.id)).ballot.ballotId;
    await open(ballotId);
    await castAll(congress, ballotId, [['yes'], ['no'], ['no'], ['abstain']]);
    await closeBallot(congress, ballotId);
    expect((await get(resolution.id)).state).toBe('not_adopted');
    const { ballot: revote } = await call(app!, { method: 'POST', url: `/api/ballots/${ballotId}/revote`, headers: { cookie: congress.secretary } }, 201);
    const rebound = await get(resolution.id);
    expect(rebound.state).toBe('on_ballot');
    expect(rebound.ballot).toMatchObject({ ballotId: revote.id, itemId: revote.items[0].id });
    expectError(await send('PATCH', `/api/resolutions/${resolution.id}`, { body: '趁重新表决改文本' }), 409, 'RESOLUTION_FROZEN');
    await open(revote.id);
    await castAll(congress, revote.id, [['yes'], ['yes'], ['yes'], ['yes']]);
    await closeBallot(congress, revote.id);
    const adopted = await get(resolution.id);
    expect(adopted.state).toBe('adopted');
    expect(adopted.resultClause).toContain('赞成4票，反对0票，弃权0票');
    expect(adopted.body).toBe(resolution.body);
  });
});

describe('one item decides one resolution once', () => {
  it('refuses the passed item for any other purpose (the ledger names what it served)', async () => {
    const { congress, create, toBallot, open } = await setUp();
    const resolution = await create();
    const ballotId = (await toBallot(resolution.id)).ballot.ballotId;
    await open(ballotId);
    await castAll(congress, ballotId, [['yes'], ['yes'], ['yes'], ['yes']]);
    await closeBallot(congress, ballotId);
    expect((await call(app!, { method: 'GET', url: `/api/resolutions/${resolution.id}`, headers: { cookie: congress.secretary } })).resolution.state).toBe('adopted');
    // What the agenda, the credentials report and the presidium ask before they rely on a passed item.
    const { ballotOutcome, claimPassedApproval } = await import('../../src/ballots/service.js');
    const outcome = await ballotOutcome(app!.yishi, ballotId);
    const refusal = await claimPassedApproval(app!.yishi.db, outcome, undefined, { purpose: 'credentials_adoption', subjectId: 'x', at: new Date().toISOString() });
    expect(refusal).toBe('the ballot item has already served (resolution_adoption)');
    expect(rowCount(app!, 'ballot_use', 'ballot_id = ?', ballotId)).toBe(1);
    expect(rowCount(app!, 'resolution_vote', 'ballot_id = ?', ballotId)).toBe(1);
  });
});

describe('publication', () => {
  it('shows the full text under its item in the public result once published, and nothing before', async () => {
    const { congress, create, toBallot, open, sessionId } = await setUp();
    const resolution = await create();
    const ballotId = (await toBallot(resolution.id)).ballot.ballotId;
    await open(ballotId);
    await castAll(congress, ballotId, [['yes'], ['yes'], ['yes'], ['no']]);
    await closeBallot(congress, ballotId);
    expect((await app!.inject({ method: 'GET', url: `/api/public/ballots/${ballotId}` })).statusCode).toBe(404);
    const { listSessionResolutions } = await import('../../src/resolutions/service.js');
    expect(await listSessionResolutions(app!.yishi, sessionId, { published: true })).toEqual([]);
    await publishBallot(congress, ballotId);
    const notice = await call(app!, { method: 'GET', url: `/api/public/ballots/${ballotId}` });
    expect(notice.resolutions).toHaveLength(1);
    expect(notice.resolutions[0]).toMatchObject({ id: resolution.id, itemId: notice.ballot.items[0].id, title: resolution.title, outcome: 'adopted' });
    expect(notice.resolutions[0].text).toBe(`${resolution.body}\n经无记名投票表决，应到代表5人，实到4人，赞成3票，反对1票，弃权0票，超过全体代表的半数，本决议通过。`);
    const published = await listSessionResolutions(app!.yishi, sessionId, { published: true });
    expect(published.map((entry) => entry.id)).toEqual([resolution.id]);
  });

  it('keeps resolutions from representatives and the anonymous (the permission matrix walks every role)', async () => {
    const { congress, create, sessionId } = await setUp();
    const resolution = await create();
    const representative = { authorization: `Bearer ${congress.representatives[0]!.token}` };
    expectError(await app!.inject({ method: 'GET', url: `/api/sessions/${sessionId}/resolutions`, headers: representative }), 403, 'FORBIDDEN');
    expectError(await app!.inject({ method: 'GET', url: `/api/resolutions/${resolution.id}` }), 401, 'UNAUTHENTICATED');
  });
});
