// After a session (issue 13): it closes once its sittings have; its public notice is published for at
// least the term's posted days, read by anyone without signing in — exactly the published ballots'
// public results and the motions handled, nothing of unpublished ones — and taken down with a reason;
// the report to the higher union states the session's figures and its working-day deadline.
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../support/congress.js';
import { assigned, type MotionHall, motionHall } from '../support/motions.js';
import { expectError } from '../support/requests.js';

let hall: MotionHall | undefined;
afterEach(async () => {
  await hall?.app.close();
  hall = undefined;
});

type Hall = MotionHall;
const post = (hall: Hall, url: string, payload: object = {}) => hall.app.inject({ method: 'POST', url, headers: hall.secretary, payload });
const get = (hall: Hall, url: string, headers: Record<string, string> = hall.secretary) => hall.app.inject({ method: 'GET', url, headers });

async function sessionOf(hall: Hall): Promise<string> {
  return (await call(hall.app, { method: 'GET', url: `/api/meetings/${hall.congress.meetingId}`, headers: hall.secretary })).meeting.sessionId;
}

/** A ballot of the sitting: `present` representatives vote yes, then it is closed (and published). */
async function ballot(hall: Hall, title: string, state: 'draft' | 'closed' | 'published', options: object = {}): Promise<string> {
  const meetingId = hall.congress.meetingId;
  const { ballot } = await call(
    hall.app,
    { method: 'POST', url: `/api/meetings/${meetingId}/ballots`, headers: hall.secretary, payload: { title, items: [{ kind: 'approval', title }], ...options } },
    201,
  );
  if (state === 'draft') return ballot.id;
  await call(hall.app, { method: 'POST', url: `/api/ballots/${ballot.id}/open`, headers: hall.secretary, payload: {} });
  for (const [index] of hall.congress.representatives.slice(0, 5).entries()) {
    await call(
      hall.app,
      { method: 'POST', url: `/api/ballots/${ballot.id}/votes`, headers: hall.representative(index), payload: { answers: ['yes'], receipt: `receipt-${title.length}-${index}-abcdefghijk` } },
      201,
    );
  }
  await call(hall.app, { method: 'POST', url: `/api/ballots/${ballot.id}/close`, headers: hall.secretary });
  if (state === 'published') await call(hall.app, { method: 'POST', url: `/api/ballots/${ballot.id}/publish`, headers: hall.secretary });
  return ballot.id;
}

/** Eight representatives (the fixture checks them all in), one then on leave; a motion assigned; ballots: secret and named published, one closed unpublished, one draft. */
async function heldSession() {
  hall = await motionHall();
  const { app, congress } = hall;
  const motion = await assigned(hall, 0, '改善职工食堂', '后勤保障部');
  await call(app, { method: 'POST', url: `/api/meetings/${congress.meetingId}/open`, headers: hall.secretary });
  await call(app, { method: 'PUT', url: `/api/meetings/${congress.meetingId}/attendance/${congress.representatives[7]!.memberId}`, headers: hall.secretary, payload: { status: 'on_leave' } });
  const secret = await ballot(hall, '关于《集体合同(草案)》的决议', 'published', { secrecy: 'secret' });
  const named = await ballot(hall, '关于《职工福利办法》的决议', 'published', { secrecy: 'named' });
  const unpublished = await ballot(hall, '关于《考核办法》的决议', 'closed');
  const draft = await ballot(hall, '关于草稿事项的决议', 'draft');
  return { hall, sessionId: await sessionOf(hall), motion, secret, named, unpublished, draft };
}

describe('closing a session', () => {
  it('refuses while a sitting is in session, then closes once it has; the session view shows the date', async () => {
    const { hall, sessionId } = await heldSession();
    expectError(await post(hall, `/api/sessions/${sessionId}/close`), 409, 'SESSION_SITTINGS_OPEN');
    await call(hall.app, { method: 'POST', url: `/api/meetings/${hall.congress.meetingId}/close`, headers: hall.secretary });
    expectError(await post(hall, `/api/sessions/${sessionId}/close`, { closedAt: new Date(hall.clock.now.getTime() + 86_400_000).toISOString() }), 400, 'SESSION_CLOSE_DATE_INVALID');
    expectError(await post(hall, `/api/sessions/${sessionId}/close`, { closedAt: 'yesterday' }), 400, 'VALIDATION_FAILED');
    const closed = await post(hall, `/api/sessions/${sessionId}/close`);
    expect(closed.statusCode).toBe(200);
    expect(closed.json().session.closedAt).toBe(hall.clock.now.toISOString());
    expectError(await post(hall, `/api/sessions/${sessionId}/close`), 409, 'SESSION_CLOSED');
    const { session } = await call(hall.app, { method: 'GET', url: `/api/sessions/${sessionId}`, headers: hall.secretary });
    expect(session.closedAt).toBe(hall.clock.now.toISOString());
  });

  it('reopens a close entered by mistake, but not once the notice is out', async () => {
    const { hall, sessionId } = await heldSession();
    await call(hall.app, { method: 'POST', url: `/api/meetings/${hall.congress.meetingId}/close`, headers: hall.secretary });
    await call(hall.app, { method: 'POST', url: `/api/sessions/${sessionId}/close`, headers: hall.secretary, payload: {} });
    expect((await call(hall.app, { method: 'POST', url: `/api/sessions/${sessionId}/reopen`, headers: hall.secretary })).session.closedAt).toBeNull();
    expectError(await post(hall, `/api/sessions/${sessionId}/reopen`), 409, 'SESSION_NOT_CLOSED');
    await call(hall.app, { method: 'POST', url: `/api/sessions/${sessionId}/close`, headers: hall.secretary, payload: {} });
    await call(hall.app, { method: 'POST', url: `/api/sessions/${sessionId}/notice/publish`, headers: hall.secretary, payload: {} });
    expectError(await post(hall, `/api/sessions/${sessionId}/reopen`), 409, 'SESSION_NOTICE_PUBLISHED');
  });
});

