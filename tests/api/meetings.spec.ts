// Meetings (第三届第二次职工代表大会): settings, quorum, and draft → in_session → closed.
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { call, createApp, createCongress, openBallot } from '../support/congress.js';
import { bearer, closeBallot, expectError, memberOfAnotherTerm } from '../support/requests.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const post = (target: FastifyInstance, url: string, cookie: string, payload?: object) => target.inject({ method: 'POST', url, headers: { cookie }, ...(payload ? { payload } : {}) });

describe('creating a meeting', () => {
  it('starts as a draft with the two-thirds quorum by default', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 6, openMeeting: false });
    const { meeting, attendance } = await call(app, { method: 'GET', url: `/api/meetings/${congress.meetingId}`, headers: { cookie: congress.secretary } });
    expect(meeting).toMatchObject({ title: '第三届第二次职工代表大会', kind: 'congress', sessionNumber: 2, state: 'draft', quorum: { numerator: 2, denominator: 3 }, openedAt: null });
    expect(attendance.quorum).toMatchObject({ required: 4, numerator: 2, denominator: 3 });
  });

  it('takes a quorum fraction of its own', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 7, openMeeting: false });
    const { meeting } = await call(
      app,
      {
        method: 'POST',
        url: '/api/meetings',
        headers: { cookie: congress.secretary },
        payload: { termId: congress.termId, title: '职工大会', kind: 'general_assembly', quorum: { numerator: 1, denominator: 2 } },
      },
      201,
    );
    const { attendance } = await call(app, { method: 'GET', url: `/api/meetings/${meeting.id}`, headers: { cookie: congress.secretary } });
    expect(attendance.quorum).toMatchObject({ required: 4, numerator: 1, denominator: 2, reached: false });
  });

  it('refuses a quorum above everyone and an unknown term', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 1, openMeeting: false });
    const bad = await post(app, '/api/meetings', congress.secretary, { termId: congress.termId, title: '会议', quorum: { numerator: 3, denominator: 2 } });
    expectError(bad, 400, 'VALIDATION_FAILED');
    expectError(await post(app, '/api/meetings', congress.secretary, { termId: 'no-such-term', title: '会议' }), 404, 'TERM_NOT_FOUND');
    expect((await call(app, { method: 'GET', url: '/api/meetings', headers: { cookie: congress.secretary } })).meetings).toHaveLength(1);
  });

  it('changes its quorum by a PATCH before it closes', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 6, openMeeting: false });
    const { meeting } = await call(app, {
      method: 'PATCH',
      url: `/api/meetings/${congress.meetingId}`,
      headers: { cookie: congress.secretary },
      payload: { quorum: { numerator: 1, denominator: 2 } },
    });
    expect(meeting.quorum).toEqual({ numerator: 1, denominator: 2 });
  });
});

describe('the state of a meeting', () => {
  it('opens a draft and closes a session, stamping both', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 2, openMeeting: false });
    const opened = (await call(app, { method: 'POST', url: `/api/meetings/${congress.meetingId}/open`, headers: { cookie: congress.secretary } })).meeting;
    expect(opened).toMatchObject({ state: 'in_session', openedAt: expect.any(String), closedAt: null });
    const closed = (await call(app, { method: 'POST', url: `/api/meetings/${congress.meetingId}/close`, headers: { cookie: congress.secretary } })).meeting;
    expect(closed).toMatchObject({ state: 'closed', closedAt: expect.any(String) });
  });

  it('refuses every other move, naming the state it is in', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 2, openMeeting: false });
    const url = (event: string) => `/api/meetings/${congress.meetingId}/${event}`;
    let response = await post(app, url('close'), congress.secretary);
    expectError(response, 409, 'MEETING_STATE');
    expect(response.json().details.state).toBe('draft');
    await call(app, { method: 'POST', url: url('open'), headers: { cookie: congress.secretary } });
    response = await post(app, url('open'), congress.secretary);
    expect(response.json()).toMatchObject({ code: 'MEETING_STATE', details: { state: 'in_session' } });
    await call(app, { method: 'POST', url: url('close'), headers: { cookie: congress.secretary } });
    for (const event of ['open', 'close']) {
      response = await post(app, url(event), congress.secretary);
      expect(response.json()).toMatchObject({ code: 'MEETING_STATE', details: { state: 'closed' } });
    }
    response = await app.inject({ method: 'PATCH', url: `/api/meetings/${congress.meetingId}`, headers: { cookie: congress.secretary }, payload: { title: '改名' } });
    expect(response.json()).toMatchObject({ code: 'MEETING_STATE', details: { state: 'closed' } });
    response = await post(app, `/api/meetings/${congress.meetingId}/ballots`, congress.secretary, { title: '议题', items: [{ kind: 'approval', title: '议题' }] });
    expect(response.json()).toMatchObject({ code: 'MEETING_STATE', details: { state: 'closed' } });
  });

  it('does not close while a ballot is open', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 3 });
    const ballotId = await openBallot(congress);
    expectError(await post(app, `/api/meetings/${congress.meetingId}/close`, congress.secretary), 409, 'MEETING_STATE');
    await closeBallot(congress, ballotId);
    expect((await post(app, `/api/meetings/${congress.meetingId}/close`, congress.secretary)).json().meeting.state).toBe('closed');
  });

  it('is changed by the secretary only, and audited', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 2, openMeeting: false });
    expectError(await app.inject({ method: 'POST', url: `/api/meetings/${congress.meetingId}/open`, headers: bearer(congress.representatives[0]!.token) }), 403, 'FORBIDDEN');
    await call(app, { method: 'POST', url: `/api/meetings/${congress.meetingId}/open`, headers: { cookie: congress.secretary } });
    const { entries } = await call(app, { method: 'GET', url: `/api/audit?meetingId=${congress.meetingId}`, headers: { cookie: congress.secretary } });
    expect(entries[0]).toMatchObject({ action: 'meeting.open', actor: 'secretary', at: expect.any(String) });
  });

  it('answers 404 for a meeting that does not exist', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 1, openMeeting: false });
    expectError(await post(app, '/api/meetings/nope/open', congress.secretary), 404, 'MEETING_NOT_FOUND');
  });
});

describe('who may follow a meeting', () => {
  it('shows a representative their own term’s meeting, and not the list of all meetings', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 2 });
    const as = bearer(congress.representatives[0]!.token);
    expect((await call(app, { method: 'GET', url: `/api/meetings/${congress.meetingId}`, headers: as })).meeting.state).toBe('in_session');
    expectError(await app.inject({ method: 'GET', url: '/api/meetings', headers: as }), 403, 'FORBIDDEN');
    const { meeting } = await call(app, { method: 'GET', url: '/api/me', headers: as });
    expect(meeting.id).toBe(congress.meetingId);
  });

  it('forbids a member of another term', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 2 });
    const outsider = await memberOfAnotherTerm(congress);
    expectError(await app.inject({ method: 'GET', url: `/api/meetings/${congress.meetingId}`, headers: bearer(outsider.token) }), 403, 'FORBIDDEN');
    expectError(await app.inject({ method: 'GET', url: `/api/meetings/${congress.meetingId}/live`, headers: bearer(outsider.token) }), 403, 'FORBIDDEN');
  });

  it('asks an anonymous visitor to sign in', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 1 });
    expectError(await app.inject({ method: 'GET', url: `/api/meetings/${congress.meetingId}/live` }), 401, 'UNAUTHENTICATED');
  });
});
