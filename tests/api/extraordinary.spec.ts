// Extraordinary sessions (临时会议, issue 12 item 7): convened on the proposal of the unit, the union,
// or at least a third of the representatives, whose signatures are collected from the phones.
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { call, createApp, createCongress, signIn } from '../support/congress.js';
import { bearer, expectError, memberOfAnotherTerm, rowCount } from '../support/requests.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** 7 representatives (a third, rounded up: 3) and 2 attendees. */
async function setUp(representatives = 7) {
  app = await createApp();
  const congress = await createCongress(app, { representatives, attendees: 2, openMeeting: false });
  const as = { cookie: congress.secretary };
  const propose = async (proposer: string, subject = '关于调整职工工资分配方案') =>
    (
      await call(
        app!,
        { method: 'POST', url: `/api/terms/${congress.termId}/extraordinary-proposals`, headers: as, payload: { proposer, subject, reasons: '生产经营发生重大变化,须在例会前决定' } },
        201,
      )
    ).proposal;
  const sign = (token: string, id: string) => app!.inject({ method: 'POST', url: `/api/extraordinary-proposals/${id}/signatures`, headers: bearer(token) });
  const unsign = (token: string, id: string) => app!.inject({ method: 'DELETE', url: `/api/extraordinary-proposals/${id}/signatures/mine`, headers: bearer(token) });
  const convene = (id: string, payload: object = {}) => app!.inject({ method: 'POST', url: `/api/extraordinary-proposals/${id}/convene`, headers: as, payload });
  const read = async (id: string, headers: Record<string, string> = as) => (await call(app!, { method: 'GET', url: `/api/extraordinary-proposals/${id}`, headers })).proposal;
  return { congress, as, propose, sign, unsign, convene, read };
}

describe('a representatives’ proposal collects signatures against the threshold', () => {
  it('needs ⌈1/3 × representatives⌉: refused one signature short, convened exactly at it', async () => {
    const { congress, propose, sign, convene, read } = await setUp(7);
    const proposal = await propose('representatives');
    expect(proposal).toMatchObject({ state: 'collecting', signatures: 0, threshold: 3, representatives: 7, reached: false, signers: [] });
    for (const person of congress.representatives.slice(0, 2)) expect((await sign(person.token, proposal.id)).statusCode).toBe(200);
    const short = await convene(proposal.id);
    expectError(short, 409, 'EXTRAORDINARY_THRESHOLD_NOT_REACHED');
    expect(short.json().details).toEqual({ signatures: 2, threshold: 3, representatives: 7 });
    expect((await read(proposal.id)).state).toBe('collecting');

    expect((await sign(congress.representatives[2]!.token, proposal.id)).json().proposal).toMatchObject({ signatures: 3, reached: true, signedByMe: true });
    const response = await convene(proposal.id);
    expect(response.statusCode).toBe(201);
    const { session, proposal: convened } = response.json();
    expect(session).toMatchObject({ kind: 'extraordinary', number: 3, title: '第三次临时会议' });
    expect(convened).toMatchObject({ state: 'convened', sessionId: session.id, convenedBy: 'secretary' });
  });

  it('rounds a third up, and takes the share from the term’s rules', async () => {
    const { congress, as, propose } = await setUp(6);
    expect((await propose('representatives')).threshold).toBe(2);
    await call(app!, { method: 'PATCH', url: `/api/terms/${congress.termId}/rules`, headers: as, payload: { extraordinary: { proposalShare: { numerator: 1, denominator: 4 } } } });
    expect((await propose('representatives')).threshold).toBe(2);
    await call(app!, { method: 'PATCH', url: `/api/terms/${congress.termId}/rules`, headers: as, payload: { extraordinary: { proposalShare: { numerator: 1, denominator: 2 } } } });
    expect((await propose('representatives')).threshold).toBe(3);
  });

  it('counts a second signature (or two at once) from the same representative once', async () => {
    const { congress, propose, sign, read } = await setUp();
    const proposal = await propose('representatives');
    const [first, second] = await Promise.all([sign(congress.representatives[0]!.token, proposal.id), sign(congress.representatives[0]!.token, proposal.id)]);
    expect([first.statusCode, second.statusCode]).toEqual([200, 200]);
    expect((await sign(congress.representatives[0]!.token, proposal.id)).json().proposal.signatures).toBe(1);
    expect((await read(proposal.id)).signatures).toBe(1);
    expect(rowCount(app!, 'extraordinary_signature', 'proposal_id = ?', proposal.id)).toBe(1);
  });

  it('lets a representative withdraw their own signature while it collects, and not after it is convened', async () => {
    const { congress, propose, sign, unsign, convene, read } = await setUp(3);
    const proposal = await propose('representatives');
    const [alice] = congress.representatives;
    await sign(alice!.token, proposal.id);
    const withdrawn = await unsign(alice!.token, proposal.id);
    expect(withdrawn.json().proposal).toMatchObject({ signatures: 0, signedByMe: false });
    await sign(alice!.token, proposal.id);
    expect((await convene(proposal.id)).statusCode).toBe(201);
    expectError(await unsign(alice!.token, proposal.id), 409, 'EXTRAORDINARY_NOT_COLLECTING');
    expectError(await sign(congress.representatives[1]!.token, proposal.id), 409, 'EXTRAORDINARY_NOT_COLLECTING');
    expect((await read(proposal.id)).signatures).toBe(1);
  });

  it('refuses attendees (NOT_ELIGIBLE) and people of another term (FORBIDDEN); their signature is never counted', async () => {
    const { congress, propose, sign, read } = await setUp();
    const proposal = await propose('representatives');
    expectError(await sign(congress.attendees[0]!.token, proposal.id), 403, 'NOT_ELIGIBLE');
    const stranger = await memberOfAnotherTerm(congress);
    expectError(await sign(stranger.token, proposal.id), 403, 'FORBIDDEN');
    expectError(await app!.inject({ method: 'GET', url: `/api/extraordinary-proposals/${proposal.id}`, headers: bearer(stranger.token) }), 403, 'FORBIDDEN');
    expectError(await app!.inject({ method: 'GET', url: `/api/terms/${congress.termId}/extraordinary-proposals`, headers: bearer(stranger.token) }), 403, 'FORBIDDEN');
    expect((await read(proposal.id)).signatures).toBe(0);
  });
});

