// 另行选举 (issue 14, part 3): an election counted under the majority of all representatives leaves a
// seat empty; from its result the secretary makes a new draft among the candidates not elected, for
// the seats left, and the tellers rule still holds on it.
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { call, type Congress, createApp, createCongress } from '../support/congress.js';
import { castAll, closeBallot, draftBallot, expectError, publishBallot } from '../support/requests.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const post = (congress: Congress, url: string, payload?: object) => congress.app.inject({ method: 'POST', url, headers: { cookie: congress.secretary }, ...(payload ? { payload } : {}) });

/** Eight representatives; candidates are the last four (代表5 … 代表8), two seats; a seat needs 5 votes. */
async function countedElection(congress: Congress, papers: string[][]) {
  const candidates = congress.representatives.slice(4).map((person) => ({ id: person.memberId, name: person.name }));
  const draft = await draftBallot(congress, { title: '补选工会委员', items: [{ kind: 'election', title: '补选工会委员', seats: 2, candidates }] });
  await call(congress.app, { method: 'POST', url: `/api/ballots/${draft.id}/open`, headers: { cookie: congress.secretary }, payload: {} });
  await castAll(
    congress,
    draft.id,
    papers.map((names) => [{ candidateIds: names.map((name) => candidates.find((candidate) => candidate.name === name)!.id), writeIns: [] }]),
  );
  const ballot = await closeBallot(congress, draft.id);
  return { ballot, candidates, itemId: ballot.items[0].id as string };
}

describe('an election that leaves a seat empty', () => {
  it('elects only with more than half of all representatives, reports the empty seat, and opens a new election for it', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 8 });
    // 代表5: 5 of 8 (elected); 代表6: 4 of 8, exactly half (not elected); 代表7: 2.
    const { ballot, candidates, itemId } = await countedElection(congress, [['代表5', '代表6'], ['代表5', '代表6'], ['代表5', '代表6'], ['代表5', '代表6'], ['代表5', '代表7'], ['代表7'], []]);
    const result = ballot.result.items[0];
    expect(result).toMatchObject({ required: 5, base: 8, elected: [candidates[0]!.id], runoff: null, unfilledSeats: 1 });
    expect(result.explanation.zh).toContain('空缺 1 名');
    expect(result.explanation.en).toContain('1 seat(s) left empty');
    await publishBallot(congress, ballot.id);

    const response = await post(congress, `/api/ballots/${ballot.id}/items/${itemId}/new-election`);
    expect(response.statusCode).toBe(201);
    const next = response.json().ballot;
    expect(next).toMatchObject({ state: 'draft', meetingId: congress.meetingId, secrecy: ballot.secrecy, revoteOf: null });
    expect(next.title).toBe('补选工会委员(另行选举)');
    expect(next.items).toHaveLength(1);
    expect(next.items[0]).toMatchObject({ kind: 'election', seats: 1, passingRule: 'all_majority', majorityWording: 'majorityStrict', candidates: candidates.slice(1) });
    expect(next.items[0].id).not.toBe(itemId);

    const { entries } = await call(app, { method: 'GET', url: `/api/audit?meetingId=${congress.meetingId}`, headers: { cookie: congress.secretary } });
    expect(entries.find((entry: { action: string }) => entry.action === 'ballot.new-election-created')).toMatchObject({
      ballotId: next.id,
      detail: { of: ballot.id, itemId, seats: 1, candidates: ['代表6', '代表7', '代表8'] },
    });

    // The new draft is an ordinary one: no teller may stand in it (by member id).
    expectError(
      await congress.app.inject({
        method: 'PUT',
        url: `/api/ballots/${next.id}/tellers`,
        headers: { cookie: congress.secretary },
        payload: { tellers: [{ memberId: candidates[1]!.id, role: 'scrutineer' }] },
      }),
      409,
      'TELLER_IS_CANDIDATE',
    );
    // The one elected is not on it, so may count it.
    const named = await congress.app.inject({
      method: 'PUT',
      url: `/api/ballots/${next.id}/tellers`,
      headers: { cookie: congress.secretary },
      payload: { tellers: [{ memberId: candidates[0]!.id, role: 'scrutineer' }] },
    });
    expect(named.statusCode).toBe(200);
  });

  it('is refused where nothing is left to elect, for an item that is not an election, and before the count', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 8 });
    const full = await countedElection(
      congress,
      Array.from({ length: 6 }, () => ['代表5', '代表6']),
    );
    expect(full.ballot.result.items[0]).toMatchObject({ unfilledSeats: 0 });
    expectError(await post(congress, `/api/ballots/${full.ballot.id}/items/${full.itemId}/new-election`), 409, 'NO_EMPTY_SEATS');
    expectError(await post(congress, `/api/ballots/${full.ballot.id}/items/nothing-here/new-election`), 404, 'BALLOT_ITEM_NOT_FOUND');
    expectError(await post(congress, `/api/ballots/missing/items/${full.itemId}/new-election`), 404, 'BALLOT_NOT_FOUND');

    const approval = await draftBallot(congress, { title: '关于集体合同的决议', items: [{ kind: 'approval', title: '关于集体合同的决议' }] });
    await call(app, { method: 'POST', url: `/api/ballots/${approval.id}/open`, headers: { cookie: congress.secretary }, payload: {} });
    const closed = await closeBallot(congress, approval.id);
    expectError(await post(congress, `/api/ballots/${approval.id}/items/${closed.items[0].id}/new-election`), 409, 'NOT_AN_ELECTION');

    const open = await draftBallot(congress, { title: '选举', items: [{ kind: 'election', title: '选举', seats: 1, candidates: [{ id: 'a', name: '甲' }] }] });
    expectError(await post(congress, `/api/ballots/${open.id}/items/${open.items[0].id}/new-election`), 409, 'BALLOT_STATE');
  });

  it('puts every seat up again when nobody reached the line', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 8 });
    // Nobody votes: both seats empty, all four candidates stand again.
    const { ballot, itemId } = await countedElection(congress, []);
    expect(ballot.result.items[0]).toMatchObject({ elected: [], unfilledSeats: 2 });
    const next = (await post(congress, `/api/ballots/${ballot.id}/items/${itemId}/new-election`)).json().ballot;
    expect(next.items[0]).toMatchObject({ seats: 2 });
    expect(next.items[0].candidates).toHaveLength(4);
  });
});
