// Elections (民主选举) on a ballot: seats, too many choices, write-ins (另选他人), and a tie at the last
// seat reported for a run-off (另行选举) instead of settled silently.
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { call, createApp, createCongress, openBallot } from '../support/congress.js';
import { castAll, closeBallot, expectError, vote } from '../support/requests.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const candidates = [
  { id: 'a', name: '张三' },
  { id: 'b', name: '李四' },
  { id: 'c', name: '王五' },
  { id: 'd', name: '赵六' },
];

function election(seats: number, options: { allowWriteIn?: boolean; passingRule?: string; count?: number } = {}) {
  const item = {
    kind: 'election',
    title: '选举工会委员',
    seats,
    candidates: candidates.slice(0, options.count ?? 4),
    allowWriteIn: options.allowWriteIn ?? false,
    passingRule: options.passingRule ?? 'all_majority',
  };
  return { title: '工会委员会委员选举', items: [item] };
}

const picks = (...candidateIds: string[]) => [{ candidateIds, writeIns: [] }];

describe('an election', () => {
  it('elects the candidates over half of all representatives, top N by votes', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 5 });
    const ballotId = await openBallot(congress, election(2));
    await castAll(congress, ballotId, [picks('a', 'b'), picks('a', 'b'), picks('a', 'c'), picks('b', 'c'), picks('a')]);
    const [result] = (await closeBallot(congress, ballotId)).result.items;
    expect(result).toMatchObject({ required: 3, elected: ['a', 'b'], runoff: null, unfilledSeats: 0 });
    expect(result.candidates.map((candidate: { id: string; votes: number }) => [candidate.id, candidate.votes])).toEqual([
      ['a', 4],
      ['b', 3],
      ['c', 2],
      ['d', 0],
    ]);
    expect(result.explanation.zh).toContain('当选：张三（4 票）、李四（3 票）');
  });

  it('refuses a paper choosing more candidates than seats, and lets the voter try again', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 3 });
    const ballotId = await openBallot(congress, election(2));
    const token = congress.representatives[0]!.token;
    expectError(await vote(app, token, ballotId, picks('a', 'b', 'c')), 400, 'TOO_MANY_CHOICES');
    expectError(await vote(app, token, ballotId, picks('a', 'a')), 400, 'DUPLICATE_CHOICE');
    expectError(await vote(app, token, ballotId, picks('z')), 400, 'UNKNOWN_OPTION');
    const { ballot } = await call(app, { method: 'GET', url: `/api/ballots/${ballotId}`, headers: { cookie: congress.secretary } });
    expect(ballot.turnout.voted).toBe(0);
    expect((await vote(app, token, ballotId, picks('a', 'b'))).statusCode).toBe(201);
  });

  it('counts an empty paper as a blank ballot that counts against everyone', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 3 });
    const ballotId = await openBallot(congress, election(1, { count: 2 }));
    await castAll(congress, ballotId, [picks('a'), picks('a'), picks()]);
    const [result] = (await closeBallot(congress, ballotId)).result.items;
    expect(result).toMatchObject({ blankBallots: 1, elected: ['a'] });
  });

  it('counts write-ins, and a write-in naming a listed candidate for that candidate', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 4 });
    const ballotId = await openBallot(congress, election(1, { allowWriteIn: true, count: 2 }));
    await castAll(congress, ballotId, [
      [{ candidateIds: [], writeIns: ['孙七'] }],
      [{ candidateIds: [], writeIns: [' 孙七 '] }],
      [{ candidateIds: [], writeIns: ['孙七'] }],
      [{ candidateIds: [], writeIns: ['张三'] }],
    ]);
    const [result] = (await closeBallot(congress, ballotId)).result.items;
    expect(result.writeIns).toEqual([{ name: '孙七', votes: 3, reachedThreshold: true }]);
    expect(result.candidates.find((candidate: { id: string }) => candidate.id === 'a').votes).toBe(1);
    expect(result.elected).toEqual(['write-in:孙七']);
  });

  it('refuses write-ins where the ballot does not allow them', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 2 });
    const ballotId = await openBallot(congress, election(1));
    expectError(await vote(app, congress.representatives[0]!.token, ballotId, [{ candidateIds: [], writeIns: ['孙七'] }]), 400, 'WRITE_IN_NOT_ALLOWED');
  });

  it('reports a tie at the last seat for a run-off instead of choosing', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 6 });
    const ballotId = await openBallot(congress, election(3));
    await castAll(congress, ballotId, [picks('a', 'b', 'c'), picks('a', 'b', 'c'), picks('a', 'b', 'd'), picks('a', 'b', 'd'), picks('a', 'c', 'd'), picks('a', 'c', 'd')]);
    const [result] = (await closeBallot(congress, ballotId)).result.items;
    expect(result).toMatchObject({ required: 4, elected: ['a'], unfilledSeats: 0 });
    expect(result.runoff.seats).toBe(2);
    expect([...result.runoff.candidateIds].sort()).toEqual(['b', 'c', 'd']);
    expect(result.explanation.zh).toContain('另行选举');
  });

  it('leaves a seat unfilled when nobody else reaches the threshold', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 4 });
    const ballotId = await openBallot(congress, election(2, { count: 3 }));
    await castAll(congress, ballotId, [picks('a', 'b'), picks('a', 'c'), picks('a', 'b'), picks('a', 'c')]);
    const [result] = (await closeBallot(congress, ballotId)).result.items;
    expect(result).toMatchObject({ required: 3, elected: ['a'], runoff: null, unfilledSeats: 1 });
  });

  it('refuses a sheet with more seats than candidates and no write-ins', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 2 });
    const response = await app.inject({ method: 'POST', url: `/api/meetings/${congress.meetingId}/ballots`, headers: { cookie: congress.secretary }, payload: election(3, { count: 2 }) });
    expectError(response, 400, 'VALIDATION_FAILED');
  });
});
