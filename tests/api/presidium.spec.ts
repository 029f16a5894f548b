// The presidium (主席团), presiding chairs (执行主席) and tellers (issue 12, item 3): the composition
// checked against the term's rules, the election at the preparatory meeting (by an election ballot or
// by approving the list by show of hands), the chair of each sitting, and the rule that a teller is
// never a candidate in an election they count.
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { call, createApp, createCongress } from '../support/congress.js';
import { bearer, expectError, rowCount } from '../support/requests.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** A congress of six representatives, its session 2 (the plenary createCongress made) and a preparatory meeting in it. */
async function setUp() {
  app = await createApp();
  const congress = await createCongress(app, { representatives: 6, openMeeting: false });
  const as = { cookie: congress.secretary };
  const { sessions } = await call(app, { method: 'GET', url: `/api/terms/${congress.termId}/sessions`, headers: as });
  const sessionId = sessions[0].id as string;
  const { meeting } = await call(app, { method: 'POST', url: '/api/meetings', headers: as, payload: { termId: congress.termId, title: '预备会议', sitting: 'preparatory', sessionId } }, 201);
  const ids = congress.representatives.map((person) => person.memberId);
  const inject = (method: 'GET' | 'PUT' | 'POST' | 'PATCH', url: string, payload?: object) => app!.inject({ method, url, headers: as, ...(payload ? { payload } : {}) });
  const manualBallot = async (meetingId: string, item: object, counts: object) => {
    const { ballot } = await call(app!, { method: 'POST', url: `/api/meetings/${meetingId}/ballots`, headers: as, payload: { title: '预备会议表决', method: 'manual', items: [item] } }, 201);
    await call(app!, { method: 'PUT', url: `/api/ballots/${ballot.id}/manual-result`, headers: as, payload: { present: 6, cast: 6, items: [counts] } });
    return ballot.id as string;
  };
  return { congress, as, sessionId, preparatoryId: meeting.id as string, plenaryId: congress.meetingId, ids, inject, manualBallot };
}

/** A term of `count` representatives, the first `frontLine` tagged 一线职工, with session 1. */
async function termOf(count: number, frontLine: number) {
  app = await createApp();
  const congress = await createCongress(app, { representatives: 0, openMeeting: false });
  const as = { cookie: congress.secretary };
  const { term } = await call(app, { method: 'POST', url: '/api/terms', headers: as, payload: { number: 8 } }, 201);
  const addMembers = async (from: number, to: number) => {
    const ids: string[] = [];
    for (let index = from; index < to; index++) {
      const payload = { name: `代表${index + 1}`, staffNumber: `S-${index + 1}`, tags: index < frontLine ? ['一线职工'] : ['管理人员'] };
      ids.push((await call(app!, { method: 'POST', url: `/api/terms/${term.id}/members`, headers: as, payload }, 201)).member.id);
    }
    return ids;
  };
  const ids = await addMembers(0, count);
  const { session } = await call(app, { method: 'POST', url: `/api/terms/${term.id}/sessions`, headers: as, payload: { number: 1 } }, 201);
  return { as, ids, sessionId: session.id as string, addMembers };
}

