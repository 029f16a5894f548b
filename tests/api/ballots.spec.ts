// A ballot's life: draft → open → closed → published, who sees what at each step, quorum and its
// audited override, re-votes, and the deadline that closes a ballot by itself.
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { approvalBallot, call, type Congress, createApp, createCongress, openBallot } from '../support/congress.js';
import { manualTime, whenClosed } from '../support/manual-time.js';
import { bearer, castAll, closeBallot, draftBallot, expectError, publishBallot } from '../support/requests.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const view = async (congress: Congress, ballotId: string, headers: Record<string, string>) => (await call(congress.app, { method: 'GET', url: `/api/ballots/${ballotId}`, headers })).ballot;

const post = (congress: Congress, url: string, payload?: object) => congress.app.inject({ method: 'POST', url, headers: { cookie: congress.secretary }, ...(payload ? { payload } : {}) });

async function auditEntries(congress: Congress) {
  return (await call(congress.app, { method: 'GET', url: `/api/audit?meetingId=${congress.meetingId}`, headers: { cookie: congress.secretary } })).entries;
}

describe('a draft ballot', () => {
  it('is the secretariat’s working paper: representatives do not see it', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 3 });
    const draft = await draftBallot(congress, approvalBallot());
    const representative = bearer(congress.representatives[0]!.token);
    expect((await call(app, { method: 'GET', url: `/api/meetings/${congress.meetingId}/ballots`, headers: representative })).ballots).toEqual([]);
    expectError(await app.inject({ method: 'GET', url: `/api/ballots/${draft.id}`, headers: representative }), 404, 'BALLOT_NOT_FOUND');
    expect((await call(app, { method: 'GET', url: `/api/meetings/${congress.meetingId}/ballots`, headers: { cookie: congress.secretary } })).ballots).toHaveLength(1);
  });

  it('can be edited and deleted, and an open one cannot', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 3 });
    const draft = await draftBallot(congress, approvalBallot('草案'));
    const { ballot } = await call(app, { method: 'PATCH', url: `/api/ballots/${draft.id}`, headers: { cookie: congress.secretary }, payload: { title: '修改稿' } });
    expect(ballot.title).toBe('修改稿');
    await call(app, { method: 'DELETE', url: `/api/ballots/${draft.id}`, headers: { cookie: congress.secretary } });
    const ballotId = await openBallot(congress);
    expectError(await app.inject({ method: 'PATCH', url: `/api/ballots/${ballotId}`, headers: { cookie: congress.secretary }, payload: { title: '偷改' } }), 409, 'BALLOT_STATE');
    expectError(await app.inject({ method: 'DELETE', url: `/api/ballots/${ballotId}`, headers: { cookie: congress.secretary } }), 409, 'BALLOT_STATE');
  });
});

describe('opening a ballot', () => {
  it('opens with a POST that carries no body', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 3 });
    const draft = await draftBallot(congress, approvalBallot());
    const response = await post(congress, `/api/ballots/${draft.id}/open`);
    expect(response.json().ballot).toMatchObject({ state: 'open', quorumOverridden: false, turnout: { voted: 0, eligible: 3 } });
  });

  it('is refused without quorum, and the ballot stays a draft', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 6, present: 3 });
    const draft = await draftBallot(congress, approvalBallot());
    const response = await post(congress, `/api/ballots/${draft.id}/open`, {});
    expectError(response, 409, 'QUORUM_NOT_REACHED');
    expect(response.json().details).toEqual({ present: 3, required: 4 });
    expect((await view(congress, draft.id, { cookie: congress.secretary })).state).toBe('draft');
  });

  it('opens without quorum when the secretary overrides, and the audit log records it', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 6, present: 3 });
    const draft = await draftBallot(congress, approvalBallot());
    const { ballot } = await call(app, { method: 'POST', url: `/api/ballots/${draft.id}/open`, headers: { cookie: congress.secretary }, payload: { overrideQuorum: true, reason: '主席团决定' } });
    expect(ballot).toMatchObject({ state: 'open', quorumOverridden: true });
    const [entry] = await auditEntries(congress);
    expect(entry).toMatchObject({ action: 'ballot.opened', actor: 'secretary', ballotId: draft.id, detail: { quorumOverridden: true, reason: '主席团决定', present: 3, quorumRequired: 4 } });
  });

  it('records no override when the quorum is there', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 3 });
    const ballotId = await openBallot(congress, approvalBallot(), { overrideQuorum: true });
    expect((await view(congress, ballotId, { cookie: congress.secretary })).quorumOverridden).toBe(false);
    expect((await auditEntries(congress))[0].detail).not.toHaveProperty('quorumOverridden');
  });

  it('is refused before the meeting is in session', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 3, openMeeting: false });
    const draft = await draftBallot(congress, approvalBallot());
    expectError(await post(congress, `/api/ballots/${draft.id}/open`, {}), 409, 'MEETING_NOT_IN_SESSION');
  });
});

