// Paper and phones in one ballot (纸电同步, issue 14): papers issued by name take the holder's
// participation; after the close the tellers enter the returned papers and a second teller confirms
// each paper or each batch's totals; the count is one ballot, invalid papers apart, a paper not
// returned not cast, more returned than issued void.
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { call, type Congress, createApp, createCongress, signIn } from '../support/congress.js';
import { closeBallot, draftBallot, expectError, publishBallot, rowCount, vote } from '../support/requests.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const TELLER_PASSWORD = 'teller password 12345';

async function tellers(congress: Congress): Promise<[string, string]> {
  const made: string[] = [];
  for (const username of ['jianpiao1', 'jianpiao2']) {
    await call(congress.app, { method: 'POST', url: '/api/accounts', headers: { cookie: congress.secretary }, payload: { username, password: TELLER_PASSWORD, role: 'scrutineer' } }, 201);
    made.push(await signIn(congress.app, username, TELLER_PASSWORD));
  }
  return made as [string, string];
}

const sheet = { title: '关于《集体合同(草案)》的决议', items: [{ kind: 'approval', title: '集体合同(草案)' }] };

function request(congress: Congress, cookie: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) {
  return congress.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
}

async function issue(congress: Congress, ballotId: string, memberIds: string[]) {
  return call(congress.app, { method: 'POST', url: `/api/ballots/${ballotId}/papers`, headers: { cookie: congress.secretary }, payload: { memberIds } }, 201);
}

async function openBatch(congress: Congress, teller: string, ballotId: string): Promise<string> {
  const status = await call(congress.app, { method: 'POST', url: `/api/ballots/${ballotId}/paper-count/batches`, headers: { cookie: teller } }, 201);
  return status.batches.at(-1).id as string;
}

async function enter(congress: Congress, teller: string, ballotId: string, batchId: string, paper: object) {
  return call(congress.app, { method: 'POST', url: `/api/ballots/${ballotId}/paper-count/batches/${batchId}/papers`, headers: { cookie: teller }, payload: paper }, 201);
}

async function collected(congress: Congress, teller: string, ballotId: string, count: number) {
  return call(congress.app, { method: 'PUT', url: `/api/ballots/${ballotId}/paper-count/collected`, headers: { cookie: teller }, payload: { collected: count } });
}

