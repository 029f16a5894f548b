// The other kinds of item on a ballot sheet: appraisal ratings (民主评议), single and multiple
// choice, several items on one sheet, and named (记名) ballots.
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, createCongress, openBallot } from '../support/congress.js';
import { castAll, closeBallot, expectError, vote } from '../support/requests.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const rating = {
  kind: 'rating',
  title: '对领导班子成员的民主评议',
  subjects: [
    { id: 'chair', name: '周主席' },
    { id: 'vice', name: '吴副主席' },
  ],
};
const choice = (maxChoices: number) => ({
  kind: 'choice',
  title: '职工疗休养地点',
  maxChoices,
  options: [
    { id: 'hz', label: '杭州' },
    { id: 'hs', label: '黄山' },
    { id: 'xm', label: '厦门' },
  ],
});

describe('a rating item (民主评议)', () => {
  it('tallies each person per grade, with a person left out counted as an abstention', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 3 });
    const ballotId = await openBallot(congress, { title: '民主评议', items: [rating] });
    await castAll(congress, ballotId, [[{ chair: 'excellent', vice: 'competent' }], [{ chair: 'excellent' }], [{}]]);
    const [result] = (await closeBallot(congress, ballotId)).result.items;
    expect(result.subjects).toEqual([
      { id: 'chair', name: '周主席', counts: { excellent: 2, competent: 0, basically_competent: 0, incompetent: 0 }, abstain: 1 },
      { id: 'vice', name: '吴副主席', counts: { excellent: 0, competent: 1, basically_competent: 0, incompetent: 0 }, abstain: 2 },
    ]);
  });

  it('refuses a grade or a person not on the sheet', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 2 });
    const ballotId = await openBallot(congress, { title: '民主评议', items: [rating] });
    const token = congress.representatives[0]!.token;
    expectError(await vote(app, token, ballotId, [{ chair: 'superb' }]), 400, 'UNKNOWN_OPTION');
    expectError(await vote(app, token, ballotId, [{ stranger: 'excellent' }]), 400, 'UNKNOWN_OPTION');
    expectError(await vote(app, token, ballotId, [{ chair: 1 }]), 400, 'INVALID_ANSWER');
  });
});

describe('a choice item', () => {
  it('counts a single choice per option, and an empty one as blank', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 4 });
    const ballotId = await openBallot(congress, { title: '疗休养', items: [choice(1)] });
    await castAll(congress, ballotId, [[{ optionIds: ['hz'] }], [{ optionIds: ['hz'] }], [{ optionIds: ['xm'] }], [{ optionIds: [] }]]);
    const [result] = (await closeBallot(congress, ballotId)).result.items;
    expect(result).toEqual({
      kind: 'choice',
      blankBallots: 1,
      options: [
        { id: 'hz', label: '杭州', votes: 2 },
        { id: 'hs', label: '黄山', votes: 0 },
        { id: 'xm', label: '厦门', votes: 1 },
      ],
    });
  });

  it('takes up to the allowed number of options and refuses more', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 2 });
    const ballotId = await openBallot(congress, { title: '疗休养', items: [choice(2)] });
    const [first, second] = congress.representatives.map((person) => person.token);
    expectError(await vote(app, first!, ballotId, [{ optionIds: ['hz', 'hs', 'xm'] }]), 400, 'TOO_MANY_CHOICES');
    expect((await vote(app, first!, ballotId, [{ optionIds: ['hz', 'hs'] }])).statusCode).toBe(201);
    expect((await vote(app, second!, ballotId, [{ optionIds: ['hs'] }])).statusCode).toBe(201);
    const [result] = (await closeBallot(congress, ballotId)).result.items;
    expect(result.options.map((option: { votes: number }) => option.votes)).toEqual([1, 2, 0]);
  });
});

describe('a sheet of several items (分项表决)', () => {
  it('gives each item its own result from one paper per representative', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 3 });
    const items = [{ kind: 'approval', title: '工作报告' }, { kind: 'approval', title: '财务报告' }, choice(1)];
    const ballotId = await openBallot(congress, { title: '大会表决', items });
    await castAll(congress, ballotId, [
      ['yes', 'no', { optionIds: ['hs'] }],
      ['yes', 'no', { optionIds: ['hs'] }],
      ['no', 'yes', { optionIds: [] }],
    ]);
    const { result } = await closeBallot(congress, ballotId);
    expect(result.cast).toBe(3);
    expect(result.items.map((entry: { passed?: boolean }) => entry.passed)).toEqual([true, false, undefined]);
    expect(result.items[2].options[1].votes).toBe(2);
  });

  it('refuses a paper whose answer does not fit its item', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 2 });
    const ballotId = await openBallot(congress, { title: '大会表决', items: [{ kind: 'approval', title: '工作报告' }, choice(1)] });
    const response = await vote(app, congress.representatives[0]!.token, ballotId, [{ optionIds: ['hz'] }, 'yes']);
    expectError(response, 400, 'INVALID_ANSWER');
    expect(response.json().details).toEqual({ item: 0 });
  });
});

describe('named (记名) and secret (无记名) ballots', () => {
  it('keeps who voted beside a named ballot paper, and never beside a secret one', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 2 });
    const namedId = await openBallot(congress, { title: '记名表决', secrecy: 'named', items: [{ kind: 'approval', title: '记名表决' }] });
    const secretId = await openBallot(congress, { title: '无记名表决', items: [{ kind: 'approval', title: '无记名表决' }] });
    await castAll(congress, namedId, [['yes'], ['no']]);
    await castAll(congress, secretId, [['yes'], ['no']]);
    const named = await closeBallot(congress, namedId);
    expect(named).toMatchObject({ secrecy: 'named', result: { cast: 2, items: [{ counts: { yes: 1, no: 1, abstain: 0 } }] } });
    expect((await closeBallot(congress, secretId)).secrecy).toBe('secret');
    const box = app.yishi.sqlite.prepare('SELECT ballot_id, named_member_id, answers FROM ballot_box ORDER BY named_member_id').all() as {
      ballot_id: string;
      named_member_id: string | null;
      answers: string;
    }[];
    const byVoter = Object.fromEntries(box.filter((row) => row.ballot_id === namedId).map((row) => [row.named_member_id, row.answers]));
    expect(byVoter).toEqual({ [congress.representatives[0]!.memberId]: '["yes"]', [congress.representatives[1]!.memberId]: '["no"]' });
    expect(box.filter((row) => row.ballot_id === secretId).map((row) => row.named_member_id)).toEqual([null, null]);
  });
});