describe('while a ballot is open', () => {
  it('shows everyone, the secretary included, the turnout and never a partial tally', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 4 });
    const ballotId = await openBallot(congress);
    await castAll(congress, ballotId, [['yes'], ['no']]);
    for (const headers of [{ cookie: congress.secretary }, bearer(congress.representatives[3]!.token)]) {
      const ballot = await view(congress, ballotId, headers);
      expect(ballot).toMatchObject({ state: 'open', turnout: { voted: 2, eligible: 4 }, result: null });
    }
    const live = await call(app, { method: 'GET', url: `/api/meetings/${congress.meetingId}/live`, headers: { cookie: congress.secretary } });
    expect(live.ballots[0]).toMatchObject({ turnout: { voted: 2, eligible: 4 }, result: null });
    expect(JSON.stringify(live)).not.toMatch(/"(yes|no)":\s*\d/);
  });
});

describe('closing and publishing', () => {
  it('shows officers the result on close, and representatives only once published', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 3 });
    const ballotId = await openBallot(congress);
    await castAll(congress, ballotId, [['yes'], ['yes'], ['abstain']]);
    const closed = await closeBallot(congress, ballotId);
    expect(closed).toMatchObject({ state: 'closed', turnout: { voted: 3, eligible: 3 } });
    expect(closed.result).toMatchObject({ manual: false, eligible: 3, cast: 3, items: [{ counts: { yes: 2, no: 0, abstain: 1 }, passed: true }] });
    const representative = bearer(congress.representatives[0]!.token);
    expect((await view(congress, ballotId, representative)).result).toBeNull();
    expectError(await app.inject({ method: 'GET', url: `/api/public/ballots/${ballotId}` }), 404, 'BALLOT_NOT_FOUND');
    await publishBallot(congress, ballotId);
    expect((await view(congress, ballotId, representative)).result.items[0].counts).toEqual({ yes: 2, no: 0, abstain: 1 });
    const notice = await call(app, { method: 'GET', url: `/api/public/ballots/${ballotId}` });
    expect(notice.meeting).toMatchObject({ title: '第三届第二次职工代表大会', kind: 'congress' });
    expect(notice.ballot.result.items[0].explanation.zh).toBe('赞成 2 票，超过全体代表 3 人的半数（须至少 2 票），通过');
  });

  it('never reopens a closed or published ballot', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 3 });
    const ballotId = await openBallot(congress);
    await closeBallot(congress, ballotId);
    let response = await post(congress, `/api/ballots/${ballotId}/open`, {});
    expectError(response, 409, 'BALLOT_STATE');
    expect(response.json().details.state).toBe('closed');
    expectError(await post(congress, `/api/ballots/${ballotId}/close`), 409, 'BALLOT_STATE');
    await publishBallot(congress, ballotId);
    response = await post(congress, `/api/ballots/${ballotId}/open`, { overrideQuorum: true });
    expect(response.json()).toMatchObject({ code: 'BALLOT_STATE', details: { state: 'published' } });
    expectError(await post(congress, `/api/ballots/${ballotId}/publish`), 409, 'BALLOT_STATE');
  });

  it('closes once when two officers press close at the same moment', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 3 });
    const ballotId = await openBallot(congress);
    await castAll(congress, ballotId, [['yes']]);
    const responses = await Promise.all([post(congress, `/api/ballots/${ballotId}/close`), post(congress, `/api/ballots/${ballotId}/close`)]);
    expect(responses.map((response) => response.statusCode).sort()).toEqual([200, 409]);
    const closes = (await auditEntries(congress)).filter((entry: { action: string }) => entry.action === 'ballot.closed');
    expect(closes).toHaveLength(1);
  });
});

