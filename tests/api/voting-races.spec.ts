// Votes that race: the same representative fifty times at once, and votes in flight while the
// ballot closes. Every vote is either counted and acknowledged, or refused; never both, never lost.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { call, createApp, createCongress, openBallot } from '../support/congress.js';
import { closeBallot, publishBallot, rowCount, vote } from '../support/requests.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('fifty simultaneous attempts by one representative', () => {
  it('count exactly one ballot and refuse the other 49 with ALREADY_VOTED', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 3 });
    const ballotId = await openBallot(congress);
    const { token } = congress.representatives[0]!;
    const responses = await Promise.all(Array.from({ length: 50 }, (_, index) => vote(app!, token, ballotId, [index % 2 ? 'yes' : 'no'])));
    const accepted = responses.filter((response) => response.statusCode === 201);
    const refused = responses.filter((response) => response.statusCode === 409 && response.json().code === 'ALREADY_VOTED');
    expect([accepted.length, refused.length]).toEqual([1, 49]);
    const { ballot } = await call(app, { method: 'GET', url: `/api/ballots/${ballotId}`, headers: { cookie: congress.secretary } });
    expect(ballot.turnout.voted).toBe(1);
    const { result } = await closeBallot(congress, ballotId);
    const { yes, no, abstain } = result.items[0].counts;
    expect(yes + no + abstain).toBe(1);
    expect(result.cast).toBe(1);
    expect(rowCount(app, 'participation', 'ballot_id = ?', ballotId)).toBe(1);
  });

  it('let many representatives race each other, each counted once', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 10 });
    const ballotId = await openBallot(congress);
    const attempts = congress.representatives.flatMap((person) => Array.from({ length: 5 }, () => vote(app!, person.token, ballotId, ['yes'])));
    const responses = await Promise.all(attempts);
    expect(responses.filter((response) => response.statusCode === 201)).toHaveLength(10);
    const { result } = await closeBallot(congress, ballotId);
    expect(result.items[0].counts.yes).toBe(10);
  });
});

describe('votes in flight while the ballot closes', () => {
  it('are each either counted and acknowledged, or refused with BALLOT_CLOSED', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 30 });
    const ballotId = await openBallot(congress);
    // Votes keep arriving, one per turn of the event loop, and the close lands among them.
    const votes = [];
    let close: Promise<LightMyRequestResponse> | undefined;
    for (const [index, person] of congress.representatives.entries()) {
      if (index === 15) close = app.inject({ method: 'POST', url: `/api/ballots/${ballotId}/close`, headers: { cookie: congress.secretary } });
      votes.push(vote(app, person.token, ballotId, ['yes']));
      await new Promise((resolve) => setImmediate(resolve));
    }
    const [closed, ...responses] = await Promise.all([close!, ...votes]);
    expect(closed.statusCode).toBe(200);
    const outcomes = responses.map((response) => (response.statusCode === 201 ? 'counted' : response.json().code));
    expect(outcomes.every((outcome) => outcome === 'counted' || outcome === 'BALLOT_CLOSED')).toBe(true);
    const acknowledged = responses.filter((response) => response.statusCode === 201).map((response) => response.json().receipt as string);
    expect(acknowledged.length, 'the close should land among the votes').toBeGreaterThan(0);
    expect(acknowledged.length, 'the close should land among the votes').toBeLessThan(30);
    const { result } = closed.json().ballot;
    expect(result.items[0].counts.yes).toBe(acknowledged.length);
    expect(result.cast).toBe(acknowledged.length);
    expect(rowCount(app, 'participation', 'ballot_id = ?', ballotId)).toBe(acknowledged.length);
    expect(rowCount(app, 'ballot_box', 'ballot_id = ?', ballotId)).toBe(acknowledged.length);
    await publishBallot(congress, ballotId);
    const { receipts } = await call(app, { method: 'GET', url: `/api/ballots/${ballotId}/receipts` });
    expect(receipts).toEqual([...acknowledged].sort());
  });

  it('refuses everything that arrives after the close', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 5 });
    const ballotId = await openBallot(congress);
    await vote(app, congress.representatives[0]!.token, ballotId, ['yes']);
    await closeBallot(congress, ballotId);
    const late = await Promise.all(congress.representatives.slice(1).map((person) => vote(app!, person.token, ballotId, ['no'])));
    expect(late.map((response) => response.json().code)).toEqual(['BALLOT_CLOSED', 'BALLOT_CLOSED', 'BALLOT_CLOSED', 'BALLOT_CLOSED']);
    expect(rowCount(app, 'participation', 'ballot_id = ?', ballotId)).toBe(1);
  });
});