describe('the composition check', () => {
  it('checks 3 to 5 members for 73 representatives, at least 7 above 100, and the front-line share, each with its numbers and source', async () => {
    const { as, ids, sessionId, addMembers } = await termOf(73, 3);
    const proposed = await call(app!, { method: 'PUT', url: `/api/sessions/${sessionId}/presidium`, headers: as, payload: { memberIds: ids.slice(0, 5) } });
    expect(proposed.presidium.representatives).toBe(73);
    expect(proposed.presidium.members.map((member: { name: string }) => member.name)).toEqual(['代表1', '代表2', '代表3', '代表4', '代表5']);
    expect(proposed.presidium.members[0]).toMatchObject({ tags: ['一线职工'] });
    expect(proposed.presidium.elected).toBeNull();
    expect(proposed.presidium.checks).toEqual([
      expect.objectContaining({ rule: 'presidium.bands', met: true, text: '代表73人：主席团应为3至5人，现5人，符合', source: expect.stringContaining('上海 §23') }),
      expect.objectContaining({ rule: 'presidium.frontLineMin', met: true, min: 3, actual: 3 }),
    ]);

    // Two front-line members of five is under half.
    const fewer = await call(app!, { method: 'PUT', url: `/api/sessions/${sessionId}/presidium`, headers: as, payload: { memberIds: [ids[0], ids[1], ...ids.slice(10, 13)] } });
    expect(fewer.presidium.checks[1]).toMatchObject({ met: false, min: 3, actual: 2, text: '主席团5人：一线职工应不少于3人（1/2），现2人，不符合' });

    await addMembers(73, 120);
    const { presidium } = await call(app!, { method: 'GET', url: `/api/sessions/${sessionId}/presidium`, headers: as });
    expect(presidium.representatives).toBe(120);
    expect(presidium.checks[0]).toMatchObject({ met: false, min: 7, max: null, text: '代表120人：主席团应不少于7人，现5人，不符合' });
  });

  it('takes only representatives of the session’s term', async () => {
    const { congress, sessionId, inject } = await setUp();
    const { member } = await call(
      app!,
      {
        method: 'POST',
        url: `/api/terms/${congress.termId}/members`,
        headers: { cookie: congress.secretary },
        payload: { name: '列席人员', staffNumber: 'L-1', role: 'attendee' },
      },
      201,
    );
    expectError(await inject('PUT', `/api/sessions/${sessionId}/presidium`, { memberIds: [member.id] }), 400, 'PRESIDIUM_MEMBER_INVALID');
    expectError(await inject('PUT', `/api/sessions/${sessionId}/presidium`, { memberIds: ['nobody'] }), 400, 'PRESIDIUM_MEMBER_INVALID');
  });
});

describe('the election at the preparatory meeting', () => {
  it('makes the elected candidates of an election ballot the presidium, then fixes the list', async () => {
    const { as, sessionId, preparatoryId, plenaryId, ids, inject, manualBallot } = await setUp();
    const candidates = ids.slice(0, 4).map((id, index) => ({ id, name: `代表${index + 1}` }));
    const election = { kind: 'election', title: '选举主席团', seats: 3, candidates };
    // A ballot of another sitting, or one still without a result, elects no one.
    const atPlenary = await manualBallot(plenaryId, election, { kind: 'election', votes: { [ids[0]!]: 6, [ids[1]!]: 6, [ids[2]!]: 5 } });
    expectError(await inject('POST', `/api/sessions/${sessionId}/presidium/elect`, { ballotId: atPlenary }), 409, 'PRESIDIUM_BALLOT_INVALID');
    const { ballot: draft } = await call(app!, { method: 'POST', url: `/api/meetings/${preparatoryId}/ballots`, headers: as, payload: { title: '草稿', items: [election] } }, 201);
    expectError(await inject('POST', `/api/sessions/${sessionId}/presidium/elect`, { ballotId: draft.id }), 409, 'PRESIDIUM_BALLOT_NOT_SETTLED');

    const ballotId = await manualBallot(preparatoryId, election, { kind: 'election', votes: { [ids[0]!]: 6, [ids[1]!]: 5, [ids[2]!]: 4, [ids[3]!]: 1 } });
    const elected = await inject('POST', `/api/sessions/${sessionId}/presidium/elect`, { ballotId });
    expect(elected.statusCode).toBe(200);
    const { presidium } = elected.json();
    expect(presidium.members.map((member: { memberId: string }) => member.memberId)).toEqual(ids.slice(0, 3));
    expect(presidium.elected).toMatchObject({ ballotId, by: 'election', manual: true });
    expect(rowCount(app!, 'audit_log', "action = 'presidium.elected' AND ballot_id = ?", ballotId)).toBe(1);

    expectError(await inject('PUT', `/api/sessions/${sessionId}/presidium`, { memberIds: ids.slice(0, 4) }), 409, 'PRESIDIUM_ELECTED');
    expectError(await inject('POST', `/api/sessions/${sessionId}/presidium/elect`, { ballotId }), 409, 'PRESIDIUM_ELECTED');
  });

  it('finds the elected on the roster by name when the candidates were typed in (ids c1, c2 …, as the console makes them)', async () => {
    const { sessionId, preparatoryId, ids, inject, manualBallot } = await setUp();
    const typed = { kind: 'election', title: '选举主席团', seats: 3, candidates: ['代表2', '代表4', '代表6', '无此人'].map((name, index) => ({ id: `c${index + 1}`, name })) };
    const wrong = await manualBallot(preparatoryId, typed, { kind: 'election', votes: { c1: 6, c2: 6, c4: 6 } });
    expectError(await inject('POST', `/api/sessions/${sessionId}/presidium/elect`, { ballotId: wrong }), 400, 'PRESIDIUM_MEMBER_INVALID');
    const ballotId = await manualBallot(preparatoryId, typed, { kind: 'election', votes: { c1: 6, c2: 5, c3: 4 } });
    const { presidium } = (await inject('POST', `/api/sessions/${sessionId}/presidium/elect`, { ballotId })).json();
    expect(presidium.members.map((member: { memberId: string }) => member.memberId)).toEqual([ids[1], ids[3], ids[5]]);
  });

  it('adopts the proposed list by a show of hands that passed, and not by one that failed', async () => {
    const { sessionId, preparatoryId, ids, inject, manualBallot } = await setUp();
    const approval = { kind: 'approval', title: '通过主席团名单' };
    const early = await manualBallot(preparatoryId, approval, { kind: 'approval', yes: 6, no: 0, abstain: 0 });
    expectError(await inject('POST', `/api/sessions/${sessionId}/presidium/elect`, { ballotId: early }), 409, 'PRESIDIUM_LIST_EMPTY');
    expect((await inject('PUT', `/api/sessions/${sessionId}/presidium`, { memberIds: ids.slice(1, 4) })).statusCode).toBe(200);
    const failed = await manualBallot(preparatoryId, approval, { kind: 'approval', yes: 2, no: 4, abstain: 0 });
    expectError(await inject('POST', `/api/sessions/${sessionId}/presidium/elect`, { ballotId: failed }), 409, 'PRESIDIUM_NOT_ADOPTED');

    const passed = await manualBallot(preparatoryId, approval, { kind: 'approval', yes: 5, no: 1, abstain: 0 });
    const { presidium } = (await inject('POST', `/api/sessions/${sessionId}/presidium/elect`, { ballotId: passed })).json();
    expect(presidium.elected).toMatchObject({ ballotId: passed, by: 'approval', manual: true });
    expect(presidium.members.map((member: { memberId: string }) => member.memberId)).toEqual(ids.slice(1, 4));
    expect(rowCount(app!, 'audit_log', "action = 'presidium.proposed'")).toBe(1);
  });
});

