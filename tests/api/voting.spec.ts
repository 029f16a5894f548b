// Casting a vote over HTTP: who may, when, what a valid paper is, and that a refused paper
// changes nothing.
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { approvalBallot, call, type Congress, createApp, createCongress, deviceReceipt, openBallot } from '../support/congress.js';
import { bearer, closeBallot, draftBallot, expectError, memberOfAnotherTerm, publishBallot, rowCount, vote } from '../support/requests.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function turnout(congress: Congress, ballotId: string) {
  return (await call(congress.app, { method: 'GET', url: `/api/ballots/${ballotId}`, headers: { cookie: congress.secretary } })).ballot.turnout;
}

const rawVote = (congress: Congress, ballotId: string, body: string) =>
  congress.app.inject({ method: 'POST', url: `/api/ballots/${ballotId}/votes`, headers: { ...bearer(congress.representatives[0]!.token), 'content-type': 'application/json' }, payload: body });

describe('casting a vote', () => {
  it('acknowledges with the device’s receipt and leaves attendance as it was (a vote is not a check-in)', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 3, present: 2 });
    const ballotId = await openBallot(congress);
    const late = congress.representatives[2]!;
    const response = await vote(app, late.token, ballotId, ['yes'], 'my-device-receipt-0001');
    expect(response.statusCode).toBe(201);
    // The turnout with this vote in it: the first vote is the first counted.
    expect(response.json()).toEqual({ ballotId, receipt: 'my-device-receipt-0001', voted: 1 });
    const { attendance } = await call(app, { method: 'GET', url: `/api/meetings/${congress.meetingId}`, headers: { cookie: congress.secretary } });
    // Attendance that changed with a vote would tell whoever watches it who voted (issue 9, item 2).
    expect(attendance).toMatchObject({ present: 2 });
    expect((await call(app, { method: 'GET', url: '/api/me', headers: bearer(late.token) })).you).toMatchObject({ voted: [ballotId] });
    // At close the ballot counts them present (a count, naming no one), so cast never exceeds present.
    expect((await closeBallot(congress, ballotId)).result).toMatchObject({ present: 3, cast: 1 });
  });

  it('refuses a second ballot from the same representative', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 2 });
    const ballotId = await openBallot(congress);
    const { token } = congress.representatives[0]!;
    expect((await vote(app, token, ballotId, ['yes'])).statusCode).toBe(201);
    expectError(await vote(app, token, ballotId, ['no']), 409, 'ALREADY_VOTED');
    expect(await turnout(congress, ballotId)).toEqual({ voted: 1, eligible: 2 });
    expect((await closeBallot(congress, ballotId)).result.items[0].counts).toEqual({ yes: 1, no: 0, abstain: 0 });
  });

  it('refuses an attendee, who never votes', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 2, attendees: 1 });
    const ballotId = await openBallot(congress);
    expectError(await vote(app, congress.attendees[0]!.token, ballotId, ['yes']), 403, 'NOT_ELIGIBLE');
    expect(await turnout(congress, ballotId)).toEqual({ voted: 0, eligible: 2 });
  });

  it('refuses a vote on a draft, and on a closed or published ballot', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 2 });
    const { token } = congress.representatives[0]!;
    const draft = await draftBallot(congress, approvalBallot());
    expectError(await vote(app, token, draft.id, ['yes']), 409, 'BALLOT_NOT_OPEN');
    const ballotId = await openBallot(congress);
    await closeBallot(congress, ballotId);
    expectError(await vote(app, token, ballotId, ['yes']), 409, 'BALLOT_CLOSED');
    await publishBallot(congress, ballotId);
    expectError(await vote(app, token, ballotId, ['yes']), 409, 'BALLOT_CLOSED');
    expectError(await vote(app, token, 'no-such-ballot', ['yes']), 404, 'BALLOT_NOT_FOUND');
  });

  it('forbids a member of another term, an officer and a visitor', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 2 });
    const ballotId = await openBallot(congress);
    const outsider = await memberOfAnotherTerm(congress);
    expectError(await vote(app, outsider.token, ballotId, ['yes']), 403, 'FORBIDDEN');
    const asSecretary = await app.inject({ method: 'POST', url: `/api/ballots/${ballotId}/votes`, headers: { cookie: congress.secretary }, payload: { answers: ['yes'], receipt: deviceReceipt() } });
    expectError(asSecretary, 403, 'FORBIDDEN');
    expectError(await app.inject({ method: 'POST', url: `/api/ballots/${ballotId}/votes`, payload: { answers: ['yes'], receipt: deviceReceipt() } }), 401, 'UNAUTHENTICATED');
    expect(rowCount(app, 'participation')).toBe(0);
  });
});

