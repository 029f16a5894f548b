// Who may hold a socket and what it may do: bad or revoked codes are turned away, attendees follow
// but never vote, and a malformed command is refused without harming the connection.
import { afterEach, describe, expect, it } from 'vitest';
import { call, createCongress, deviceReceipt, openBallot } from '../support/congress.js';
import { SOCKETS_PER_ACTOR } from '../../src/plugins/socket-limits.js';
import { command, disconnection, Hall, nextEvent, refusal } from '../support/sockets.js';

let hall: Hall | undefined;
afterEach(async () => {
  await hall?.close();
  hall = undefined;
});

async function refusedWith(live: Hall, auth: Parameters<Hall['client']>[0], options: Parameters<Hall['client']>[1] = {}) {
  const { socket } = live.client(auth, options);
  const refused = refusal(socket);
  socket.connect();
  const data = await refused;
  expect(socket.connected).toBe(false);
  return data.code;
}

describe('who may connect', () => {
  it('refuses a wrong code, a missing credential and a bad display token on connect', async () => {
    hall = await Hall.start();
    await createCongress(hall.app, { representatives: 2 });
    expect(await refusedWith(hall, { code: '2345-6789-ABCD' })).toBe('INVALID_CODE');
    expect(await refusedWith(hall, { code: 'not a code at all' })).toBe('INVALID_CODE');
    expect(await refusedWith(hall, { token: 'no-such-session' })).toBe('UNAUTHENTICATED');
    expect(await refusedWith(hall, { displayToken: 'no-such-display' })).toBe('UNAUTHENTICATED');
    expect(await refusedWith(hall, (send) => send({}))).toBe('UNAUTHENTICATED');
  });

  it('behind a trusted proxy, counts code guesses by the phone’s forwarded address, not the proxy’s', async () => {
    hall = await Hall.start({ TRUST_PROXY: true, CODE_ATTEMPT_LIMIT: 2 });
    await createCongress(hall.app, { representatives: 1 });
    const from = (address: string) => ({ headers: { 'x-forwarded-for': `${address}, 10.0.0.9` } });
    expect(await refusedWith(hall, { code: '2345-6789-ABCD' }, from('198.51.100.1'))).toBe('INVALID_CODE');
    expect(await refusedWith(hall, { code: '2345-6789-ABCE' }, from('198.51.100.1'))).toBe('INVALID_CODE');
    expect(await refusedWith(hall, { code: '2345-6789-ABCF' }, from('198.51.100.1'))).toBe('TOO_MANY_ATTEMPTS');
    // Another phone behind the same proxy still joins, guesses and all.
    expect(await refusedWith(hall, { code: '2345-6789-ABCG' }, from('198.51.100.2'))).toBe('INVALID_CODE');
  });

  it('disconnects every socket of a representative whose code is revoked, and keeps them out', async () => {
    hall = await Hall.start();
    const congress = await createCongress(hall.app, { representatives: 3 });
    const [person, neighbour] = congress.representatives;
    const byCode = await hall.connect({ code: person!.code });
    const byToken = await hall.connect({ token: person!.token });
    const other = await hall.connect({ token: neighbour!.token });

    const cutOff = [disconnection(byCode.socket), disconnection(byToken.socket)];
    await call(hall.app, { method: 'DELETE', url: `/api/members/${person!.memberId}/code`, headers: { cookie: congress.secretary } });
    expect(await Promise.all(cutOff)).toEqual(['io server disconnect', 'io server disconnect']);

    expect(await refusedWith(hall, { code: person!.code })).toBe('INVALID_CODE');
    expect(await refusedWith(hall, { token: person!.token })).toBe('UNAUTHENTICATED');
    expect(other.socket.connected).toBe(true);
    expect((await command(other.socket, 'meeting:sync', {})).data.you.memberId).toBe(neighbour!.memberId);
  });
});

