// The agenda (议程, issue 12): edited freely until the preparatory meeting adopts it (a show of hands
// will do), then changed only by a passed vote to amend, each vote once; a sitting's current item; who reads it.
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { call, type Congress, createApp, createCongress } from '../support/congress.js';
import { bearer, expectError, memberOfAnotherTerm } from '../support/requests.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const approval = (title: string) => ({ title, method: 'manual', items: [{ kind: 'approval', title }] });

async function setUp() {
  app = await createApp();
  const congress = await createCongress(app, { representatives: 5 });
  const as = { cookie: congress.secretary };
  const { sessions } = await call(app, { method: 'GET', url: `/api/terms/${congress.termId}/sessions`, headers: as });
  const sessionId = sessions[0].id as string;
  const preparatory = (await call(app, { method: 'POST', url: '/api/meetings', headers: as, payload: { termId: congress.termId, title: '预备会议', sitting: 'preparatory', sessionId } }, 201)).meeting;
  const send = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object) => app!.inject({ method, url, headers: as, ...(payload ? { payload } : {}) });
  const add = async (payload: object) => (await call(app!, { method: 'POST', url: `/api/sessions/${sessionId}/agenda`, headers: as, payload }, 201)).item;
  const read = async () => (await call(app!, { method: 'GET', url: `/api/sessions/${sessionId}/agenda`, headers: as })).agenda;
  return { congress, as, sessionId, preparatoryId: preparatory.id as string, send, add, read };
}

/** A manual (show-of-hands) ballot in a meeting, entered as passed or not. */
async function showOfHands(congress: Congress, meetingId: string, title: string, passed = true): Promise<string> {
  const as = { cookie: congress.secretary };
  const { ballot } = await call(congress.app, { method: 'POST', url: `/api/meetings/${meetingId}/ballots`, headers: as, payload: approval(title) }, 201);
  const counts = passed ? { yes: 5, no: 0, abstain: 0 } : { yes: 1, no: 4, abstain: 0 };
  await call(congress.app, { method: 'PUT', url: `/api/ballots/${ballot.id}/manual-result`, headers: as, payload: { present: 5, cast: 5, items: [{ kind: 'approval', ...counts }] } });
  return ballot.id as string;
}

function auditActions(congress: Congress): string[] {
  return (congress.app.yishi.sqlite.prepare("SELECT action FROM audit_log WHERE action LIKE 'agenda.%' ORDER BY id").all() as { action: string }[]).map((row) => row.action);
}

describe('before adoption', () => {
  it('adds, edits, reorders and removes items freely, each move audited', async () => {
    const { congress, sessionId, send, add, read } = await setUp();
    const report = await add({ kind: 'report', title: '工作报告', presenter: '厂长 王明', material: '一、过去一年的工作\n二、今年的任务' });
    const motions = await add({ kind: 'motions_report', title: '提案工作报告', presenter: '提案委员会主任' });
    const other = await add({ kind: 'other', title: '闭幕' });
    expect((await read()).items.map((item: { title: string }) => item.title)).toEqual(['工作报告', '提案工作报告', '闭幕']);
    const edited = await send('PATCH', `/api/agenda-items/${report.id}`, { title: '厂长工作报告', presenter: '厂长 李华' });
    expect(edited.json().item).toMatchObject({ title: '厂长工作报告', presenter: '厂长 李华', material: '一、过去一年的工作\n二、今年的任务' });
    const reordered = await send('PUT', `/api/sessions/${sessionId}/agenda/order`, { itemIds: [motions.id, report.id, other.id] });
    expect(reordered.json().agenda.items.map((item: { id: string }) => item.id)).toEqual([motions.id, report.id, other.id]);
    expectError(await send('PUT', `/api/sessions/${sessionId}/agenda/order`, { itemIds: [motions.id, report.id] }), 400, 'AGENDA_ORDER_INVALID');
    expect((await send('DELETE', `/api/agenda-items/${other.id}`)).statusCode).toBe(200);
    expect((await read()).items).toHaveLength(2);
    expect(auditActions(congress)).toEqual(['agenda.item-added', 'agenda.item-added', 'agenda.item-added', 'agenda.item-updated', 'agenda.reordered', 'agenda.item-deleted']);
  });

  it('refuses a linked ballot or sitting of another session and a document of another term', async () => {
    const { congress, as, send, sessionId } = await setUp();
    const other = (await call(app!, { method: 'POST', url: '/api/meetings', headers: as, payload: { termId: congress.termId, title: '第三次会议', sessionNumber: 3 } }, 201)).meeting;
    const elsewhere = await showOfHands(congress, other.id, '别处的表决');
    expectError(await send('POST', `/api/sessions/${sessionId}/agenda`, { kind: 'ballot', title: '表决', ballotId: elsewhere }), 409, 'AGENDA_LINK_INVALID');
    expectError(await send('POST', `/api/sessions/${sessionId}/agenda`, { kind: 'report', title: '报告', meetingId: other.id }), 409, 'AGENDA_LINK_INVALID');
    expectError(await send('POST', `/api/sessions/${sessionId}/agenda`, { kind: 'document', title: '文件', documentId: 'no-such-document' }), 409, 'AGENDA_LINK_INVALID');
  });

  it('writes the motions work report from the tracker when the item is read', async () => {
    const { add, send } = await setUp();
    const item = await add({ kind: 'motions_report', title: '提案工作报告' });
    const material = (await send('GET', `/api/agenda-items/${item.id}`)).json().item.material as string;
    expect(material).toContain('本届共收到提案 0 件');
    expect(material).toContain('满意率');
  });
});

