// The projector (大屏): a read-only token for one meeting that can follow it and nothing more.
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { approvalBallot, call, type Congress, createApp, createCongress, deviceReceipt, openBallot } from '../support/congress.js';
import { castAll, closeBallot, display, draftBallot, expectError, publishBallot } from '../support/requests.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function displayToken(congress: Congress, meetingId = congress.meetingId): Promise<string> {
  return (await call(congress.app, { method: 'POST', url: `/api/meetings/${meetingId}/display-token`, headers: { cookie: congress.secretary } }, 201)).token;
}

describe('the display token', () => {
  it('without PUBLIC_URL, comes with a link under the address the secretary used', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 1 });
    const issued = await call(app, { method: 'POST', url: `/api/meetings/${congress.meetingId}/display-token`, headers: { cookie: congress.secretary, host: '192.168.1.20:3000' } }, 201);
    expect(issued.displayUrl).toBe(`http://192.168.1.20:3000/display/${issued.token}`);
  });

  it('behind a trusted proxy, comes with a link under the https address the secretary used', async () => {
    app = await createApp({ TRUST_PROXY: true });
    const congress = await createCongress(app, { representatives: 1 });
    const headers = { cookie: congress.secretary, host: '127.0.0.1:3000', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'vote.union.example' };
    const issued = await call(app, { method: 'POST', url: `/api/meetings/${congress.meetingId}/display-token`, headers }, 201);
    expect(issued.displayUrl).toBe(`https://vote.union.example/display/${issued.token}`);
  });

  it('shows its meeting live: attendance and ballots, nobody in particular', async () => {
    app = await createApp({ PUBLIC_URL: 'https://yishi.example' });
    const congress = await createCongress(app, { representatives: 4, attendees: 1, present: 3 });
    const issued = await call(app, { method: 'POST', url: `/api/meetings/${congress.meetingId}/display-token`, headers: { cookie: congress.secretary } }, 201);
    expect(issued.displayUrl).toBe(`https://yishi.example/display/${issued.token}`);
    await openBallot(congress);
    const live = await call(app, { method: 'GET', url: `/api/meetings/${congress.meetingId}/live`, headers: display(issued.token) });
    expect(live.meeting).toMatchObject({ id: congress.meetingId, state: 'in_session' });
    expect(live.attendance).toMatchObject({ eligible: 4, present: 3 });
    expect(live.ballots).toHaveLength(1);
    expect(live.ballots[0]).toMatchObject({ state: 'open', turnout: { voted: 0, eligible: 4 }, result: null });
    expect(live.you).toBeNull();
  });

  it('is stored only as a hash', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 1 });
    const token = await displayToken(congress);
    const { display_token_hash: hash } = app.yishi.sqlite.prepare('SELECT display_token_hash FROM meeting').get() as { display_token_hash: string };
    expect(hash).toEqual(expect.any(String));
    expect(hash).not.toContain(token);
  });

  it('is refused for another meeting', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 2 });
    const token = await displayToken(congress);
    const { meeting } = await call(
      app,
      { method: 'POST', url: '/api/meetings', headers: { cookie: congress.secretary }, payload: { termId: congress.termId, title: '第三届第三次职工代表大会' } },
      201,
    );
    expectError(await app.inject({ method: 'GET', url: `/api/meetings/${meeting.id}/live`, headers: display(token) }), 403, 'FORBIDDEN');
    expectError(await app.inject({ method: 'GET', url: `/api/meetings/${meeting.id}/ballots`, headers: display(token) }), 403, 'FORBIDDEN');
  });

  it('can neither vote, check in, nor change anything', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 3 });
    const token = await displayToken(congress);
    const ballotId = await openBallot(congress);
    const as = display(token);
    const meetingUrl = `/api/meetings/${congress.meetingId}`;
    expectError(await app.inject({ method: 'POST', url: `/api/ballots/${ballotId}/votes`, headers: as, payload: { answers: ['yes'], receipt: deviceReceipt() } }), 403, 'FORBIDDEN');
    expectError(await app.inject({ method: 'POST', url: `${meetingUrl}/check-in`, headers: as }), 403, 'FORBIDDEN');
    expectError(await app.inject({ method: 'POST', url: `/api/ballots/${ballotId}/close`, headers: as }), 403, 'FORBIDDEN');
    expectError(await app.inject({ method: 'POST', url: `${meetingUrl}/ballots`, headers: as, payload: approvalBallot() }), 403, 'FORBIDDEN');
    expectError(await app.inject({ method: 'PUT', url: `${meetingUrl}/attendance/${congress.representatives[0]!.memberId}`, headers: as, payload: { status: 'absent' } }), 403, 'FORBIDDEN');
    expectError(await app.inject({ method: 'GET', url: `${meetingUrl}/attendance`, headers: as }), 403, 'FORBIDDEN');
    expectError(await app.inject({ method: 'POST', url: `${meetingUrl}/close`, headers: as }), 403, 'FORBIDDEN');
    const { ballot } = await call(app, { method: 'GET', url: `/api/ballots/${ballotId}`, headers: { cookie: congress.secretary } });
    expect(ballot).toMatchObject({ state: 'open', turnout: { voted: 0 } });
  });

  it('shows a result once it is published, not when it is only closed', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 3 });
    const token = await displayToken(congress);
    const ballotId = await openBallot(congress);
    await castAll(congress, ballotId, [['yes'], ['yes'], ['no']]);
    await closeBallot(congress, ballotId);
    const ballotUrl = `/api/ballots/${ballotId}`;
    expect((await call(app, { method: 'GET', url: ballotUrl, headers: display(token) })).ballot).toMatchObject({ state: 'closed', result: null, turnout: { voted: 3, eligible: 3 } });
    await publishBallot(congress, ballotId);
    expect((await call(app, { method: 'GET', url: ballotUrl, headers: display(token) })).ballot.result.items[0].counts).toEqual({ yes: 2, no: 1, abstain: 0 });
  });

  it('never sees a draft ballot', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 2 });
    const token = await displayToken(congress);
    const draft = await draftBallot(congress, approvalBallot('草稿'));
    expect((await call(app, { method: 'GET', url: `/api/meetings/${congress.meetingId}/live`, headers: display(token) })).ballots).toEqual([]);
    expectError(await app.inject({ method: 'GET', url: `/api/ballots/${draft.id}`, headers: display(token) }), 404, 'BALLOT_NOT_FOUND');
  });

  it('stops working when a new token replaces it', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 1 });
    const old = await displayToken(congress);
    const current = await displayToken(congress);
    expectError(await app.inject({ method: 'GET', url: `/api/meetings/${congress.meetingId}/live`, headers: display(old) }), 401, 'UNAUTHENTICATED');
    expect((await app.inject({ method: 'GET', url: `/api/meetings/${congress.meetingId}/live`, headers: display(current) })).statusCode).toBe(200);
  });
});
