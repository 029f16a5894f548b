// Sessions (第N次会议) and their sittings, and a term's rules (issue 12): which sitting fits which
// session, the quorum a new meeting takes from its term, and rules with their defaults and sources.
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { call, createApp, createCongress } from '../support/congress.js';
import { bearer, expectError } from '../support/requests.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function setUp() {
  app = await createApp();
  const congress = await createCongress(app, { representatives: 3, openMeeting: false });
  const as = { cookie: congress.secretary };
  const post = (url: string, payload: object) => app!.inject({ method: 'POST', url, headers: as, payload });
  return { congress, as, post };
}

describe('sessions and sittings', () => {
  it('groups a preparatory meeting and plenary sittings in one session; a meeting naming a session number joins it', async () => {
    const { congress, as, post } = await setUp();
    // createCongress made a plenary with sessionNumber 2: that made session 2.
    const { sessions } = await call(app!, { method: 'GET', url: `/api/terms/${congress.termId}/sessions`, headers: as });
    expect(sessions).toEqual([expect.objectContaining({ number: 2, kind: 'regular', title: '第二次会议', meetingIds: [congress.meetingId] })]);
    const preparatory = (await post('/api/meetings', { termId: congress.termId, title: '预备会议', sitting: 'preparatory', sessionId: sessions[0].id })).json().meeting;
    expect(preparatory).toMatchObject({ sitting: 'preparatory', sessionId: sessions[0].id, sessionNumber: 2 });
    const second = (await post('/api/meetings', { termId: congress.termId, title: '第二次全体会议', sessionNumber: 2 })).json().meeting;
    expect(second).toMatchObject({ sitting: 'plenary', sessionId: sessions[0].id });
    const { session } = await call(app!, { method: 'GET', url: `/api/sessions/${sessions[0].id}`, headers: as });
    expect(session.meetingIds).toEqual([congress.meetingId, preparatory.id, second.id]);
  });

  it('refuses a sitting that does not fit: a second preparatory meeting, a joint meeting in a session, an extraordinary sitting of a regular session', async () => {
    const { congress, as, post } = await setUp();
    const { sessions } = await call(app!, { method: 'GET', url: `/api/terms/${congress.termId}/sessions`, headers: as });
    const sessionId = sessions[0].id;
    expect((await post('/api/meetings', { termId: congress.termId, title: '预备会议', sitting: 'preparatory', sessionId })).statusCode).toBe(201);
    expectError(await post('/api/meetings', { termId: congress.termId, title: '又一个预备会议', sitting: 'preparatory', sessionId }), 400, 'MEETING_SITTING_INVALID');
    expectError(await post('/api/meetings', { termId: congress.termId, title: '联席会议', sitting: 'joint', sessionId }), 400, 'MEETING_SITTING_INVALID');
    expectError(await post('/api/meetings', { termId: congress.termId, title: '临时会议', sitting: 'extraordinary', sessionId }), 400, 'MEETING_SITTING_INVALID');
    expectError(await post('/api/meetings', { termId: congress.termId, title: '预备会议', sitting: 'preparatory' }), 400, 'MEETING_SITTING_INVALID');
    expectError(await post('/api/meetings', { termId: congress.termId, title: '会议', sessionId: 'no-such-session' }), 404, 'SESSION_NOT_FOUND');
    const { meetings } = await call(app!, { method: 'GET', url: `/api/meetings?termId=${congress.termId}`, headers: as });
    expect(meetings).toHaveLength(2);
  });

  it('makes an extraordinary session with its own sittings, and a joint meeting in none', async () => {
    const { congress, post } = await setUp();
    const created = await post(`/api/terms/${congress.termId}/sessions`, { number: 3, kind: 'extraordinary' });
    expect(created.statusCode).toBe(201);
    const session = created.json().session;
    expect(session).toMatchObject({ number: 3, kind: 'extraordinary', title: '第三次临时会议' });
    expectError(await post(`/api/terms/${congress.termId}/sessions`, { number: 3 }), 409, 'SESSION_EXISTS');
    expect((await post('/api/meetings', { termId: congress.termId, title: '临时会议', sitting: 'extraordinary', sessionId: session.id })).json().meeting).toMatchObject({
      sitting: 'extraordinary',
      sessionNumber: 3,
    });
    expectError(await post('/api/meetings', { termId: congress.termId, title: '全体会议', sitting: 'plenary', sessionId: session.id }), 400, 'MEETING_SITTING_INVALID');
    const joint = (await post('/api/meetings', { termId: congress.termId, title: '联席会议', sitting: 'joint' })).json().meeting;
    expect(joint).toMatchObject({ sitting: 'joint', sessionId: null, sessionNumber: null });
  });

  it('gives representatives no way to make or list sessions', async () => {
    const { congress } = await setUp();
    const token = congress.representatives[0]!.token;
    expectError(await app!.inject({ method: 'POST', url: `/api/terms/${congress.termId}/sessions`, headers: bearer(token), payload: { number: 5 } }), 403, 'FORBIDDEN');
    expectError(await app!.inject({ method: 'GET', url: `/api/terms/${congress.termId}/sessions`, headers: bearer(token) }), 403, 'FORBIDDEN');
  });
});

describe("a term's rules", () => {
  it('reads every default with its source, and a new meeting takes its quorum from them', async () => {
    const { congress, as, post } = await setUp();
    const read = await call(app!, { method: 'GET', url: `/api/terms/${congress.termId}/rules`, headers: as });
    expect(read.rules).toMatchObject({
      quorum: { numerator: 2, denominator: 3 },
      majorityWording: 'majorityStrict',
      composition: { managersMax: { numerator: 1, denominator: 5 }, frontLineMin: { numerator: 1, denominator: 2 }, workforceWomenShare: null, minRepresentatives: 30 },
      joint: { quorum: { numerator: 2, denominator: 3 }, decision: 'present_majority' },
      extraordinary: { proposalShare: { numerator: 1, denominator: 3 } },
    });
    expect(read.sources['presidium.bands'].source).toContain('上海 §23');
    const changed = await call(app!, {
      method: 'PATCH',
      url: `/api/terms/${congress.termId}/rules`,
      headers: as,
      payload: { quorum: { numerator: 1, denominator: 2 }, joint: { quorum: { numerator: 3, denominator: 4 } } },
    });
    expect(changed.rules.quorum).toEqual({ numerator: 1, denominator: 2 });
    expect(changed.rules.joint).toEqual({ quorum: { numerator: 3, denominator: 4 }, decision: 'present_majority' });
    expect((await post('/api/meetings', { termId: congress.termId, title: '全体会议' })).json().meeting.quorum).toEqual({ numerator: 1, denominator: 2 });
    expect((await post('/api/meetings', { termId: congress.termId, title: '联席会议', sitting: 'joint' })).json().meeting.quorum).toEqual({ numerator: 3, denominator: 4 });
  });

  it('refuses a bad rule and changes nothing', async () => {
    const { congress, as } = await setUp();
    const bad = await app!.inject({ method: 'PATCH', url: `/api/terms/${congress.termId}/rules`, headers: as, payload: { quorum: { numerator: 4, denominator: 3 } } });
    expectError(bad, 400, 'VALIDATION_FAILED');
    const unknown = await app!.inject({ method: 'PATCH', url: `/api/terms/${congress.termId}/rules`, headers: as, payload: { nonsense: 1 } });
    expectError(unknown, 400, 'VALIDATION_FAILED');
    expect((await call(app!, { method: 'GET', url: `/api/terms/${congress.termId}/rules`, headers: as })).rules.quorum).toEqual({ numerator: 2, denominator: 3 });
  });
});