describe('one sheet for several decisions', () => {
  it('asks which item decided the presidium when the preparatory meeting voted several on one ballot', async () => {
    const { as, sessionId, preparatoryId, ids, inject } = await setUp();
    await inject('PUT', `/api/sessions/${sessionId}/presidium`, { memberIds: ids.slice(0, 3) });
    const items = [
      { kind: 'approval', title: '大会议程' },
      { kind: 'approval', title: '主席团名单' },
    ];
    const { ballot } = await call(app!, { method: 'POST', url: `/api/meetings/${preparatoryId}/ballots`, headers: as, payload: { title: '预备会议表决', method: 'manual', items } }, 201);
    const counts = { kind: 'approval', yes: 6, no: 0, abstain: 0 };
    await call(app!, { method: 'PUT', url: `/api/ballots/${ballot.id}/manual-result`, headers: as, payload: { present: 6, cast: 6, items: [counts, counts] } });
    expectError(await inject('POST', `/api/sessions/${sessionId}/presidium/elect`, { ballotId: ballot.id }), 409, 'PRESIDIUM_BALLOT_INVALID');
    const elected = await inject('POST', `/api/sessions/${sessionId}/presidium/elect`, { ballotId: ballot.id, itemId: ballot.items[1].id });
    expect(elected.json().presidium.elected).toMatchObject({ itemId: ballot.items[1].id, by: 'approval' });
  });
});

