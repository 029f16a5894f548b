// Manual results: the counts of a show of hands (举手表决) or a paper count, entered by the secretary,
// checked to add up, and marked manual wherever the result is shown.
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { call, type Congress, createApp, createCongress } from '../support/congress.js';
import { bearer, draftBallot, expectError, publishBallot, vote } from '../support/requests.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const showOfHands = { title: '关于大会议程的表决', method: 'manual', items: [{ kind: 'approval', title: '大会议程' }] };
const candidates = [
  { id: 'a', name: '张三' },
  { id: 'b', name: '李四' },
  { id: 'c', name: '王五' },
];
const paperElection = { title: '补选', method: 'manual', items: [{ kind: 'election', title: '补选委员', seats: 2, candidates }] };

const enter = (congress: Congress, ballotId: string, payload: object) =>
  congress.app.inject({ method: 'PUT', url: `/api/ballots/${ballotId}/manual-result`, headers: { cookie: congress.secretary }, payload });

async function state(congress: Congress, ballotId: string) {
  return (await call(congress.app, { method: 'GET', url: `/api/ballots/${ballotId}`, headers: { cookie: congress.secretary } })).ballot.state;
}

describe('a show of hands', () => {
  it('takes the counts, closes the ballot and marks the result manual', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 10 });
    const draft = await draftBallot(congress, showOfHands);
    const response = await enter(congress, draft.id, { present: 9, cast: 9, items: [{ kind: 'approval', yes: 7, no: 1, abstain: 1 }] });
    expect(response.statusCode).toBe(200);
    const { ballot } = response.json();
    expect(ballot).toMatchObject({ state: 'closed', method: 'manual' });
    expect(ballot.result).toMatchObject({ manual: true, manualMethod: 'show_of_hands', eligible: 10, present: 9, cast: 9 });
    expect(ballot.result.items[0]).toMatchObject({ counts: { yes: 7, no: 1, abstain: 1 }, required: 6, passed: true });
  });

  it('stays marked manual for representatives and the public notice once published', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 4 });
    const draft = await draftBallot(congress, showOfHands);
    await enter(congress, draft.id, { present: 4, cast: 4, method: 'paper', items: [{ kind: 'approval', yes: 2, no: 2, abstain: 0 }] });
    await publishBallot(congress, draft.id);
    const seen = (await call(app, { method: 'GET', url: `/api/ballots/${draft.id}`, headers: bearer(congress.representatives[0]!.token) })).ballot;
    expect(seen.result).toMatchObject({ manual: true, manualMethod: 'paper', items: [{ passed: false }] });
    const notice = (await call(app, { method: 'GET', url: `/api/public/ballots/${draft.id}` })).ballot;
    expect(notice).toMatchObject({ method: 'manual', result: { manual: true } });
  });

  it('cannot be opened for electronic votes, nor take any', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 3 });
    const draft = await draftBallot(congress, showOfHands);
    expectError(await app.inject({ method: 'POST', url: `/api/ballots/${draft.id}/open`, headers: { cookie: congress.secretary }, payload: {} }), 409, 'BALLOT_STATE');
    expectError(await vote(app, congress.representatives[0]!.token, draft.id, ['yes']), 409, 'BALLOT_NOT_OPEN');
    expect(await state(congress, draft.id)).toBe('draft');
  });

  it('is not for electronic ballots, and is entered only once', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 3 });
    const electronic = await draftBallot(congress, { ...showOfHands, method: 'electronic' });
    expectError(await enter(congress, electronic.id, { present: 3, cast: 3, items: [{ kind: 'approval', yes: 3, no: 0, abstain: 0 }] }), 409, 'BALLOT_STATE');
    const manual = await draftBallot(congress, showOfHands);
    await enter(congress, manual.id, { present: 3, cast: 3, items: [{ kind: 'approval', yes: 3, no: 0, abstain: 0 }] });
    expectError(await enter(congress, manual.id, { present: 3, cast: 3, items: [{ kind: 'approval', yes: 0, no: 3, abstain: 0 }] }), 409, 'BALLOT_STATE');
  });
});

describe('checking the counts', () => {
  it('refuses counts that do not add up, and leaves the ballot a draft', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 10 });
    const draft = await draftBallot(congress, showOfHands);
    const approval = (yes: number, no: number, abstain: number) => [{ kind: 'approval', yes, no, abstain }];
    for (const payload of [
      { present: 9, cast: 9, items: approval(5, 4, 1) },
      { present: 8, cast: 9, items: approval(5, 2, 1) },
      { present: 11, cast: 9, items: approval(5, 2, 1) },
      { present: 9, cast: 9, items: [...approval(5, 2, 1), ...approval(5, 2, 1)] },
      { present: 9, cast: 9, items: [{ kind: 'choice', votes: {}, blankBallots: 0 }] },
    ]) {
      const response = await enter(congress, draft.id, payload);
      expectError(response, 400, 'MANUAL_RESULT_INVALID');
    }
    expectError(await enter(congress, draft.id, { present: -1, cast: 0, items: approval(0, 0, 0) }), 400, 'VALIDATION_FAILED');
    expect(await state(congress, draft.id)).toBe('draft');
  });

  it('counts a paper election and refuses an unknown candidate', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 10 });
    const draft = await draftBallot(congress, paperElection);
    expectError(await enter(congress, draft.id, { present: 10, cast: 10, method: 'paper', items: [{ kind: 'election', votes: { a: 8, z: 1 } }] }), 400, 'MANUAL_RESULT_INVALID');
    const { ballot } = (await enter(congress, draft.id, { present: 10, cast: 10, method: 'paper', items: [{ kind: 'election', votes: { a: 8, b: 6, c: 3 }, blankBallots: 1 }] })).json();
    expect(ballot.result.items[0]).toMatchObject({ elected: ['a', 'b'], blankBallots: 1, required: 6 });
  });

  it('refuses a candidate given more votes than there were ballots', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 10 });
    const draft = await draftBallot(congress, paperElection);
    expectError(await enter(congress, draft.id, { present: 10, cast: 10, items: [{ kind: 'election', votes: { a: 11 } }] }), 400, 'MANUAL_RESULT_INVALID');
    expectError(await enter(congress, draft.id, { present: 10, cast: 10, items: [{ kind: 'election', votes: { a: 10, b: 10, c: 1 } }] }), 400, 'MANUAL_RESULT_INVALID');
    expectError(await enter(congress, draft.id, { present: 10, cast: 10, items: [{ kind: 'election', votes: { a: 9 }, blankBallots: 2 }] }), 400, 'MANUAL_RESULT_INVALID');
    expect(await state(congress, draft.id)).toBe('draft');
  });
});