describe('a paper that is not filled in right', () => {
  it('is refused with a clear code, counted nowhere, and the voter may still vote', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 2 });
    const ballotId = await openBallot(congress);
    const { token } = congress.representatives[0]!;
    expectError(await vote(app, token, ballotId, ['maybe']), 400, 'INVALID_ANSWER');
    expectError(await vote(app, token, ballotId, ['yes', 'no']), 400, 'INVALID_ANSWER');
    expectError(await vote(app, token, ballotId, []), 400, 'VALIDATION_FAILED');
    expectError(await vote(app, token, ballotId, ['yes'], 'short'), 400, 'VALIDATION_FAILED');
    const extra = await app.inject({ method: 'POST', url: `/api/ballots/${ballotId}/votes`, headers: bearer(token), payload: { answers: ['yes'], memberId: 'someone-else' } });
    expectError(extra, 400, 'VALIDATION_FAILED');
    expect(rowCount(app, 'participation') + rowCount(app, 'ballot_box')).toBe(0);
    expect((await vote(app, token, ballotId, ['no'])).statusCode).toBe(201);
  });

  it('refuses an unknown option on a choice item', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 2 });
    const ballotId = await openBallot(congress, { title: '选择', items: [{ kind: 'choice', title: '选择', options: [{ id: 'x', label: 'X' }] }] });
    expectError(await vote(app, congress.representatives[0]!.token, ballotId, [{ optionIds: ['y'] }]), 400, 'UNKNOWN_OPTION');
    expect(await turnout(congress, ballotId)).toEqual({ voted: 0, eligible: 2 });
  });

  it('refuses __proto__ and constructor tricks without a trace', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 2 });
    const ballotId = await openBallot(congress, { title: '评议', items: [{ kind: 'rating', title: '评议', subjects: [{ id: 'chair', name: '周主席' }] }] });
    for (const body of ['{"answers":[{"__proto__":{"chair":"excellent"}}]}', '{"__proto__":{"answers":[{}]},"answers":[{}]}', '{"answers":[{"constructor":{"prototype":{"chair":"excellent"}}}]}']) {
      const response = await rawVote(congress, ballotId, body);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ messageZh: expect.any(String), messageEn: expect.any(String) });
    }
    expect(({} as Record<string, unknown>).chair).toBeUndefined();
    expect(await turnout(congress, ballotId)).toEqual({ voted: 0, eligible: 2 });
  });

  it('refuses deeply nested papers with a 400, not a crash', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 2 });
    const ballotId = await openBallot(congress);
    const depth = 60_000;
    for (const nested of ['['.repeat(depth) + ']'.repeat(depth), `${'{"a":'.repeat(depth / 2)}1${'}'.repeat(depth / 2)}`]) {
      const response = await rawVote(congress, ballotId, `{"answers":[${nested}]}`);
      expect(response.statusCode).toBe(400);
      expect(response.json()).not.toHaveProperty('stack');
    }
    expect((await vote(app, congress.representatives[0]!.token, ballotId, ['yes'])).statusCode).toBe(201);
  });
});