describe('a 50-person hall with 5 paper voters', () => {
  it('counts phones and papers as one ballot, each paper entered by one teller and confirmed blind by another', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 50 });
    const [first, second] = await tellers(congress);
    const ballot = await draftBallot(congress, sheet);
    const onPaper = congress.representatives.slice(45);
    const issued = await issue(
      congress,
      ballot.id,
      onPaper.map((person) => person.memberId),
    );
    expect(issued.papers.map((paper: { serial: number }) => paper.serial)).toEqual([1, 2, 3, 4, 5]);
    await call(app, { method: 'POST', url: `/api/ballots/${ballot.id}/open`, headers: { cookie: congress.secretary }, payload: {} });

    // 45 phones: 30 yes, 10 no, 5 abstain. A paper holder's phone is refused; a phone voter gets no paper.
    const phoneAnswers = [...Array(30).fill('yes'), ...Array(10).fill('no'), ...Array(5).fill('abstain')];
    for (const [index, answer] of phoneAnswers.entries()) expect((await vote(app, congress.representatives[index]!.token, ballot.id, [answer])).statusCode).toBe(201);
    expectError(await vote(app, onPaper[0]!.token, ballot.id, ['yes']), 409, 'PAPER_ISSUED');

    const closed = await closeBallot(congress, ballot.id);
    expect(closed).toMatchObject({ state: 'closed', result: null });
    expectError(await request(congress, congress.secretary, 'POST', `/api/ballots/${ballot.id}/publish`), 409, 'PAPER_COUNT_INCOMPLETE');

    // Four papers came back (one holder kept theirs): three valid, one blank.
    await collected(congress, first, ballot.id, 4);
    const batchId = await openBatch(congress, first, ballot.id);
    const papers = [{ answers: ['yes'] }, { answers: ['yes'] }, { answers: ['no'] }, { invalid: 'blank' }];
    for (const paper of papers) await enter(congress, first, ballot.id, batchId, paper);
    expectError(await request(congress, first, 'POST', `/api/ballots/${ballot.id}/paper-count/batches/${batchId}/papers`, { answers: ['no'] }), 409, 'PAPERS_EXCEED_COLLECTED');
    // A paper is answers or invalid, never both nor neither.
    for (const body of [{ answers: ['no'], invalid: 'blank' }, {}]) {
      expectError(await request(congress, first, 'POST', `/api/ballots/${ballot.id}/paper-count/batches/${batchId}/papers`, body), 400, 'VALIDATION_FAILED');
    }

    // The secretary, who knows who holds a paper, sees figures only and enters nothing.
    const seen = await call(app, { method: 'GET', url: `/api/ballots/${ballot.id}/paper-count`, headers: { cookie: congress.secretary } });
    expect(seen).toMatchObject({ state: 'counting', issued: 5, collected: 4, entered: 4, confirmed: 0, invalid: 1 });
    expect(seen.batches[0].mine).toEqual([]);
    expectError(await request(congress, congress.secretary, 'POST', `/api/ballots/${ballot.id}/paper-count/batches/${batchId}/papers`, { answers: ['yes'] }), 403, 'FORBIDDEN');
    // The second teller does not see the first one's entries.
    expect((await call(app, { method: 'GET', url: `/api/ballots/${ballot.id}/paper-count`, headers: { cookie: second } })).batches[0].mine).toEqual([]);
    expect((await call(app, { method: 'GET', url: `/api/ballots/${ballot.id}/paper-count`, headers: { cookie: first } })).batches[0].mine).toHaveLength(4);

    // Not confirmed yet: no count. The first teller cannot confirm their own entries.
    expectError(await request(congress, first, 'POST', `/api/ballots/${ballot.id}/paper-count/finish`), 409, 'PAPER_COUNT_INCOMPLETE');
    expectError(await request(congress, first, 'POST', `/api/ballots/${ballot.id}/paper-count/batches/${batchId}/check`, { answers: ['yes'] }), 409, 'SAME_TELLER');
    // The second teller re-enters each paper in another order; a paper nobody entered is not matched.
    expectError(await request(congress, second, 'POST', `/api/ballots/${ballot.id}/paper-count/batches/${batchId}/check`, { answers: ['abstain'] }), 409, 'PAPER_NOT_MATCHED');
    for (const paper of [papers[3]!, papers[2]!, papers[0]!, papers[1]!]) {
      expect((await request(congress, second, 'POST', `/api/ballots/${ballot.id}/paper-count/batches/${batchId}/check`, paper)).statusCode).toBe(200);
    }
    expectError(await request(congress, second, 'POST', `/api/ballots/${ballot.id}/paper-count/batches/${batchId}/check`, papers[0]!), 409, 'PAPER_NOT_MATCHED');

    const counted = (await call(app, { method: 'POST', url: `/api/ballots/${ballot.id}/paper-count/finish`, headers: { cookie: second } })).ballot;
    expect(counted.result).toMatchObject({
      eligible: 50,
      present: 50,
      cast: 49,
      electronic: 45,
      papers: { issued: 5, returned: 4, valid: 3, invalid: 1, invalidReasons: { blank: 1 } },
    });
    expect(counted.result.items[0]).toMatchObject({ counts: { yes: 32, no: 11, abstain: 5 }, required: 26, passed: true });
    // The papers joined the box and their entries are gone: nothing stored tells a paper from a phone's vote.
    expect(rowCount(app, 'ballot_box', 'ballot_id = ?', ballot.id)).toBe(48);
    expect(rowCount(app, 'paper_entry')).toBe(0);
    expect(rowCount(app, 'ballot_receipt', 'ballot_id = ?', ballot.id)).toBe(45);

    const published = await publishBallot(congress, ballot.id);
    expect(published.result).toMatchObject({ cast: 49, papers: { returned: 4 } });
    // The public receipts number the phones' ballots exactly; papers have none.
    const receipts = await call(app, { method: 'GET', url: `/api/ballots/${ballot.id}/receipts` });
    expect({ cast: receipts.cast, electronic: receipts.electronic, listed: receipts.receipts.length }).toEqual({ cast: 49, electronic: 45, listed: 45 });
    const notice = (await call(app, { method: 'GET', url: `/api/public/ballots/${ballot.id}` })).ballot;
    expect(notice.result).toEqual(counted.result);
    // The count is over: nothing more is entered.
    expectError(await request(congress, first, 'POST', `/api/ballots/${ballot.id}/paper-count/batches`), 409, 'PAPER_COUNT_STATE');
  });
});