describe('adoption', () => {
  it('is by a passed show of hands of the preparatory meeting, and only that', async () => {
    const { congress, sessionId, preparatoryId, send, add, read } = await setUp();
    await add({ kind: 'report', title: '工作报告' });
    const failed = await showOfHands(congress, preparatoryId, '关于大会议程的表决(未通过)', false);
    expectError(await send('POST', `/api/sessions/${sessionId}/agenda/adopt`, { ballotId: failed }), 409, 'AGENDA_ADOPTION_BALLOT_INVALID');
    const atPlenary = await showOfHands(congress, congress.meetingId, '全体会议上的表决');
    expectError(await send('POST', `/api/sessions/${sessionId}/agenda/adopt`, { ballotId: atPlenary }), 409, 'AGENDA_ADOPTION_BALLOT_INVALID');
    const { ballot: draft } = await call(app!, { method: 'POST', url: `/api/meetings/${preparatoryId}/ballots`, headers: { cookie: congress.secretary }, payload: approval('未计票') }, 201);
    expectError(await send('POST', `/api/sessions/${sessionId}/agenda/adopt`, { ballotId: draft.id }), 409, 'AGENDA_ADOPTION_BALLOT_INVALID');
    const adopting = await showOfHands(congress, preparatoryId, '关于大会议程的表决');
    const adopted = await send('POST', `/api/sessions/${sessionId}/agenda/adopt`, { ballotId: adopting });
    expect(adopted.statusCode).toBe(200);
    expect(adopted.json().agenda).toMatchObject({ adoptedBallotId: adopting, adoptedAt: expect.any(String) });
    expect((await read()).adoptedBallotId).toBe(adopting);
    expectError(await send('POST', `/api/sessions/${sessionId}/agenda/adopt`, { ballotId: adopting }), 409, 'AGENDA_ADOPTED');
    expect(auditActions(congress)).toContain('agenda.adopted');
  });
});

