// Ballot state: every vote the ballot's state, the voter or the paper forbids is refused, over HTTP
// and the socket alike, and leaves every table as it was; and a close in the middle of a storm leaves
// tally = ballots = participation = the acknowledged votes.
import { afterEach, describe, expect, it } from 'vitest';
import { boxFigures, closeAndTally } from '../support/ballot-figures.js';
import { call, createCongress, deviceReceipt, openBallot } from '../support/congress.js';
import { bearer, draftBallot, memberOfAnotherTerm } from '../support/requests.js';
import { allWithin, command, type Envelope, Hall } from '../support/sockets.js';
import { tableChecksums } from '../support/table-checksum.js';

let hall: Hall | undefined;
afterEach(async () => {
  await hall?.close();
  hall = undefined;
});

function nested(depth: number): unknown {
  let value: unknown = 'yes';
  for (let level = 0; level < depth; level++) value = { inner: value };
  return value;
}

describe('a vote the ballot or the voter forbids', () => {
  it('is refused with its own code over HTTP and the socket, and changes no row', async () => {
    hall = await Hall.start();
    const live = hall;
    const congress = await createCongress(live.app, { representatives: 4, attendees: 1 });
    const as = { cookie: congress.secretary };
    const [voter, revoked] = congress.representatives;
    const draft = (await draftBallot(congress, { title: '草案', items: [{ kind: 'approval', title: '草案' }] })).id as string;
    const open = await openBallot(congress);
    const closed = await openBallot(congress, { title: '已结束', items: [{ kind: 'approval', title: '已结束' }] });
    await call(live.app, { method: 'POST', url: `/api/ballots/${closed}/close`, headers: as });
    const choice = await openBallot(congress, {
      title: '选择',
      items: [
        {
          kind: 'choice',
          title: '方案',
          options: [
            { id: 'a', label: '甲' },
            { id: 'b', label: '乙' },
          ],
        },
      ],
    });
    const stranger = await memberOfAnotherTerm(congress);
    const voterSocket = (await live.connect({ token: voter!.token })).socket;
    const attendeeSocket = (await live.connect({ token: congress.attendees[0]!.token })).socket;
    const strangerSocket = (await live.connect({ token: stranger.token })).socket;
    const revokedSocket = (await live.connect({ token: revoked!.token })).socket;
    await call(live.app, { method: 'DELETE', url: `/api/members/${revoked!.memberId}/code`, headers: as });

    const paper = (ballotId: string, answers: unknown = ['yes'], extra: object = {}) => ({ ballotId, answers, receipt: deviceReceipt(), ...extra });
    // HTTP refuses a body with __proto__ or constructor keys at the parser (BAD_JSON); the socket at its schema.
    const cases: { name: string; token: string; socket: typeof voterSocket | null; body: Record<string, unknown>; raw?: string; expected: string[] }[] = [
      { name: 'before open', token: voter!.token, socket: voterSocket, body: paper(draft), expected: ['BALLOT_NOT_OPEN'] },
      { name: 'after close', token: voter!.token, socket: voterSocket, body: paper(closed), expected: ['BALLOT_CLOSED'] },
      { name: 'another meeting’s ballot', token: stranger.token, socket: strangerSocket, body: paper(open), expected: ['FORBIDDEN', 'BALLOT_NOT_FOUND'] },
      { name: 'an attendee', token: congress.attendees[0]!.token, socket: attendeeSocket, body: paper(open), expected: ['NOT_ELIGIBLE'] },
      { name: 'a revoked code', token: revoked!.token, socket: null, body: paper(open), expected: ['UNAUTHENTICATED'] },
      { name: 'an unknown option', token: voter!.token, socket: voterSocket, body: paper(open, ['maybe']), expected: ['INVALID_ANSWER', 'UNKNOWN_OPTION'] },
      { name: 'an option not on the paper', token: voter!.token, socket: voterSocket, body: paper(choice, [{ optionIds: ['c'] }]), expected: ['UNKNOWN_OPTION'] },
      { name: 'too many answers', token: voter!.token, socket: voterSocket, body: paper(open, ['yes', 'no']), expected: ['INVALID_ANSWER'] },
      {
        name: 'a __proto__ key',
        token: voter!.token,
        socket: voterSocket,
        body: {},
        raw: `{"ballotId":"${open}","answers":["yes"],"receipt":"${deviceReceipt()}","__proto__":{"admin":true}}`,
        expected: ['VALIDATION_FAILED', 'BAD_JSON'],
      },
      {
        name: 'a constructor key in an answer',
        token: voter!.token,
        socket: voterSocket,
        body: paper(open, [{ constructor: { prototype: { yes: 1 } } }]),
        expected: ['VALIDATION_FAILED', 'INVALID_ANSWER', 'BAD_JSON'],
      },
      { name: 'a 500-deep answer', token: voter!.token, socket: voterSocket, body: paper(open, [nested(500)]), expected: ['VALIDATION_FAILED', 'INVALID_ANSWER'] },
      { name: 'an extra key', token: voter!.token, socket: voterSocket, body: paper(open, ['yes'], { weight: 100 }), expected: ['VALIDATION_FAILED'] },
    ];

    const before = tableChecksums(live.app);
    const wrong: string[] = [];
    for (const entry of cases) {
      const { ballotId, ...body } = entry.body as { ballotId?: string };
      const raw = entry.raw ? entry.raw.replace(/"ballotId":"[^"]*",/, '') : JSON.stringify(body);
      const target = entry.raw ? open : ballotId;
      const response = await live.app.inject({ method: 'POST', url: `/api/ballots/${target}/votes`, headers: { ...bearer(entry.token), 'content-type': 'application/json' }, payload: raw });
      const code = response.json().code as string;
      if (response.statusCode < 400 || response.statusCode >= 500 || !entry.expected.includes(code)) wrong.push(`HTTP ${entry.name}: ${response.statusCode} ${code}`);
      if (entry.socket) {
        const payload = entry.raw ? JSON.parse(entry.raw) : entry.body;
        const envelope: Envelope = await command(entry.socket, 'ballot:cast', payload);
        if (!envelope.error || !entry.expected.includes(envelope.error.code)) wrong.push(`socket ${entry.name}: ${JSON.stringify(envelope).slice(0, 120)}`);
      }
    }
    expect(wrong).toEqual([]);
    // The revoked representative's socket was cut off, and their token no longer opens one.
    expect(revokedSocket.connected).toBe(false);
    await expect(live.connect({ token: revoked!.token }, { timeoutMs: 2_000 })).rejects.toThrow();
    expect(tableChecksums(live.app)).toEqual(before);
    expect({} as Record<string, unknown>).not.toHaveProperty('admin');
    // The voter refused so many times still votes, once.
    expect((await command(voterSocket, 'ballot:cast', paper(open))).data).toBeDefined();
    expect(boxFigures(live.app, open)).toMatchObject({ ballots: 1, participation: 1 });
  });
});

