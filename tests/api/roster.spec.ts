// The roster of a term: representatives and attendees, delegations and their leaders, and the lock
// that keeps it still while a meeting is in session.
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { call, createApp, createCongress, openBallot, signIn } from '../support/congress.js';
import { closeBallot, expectError, vote } from '../support/requests.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

interface Setup {
  app: FastifyInstance;
  cookie: string;
  termId: string;
}

async function newTerm(): Promise<Setup> {
  app = await createApp();
  const cookie = await signIn(app);
  const { term } = await call(app, { method: 'POST', url: '/api/terms', headers: { cookie }, payload: { number: 3 } }, 201);
  return { app, cookie, termId: term.id };
}

const addMember = (setup: Setup, payload: object) => setup.app.inject({ method: 'POST', url: `/api/terms/${setup.termId}/members`, headers: { cookie: setup.cookie }, payload });

async function roster(setup: Setup) {
  return (await call(setup.app, { method: 'GET', url: `/api/terms/${setup.termId}/members`, headers: { cookie: setup.cookie } })).members;
}

async function addDelegation(setup: Setup, name: string): Promise<string> {
  return (await call(setup.app, { method: 'POST', url: `/api/terms/${setup.termId}/delegations`, headers: { cookie: setup.cookie }, payload: { name } }, 201)).delegation.id;
}

describe('terms', () => {
  it('refuses a second term with the same number', async () => {
    const setup = await newTerm();
    expectError(await setup.app.inject({ method: 'POST', url: '/api/terms', headers: { cookie: setup.cookie }, payload: { number: 3 } }), 409, 'TERM_EXISTS');
  });
});

describe('roster entries', () => {
  it('adds a representative and an attendee with tags', async () => {
    const setup = await newTerm();
    const delegationId = await addDelegation(setup, '第一代表团');
    expect((await addMember(setup, { name: '张三', staffNumber: 'A001', delegationId, tags: ['frontline', 'female'] })).statusCode).toBe(201);
    expect((await addMember(setup, { name: '李四', staffNumber: 'A002', role: 'attendee' })).statusCode).toBe(201);
    const members = await roster(setup);
    expect(members).toHaveLength(2);
    expect(members.find((member: { staffNumber: string }) => member.staffNumber === 'A001')).toMatchObject({
      name: '张三',
      role: 'representative',
      delegationName: '第一代表团',
      tags: ['一线职工', '女职工'],
      hasCode: false,
    });
    expect(members.find((member: { staffNumber: string }) => member.staffNumber === 'A002')).toMatchObject({ role: 'attendee', delegationId: null });
  });

  it('refuses a staff number already on the roster, whatever its case', async () => {
    const setup = await newTerm();
    await addMember(setup, { name: '张三', staffNumber: 'A001' });
    expectError(await addMember(setup, { name: '张三丰', staffNumber: 'a001' }), 409, 'STAFF_NUMBER_TAKEN');
    expect(await roster(setup)).toHaveLength(1);
  });

  it('edits a name and refuses an edit onto a taken staff number', async () => {
    const setup = await newTerm();
    const first = (await addMember(setup, { name: '张三', staffNumber: 'A001' })).json().member;
    await addMember(setup, { name: '李四', staffNumber: 'A002' });
    const { member } = await call(setup.app, { method: 'PATCH', url: `/api/members/${first.id}`, headers: { cookie: setup.cookie }, payload: { name: '张叁' } });
    expect(member.name).toBe('张叁');
    expectError(await setup.app.inject({ method: 'PATCH', url: `/api/members/${first.id}`, headers: { cookie: setup.cookie }, payload: { staffNumber: 'A002' } }), 409, 'STAFF_NUMBER_TAKEN');
    expect((await roster(setup)).map((entry: { staffNumber: string }) => entry.staffNumber)).toEqual(['A001', 'A002']);
  });

  it('removes an entry', async () => {
    const setup = await newTerm();
    const { member } = (await addMember(setup, { name: '张三', staffNumber: 'A001' })).json();
    await call(setup.app, { method: 'DELETE', url: `/api/members/${member.id}`, headers: { cookie: setup.cookie } });
    expect(await roster(setup)).toEqual([]);
    expectError(await setup.app.inject({ method: 'DELETE', url: `/api/members/${member.id}`, headers: { cookie: setup.cookie } }), 404, 'MEMBER_NOT_FOUND');
  });

  it('refuses a delegation of another term', async () => {
    const setup = await newTerm();
    const { term } = await call(setup.app, { method: 'POST', url: '/api/terms', headers: { cookie: setup.cookie }, payload: { number: 4 } }, 201);
    const { delegation } = await call(setup.app, { method: 'POST', url: `/api/terms/${term.id}/delegations`, headers: { cookie: setup.cookie }, payload: { name: '第四届代表团' } }, 201);
    expectError(await addMember(setup, { name: '张三', staffNumber: 'A001', delegationId: delegation.id }), 404, 'DELEGATION_NOT_FOUND');
  });
});