describe('after adoption', () => {
  async function adopted() {
    const setup = await setUp();
    const first = await setup.add({ kind: 'report', title: '工作报告' });
    const second = await setup.add({ kind: 'election', title: '选举主席团' });
    const ballotId = await showOfHands(setup.congress, setup.preparatoryId, '关于大会议程的表决');
    await call(app!, { method: 'POST', url: `/api/sessions/${setup.sessionId}/agenda/adopt`, headers: setup.as, payload: { ballotId } });
    return { ...setup, first, second, adoptingBallotId: ballotId };
  }

  it('refuses any change without a vote to amend, and leaves the agenda as adopted', async () => {
    const { sessionId, send, first, second, read } = await adopted();
    expectError(await send('POST', `/api/sessions/${sessionId}/agenda`, { kind: 'other', title: '临时动议' }), 409, 'AGENDA_ADOPTED');
    expectError(await send('PATCH', `/api/agenda-items/${first.id}`, { title: '改了' }), 409, 'AGENDA_ADOPTED');
    expectError(await send('DELETE', `/api/agenda-items/${first.id}`), 409, 'AGENDA_ADOPTED');
    expectError(await send('PUT', `/api/sessions/${sessionId}/agenda/order`, { itemIds: [second.id, first.id] }), 409, 'AGENDA_ADOPTED');
    expect((await read()).items.map((item: { title: string }) => item.title)).toEqual(['工作报告', '选举主席团']);
  });

  it('links the ballot that carries an item out without a vote to amend, once, and only a ballot of the session', async () => {
    const { congress, send, first, second, read, as } = await adopted();
    const { ballot } = await call(
      app!,
      { method: 'POST', url: `/api/meetings/${congress.meetingId}/ballots`, headers: as, payload: { title: '选举主席团', items: [{ kind: 'approval', title: '主席团名单' }] } },
      201,
    );
    expect((await send('PATCH', `/api/agenda-items/${second.id}`, { ballotId: ballot.id })).statusCode).toBe(200);
    expect((await read()).items[1]).toMatchObject({ ballotId: ballot.id, title: '选举主席团' });
    // Anything more than the link is still an amendment.
    expectError(await send('PATCH', `/api/agenda-items/${second.id}`, { ballotId: ballot.id, title: '改了' }), 409, 'AGENDA_ADOPTED');
    // Relinking to another result would rewrite what the item decided: that takes a vote to amend.
    const { ballot: other } = await call(
      app!,
      { method: 'POST', url: `/api/meetings/${congress.meetingId}/ballots`, headers: as, payload: { title: '另一项', items: [{ kind: 'approval', title: '另一项' }] } },
      201,
    );
    expectError(await send('PATCH', `/api/agenda-items/${second.id}`, { ballotId: other.id }), 409, 'AGENDA_ADOPTED');
    expectError(await send('PATCH', `/api/agenda-items/${first.id}`, { ballotId: 'no-such-ballot' }), 409, 'AGENDA_LINK_INVALID');
  });

  it('takes a passed recorded vote to amend, once; not a failed one, the adopting one, nor one used before', async () => {
    const { congress, sessionId, send, first, second, read, adoptingBallotId } = await adopted();
    const failed = await showOfHands(congress, congress.meetingId, '关于修改议程的表决(未通过)', false);
    expectError(await send('POST', `/api/sessions/${sessionId}/agenda`, { kind: 'other', title: '临时动议', amendmentBallotId: failed }), 409, 'AGENDA_AMENDMENT_INVALID');
    expectError(await send('POST', `/api/sessions/${sessionId}/agenda`, { kind: 'other', title: '临时动议', amendmentBallotId: adoptingBallotId }), 409, 'AGENDA_AMENDMENT_INVALID');
    const amending = await showOfHands(congress, congress.meetingId, '关于修改议程的表决');
    const added = await send('POST', `/api/sessions/${sessionId}/agenda`, { kind: 'other', title: '增补议题', amendmentBallotId: amending });
    expect(added.statusCode).toBe(201);
    expectError(await send('PUT', `/api/sessions/${sessionId}/agenda/order`, { itemIds: [second.id, first.id, added.json().item.id], amendmentBallotId: amending }), 409, 'AGENDA_AMENDMENT_INVALID');
    const another = await showOfHands(congress, congress.meetingId, '关于调整议程顺序的表决');
    expect((await send('PUT', `/api/sessions/${sessionId}/agenda/order`, { itemIds: [second.id, first.id, added.json().item.id], amendmentBallotId: another })).statusCode).toBe(200);
    expect((await read()).items.map((item: { title: string }) => item.title)).toEqual(['选举主席团', '工作报告', '增补议题']);
    expect(auditActions(congress).filter((action) => action === 'agenda.amended')).toHaveLength(2);
  });
});

