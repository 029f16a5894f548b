// The joint meeting (联席会议) between sessions (issue 12, item 6): its own roll is its electorate
// (quorum, check-in, votes), it decides by a majority of those present, it refuses a statutory matter,
// and its decisions go, by themselves, onto the next plenary's agenda, where a ballot confirms them.
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { listAgendaItems } from '../../src/agenda/service.js';
import { call, type Congress, createApp, createCongress } from '../support/congress.js';
import { bearer, expectError, vote } from '../support/requests.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** Eight representatives; session 2's plenary (made by createCongress) already held and closed. */
async function setUp() {
  app = await createApp();
  const congress = await createCongress(app, { representatives: 8, openMeeting: false, present: 0 });
  const as = { cookie: congress.secretary };
  await call(app, { method: 'POST', url: `/api/meetings/${congress.meetingId}/open`, headers: as });
  await call(app, { method: 'POST', url: `/api/meetings/${congress.meetingId}/close`, headers: as });
  const { meeting: joint } = await call(app, { method: 'POST', url: '/api/meetings', headers: as, payload: { termId: congress.termId, title: '职代会联席会议', sitting: 'joint' } }, 201);
  return { congress, as, joint };
}

/** The first six representatives on the roll, in their capacities. */
async function putRoll(congress: Congress, meetingId: string) {
  const capacities = ['delegation_leader', 'delegation_leader', 'presidium', 'presidium', 'committee_chair', 'union_committee'];
  const members = congress.representatives.slice(0, 6).map((person, index) => ({ memberId: person.memberId, capacity: capacities[index] }));
  return (await call(app!, { method: 'PUT', url: `/api/meetings/${meetingId}/roll`, headers: { cookie: congress.secretary }, payload: { members } })).roll;
}

const checkIn = (token: string, meetingId: string) => app!.inject({ method: 'POST', url: `/api/meetings/${meetingId}/check-in`, headers: bearer(token) });

