// Item 12 of the hostile-insider review: a refused vote must cost little. Write-in names used to be
// compared with every candidate (each name normalised again) before the already-voted check ran:
// a thousand write-ins against a thousand candidates is a million normalisations per request.
// The work is counted, not timed: String.prototype.normalize calls per request.
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp, createCongress, openBallot } from '../support/congress.js';
import { expectError, vote } from '../support/requests.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await app?.close();
  app = undefined;
});

const CANDIDATES = 1000;
const candidates = Array.from({ length: CANDIDATES }, (_, index) => ({ id: `c${index}`, name: `候选人${String(index).padStart(4, '0')}` }));
/** The longest names the schema allows, none of them a candidate's. */
const writeIns = (count: number) => Array.from({ length: count }, (_, index) => `另选${String(index).padStart(4, '0')}${'某'.repeat(34)}`);

function election(seats: number) {
  return { title: '选举', items: [{ kind: 'election', title: '选举委员', seats, candidates, allowWriteIn: true, passingRule: 'all_majority' }] };
}

/** How many times String.prototype.normalize runs while `work` does. */
async function normalizations(work: () => Promise<unknown>): Promise<number> {
  const spy = vi.spyOn(String.prototype, 'normalize');
  try {
    await work();
    return spy.mock.calls.length;
  } finally {
    spy.mockRestore();
  }
}

describe('the cost of a refused write-in vote', () => {
  it('refuses a representative who has voted before looking at their write-ins', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 2 });
    const ballotId = await openBallot(congress, election(3));
    const { token } = congress.representatives[0]!;
    expect((await vote(app, token, ballotId, [{ candidateIds: ['c1'], writeIns: [] }])).statusCode).toBe(201);
    let response: Awaited<ReturnType<typeof vote>> | undefined;
    const work = await normalizations(async () => {
      response = await vote(app!, token, ballotId, [{ candidateIds: [], writeIns: writeIns(1000) }]);
    });
    expectError(response!, 409, 'ALREADY_VOTED');
    expect(work).toBe(0);
  });

  it('refuses more names than seats before normalising any of them', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 2 });
    const ballotId = await openBallot(congress, election(3));
    let response: Awaited<ReturnType<typeof vote>> | undefined;
    const work = await normalizations(async () => {
      response = await vote(app!, congress.representatives[1]!.token, ballotId, [{ candidateIds: [], writeIns: writeIns(1000) }]);
    });
    expectError(response!, 400, 'TOO_MANY_CHOICES');
    expect(work).toBe(0);
  });

  it('checks the most write-ins the seats allow in work linear in names and candidates, not their product', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 3 });
    const ballotId = await openBallot(congress, election(1000));
    const first = await normalizations(async () => {
      expect((await vote(app!, congress.representatives[0]!.token, ballotId, [{ candidateIds: [], writeIns: writeIns(1000) }])).statusCode).toBe(201);
    });
    const second = await normalizations(async () => {
      expect((await vote(app!, congress.representatives[1]!.token, ballotId, [{ candidateIds: [], writeIns: writeIns(1000) }])).statusCode).toBe(201);
    });
    // The candidates' names are normalised once per ballot, each write-in once per request.
    expect(first).toBeLessThanOrEqual(2 * (CANDIDATES + 1000));
    expect(second).toBeLessThanOrEqual(2 * 1000);
  });
});