describe('the current item', () => {
  it('is moved by the secretary to an item of the sitting’s session, and shows in the meeting and its live snapshot', async () => {
    const { congress, add, send } = await setUp();
    const item = await add({ kind: 'report', title: '工作报告', presenter: '厂长 王明', material: '工作报告全文\n……' });
    const moved = await send('PUT', `/api/meetings/${congress.meetingId}/current-item`, { itemId: item.id });
    expect(moved.json().meeting.currentAgendaItemId).toBe(item.id);
    const live = await call(app!, { method: 'GET', url: `/api/meetings/${congress.meetingId}/live`, headers: bearer(congress.representatives[0]!.token) });
    expect(live.meeting.currentAgendaItemId).toBe(item.id);
    expect(live.agenda.items[0]).toMatchObject({ title: '工作报告', presenter: '厂长 王明', materials: [{ kind: 'text', title: '工作报告全文' }] });
    expect(live.agenda.items[0]).not.toHaveProperty('material');
    expect((await send('PUT', `/api/meetings/${congress.meetingId}/current-item`, { itemId: null })).json().meeting.currentAgendaItemId).toBeNull();
    expect(auditActions(congress)).toContain('agenda.current-item');
  });

  it('refuses an item of another session; a representative may move it only as the sitting’s presiding chair', async () => {
    const { congress, as, add, send } = await setUp();
    const item = await add({ kind: 'report', title: '工作报告' });
    const other = (await call(app!, { method: 'POST', url: '/api/meetings', headers: as, payload: { termId: congress.termId, title: '第三次会议', sessionNumber: 3 } }, 201)).meeting;
    expectError(await send('PUT', `/api/meetings/${other.id}/current-item`, { itemId: item.id }), 409, 'AGENDA_ITEM_ELSEWHERE');
    const chair = congress.representatives[1]!;
    const asChair = (token: string) => app!.inject({ method: 'PUT', url: `/api/meetings/${congress.meetingId}/current-item`, headers: bearer(token), payload: { itemId: item.id } });
    expectError(await asChair(chair.token), 403, 'FORBIDDEN');
    app!.yishi.sqlite.prepare('UPDATE meeting SET presiding_chair_member_id = ? WHERE id = ?').run(chair.memberId, congress.meetingId);
    expect((await asChair(chair.token)).json().meeting.currentAgendaItemId).toBe(item.id);
    expectError(await asChair(congress.representatives[0]!.token), 403, 'FORBIDDEN');
  });
});

/** How many times the app reads a session's agenda items while `work` runs. */
async function agendaReadsDuring(app: FastifyInstance, work: () => Promise<unknown>): Promise<number> {
  const statement = Object.getPrototypeOf(app.yishi.sqlite.prepare('SELECT 1')) as Record<'all' | 'get', (...parameters: unknown[]) => unknown>;
  const originals = { all: statement.all, get: statement.get };
  let reads = 0;
  for (const name of ['all', 'get'] as const) {
    statement[name] = function (this: { source: string }, ...parameters: unknown[]) {
      if (/^select \* from "agenda_item" where "session_id"/i.test(this.source)) reads++;
      return originals[name]!.apply(this, parameters);
    };
  }
  try {
    await work();
  } finally {
    statement.all = originals.all;
    statement.get = originals.get;
  }
  return reads;
}

describe('the agenda in a hall’s snapshots', () => {
  it('is read once for every phone, and again only after it changes', async () => {
    const { congress, add } = await setUp();
    await add({ kind: 'report', title: '工作报告' });
    const snapshots = () => Promise.all(congress.representatives.map((person) => call(app!, { method: 'GET', url: `/api/meetings/${congress.meetingId}/live`, headers: bearer(person.token) })));
    await snapshots();
    expect(await agendaReadsDuring(app!, snapshots)).toBe(0);
    // The change's broadcast reads it anew (src/plugins/broadcaster.ts); every snapshot after shares that read.
    const changed = async () => {
      await add({ kind: 'other', title: '闭幕' });
      expect((await snapshots()).map((snapshot) => snapshot.agenda.items.length)).toEqual([2, 2, 2, 2, 2]);
    };
    expect(await agendaReadsDuring(app!, changed)).toBe(1);
  });
});

describe('who reads the agenda', () => {
  it('is read by the term’s representatives (an item with its material), not by another term’s', async () => {
    const { congress, sessionId, add } = await setUp();
    const item = await add({ kind: 'report', title: '工作报告', material: '全文' });
    const token = congress.representatives[0]!.token;
    expect((await call(app!, { method: 'GET', url: `/api/sessions/${sessionId}/agenda`, headers: bearer(token) })).agenda.items).toHaveLength(1);
    expect((await call(app!, { method: 'GET', url: `/api/agenda-items/${item.id}`, headers: bearer(token) })).item.material).toBe('全文');
    const stranger = await memberOfAnotherTerm(congress);
    expectError(await app!.inject({ method: 'GET', url: `/api/sessions/${sessionId}/agenda`, headers: bearer(stranger.token) }), 403, 'FORBIDDEN');
    expectError(await app!.inject({ method: 'GET', url: `/api/agenda-items/${item.id}`, headers: bearer(stranger.token) }), 403, 'FORBIDDEN');
    expectError(await app!.inject({ method: 'POST', url: `/api/sessions/${sessionId}/agenda`, headers: bearer(token), payload: { kind: 'other', title: 'x' } }), 403, 'FORBIDDEN');
    expectError(await app!.inject({ method: 'GET', url: `/api/sessions/${sessionId}/agenda` }), 401, 'UNAUTHENTICATED');
  });
});