async function closedSession() {
  const held = await heldSession();
  await call(held.hall.app, { method: 'POST', url: `/api/meetings/${held.hall.congress.meetingId}/close`, headers: held.hall.secretary });
  await call(held.hall.app, { method: 'POST', url: `/api/sessions/${held.sessionId}/close`, headers: held.hall.secretary, payload: {} });
  return held;
}

describe('the public notice', () => {
  it('is not published before the close nor below the posted days, and 404s to the public until published', async () => {
    const { hall, sessionId } = await heldSession();
    expectError(await post(hall, `/api/sessions/${sessionId}/notice/publish`), 409, 'SESSION_NOT_CLOSED');
    expectError(await get(hall, `/api/public/sessions/${sessionId}`, {}), 404, 'NOTICE_NOT_FOUND');
    expectError(await get(hall, '/api/public/sessions/no-such-session', {}), 404, 'NOTICE_NOT_FOUND');
    await call(hall.app, { method: 'POST', url: `/api/meetings/${hall.congress.meetingId}/close`, headers: hall.secretary });
    await call(hall.app, { method: 'POST', url: `/api/sessions/${sessionId}/close`, headers: hall.secretary, payload: {} });
    expectError(await post(hall, `/api/sessions/${sessionId}/notice/publish`, { postedDays: 14 }), 400, 'NOTICE_POSTED_DAYS_TOO_FEW');
    expectError(await post(hall, `/api/sessions/${sessionId}/notice/publish`, { postedDays: 'fifteen' }), 400, 'VALIDATION_FAILED');
    expectError(await post(hall, `/api/sessions/${sessionId}/notice/withdraw`, { reason: '有误' }), 409, 'NOTICE_STATE');
    expectError(await get(hall, `/api/public/sessions/${sessionId}`, {}), 404, 'NOTICE_NOT_FOUND');
  });

  it('shows exactly the published ballots as their own public results, the motions handled, and its dates', async () => {
    const { hall, sessionId, secret, named, unpublished, draft } = await closedSession();
    hall.clock.advanceDays(2);
    const published = await call(hall.app, { method: 'POST', url: `/api/sessions/${sessionId}/notice/publish`, headers: hall.secretary, payload: {} });
    // 2026-03-02 closed; published 03-04 (China), posted 15 days to 03-19.
    expect(published.aftermath.notice).toMatchObject({ state: 'posted', publishedOn: '2026-03-04', postedUntil: '2026-03-19', takenDownEarly: false });
    expectError(await post(hall, `/api/sessions/${sessionId}/notice/publish`), 409, 'NOTICE_STATE');

    const { notice } = await call(hall.app, { method: 'GET', url: `/api/public/sessions/${sessionId}` });
    expect(notice).toMatchObject({ title: '第三届职工代表大会第二次会议', closedOn: '2026-03-02', publishedOn: '2026-03-04', postedUntil: '2026-03-19', takenDownOn: null, resolutions: [] });
    const one = async (id: string) => call(hall.app, { method: 'GET', url: `/api/public/ballots/${id}` });
    expect(notice.ballots).toEqual([await one(secret), await one(named)]);
    const text = JSON.stringify(notice);
    for (const id of [unpublished, draft]) expect(text).not.toContain(id);
    expect(text).not.toContain('考核办法');
    expect(text).not.toContain('草稿事项');
    // The motion: its subject, state and lead department; no names of people.
    expect(notice.motions).toEqual([expect.objectContaining({ subject: '改善职工食堂', stateName: '办理中', leadDepartment: '后勤保障部' })]);
    expect(text).not.toContain(hall.congress.representatives[0]!.name);
  });

  it('is taken down with a reason, audited, and then says so and shows nothing; the console warns when early', async () => {
    const { hall, sessionId } = await closedSession();
    await call(hall.app, { method: 'POST', url: `/api/sessions/${sessionId}/notice/publish`, headers: hall.secretary, payload: {} });
    expectError(await post(hall, `/api/sessions/${sessionId}/notice/withdraw`, { reason: '' }), 400, 'VALIDATION_FAILED');
    hall.clock.advanceDays(5);
    const { aftermath } = await call(hall.app, { method: 'POST', url: `/api/sessions/${sessionId}/notice/withdraw`, headers: hall.secretary, payload: { reason: '公告内容需更正' } });
    expect(aftermath.notice).toMatchObject({ state: 'taken_down', takenDownOn: '2026-03-07', takenDownEarly: true, takeDownReason: '公告内容需更正' });
    expect(aftermath.warnings).toContain('notice_taken_down_early');
    const { notice } = await call(hall.app, { method: 'GET', url: `/api/public/sessions/${sessionId}` });
    expect(notice).toMatchObject({ takenDownOn: '2026-03-07', ballots: [], motions: [], resolutions: [] });
    expect(JSON.stringify(notice)).not.toContain('公告内容需更正');
    const { entries } = await call(hall.app, { method: 'GET', url: '/api/audit?limit=200', headers: hall.secretary });
    expect(entries.find((entry: { action: string }) => entry.action === 'session.notice-withdrawn')).toMatchObject({ detail: expect.objectContaining({ reason: '公告内容需更正', early: true }) });
  });

  it('warns on the term dashboard when the notice is not out within 3 days of closing', async () => {
    const { hall, sessionId } = await closedSession();
    const dashboard = async () =>
      (await call(hall.app, { method: 'GET', url: `/api/terms/${hall.congress.termId}/aftermath`, headers: hall.secretary })).sessions.find(
        (session: { sessionId: string }) => session.sessionId === sessionId,
      );
    hall.clock.advanceDays(3);
    expect((await dashboard()).warnings).toEqual([]);
    expect((await dashboard()).notice.publishBy).toBe('2026-03-05');
    hall.clock.advanceDays(1);
    expect((await dashboard()).warnings).toEqual(['notice_not_published']);
  });
});

