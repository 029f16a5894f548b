// Every passing rule end to end, at its edge: one ballot sheet carries an item per rule (分项表决),
// each counted against its own base, with the arithmetic said in words.
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { call, createApp, createCongress, openBallot } from '../support/congress.js';
import { bearer, castAll, closeBallot, publishBallot } from '../support/requests.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const item = (title: string, passingRule: string, majorityWording = 'majorityStrict') => ({ kind: 'approval', title, passingRule, majorityWording });

describe('passing rules over eight representatives, six present, five voting', () => {
  /**
   * Items: A all_majority 过半数 (needs 5), B all_majority 半数以上 (needs 4), C all_two_thirds
   * (needs 6), D present_majority (6 present: needs 4), E cast_majority (5 cast: needs 3).
   */
  const sheet = {
    title: '第三届第二次职代会表决票',
    items: [item('A', 'all_majority'), item('B', 'all_majority', 'majorityInclusive'), item('C', 'all_two_thirds'), item('D', 'present_majority'), item('E', 'cast_majority')],
  };
  const papers = [
    ['yes', 'yes', 'yes', 'yes', 'yes'],
    ['yes', 'yes', 'yes', 'yes', 'yes'],
    ['yes', 'yes', 'yes', 'yes', 'yes'],
    ['yes', 'yes', 'yes', 'yes', 'abstain'],
    ['no', 'no', 'yes', 'no', 'abstain'],
  ];

  async function countedSheet() {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 8, attendees: 2, present: 6 });
    for (const attendee of congress.attendees) await call(app, { method: 'POST', url: `/api/meetings/${congress.meetingId}/check-in`, headers: bearer(attendee.token) });
    const ballotId = await openBallot(congress, sheet);
    await castAll(congress, ballotId, papers);
    return (await closeBallot(congress, ballotId)).result;
  }

  it('fails “more than half of all” at exactly half, however many of those voting said yes', async () => {
    const result = await countedSheet();
    expect(result).toMatchObject({ eligible: 8, present: 6, cast: 5 });
    expect(result.items[0]).toMatchObject({ counts: { yes: 4, no: 1, abstain: 0 }, base: 8, baseLabel: 'eligible', required: 5, passed: false });
    expect(result.items[0].explanation.zh).toBe('赞成 4 票，未达到全体代表 8 人的过半数所需的 5 票，未通过');
  });

  it('passes “half or more of all” (半数以上) at exactly half', async () => {
    const result = await countedSheet();
    expect(result.items[1]).toMatchObject({ base: 8, required: 4, passed: true });
    expect(result.items[1].explanation.zh).toBe('赞成 4 票，达到全体代表 8 人的半数以上（须至少 4 票），通过');
  });

  it('fails two thirds of all even when everyone voting said yes', async () => {
    const result = await countedSheet();
    expect(result.items[2]).toMatchObject({ counts: { yes: 5, no: 0, abstain: 0 }, base: 8, required: 6, passed: false });
  });

  it('counts “more than half of those present” against the present, attendees left out', async () => {
    const result = await countedSheet();
    expect(result.items[3]).toMatchObject({ counts: { yes: 4 }, base: 6, baseLabel: 'present', required: 4, passed: true });
    expect(result.items[3].explanation.zh).toContain('出席代表 6 人');
  });

  it('counts abstentions among the ballots cast for “more than half of ballots cast”', async () => {
    const result = await countedSheet();
    expect(result.items[4]).toMatchObject({ counts: { yes: 3, no: 0, abstain: 2 }, base: 5, baseLabel: 'cast', required: 3, passed: true });
    expect(result.items[4].explanation.en).toBe('3 yes, more than half of the 5 ballots cast (at least 3 needed): passed');
  });
});

describe('a general assembly (职工大会)', () => {
  it('counts every staff member and says so in the result', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 4, kind: 'general_assembly' });
    const ballotId = await openBallot(congress);
    await castAll(congress, ballotId, [['yes'], ['yes'], ['yes'], ['no']]);
    await closeBallot(congress, ballotId);
    const published = await publishBallot(congress, ballotId);
    expect(published.result.items[0].explanation.zh).toBe('赞成 3 票，超过全体职工 4 人的半数（须至少 3 票），通过');
    expect(published.result.items[0].explanation.en).toContain('all 4 staff');
  });
});

describe('absences count against passing', () => {
  it('fails a motion most of those voting approved when the yes votes are not more than half of all', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 10, present: 7 });
    const ballotId = await openBallot(congress);
    await castAll(congress, ballotId, [['yes'], ['yes'], ['yes'], ['yes'], ['yes'], ['no'], ['abstain']]);
    const { result } = await closeBallot(congress, ballotId);
    expect(result.items[0]).toMatchObject({ counts: { yes: 5, no: 1, abstain: 1 }, required: 6, passed: false });
  });
});