describe('issuing papers', () => {
  it('takes a paper back before the ballot opens, and its holder votes on a phone', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 4 });
    const ballot = await draftBallot(congress, sheet);
    const [keeps, returns] = [congress.representatives[3]!, congress.representatives[2]!];
    await issue(congress, ballot.id, [keeps.memberId, returns.memberId]);
    expectError(await request(congress, congress.secretary, 'POST', `/api/ballots/${ballot.id}/papers`, { memberIds: [keeps.memberId] }), 409, 'PAPER_ALREADY_ISSUED');
    const back = await call(app, { method: 'DELETE', url: `/api/ballots/${ballot.id}/papers/${returns.memberId}`, headers: { cookie: congress.secretary }, payload: { reason: '改用手机投票' } });
    expect(back.papers.map((paper: { memberId: string }) => paper.memberId)).toEqual([keeps.memberId]);
    await call(app, { method: 'POST', url: `/api/ballots/${ballot.id}/open`, headers: { cookie: congress.secretary }, payload: {} });
    expectError(await vote(app, keeps.token, ballot.id, ['yes']), 409, 'PAPER_ISSUED');
    expect((await vote(app, returns.token, ballot.id, ['yes'])).statusCode).toBe(201);
    // The holder's phone knows it: it says so instead of offering a paper to fill in.
    const live = (as: { token: string }) => call(app!, { method: 'GET', url: `/api/meetings/${congress.meetingId}/live`, headers: { authorization: `Bearer ${as.token}` } });
    expect((await live(keeps)).you).toMatchObject({ paper: [ballot.id], voted: [ballot.id] });
    expect((await live(returns)).you.paper).toEqual([]);
  });

  it('issues and takes back nothing once the ballot is open: a refusal would tell the secretary who has voted', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 3 });
    const ballot = await draftBallot(congress, sheet);
    await issue(congress, ballot.id, [congress.representatives[2]!.memberId]);
    await call(app, { method: 'POST', url: `/api/ballots/${ballot.id}/open`, headers: { cookie: congress.secretary }, payload: {} });
    expect((await vote(app, congress.representatives[0]!.token, ballot.id, ['yes'])).statusCode).toBe(201);
    // The one who voted and the one who did not get the same answer.
    for (const person of congress.representatives.slice(0, 2)) {
      expectError(await request(congress, congress.secretary, 'POST', `/api/ballots/${ballot.id}/papers`, { memberIds: [person.memberId] }), 409, 'BALLOT_STATE');
    }
    expectError(await request(congress, congress.secretary, 'DELETE', `/api/ballots/${ballot.id}/papers/${congress.representatives[2]!.memberId}`, { reason: '丢失' }), 409, 'BALLOT_STATE');
    expect(rowCount(app, 'paper_issue')).toBe(1);
  });

  it('refuses attendees, unknown people, named ballots and a change of method once papers are out', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 3, attendees: 1 });
    const ballot = await draftBallot(congress, sheet);
    const issuing = (ballotId: string, memberIds: string[]) => request(congress, congress.secretary, 'POST', `/api/ballots/${ballotId}/papers`, { memberIds });
    expectError(await issuing(ballot.id, [congress.attendees[0]!.memberId]), 403, 'NOT_ELIGIBLE');
    expectError(await issuing(ballot.id, ['no-such-member-id']), 404, 'MEMBER_NOT_FOUND');
    // All or none: a refused name issues nothing.
    expectError(await issuing(ballot.id, [congress.representatives[0]!.memberId, congress.attendees[0]!.memberId]), 403, 'NOT_ELIGIBLE');
    expect(rowCount(app, 'paper_issue')).toBe(0);
    expect(rowCount(app, 'participation')).toBe(0);
    const named = await draftBallot(congress, { ...sheet, secrecy: 'named' });
    expectError(await issuing(named.id, [congress.representatives[0]!.memberId]), 409, 'PAPER_NOT_FOR_NAMED');
    await issue(congress, ballot.id, [congress.representatives[0]!.memberId]);
    expectError(await congress.app.inject({ method: 'PATCH', url: `/api/ballots/${ballot.id}`, headers: { cookie: congress.secretary }, payload: { method: 'manual' } }), 409, 'BALLOT_STATE');
  });
});