describe('a re-vote (重新表决)', () => {
  it('is a new draft linked to the first, and both results are kept', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 3 });
    const firstId = await openBallot(congress);
    await castAll(congress, firstId, [['yes'], ['no'], ['no']]);
    await closeBallot(congress, firstId);
    await publishBallot(congress, firstId);
    const { ballot: revote } = await call(app, { method: 'POST', url: `/api/ballots/${firstId}/revote`, headers: { cookie: congress.secretary } }, 201);
    expect(revote).toMatchObject({ state: 'draft', revoteOf: firstId, items: [{ kind: 'approval' }] });
    expect(revote.title).toContain('重新表决');
    await call(app, { method: 'POST', url: `/api/ballots/${revote.id}/open`, headers: { cookie: congress.secretary }, payload: {} });
    await castAll(congress, revote.id, [['yes'], ['yes'], ['no']]);
    await closeBallot(congress, revote.id);
    const officer = { cookie: congress.secretary };
    expect((await view(congress, firstId, officer)).result.items[0]).toMatchObject({ counts: { yes: 1, no: 2, abstain: 0 }, passed: false });
    expect((await view(congress, revote.id, officer)).result.items[0]).toMatchObject({ counts: { yes: 2, no: 1, abstain: 0 }, passed: true });
  });

  it('is refused for a ballot that has not been counted', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 3 });
    const ballotId = await openBallot(congress);
    expectError(await post(congress, `/api/ballots/${ballotId}/revote`), 409, 'BALLOT_STATE');
  });
});

describe('a deadline', () => {
  it('keeps a ballot whose deadline has passed from opening, and closing at once', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 3 });
    const draft = await draftBallot(congress, { ...approvalBallot(), deadlineAt: new Date(Date.now() - 60_000).toISOString() });
    expectError(await post(congress, `/api/ballots/${draft.id}/open`, {}), 409, 'DEADLINE_PASSED');
    expect((await view(congress, draft.id, { cookie: congress.secretary })).state).toBe('draft');
    await call(app, { method: 'PATCH', url: `/api/ballots/${draft.id}`, headers: { cookie: congress.secretary }, payload: { deadlineAt: null } });
    expect((await post(congress, `/api/ballots/${draft.id}/open`, {})).json().ballot.state).toBe('open');
  });

  it('closes the ballot by itself at its deadline and counts what was cast', async () => {
    const time = manualTime();
    app = await createApp({}, { clock: time.clock, timers: time.timers });
    const congress = await createCongress(app, { representatives: 3 });
    const deadlineAt = new Date(time.clock().getTime() + 60_000).toISOString();
    const ballotId = await openBallot(congress, { ...approvalBallot(), deadlineAt });
    await castAll(congress, ballotId, [['yes'], ['yes']]);
    const closed = whenClosed(app, ballotId);

    time.advance(59_999);
    expect((await view(congress, ballotId, { cookie: congress.secretary })).state).toBe('open');
    time.advance(1);
    await closed;
    const ballot = await view(congress, ballotId, { cookie: congress.secretary });
    expect(ballot).toMatchObject({ state: 'closed', closedAt: deadlineAt, result: { cast: 2, items: [{ counts: { yes: 2, no: 0, abstain: 0 }, passed: true }] } });
    expect((await auditEntries(congress))[0]).toMatchObject({ action: 'ballot.closed', actor: 'system' });
  });
});