describe('a joint meeting', () => {
  it('counts its own roll: of 6 members, 4 present reach 2/3 and 3 do not; others neither count, check in nor vote', async () => {
    const { congress, as, joint } = await setUp();
    const roll = await putRoll(congress, joint.id);
    expect(roll).toMatchObject({ quorum: { numerator: 2, denominator: 3, eligible: 6, present: 0, required: 4, reached: false }, decisionRule: 'present_majority' });
    expect(roll.members).toHaveLength(6);
    await call(app!, { method: 'POST', url: `/api/meetings/${joint.id}/open`, headers: as });
    const [a, b, c, d, , , outsider] = congress.representatives;
    expectError(await checkIn(outsider!.token, joint.id), 403, 'JOINT_NOT_ON_ROLL');
    expectError(await app!.inject({ method: 'PUT', url: `/api/meetings/${joint.id}/attendance/${outsider!.memberId}`, headers: as, payload: { status: 'present' } }), 403, 'JOINT_NOT_ON_ROLL');
    for (const person of [a, b, c]) expect((await checkIn(person!.token, joint.id)).statusCode).toBe(200);
    const three = (await call(app!, { method: 'GET', url: `/api/meetings/${joint.id}/roll`, headers: as })).roll.quorum;
    expect(three).toMatchObject({ eligible: 6, present: 3, required: 4, reached: false });
    const { ballot } = await call(
      app!,
      { method: 'POST', url: `/api/meetings/${joint.id}/ballots`, headers: as, payload: { title: '关于调整职工食堂补贴的决定', items: [{ kind: 'approval', title: '关于调整职工食堂补贴的决定' }] } },
      201,
    );
    expectError(await app!.inject({ method: 'POST', url: `/api/ballots/${ballot.id}/open`, headers: as, payload: {} }), 409, 'QUORUM_NOT_REACHED');
    expect((await checkIn(d!.token, joint.id)).statusCode).toBe(200);
    const snapshot = await call(app!, { method: 'GET', url: `/api/meetings/${joint.id}/live`, headers: as });
    expect(snapshot.attendance).toMatchObject({ eligible: 6, present: 4, quorum: { required: 4, reached: true } });
    const opened = (await call(app!, { method: 'POST', url: `/api/ballots/${ballot.id}/open`, headers: as, payload: {} })).ballot;
    expect(opened.turnout).toEqual({ voted: 0, eligible: 6 });
    expectError(await vote(app!, outsider!.token, ballot.id, ['yes']), 403, 'JOINT_NOT_ON_ROLL');
    // The roll is the ballot's electorate: while the ballot is open it cannot change, so no one can be
    // let in, or shut out, halfway through the vote.
    const swap = { members: [...congress.representatives.slice(1, 6), outsider!].map((person) => ({ memberId: person.memberId, capacity: 'other' })) };
    expectError(await app!.inject({ method: 'PUT', url: `/api/meetings/${joint.id}/roll`, headers: as, payload: swap }), 409, 'JOINT_ROLL_LOCKED');
    expectError(await vote(app!, outsider!.token, ballot.id, ['no']), 403, 'JOINT_NOT_ON_ROLL');
    expect((await vote(app!, a!.token, ballot.id, ['yes'])).statusCode).toBe(201);
    // Once it closes, the roll may change again, and counts for the next ballot at once.
    await call(app!, { method: 'POST', url: `/api/ballots/${ballot.id}/close`, headers: as });
    await call(app!, { method: 'PUT', url: `/api/meetings/${joint.id}/roll`, headers: as, payload: swap });
    const { ballot: next } = await call(
      app!,
      { method: 'POST', url: `/api/meetings/${joint.id}/ballots`, headers: as, payload: { title: '第二项', items: [{ kind: 'approval', title: '第二项' }] } },
      201,
    );
    await call(app!, { method: 'POST', url: `/api/ballots/${next.id}/open`, headers: as, payload: { overrideQuorum: true, reason: '测试' } });
    expect((await vote(app!, outsider!.token, next.id, ['no'])).statusCode).toBe(201);
    expectError(await vote(app!, a!.token, next.id, ['yes']), 403, 'JOINT_NOT_ON_ROLL');
  });

  it('decides by a majority of those present (3 of 4 present pass, where 3 of all 6 would not)', async () => {
    const { congress, as, joint } = await setUp();
    await putRoll(congress, joint.id);
    await call(app!, { method: 'POST', url: `/api/meetings/${joint.id}/open`, headers: as });
    const [a, b, c, d] = congress.representatives;
    for (const person of [a, b, c, d]) await checkIn(person!.token, joint.id);
    const { ballot } = await call(
      app!,
      { method: 'POST', url: `/api/meetings/${joint.id}/ballots`, headers: as, payload: { title: '联席会议表决', items: [{ kind: 'approval', title: '关于调整职工食堂补贴的决定' }] } },
      201,
    );
    expect(ballot.items[0]).toMatchObject({ passingRule: 'present_majority' });
    // An edit of the draft's items (a typo fixed) keeps the joint meeting's rule.
    const edited = await call(app!, {
      method: 'PATCH',
      url: `/api/ballots/${ballot.id}`,
      headers: as,
      payload: { items: [{ kind: 'approval', id: ballot.items[0].id, title: '关于调整职工食堂补贴标准的决定' }] },
    });
    expect(edited.ballot.items[0]).toMatchObject({ title: '关于调整职工食堂补贴标准的决定', passingRule: 'present_majority' });
    await call(app!, { method: 'POST', url: `/api/ballots/${ballot.id}/open`, headers: as, payload: {} });
    for (const [person, answer] of [
      [a, 'yes'],
      [b, 'yes'],
      [c, 'yes'],
      [d, 'abstain'],
    ] as const)
      expect((await vote(app!, person!.token, ballot.id, [answer])).statusCode).toBe(201);
    const closed = (await call(app!, { method: 'POST', url: `/api/ballots/${ballot.id}/close`, headers: as })).ballot;
    expect(closed.result).toMatchObject({ eligible: 6, present: 4, cast: 4 });
    expect(closed.result.items[0]).toMatchObject({ passed: true, baseLabel: 'present', base: 4, required: 3 });
    expect(closed.result.items[0].explanation.zh).toContain('出席成员 4 人');
  });

  it('refuses a statutory matter, which the congress itself must decide', async () => {
    const { congress, as, joint } = await setUp();
    await putRoll(congress, joint.id);
    const statutory = { title: '集体合同(草案)', statutory: true, items: [{ kind: 'approval', title: '集体合同(草案)' }] };
    const refused = await app!.inject({ method: 'POST', url: `/api/meetings/${joint.id}/ballots`, headers: as, payload: statutory });
    expectError(refused, 409, 'STATUTORY_MATTER');
    expect(refused.json().messageZh).toContain('职工代表大会');
    const { ballot } = await call(app!, { method: 'POST', url: `/api/meetings/${joint.id}/ballots`, headers: as, payload: { ...statutory, statutory: false } }, 201);
    expect(ballot.statutory).toBe(false);
    expectError(await app!.inject({ method: 'PATCH', url: `/api/ballots/${ballot.id}`, headers: as, payload: { statutory: true } }), 409, 'STATUTORY_MATTER');
    // A plenary takes it.
    const { meeting: plenary } = await call(app!, { method: 'POST', url: '/api/meetings', headers: as, payload: { termId: congress.termId, title: '第三次会议全体会议', sessionNumber: 3 } }, 201);
    const { ballot: congressBallot } = await call(app!, { method: 'POST', url: `/api/meetings/${plenary.id}/ballots`, headers: as, payload: statutory }, 201);
    expect(congressBallot.statutory).toBe(true);
  });

  it('marks its decisions 待大会确认, puts them on the next plenary agenda by themselves, and the confirmation ballot settles them', async () => {
    const { congress, as, joint } = await setUp();
    await putRoll(congress, joint.id);
    await call(app!, { method: 'POST', url: `/api/meetings/${joint.id}/open`, headers: as });
    // A show of hands (manual result) is a settled ballot like any other.
    const { ballot } = await call(
      app!,
      {
        method: 'POST',
        url: `/api/meetings/${joint.id}/ballots`,
        headers: as,
        payload: {
          title: '联席会议表决',
          method: 'manual',
          items: [
            { kind: 'approval', title: '职工疗休养实施办法' },
            { kind: 'approval', title: '调整班车线路' },
          ],
        },
      },
      201,
    );
    for (const person of congress.representatives.slice(0, 5)) await checkIn(person.token, joint.id);
    await call(app!, {
      method: 'PUT',
      url: `/api/ballots/${ballot.id}/manual-result`,
      headers: as,
      payload: {
        present: 5,
        cast: 5,
        items: [
          { kind: 'approval', yes: 4, no: 1, abstain: 0 },
          { kind: 'approval', yes: 2, no: 3, abstain: 0 },
        ],
      },
    });
    const decisions = () => call(app!, { method: 'GET', url: `/api/terms/${congress.termId}/joint-decisions`, headers: as });
    expect((await decisions()).decisions).toEqual([expect.objectContaining({ title: '职工疗休养实施办法', state: 'pending', meetingId: joint.id })]);

    // No plenary to come yet (session 2 was held): the next session, once made, has the item by itself.
    const { session } = await call(app!, { method: 'POST', url: `/api/terms/${congress.termId}/sessions`, headers: as, payload: { number: 3 } }, 201);
    const agenda = await listAgendaItems(app!.yishi, session.id);
    expect(agenda).toEqual([expect.objectContaining({ kind: 'joint_confirmation', title: '确认联席会议决定' })]);
    expect(agenda[0]!.material).toContain('职工疗休养实施办法');
    expect(agenda[0]!.material).not.toContain('调整班车线路');
    // Asking again adds no second item; the decisions' page names the item to make the ballot from.
    expect((await decisions()).confirmationItem).toEqual({ agendaItemId: agenda[0]!.id, sessionId: session.id, sessionNumber: 3, ballotId: null });
    expect(await listAgendaItems(app!.yishi, session.id)).toHaveLength(1);

    const { meeting: plenary } = await call(app!, { method: 'POST', url: '/api/meetings', headers: as, payload: { termId: congress.termId, title: '第三次会议全体会议', sessionId: session.id } }, 201);
    expectError(await app!.inject({ method: 'POST', url: `/api/agenda-items/${agenda[0]!.id}/confirmation-ballot`, headers: as, payload: { meetingId: joint.id } }), 409, 'JOINT_CONFIRMATION_INVALID');
    // A draft confirmation ballot deleted decided nothing: its claims go with it and the decisions wait again.
    const { ballot: discarded } = await call(app!, { method: 'POST', url: `/api/agenda-items/${agenda[0]!.id}/confirmation-ballot`, headers: as, payload: { meetingId: plenary.id } }, 201);
    await call(app!, { method: 'DELETE', url: `/api/ballots/${discarded.id}`, headers: as });
    expect((await decisions()).decisions).toEqual([expect.objectContaining({ state: 'pending', confirmationBallotId: null })]);
    const { ballot: confirmation } = await call(app!, { method: 'POST', url: `/api/agenda-items/${agenda[0]!.id}/confirmation-ballot`, headers: as, payload: { meetingId: plenary.id } }, 201);
    expect(confirmation.items.map((item: { title: string }) => item.title)).toEqual(['确认联席会议关于《职工疗休养实施办法》的决定']);
    expect((await listAgendaItems(app!.yishi, session.id))[0]!.ballotId).toBe(confirmation.id);
    expectError(await app!.inject({ method: 'POST', url: `/api/agenda-items/${agenda[0]!.id}/confirmation-ballot`, headers: as, payload: { meetingId: plenary.id } }), 409, 'JOINT_NOTHING_TO_CONFIRM');

    // The plenary's electorate is the whole congress again: all 8 representatives.
    await call(app!, { method: 'POST', url: `/api/meetings/${plenary.id}/open`, headers: as });
    for (const person of congress.representatives) await checkIn(person.token, plenary.id);
    const opened = (await call(app!, { method: 'POST', url: `/api/ballots/${confirmation.id}/open`, headers: as, payload: {} })).ballot;
    expect(opened.turnout).toEqual({ voted: 0, eligible: 8 });
    for (const person of congress.representatives.slice(0, 6)) expect((await vote(app!, person.token, confirmation.id, ['yes'])).statusCode).toBe(201);
    await call(app!, { method: 'POST', url: `/api/ballots/${confirmation.id}/close`, headers: as });
    expect((await decisions()).decisions).toEqual([expect.objectContaining({ title: '职工疗休养实施办法', state: 'confirmed', confirmationBallotId: confirmation.id })]);
    const audit = (await call(app!, { method: 'GET', url: '/api/audit?limit=200', headers: as })).entries.map((entry: { action: string }) => entry.action);
    expect(audit).toEqual(expect.arrayContaining(['joint.roll-set', 'joint.decision-recorded', 'joint.confirmation-ballot-created', 'joint.decision-confirmed']));
  });
});