describe('closing in the middle of a storm', () => {
  it('leaves tally = ballots = participation = acknowledged votes, the rest refused BALLOT_CLOSED', async () => {
    hall = await Hall.start();
    const live = hall;
    const VOTERS = 300;
    const congress = await createCongress(live.app, { representatives: VOTERS });
    const clients = await allWithin(
      congress.representatives.slice(0, VOTERS / 2).map((person) => live.connect({ token: person.token }, { timeoutMs: 15_000 })),
      20_000,
      'half the hall to connect',
    );
    const ballotId = await openBallot(congress);
    // Half vote over sockets, half over HTTP, all at once; the secretary closes when the server reads the 100th socket vote.
    let arrived = 0;
    let closing: ReturnType<typeof closeAndTally> | undefined;
    const countArrival = () => {
      if (++arrived === VOTERS / 3) closing = closeAndTally(congress, ballotId);
    };
    for (const socket of live.app.io.of('/').sockets.values()) {
      socket.use(([event], next) => {
        if (event === 'ballot:cast') countArrival();
        next();
      });
    }
    const overSockets = clients.map(({ socket }, index) => command(socket, 'ballot:cast', { ballotId, answers: [index % 2 ? 'yes' : 'no'], receipt: deviceReceipt() }, 15_000));
    const overHttp: Promise<Envelope>[] = congress.representatives.slice(VOTERS / 2).map((person) =>
      fetch(`${live.url}/api/ballots/${ballotId}/votes`, {
        method: 'POST',
        headers: { ...bearer(person.token), 'content-type': 'application/json' },
        body: JSON.stringify({ answers: ['abstain'], receipt: deviceReceipt() }),
        signal: AbortSignal.timeout(15_000),
      }).then(async (response) => {
        const body = (await response.json()) as { receipt?: string; code?: string };
        return (response.status === 201 ? { data: body } : { error: body }) as Envelope;
      }),
    );
    const envelopes = await allWithin<Envelope>([...overSockets, ...overHttp], 25_000, 'every vote to be answered');
    expect(closing).toBeDefined();
    const tally = await closing!;

    const acknowledged = envelopes.filter((envelope) => envelope.data);
    const refused = envelopes.filter((envelope) => envelope.error).map((envelope) => envelope.error!.code);
    expect(refused.filter((code) => code !== 'BALLOT_CLOSED')).toEqual([]);
    expect(acknowledged.length + refused.length).toBe(VOTERS);
    const box = boxFigures(live.app, ballotId);
    expect({ cast: tally.cast, tallied: tally.tallied, ballots: box.ballots, participation: box.participation }).toEqual({
      cast: acknowledged.length,
      tallied: acknowledged.length,
      ballots: acknowledged.length,
      participation: acknowledged.length,
    });
    expect(box.receipts).toEqual(acknowledged.map((envelope) => (envelope.data as { receipt: string }).receipt).sort());
    console.info(`close mid-storm: ${acknowledged.length} acknowledged and counted, ${refused.length} refused BALLOT_CLOSED`);
  });
});
