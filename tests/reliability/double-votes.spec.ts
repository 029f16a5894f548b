// Double votes and replays: one representative's code on twenty sockets and twenty HTTP sessions at
// the same instant counts exactly one ballot, round after round; and a vote message or request
// captured on the wire and sent again later, by anyone, never counts a second time.
import { afterEach, describe, expect, it } from 'vitest';
import { boxFigures, closeAndTally } from '../support/ballot-figures.js';
import { call, cookieFrom, type Congress, createCongress, deviceReceipt, openBallot } from '../support/congress.js';
import { allWithin, type ClientSocket, command, Hall, nextEvent, within } from '../support/sockets.js';

let hall: Hall | undefined;
afterEach(async () => {
  await hall?.close();
  hall = undefined;
});

const ROUNDS = 5;
const SOCKETS = 20;
const HTTP_SESSIONS = 20;
/** Other representatives voting in the same instant, so the twin attempts share commit batches with honest votes. */
const BYSTANDERS = 30;

interface Outcome {
  via: 'socket' | 'http';
  receipt: string;
  code: string;
}

/** Twenty HTTP sessions opened with the one code: ten bearer tokens and ten member cookies. */
async function httpSessions(congress: Congress, code: string): Promise<Record<string, string>[]> {
  const sessions: Record<string, string>[] = [];
  for (let index = 0; index < HTTP_SESSIONS; index++) {
    const bearer = index % 2 === 0;
    const response = await congress.app.inject({ method: 'POST', url: '/api/join', payload: { code, ...(bearer ? { issueToken: true } : {}) } });
    expect(response.statusCode).toBe(200);
    sessions.push(bearer ? { authorization: `Bearer ${response.json().token}` } : { cookie: cookieFrom(response) });
  }
  return sessions;
}

function castOverHttp(url: string, ballotId: string, headers: Record<string, string>, receipt: string): Promise<Outcome> {
  return fetch(`${url}/api/ballots/${ballotId}/votes`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ answers: ['yes'], receipt }),
    signal: AbortSignal.timeout(10_000),
  }).then(async (response) => ({ via: 'http', receipt, code: response.status === 201 ? 'OK' : ((await response.json()) as { code: string }).code }));
}

function castOverSocket(socket: ClientSocket, ballotId: string, receipt: string, choice = 'yes'): Promise<Outcome> {
  return command(socket, 'ballot:cast', { ballotId, answers: [choice], receipt }).then((envelope) => ({ via: 'socket', receipt, code: envelope.error?.code ?? 'OK' }));
}

describe('one code on twenty sockets and twenty HTTP sessions at once', () => {
  it(`counts exactly one ballot and refuses the other 39 with ALREADY_VOTED, in each of ${ROUNDS} rounds`, async () => {
    hall = await Hall.start();
    const live = hall;
    const congress = await createCongress(live.app, { representatives: BYSTANDERS + 1 });
    const [twin, ...bystanders] = congress.representatives;
    // Every device signed in with the printed code itself, as a phone scanning the card does.
    const devices = await allWithin(
      Array.from({ length: SOCKETS }, () => live.connect({ code: twin!.code })),
      10_000,
      'twenty devices with one code to connect',
    );
    const sessions = await httpSessions(congress, twin!.code);
    const bystanderSockets = await allWithin(
      bystanders.map((person) => live.connect({ token: person.token })),
      10_000,
      'the bystanders to connect',
    );

    for (let round = 0; round < ROUNDS; round++) {
      const ballotId = await openBallot(congress, { title: `第${round + 1}轮`, items: [{ kind: 'approval', title: `第${round + 1}轮` }] });
      // All at once: every attempt is on the wire before the first can be answered.
      const attempts = [...devices.map(({ socket }) => castOverSocket(socket, ballotId, deviceReceipt())), ...sessions.map((headers) => castOverHttp(live.url, ballotId, headers, deviceReceipt()))];
      const honest = bystanderSockets.map(({ socket }) => castOverSocket(socket, ballotId, deviceReceipt(), 'no'));
      const outcomes = await allWithin(attempts, 15_000, 'all forty attempts');
      const bystanderOutcomes = await allWithin(honest, 15_000, 'the bystanders’ votes');

      const accepted = outcomes.filter((outcome) => outcome.code === 'OK');
      expect(accepted, `round ${round + 1}`).toHaveLength(1);
      expect(
        outcomes.filter((outcome) => outcome.code === 'ALREADY_VOTED'),
        `round ${round + 1}`,
      ).toHaveLength(SOCKETS + HTTP_SESSIONS - 1);
      expect(bystanderOutcomes.every((outcome) => outcome.code === 'OK')).toBe(true);

      const box = boxFigures(live.app, ballotId);
      expect(box.receipts).toContain(accepted[0]!.receipt);
      for (const refused of outcomes.filter((outcome) => outcome.code !== 'OK')) expect(box.receipts).not.toContain(refused.receipt);
      const tally = await closeAndTally(congress, ballotId);
      expect({ ...tally, ballots: box.ballots, participation: box.participation }).toEqual({
        cast: BYSTANDERS + 1,
        tallied: BYSTANDERS + 1,
        counts: { yes: 1, no: BYSTANDERS, abstain: 0 },
        ballots: BYSTANDERS + 1,
        participation: BYSTANDERS + 1,
      });
    }
  });
});

/** The engine.io frames a client sends, as written to the wire, so a test can send the same bytes again. */
function recordFrames(socket: ClientSocket): string[] {
  const frames: string[] = [];
  socket.io.engine.on('packetCreate', (packet: { type: string; data?: unknown }) => {
    if (packet.type === 'message' && typeof packet.data === 'string') frames.push(packet.data);
  });
  return frames;
}