describe('delegations (代表团) and their leaders', () => {
  it('sets a leader who belongs to the delegation', async () => {
    const setup = await newTerm();
    const delegationId = await addDelegation(setup, '第一代表团');
    const { member } = (await addMember(setup, { name: '张三', staffNumber: 'A001', delegationId })).json();
    const { delegation } = await call(setup.app, { method: 'PATCH', url: `/api/delegations/${delegationId}`, headers: { cookie: setup.cookie }, payload: { leaderMemberId: member.id } });
    expect(delegation).toMatchObject({ name: '第一代表团', leaderMemberId: member.id });
  });

  it('refuses a leader from another delegation', async () => {
    const setup = await newTerm();
    const first = await addDelegation(setup, '第一代表团');
    const second = await addDelegation(setup, '第二代表团');
    const { member } = (await addMember(setup, { name: '张三', staffNumber: 'A001', delegationId: second })).json();
    const response = await setup.app.inject({ method: 'PATCH', url: `/api/delegations/${first}`, headers: { cookie: setup.cookie }, payload: { leaderMemberId: member.id } });
    expectError(response, 409, 'LEADER_NOT_IN_DELEGATION');
    const { delegations } = await call(setup.app, { method: 'GET', url: `/api/terms/${setup.termId}/delegations`, headers: { cookie: setup.cookie } });
    expect(delegations.find((delegation: { id: string }) => delegation.id === first).leaderMemberId).toBeNull();
  });

  it('leaves a delegation without a leader when the leader moves to another one', async () => {
    const setup = await newTerm();
    const first = await addDelegation(setup, '第一代表团');
    const second = await addDelegation(setup, '第二代表团');
    const { member } = (await addMember(setup, { name: '张三', staffNumber: 'A001', delegationId: first })).json();
    await call(setup.app, { method: 'PATCH', url: `/api/delegations/${first}`, headers: { cookie: setup.cookie }, payload: { leaderMemberId: member.id } });
    await call(setup.app, { method: 'PATCH', url: `/api/members/${member.id}`, headers: { cookie: setup.cookie }, payload: { delegationId: second } });
    const { delegations } = await call(setup.app, { method: 'GET', url: `/api/terms/${setup.termId}/delegations`, headers: { cookie: setup.cookie } });
    expect(delegations.map((delegation: { leaderMemberId: string | null }) => delegation.leaderMemberId)).toEqual([null, null]);
  });

  it('refuses a duplicate name and deleting a delegation that still has members', async () => {
    const setup = await newTerm();
    const delegationId = await addDelegation(setup, '第一代表团');
    expectError(
      await setup.app.inject({ method: 'POST', url: `/api/terms/${setup.termId}/delegations`, headers: { cookie: setup.cookie }, payload: { name: '第一代表团' } }),
      409,
      'DELEGATION_EXISTS',
    );
    await addMember(setup, { name: '张三', staffNumber: 'A001', delegationId });
    expectError(await setup.app.inject({ method: 'DELETE', url: `/api/delegations/${delegationId}`, headers: { cookie: setup.cookie } }), 409, 'DELEGATION_NOT_EMPTY');
    const empty = await addDelegation(setup, '第二代表团');
    await call(setup.app, { method: 'DELETE', url: `/api/delegations/${empty}`, headers: { cookie: setup.cookie } });
    const { delegations } = await call(setup.app, { method: 'GET', url: `/api/terms/${setup.termId}/delegations`, headers: { cookie: setup.cookie } });
    expect(delegations.map((delegation: { name: string }) => delegation.name)).toEqual(['第一代表团']);
  });
});

describe('the roster lock while a meeting is in session', () => {
  it('refuses adding, removing and changing a role, and allows correcting a name', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 3 });
    const as = { cookie: congress.secretary };
    const someone = congress.representatives[0]!.memberId;
    expectError(await app.inject({ method: 'POST', url: `/api/terms/${congress.termId}/members`, headers: as, payload: { name: '迟到者', staffNumber: 'L-1' } }), 409, 'ROSTER_LOCKED');
    expectError(await app.inject({ method: 'DELETE', url: `/api/members/${someone}`, headers: as }), 409, 'ROSTER_LOCKED');
    expectError(await app.inject({ method: 'PATCH', url: `/api/members/${someone}`, headers: as, payload: { role: 'attendee' } }), 409, 'ROSTER_LOCKED');
    expect((await call(app, { method: 'PATCH', url: `/api/members/${someone}`, headers: as, payload: { name: '代表一' } })).member.name).toBe('代表一');
    const { attendance } = await call(app, { method: 'GET', url: `/api/meetings/${congress.meetingId}/attendance`, headers: as });
    expect(attendance.filter((entry: { role: string }) => entry.role === 'representative')).toHaveLength(3);
  });

  it('unlocks when the meeting closes, but keeps everyone who has voted', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 3 });
    const as = { cookie: congress.secretary };
    const ballotId = await openBallot(congress);
    await vote(app, congress.representatives[0]!.token, ballotId, ['yes']);
    await closeBallot(congress, ballotId);
    await call(app, { method: 'POST', url: `/api/meetings/${congress.meetingId}/close`, headers: as });
    expectError(await app.inject({ method: 'DELETE', url: `/api/members/${congress.representatives[0]!.memberId}`, headers: as }), 409, 'ROSTER_LOCKED');
    await call(app, { method: 'DELETE', url: `/api/members/${congress.representatives[1]!.memberId}`, headers: as });
    expect((await app.inject({ method: 'POST', url: `/api/terms/${congress.termId}/members`, headers: as, payload: { name: '补选代表', staffNumber: 'B-1' } })).statusCode).toBe(201);
  });
});