describe('the report to the higher union', () => {
  it('states the attendance, credentials, agenda, results and motions, with its working-day deadline', async () => {
    const { hall, sessionId } = await closedSession();
    const { report } = await call(hall.app, { method: 'GET', url: `/api/sessions/${sessionId}/report`, headers: hall.secretary });
    // Closed Monday 2026-03-02: 7 working days run to Wednesday 03-11.
    expect(report.report).toMatchObject({ dueOn: '2026-03-11', sentOn: null, overdue: false });
    expect(report.sittings).toEqual([expect.objectContaining({ eligible: 8, onLeave: 1, present: 7, quorumReached: true })]);
    expect(report.ballots.map((entry: { title: string }) => entry.title)).toEqual(['关于《集体合同(草案)》的决议', '关于《职工福利办法》的决议', '关于《考核办法》的决议']);
    expect(report.motions).toEqual({ total: 1, byState: [{ state: 'assigned', stateName: '办理中', count: 1 }] });
    const text = report.document.blocks.map((block: { text?: string }) => block.text ?? '').join('\n');
    expect(report.document.title).toBe('关于召开第三届职工代表大会第二次会议的情况报告');
    expect(text).toContain('应出席代表8人，因事因病请假1人，实到7人');
    expect(text).toContain('共投票5票');
    expect(text).toContain('本次会议共收到提案1件，其中办理中1件。');
    expect(text).toContain('代表资格审查');
    expect(report.document.blocks.filter((block: { kind: string; level?: number }) => block.kind === 'heading' && block.level === 1).map((block: { text: string }) => block.text)).toEqual([
      '一、会议出席情况',
      '二、代表资格审查情况',
      '三、会议议程',
      '四、表决和选举结果',
      '五、会议决议',
      '六、提案情况',
    ]);
  });

  it('records the day it was sent and to whom; a day before the close or in the future is refused; late shows overdue', async () => {
    const { hall, sessionId } = await closedSession();
    hall.clock.advanceDays(10);
    const overdue = await call(hall.app, { method: 'GET', url: `/api/sessions/${sessionId}/aftermath`, headers: hall.secretary });
    expect(overdue.aftermath.report).toMatchObject({ dueOn: '2026-03-11', overdue: true });
    expect(overdue.aftermath.warnings).toContain('report_overdue');
    expectError(await post(hall, `/api/sessions/${sessionId}/report/sent`, { sentOn: '2026-03-01', sentTo: '市总工会' }), 400, 'REPORT_DATE_INVALID');
    expectError(await post(hall, `/api/sessions/${sessionId}/report/sent`, { sentOn: '2026-03-30', sentTo: '市总工会' }), 400, 'REPORT_DATE_INVALID');
    expectError(await post(hall, `/api/sessions/${sessionId}/report/sent`, { sentOn: '3月10日', sentTo: '市总工会' }), 400, 'VALIDATION_FAILED');
    const { aftermath } = await call(hall.app, { method: 'POST', url: `/api/sessions/${sessionId}/report/sent`, headers: hall.secretary, payload: { sentOn: '2026-03-10', sentTo: '市总工会' } });
    expect(aftermath.report).toEqual({ dueOn: '2026-03-11', sentOn: '2026-03-10', sentTo: '市总工会', overdue: false });
    expect(aftermath.warnings).toEqual(['notice_not_published']);
    const { report } = await call(hall.app, { method: 'GET', url: `/api/sessions/${sessionId}/report`, headers: hall.secretary });
    expect(report.document.recipient).toBe('市总工会：');
  });
});