describe('counting papers', () => {
  async function countingHall(representatives: number, paperVoters: number, body: object = sheet) {
    app = await createApp();
    const congress = await createCongress(app, { representatives });
    const tellerCookies = await tellers(congress);
    const ballot = await draftBallot(congress, body);
    await issue(
      congress,
      ballot.id,
      congress.representatives.slice(representatives - paperVoters).map((person) => person.memberId),
    );
    await call(app, { method: 'POST', url: `/api/ballots/${ballot.id}/open`, headers: { cookie: congress.secretary }, payload: {} });
    return { congress, ballotId: ballot.id as string, tellers: tellerCookies };
  }

  it('confirms a batch by its totals counted by hand, saying only which totals differ', async () => {
    const {
      congress,
      ballotId,
      tellers: [first, second],
    } = await countingHall(6, 3);
    expect((await vote(congress.app, congress.representatives[0]!.token, ballotId, ['no'])).statusCode).toBe(201);
    await closeBallot(congress, ballotId);
    await collected(congress, first, ballotId, 3);
    const batchId = await openBatch(congress, first, ballotId);
    for (const paper of [{ answers: ['yes'] }, { answers: [null] }, { answers: ['yes'] }]) await enter(congress, first, ballotId, batchId, paper);
    const totals = (yes: number, abstain: number) => ({ papers: 3, invalid: 0, items: [{ kind: 'approval', yes, no: 0, abstain }] });
    expectError(await request(congress, first, 'POST', `/api/ballots/${ballotId}/paper-count/batches/${batchId}/totals`, totals(2, 1)), 409, 'SAME_TELLER');
    const wrong = await request(congress, second, 'POST', `/api/ballots/${ballotId}/paper-count/batches/${batchId}/totals`, totals(3, 0));
    expectError(wrong, 409, 'PAPER_TOTALS_DIFFER');
    expect(wrong.json().details).toEqual({ differ: ['items.0'] });
    const status = await call(congress.app, { method: 'POST', url: `/api/ballots/${ballotId}/paper-count/batches/${batchId}/totals`, headers: { cookie: second }, payload: totals(2, 1) });
    expect(status).toMatchObject({ entered: 3, confirmed: 3, batches: [{ papers: 3, confirmed: 3, totalsConfirmedBy: 'jianpiao2' }] });
    expectError(await request(congress, first, 'POST', `/api/ballots/${ballotId}/paper-count/batches/${batchId}/papers`, { answers: ['yes'] }), 409, 'PAPER_BATCH_CONFIRMED');
    const ballot = (await call(congress.app, { method: 'POST', url: `/api/ballots/${ballotId}/paper-count/finish`, headers: { cookie: congress.secretary } })).ballot;
    // A paper that marks nothing on an item abstains on it, as a phone's abstention does.
    expect(ballot.result.items[0].counts).toEqual({ yes: 2, no: 1, abstain: 1 });
    expect(ballot.result).toMatchObject({ cast: 4, electronic: 1, papers: { issued: 3, returned: 3, valid: 3, invalid: 0 } });
  });

  it('makes a paper marking more candidates than seats invalid, and lets a teller take back an unconfirmed slip', async () => {
    const election = {
      title: '补选',
      items: [
        {
          kind: 'election',
          title: '补选委员',
          seats: 1,
          candidates: [
            { id: 'a', name: '张三' },
            { id: 'b', name: '李四' },
          ],
        },
      ],
    };
    const {
      congress,
      ballotId,
      tellers: [first, second],
    } = await countingHall(4, 2, election);
    await closeBallot(congress, ballotId);
    await collected(congress, first, ballotId, 2);
    const batchId = await openBatch(congress, first, ballotId);
    const tooMany = await enter(congress, first, ballotId, batchId, { answers: [{ candidateIds: ['a', 'b'], writeIns: [] }] });
    expect(tooMany).toMatchObject({ invalid: 'too_many_marks', confirmed: false });
    const slip = await enter(congress, first, ballotId, batchId, { answers: [{ candidateIds: ['b'], writeIns: [] }] });
    expectError(await request(congress, second, 'DELETE', `/api/ballots/${ballotId}/paper-count/papers/${slip.id}`), 404, 'PAPER_ENTRY_NOT_FOUND');
    expect((await request(congress, first, 'DELETE', `/api/ballots/${ballotId}/paper-count/papers/${slip.id}`)).statusCode).toBe(200);
    await enter(congress, first, ballotId, batchId, { answers: [{ candidateIds: ['a'], writeIns: [] }] });
    expectError(
      await request(congress, first, 'POST', `/api/ballots/${ballotId}/paper-count/batches/${batchId}/papers`, { answers: [{ candidateIds: ['zzz'], writeIns: [] }] }),
      400,
      'UNKNOWN_OPTION',
    );
    for (const paper of [{ invalid: 'too_many_marks' }, { answers: [{ candidateIds: ['a'], writeIns: [] }] }]) {
      expect((await request(congress, second, 'POST', `/api/ballots/${ballotId}/paper-count/batches/${batchId}/check`, paper)).statusCode).toBe(200);
    }
    const ballot = (await call(congress.app, { method: 'POST', url: `/api/ballots/${ballotId}/paper-count/finish`, headers: { cookie: second } })).ballot;
    expect(ballot.result).toMatchObject({ cast: 2, papers: { valid: 1, invalid: 1, invalidReasons: { too_many_marks: 1 } } });
    expect(ballot.result.items[0].candidates.find((candidate: { id: string }) => candidate.id === 'a').votes).toBe(1);
  });

  it('voids the round when more papers come back than were issued (选举法 §44)', async () => {
    const {
      congress,
      ballotId,
      tellers: [first],
    } = await countingHall(5, 2);
    for (const person of congress.representatives.slice(0, 3)) expect((await vote(congress.app, person.token, ballotId, ['yes'])).statusCode).toBe(201);
    await closeBallot(congress, ballotId);
    expectError(await request(congress, first, 'POST', `/api/ballots/${ballotId}/paper-count/finish`), 409, 'PAPERS_COLLECTED_UNKNOWN');
    await collected(congress, first, ballotId, 3);
    const batchId = await openBatch(congress, first, ballotId);
    expectError(await request(congress, first, 'POST', `/api/ballots/${ballotId}/paper-count/batches/${batchId}/papers`, { answers: ['yes'] }), 409, 'PAPER_COUNT_STATE');
    const ballot = (await call(congress.app, { method: 'POST', url: `/api/ballots/${ballotId}/paper-count/finish`, headers: { cookie: first } })).ballot;
    expect(ballot.result).toMatchObject({ void: true, cast: 6, electronic: 3, papers: { issued: 2, returned: 3, valid: 0, invalid: 0 } });
    expect(ballot.result.items[0]).toMatchObject({ counts: { yes: 0, no: 0, abstain: 0 }, passed: false });
  });

  it('has nothing to count when no papers were issued', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 3 });
    const [teller] = await tellers(congress);
    const ballot = await draftBallot(congress, sheet);
    await call(app, { method: 'POST', url: `/api/ballots/${ballot.id}/open`, headers: { cookie: congress.secretary }, payload: {} });
    await closeBallot(congress, ballot.id);
    expectError(await request(congress, teller, 'POST', `/api/ballots/${ballot.id}/paper-count/batches`), 409, 'PAPER_COUNT_STATE');
    expect(await call(app, { method: 'GET', url: `/api/ballots/${ballot.id}/paper-count`, headers: { cookie: teller } })).toMatchObject({ state: 'none', issued: 0 });
  });
});