/** Writes a captured frame again, verbatim, on a connection, and resolves with the server's answer to its acknowledgement id. */
function replayFrame(socket: ClientSocket, frame: string): Promise<{ data?: unknown; error?: { code: string } }> {
  const ackId = /^2(\d+)\[/.exec(frame)?.[1];
  if (!ackId) throw new Error(`not an event frame with an acknowledgement: ${frame.slice(0, 60)}`);
  const engine = socket.io.engine;
  const answered = new Promise<{ data?: unknown; error?: { code: string } }>((resolve) => {
    const listener = (packet: { type: string; data?: unknown }) => {
      const text = typeof packet.data === 'string' ? packet.data : '';
      if (packet.type === 'message' && text.startsWith(`3${ackId}[`)) {
        engine.off('packet', listener);
        resolve((JSON.parse(text.slice(1 + ackId.length)) as [{ data?: unknown; error?: { code: string } }])[0]);
      }
    };
    engine.on('packet', listener);
  });
  engine.write(frame);
  return within(answered, 5_000, 'the answer to the replayed frame');
}

interface CapturedRequest {
  url: string;
  init: RequestInit;
}

async function send(request: CapturedRequest): Promise<{ status: number; code?: string }> {
  const response = await fetch(request.url, { ...request.init, signal: AbortSignal.timeout(5_000) });
  const body = (await response.json()) as { code?: string };
  return { status: response.status, code: body.code };
}

describe('a captured vote sent again later', () => {
  it('is refused on the same connection, on a new one, over HTTP, and from another representative, and counts once', async () => {
    hall = await Hall.start();
    const congress = await createCongress(hall.app, { representatives: 4 });
    const [victim, attacker] = congress.representatives;
    const phone = await hall.connect({ token: victim!.token });
    const frames = recordFrames(phone.socket);
    const ballotId = await openBallot(congress);
    const receipt = deviceReceipt();
    expect((await command(phone.socket, 'ballot:cast', { ballotId, answers: ['no'], receipt })).data).toEqual({ ballotId, receipt, voted: 1 });
    const captured = frames.find((frame) => frame.includes('"ballot:cast"'))!;
    expect(captured).toContain(receipt);

    // The same bytes on the same connection, on a second connection of the victim, and on the attacker's own.
    expect((await replayFrame(phone.socket, captured)).error?.code).toBe('ALREADY_VOTED');
    const second = await hall.connect({ token: victim!.token });
    expect((await replayFrame(second.socket, captured)).error?.code).toBe('ALREADY_VOTED');
    const intruder = await hall.connect({ token: attacker!.token });
    expect((await replayFrame(intruder.socket, captured)).error?.code).toBe('RECEIPT_CONFLICT');

    // The victim's HTTP request, captured whole and sent again.
    const other = congress.representatives[2]!;
    const request: CapturedRequest = {
      url: `${hall.url}/api/ballots/${ballotId}/votes`,
      init: { method: 'POST', headers: { authorization: `Bearer ${other.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ answers: ['yes'], receipt: deviceReceipt() }) },
    };
    expect((await send(request)).status).toBe(201);
    expect(await send(request)).toEqual({ status: 409, code: 'ALREADY_VOTED' });

    const box = boxFigures(hall.app, ballotId);
    expect({ ballots: box.ballots, participation: box.participation }).toEqual({ ballots: 2, participation: 2 });
    // The attacker was refused, not counted: their own vote still goes in.
    expect((await command(intruder.socket, 'ballot:cast', { ballotId, answers: ['yes'], receipt: deviceReceipt() })).data).toBeDefined();
    const tally = await closeAndTally(congress, ballotId);
    expect(tally).toEqual({ cast: 3, tallied: 3, counts: { yes: 2, no: 1, abstain: 0 } });

    // Later still: after the close, and after a re-vote opened a new ballot, the old message is refused.
    expect((await replayFrame(phone.socket, captured)).error?.code).toBe('BALLOT_CLOSED');
    expect(await send(request)).toEqual({ status: 409, code: 'BALLOT_CLOSED' });
    const as = { cookie: congress.secretary };
    const { ballot: revote } = await call(congress.app, { method: 'POST', url: `/api/ballots/${ballotId}/revote`, headers: as }, 201);
    const reopened = nextEvent(phone.socket, 'ballot:opened');
    await call(congress.app, { method: 'POST', url: `/api/ballots/${revote.id}/open`, headers: as, payload: {} });
    await reopened;
    expect((await replayFrame(phone.socket, captured)).error?.code).toBe('BALLOT_CLOSED');
    expect(boxFigures(hall.app, revote.id)).toEqual({ ballots: 0, participation: 0, receipts: [] });
    expect(boxFigures(hall.app, ballotId).ballots).toBe(3);
  });

  it('is refused once the session that sent it has ended', async () => {
    hall = await Hall.start();
    const congress = await createCongress(hall.app, { representatives: 3 });
    const joined = await congress.app.inject({ method: 'POST', url: '/api/join', payload: { code: congress.representatives[0]!.code } });
    const cookie = cookieFrom(joined);
    const ballotId = await openBallot(congress);
    const request: CapturedRequest = {
      url: `${hall.url}/api/ballots/${ballotId}/votes`,
      init: { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ answers: ['yes'], receipt: deviceReceipt() }) },
    };
    expect((await send(request)).status).toBe(201);
    await call(congress.app, { method: 'DELETE', url: `/api/members/${congress.representatives[0]!.memberId}/code`, headers: { cookie: congress.secretary } });
    expect(await send(request)).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    expect(boxFigures(hall.app, ballotId).ballots).toBe(1);
  });
});