describe('presiding chairs', () => {
  it('takes anyone of the term for the preparatory meeting, and only a presidium member for a plenary sitting', async () => {
    const { sessionId, preparatoryId, plenaryId, ids, inject, manualBallot } = await setUp();
    expectError(await inject('PUT', `/api/meetings/${plenaryId}/presiding-chair`, { memberId: ids[0] }), 409, 'PRESIDIUM_NOT_ELECTED');
    const chaired = await inject('PUT', `/api/meetings/${preparatoryId}/presiding-chair`, { memberId: ids[5] });
    expect(chaired.json().meeting.presidingChairMemberId).toBe(ids[5]);

    await inject('PUT', `/api/sessions/${sessionId}/presidium`, { memberIds: ids.slice(0, 3) });
    await inject('POST', `/api/sessions/${sessionId}/presidium/elect`, {
      ballotId: await manualBallot(preparatoryId, { kind: 'approval', title: '通过主席团名单' }, { kind: 'approval', yes: 6, no: 0, abstain: 0 }),
    });
    expectError(await inject('PUT', `/api/meetings/${plenaryId}/presiding-chair`, { memberId: ids[5] }), 409, 'PRESIDING_CHAIR_INVALID');
    expectError(await inject('PUT', `/api/meetings/${plenaryId}/presiding-chair`, { memberId: 'nobody' }), 404, 'MEMBER_NOT_FOUND');
    const set = await inject('PUT', `/api/meetings/${plenaryId}/presiding-chair`, { memberId: ids[1] });
    expect(set.statusCode).toBe(200);
    expect(set.json().meeting.presidingChairMemberId).toBe(ids[1]);
    expect(rowCount(app!, 'audit_log', "action = 'meeting.presiding-chair' AND meeting_id = ?", plenaryId)).toBe(1);
    expect((await inject('PUT', `/api/meetings/${plenaryId}/presiding-chair`, { memberId: null })).json().meeting.presidingChairMemberId).toBeNull();
  });
});

describe('tellers', () => {
  it('never counts an election they stand in: naming a candidate as teller, or a teller as candidate, is refused', async () => {
    const { congress, plenaryId, ids, inject } = await setUp();
    const candidates = [
      { id: ids[0], name: '代表1' },
      { id: 'outside', name: '代表3' },
    ];
    const items = [{ kind: 'election', title: '选举工会委员', seats: 1, candidates }];
    const { ballot } = await call(app!, { method: 'POST', url: `/api/meetings/${plenaryId}/ballots`, headers: { cookie: congress.secretary }, payload: { title: '选举', items } }, 201);
    const tellersUrl = `/api/ballots/${ballot.id}/tellers`;
    // By member id, and by the same name.
    expectError(await inject('PUT', tellersUrl, { tellers: [{ memberId: ids[0], role: 'scrutineer' }] }), 409, 'TELLER_IS_CANDIDATE');
    expectError(await inject('PUT', tellersUrl, { tellers: [{ memberId: ids[2], role: 'counter' }] }), 409, 'TELLER_IS_CANDIDATE');
    expectError(
      await inject('PUT', tellersUrl, {
        tellers: [
          { memberId: ids[3], role: 'chief_scrutineer' },
          { memberId: ids[4], role: 'chief_scrutineer' },
        ],
      }),
      400,
      'TELLERS_INVALID',
    );
    const named = await inject('PUT', tellersUrl, {
      tellers: [
        { memberId: ids[3], role: 'chief_scrutineer' },
        { memberId: ids[4], role: 'counter' },
      ],
    });
    expect(named.statusCode).toBe(200);
    const { tellers } = (await inject('GET', tellersUrl)).json();
    expect(tellers).toEqual([
      expect.objectContaining({ memberId: ids[3], name: '代表4', role: 'chief_scrutineer', chosenBy: 'named' }),
      expect.objectContaining({ memberId: ids[4], name: '代表5', role: 'counter', chosenBy: 'named' }),
    ]);

    // The other way round: an edit of the items that would make a teller a candidate.
    const withTeller = [{ ...items[0], candidates: [...candidates, { id: ids[3], name: '代表4' }] }];
    expectError(await inject('PATCH', `/api/ballots/${ballot.id}`, { items: withTeller }), 409, 'TELLER_IS_CANDIDATE');
    const { ballot: unchanged } = (await inject('GET', `/api/ballots/${ballot.id}`)).json();
    expect(unchanged.items[0].candidates).toHaveLength(2);

    // A teller renamed into a candidate's name is caught when the ballot opens, and when a paper
    // count of the same election is entered.
    const { ballot: paper } = await call(
      app!,
      { method: 'POST', url: `/api/meetings/${plenaryId}/ballots`, headers: { cookie: congress.secretary }, payload: { title: '纸质选举', method: 'manual', items } },
      201,
    );
    await call(app!, { method: 'PUT', url: `/api/ballots/${paper.id}/tellers`, headers: { cookie: congress.secretary }, payload: { tellers: [{ memberId: ids[4], role: 'counter' }] } });
    await call(app!, { method: 'PATCH', url: `/api/members/${ids[4]}`, headers: { cookie: congress.secretary }, payload: { name: '代表3' } });
    const counts = { present: 6, cast: 6, method: 'paper', items: [{ kind: 'election', votes: { [ids[0]!]: 4 } }] };
    expectError(await inject('PUT', `/api/ballots/${paper.id}/manual-result`, counts), 409, 'TELLER_IS_CANDIDATE');
    await call(app!, { method: 'POST', url: `/api/meetings/${plenaryId}/open`, headers: { cookie: congress.secretary } });
    expectError(await inject('POST', `/api/ballots/${ballot.id}/open`, { overrideQuorum: true }), 409, 'TELLER_IS_CANDIDATE');
    expect(rowCount(app!, 'audit_log', "action = 'ballot.tellers' AND ballot_id = ?", ballot.id)).toBe(1);
  });

  it('takes elected tellers only from a settled election ballot, and changes them only while the ballot is a draft', async () => {
    const { congress, preparatoryId, plenaryId, ids, inject, manualBallot } = await setUp();
    const electTellers = { kind: 'election', title: '选举监票人', seats: 2, candidates: ids.slice(3, 6).map((id, index) => ({ id, name: `代表${index + 4}` })) };
    const electionId = await manualBallot(preparatoryId, electTellers, { kind: 'election', votes: { [ids[3]!]: 6, [ids[4]!]: 5, [ids[5]!]: 1 } });
    const { ballot } = await call(
      app!,
      {
        method: 'POST',
        url: `/api/meetings/${plenaryId}/ballots`,
        headers: { cookie: congress.secretary },
        payload: { title: '表决', items: [{ kind: 'approval', title: '集体合同' }] },
      },
      201,
    );
    const url = `/api/ballots/${ballot.id}/tellers`;
    expectError(await inject('PUT', url, { electedByBallotId: electionId, tellers: [{ memberId: ids[5], role: 'scrutineer' }] }), 400, 'TELLERS_INVALID');
    const { tellers } = (
      await inject('PUT', url, {
        electedByBallotId: electionId,
        tellers: [
          { memberId: ids[3], role: 'scrutineer' },
          { memberId: ids[4], role: 'scrutineer' },
        ],
      })
    ).json();
    expect(tellers.map((teller: { chosenBy: string; electedByBallotId: string }) => [teller.chosenBy, teller.electedByBallotId])).toEqual([
      ['elected', electionId],
      ['elected', electionId],
    ]);
    await call(app!, { method: 'POST', url: `/api/meetings/${plenaryId}/open`, headers: { cookie: congress.secretary } });
    await call(app!, { method: 'POST', url: `/api/ballots/${ballot.id}/open`, headers: { cookie: congress.secretary }, payload: { overrideQuorum: true } });
    expectError(await inject('PUT', url, { tellers: [] }), 409, 'BALLOT_STATE');
  });
});