describe('the unit’s and the union’s proposals', () => {
  it('convene without signatures, and cannot be signed', async () => {
    const { congress, propose, sign, convene } = await setUp();
    const unit = await propose('unit');
    expect(unit).toMatchObject({ reached: true, signatures: 0 });
    expectError(await sign(congress.representatives[0]!.token, unit.id), 409, 'EXTRAORDINARY_NOT_PETITION');
    expect((await convene(unit.id, { number: 5, title: '第5次临时会议(审议集体合同)' })).json().session).toMatchObject({ kind: 'extraordinary', number: 5, title: '第5次临时会议(审议集体合同)' });
    const union = await propose('union');
    expect((await convene(union.id)).json().session).toMatchObject({ kind: 'extraordinary', number: 6 });
  });

  it('can be withdrawn before convening, and then not convened', async () => {
    const { as, propose, convene } = await setUp();
    const union = await propose('union');
    expect((await call(app!, { method: 'POST', url: `/api/extraordinary-proposals/${union.id}/withdraw`, headers: as })).proposal.state).toBe('withdrawn');
    expectError(await convene(union.id), 409, 'EXTRAORDINARY_NOT_COLLECTING');
  });
});

describe('the record', () => {
  it('shows who proposed the session, and the signers to officers only', async () => {
    const { congress, as, propose, sign, convene, read } = await setUp(3);
    const proposal = await propose('representatives');
    await sign(congress.representatives[1]!.token, proposal.id);
    const { session } = (await convene(proposal.id)).json();
    const { proposal: ofSession } = await call(app!, { method: 'GET', url: `/api/sessions/${session.id}/proposal`, headers: as });
    expect(ofSession).toMatchObject({ id: proposal.id, proposer: 'representatives', subject: '关于调整职工工资分配方案', signatures: 1, threshold: 1 });
    expect(ofSession.signers).toEqual([expect.objectContaining({ memberId: congress.representatives[1]!.memberId, name: '代表2' })]);
    const asMember = await read(proposal.id, bearer(congress.representatives[0]!.token));
    expect(asMember).toMatchObject({ signatures: 1, signers: null, signedByMe: false });
    const asAttendee = await read(proposal.id, bearer(congress.attendees[0]!.token));
    expect(asAttendee).toMatchObject({ signatures: 1, signers: null });
    const regular = (await call(app!, { method: 'GET', url: `/api/terms/${congress.termId}/sessions`, headers: as })).sessions.find((entry: { kind: string }) => entry.kind === 'regular');
    expect((await call(app!, { method: 'GET', url: `/api/sessions/${regular.id}/proposal`, headers: as })).proposal).toBeNull();
  });

  it('writes the secretary’s moves to the audit log', async () => {
    const { congress, propose, convene } = await setUp(3);
    const proposal = await propose('unit');
    await convene(proposal.id);
    const { entries } = await call(app!, { method: 'GET', url: '/api/audit', headers: { cookie: congress.secretary } });
    const actions = entries.map((entry: { action: string }) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(['extraordinary.proposed', 'session.created', 'extraordinary.convened']));
  });
});

describe('permissions', () => {
  it('lets only the secretary propose, convene and withdraw; members cannot', async () => {
    const { congress, propose } = await setUp(3);
    const proposal = await propose('representatives');
    const member = bearer(congress.representatives[0]!.token);
    expectError(
      await app!.inject({ method: 'POST', url: `/api/terms/${congress.termId}/extraordinary-proposals`, headers: member, payload: { proposer: 'unit', subject: 'x', reasons: 'y' } }),
      403,
      'FORBIDDEN',
    );
    expectError(await app!.inject({ method: 'POST', url: `/api/extraordinary-proposals/${proposal.id}/convene`, headers: member, payload: {} }), 403, 'FORBIDDEN');
    expectError(await app!.inject({ method: 'POST', url: `/api/extraordinary-proposals/${proposal.id}/signatures`, headers: { cookie: congress.secretary } }), 403, 'FORBIDDEN');
    expectError(await app!.inject({ method: 'GET', url: `/api/extraordinary-proposals/${proposal.id}` }), 401, 'UNAUTHENTICATED');
    expectError(await app!.inject({ method: 'GET', url: '/api/extraordinary-proposals/nosuchproposal', headers: { cookie: congress.secretary } }), 404, 'EXTRAORDINARY_PROPOSAL_NOT_FOUND');
    await call(app!, { method: 'POST', url: '/api/accounts', headers: { cookie: congress.secretary }, payload: { username: 'jianpiao', password: 'scrutineer-password-1', role: 'scrutineer' } }, 201);
    const scrutineer = { cookie: await signIn(app!, 'jianpiao', 'scrutineer-password-1') };
    expect((await call(app!, { method: 'GET', url: `/api/extraordinary-proposals/${proposal.id}`, headers: scrutineer })).proposal.signers).toEqual([]);
    expectError(await app!.inject({ method: 'POST', url: `/api/extraordinary-proposals/${proposal.id}/convene`, headers: scrutineer, payload: {} }), 403, 'FORBIDDEN');
  });
});