describe('how many sockets one person may hold', () => {
  /** Connects, or answers the code the server refused the handshake with. */
  async function attempt(live: Hall, auth: Parameters<Hall['client']>[0]): Promise<string> {
    const client = live.client(auth);
    const refused = refusal(client.socket).catch(() => null);
    const joined = live.join(client).then(() => 'connected');
    return Promise.race([joined, refused.then((data) => data?.code ?? 'none')]);
  }

  it('refuses a representative’s sockets past the cap, whatever the credential, and takes one again once another closes', async () => {
    hall = await Hall.start();
    const congress = await createCongress(hall.app, { representatives: 2 });
    const [person, neighbour] = congress.representatives;
    const cap = SOCKETS_PER_ACTOR.member;
    const held = [];
    for (let index = 0; index < cap; index++) held.push(await hall.connect(index % 2 ? { token: person!.token } : { code: person!.code }));
    expect(await attempt(hall, { code: person!.code })).toBe('TOO_MANY_CONNECTIONS');
    expect(await attempt(hall, { token: person!.token })).toBe('TOO_MANY_CONNECTIONS');
    // Nobody else is held back by them.
    expect(await attempt(hall, { code: neighbour!.code })).toBe('connected');
    // A closed socket gives its place back (once the server has seen it close).
    const closed = disconnection(held[0]!.socket);
    held[0]!.socket.disconnect();
    await closed;
    const deadline = Date.now() + 5_000;
    let outcome = await attempt(hall, { code: person!.code });
    while (outcome === 'TOO_MANY_CONNECTIONS' && Date.now() < deadline) outcome = await attempt(hall, { code: person!.code });
    expect(outcome).toBe('connected');
    expect(await attempt(hall, { code: person!.code })).toBe('TOO_MANY_CONNECTIONS');
  });

  it('lets exactly the cap through when a representative opens many sockets at once', async () => {
    hall = await Hall.start();
    const congress = await createCongress(hall.app, { representatives: 1 });
    const person = congress.representatives[0]!;
    const outcomes = await Promise.all(Array.from({ length: SOCKETS_PER_ACTOR.member + 16 }, () => attempt(hall!, { code: person.code })));
    expect(outcomes.filter((outcome) => outcome === 'connected')).toHaveLength(SOCKETS_PER_ACTOR.member);
    expect(outcomes.filter((outcome) => outcome !== 'connected').every((outcome) => outcome === 'TOO_MANY_CONNECTIONS')).toBe(true);
  });
});

describe('what a socket may do', () => {
  it('lets an attendee follow the ballot but refuses their vote with NOT_ELIGIBLE', async () => {
    hall = await Hall.start();
    const congress = await createCongress(hall.app, { representatives: 3, attendees: 1 });
    const attendee = await hall.connect({ token: congress.attendees[0]!.token });
    expect(attendee.snapshot.you).toMatchObject({ role: 'attendee' });
    const opened = nextEvent(attendee.socket, 'ballot:opened');
    const ballotId = await openBallot(congress);
    expect((await opened).ballot).toMatchObject({ id: ballotId, state: 'open', result: null });

    const refused = await command(attendee.socket, 'ballot:cast', { ballotId, answers: ['yes'], receipt: deviceReceipt() });
    expect(refused.error).toMatchObject({ code: 'NOT_ELIGIBLE', messageZh: '列席代表没有表决权' });
    expect(refused.data).toBeUndefined();
    const { ballot } = await call(hall.app, { method: 'GET', url: `/api/ballots/${ballotId}`, headers: { cookie: congress.secretary } });
    expect(ballot.turnout).toEqual({ voted: 0, eligible: 3 });
  });

  it('answers malformed commands with VALIDATION_FAILED and keeps the socket usable', async () => {
    hall = await Hall.start();
    const congress = await createCongress(hall.app, { representatives: 2 });
    const phone = await hall.connect({ token: congress.representatives[0]!.token });
    const ballotId = await openBallot(congress);

    const malformed: [string, unknown][] = [
      ['ballot:cast', {}],
      ['ballot:cast', { ballotId, answers: [], receipt: deviceReceipt() }],
      ['ballot:cast', { ballotId, answers: ['yes'], receipt: 'short' }],
      ['ballot:cast', { ballotId, answers: ['yes'] }],
      ['ballot:cast', { ballotId, answers: ['yes'], receipt: deviceReceipt(), memberId: congress.representatives[1]!.memberId }],
      ['ballot:cast', { ballotId: 'not an id!', answers: ['yes'], receipt: deviceReceipt() }],
      ['ballot:cast', 'yes'],
      ['ballot:cast', undefined],
      ['ballot:cast', [ballotId, 'yes']],
      ['ballot:verify-receipt', { ballotId }],
      ['attendance:check-in', { meetingId: 42 }],
      ['meeting:sync', { everything: true }],
    ];
    for (const [name, payload] of malformed) {
      const envelope = await command(phone.socket, name, payload);
      expect(envelope.error?.code, `${name} ${JSON.stringify(payload)}`).toBe('VALIDATION_FAILED');
      expect(envelope.error?.messageEn).toBeTruthy();
    }
    expect((await command(phone.socket, 'ballot:cast', {})).error?.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'ballotId' }), expect.objectContaining({ path: 'answers' }), expect.objectContaining({ path: 'receipt' })]),
    );
    const wrongAnswer = await command(phone.socket, 'ballot:cast', { ballotId, answers: ['maybe'], receipt: deviceReceipt() });
    expect(wrongAnswer.error?.code).toMatch(/INVALID_ANSWER|UNKNOWN_OPTION/);

    expect(phone.socket.connected).toBe(true);
    const receipt = deviceReceipt();
    expect(await command(phone.socket, 'ballot:cast', { ballotId, answers: ['yes'], receipt })).toEqual({ data: { ballotId, receipt, voted: 1 } });
    expect((await command(phone.socket, 'meeting:sync', {})).data.you.voted).toEqual([ballotId]);
    const { ballot } = await call(hall.app, { method: 'POST', url: `/api/ballots/${ballotId}/close`, headers: { cookie: congress.secretary } });
    expect(ballot.result.cast).toBe(1);
  });
});