describe('who may change it', () => {
  it('lets representatives change nothing and read nothing of it', async () => {
    const { congress, sessionId, plenaryId, ids, inject } = await setUp();
    const { ballot } = await call(
      app!,
      {
        method: 'POST',
        url: `/api/meetings/${plenaryId}/ballots`,
        headers: { cookie: congress.secretary },
        payload: { title: '表决', items: [{ kind: 'approval', title: '集体合同' }] },
      },
      201,
    );
    const headers = bearer(congress.representatives[0]!.token);
    const attempts = [
      app!.inject({ method: 'PUT', url: `/api/sessions/${sessionId}/presidium`, headers, payload: { memberIds: ids.slice(0, 3) } }),
      app!.inject({ method: 'POST', url: `/api/sessions/${sessionId}/presidium/elect`, headers, payload: { ballotId: ballot.id } }),
      app!.inject({ method: 'PUT', url: `/api/meetings/${plenaryId}/presiding-chair`, headers, payload: { memberId: ids[0] } }),
      app!.inject({ method: 'PUT', url: `/api/ballots/${ballot.id}/tellers`, headers, payload: { tellers: [{ memberId: ids[1], role: 'counter' }] } }),
      app!.inject({ method: 'GET', url: `/api/sessions/${sessionId}/presidium`, headers }),
    ];
    for (const response of await Promise.all(attempts)) expectError(response, 403, 'FORBIDDEN');
    expect((await inject('GET', `/api/sessions/${sessionId}/presidium`)).json().presidium.members).toEqual([]);
    expect(rowCount(app!, 'ballot_teller')).toBe(0);
  });
});
