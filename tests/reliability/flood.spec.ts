// A flood: one representative's device sends a thousand events at once (votes, snapshot requests,
// padded events nobody listens for) in the middle of 200 honest representatives voting. The rate gate
// lets through its burst of 40, refuses 41 more and cuts the socket off; the device is refused a new
// connection for ten seconds; a flood ten times bigger from another device costs exactly as little.
// Everything is counted, not timed: the flood is on the wire before the server reads any of it, and
// Date.now (which in the server only the rate gate and the cool-down read) stands still while it
// arrives, so the gate refills nothing and the counts are exact however slow or busy the machine.
import type { Socket } from 'socket.io-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { call, type Congress, createCongress, deviceReceipt, openBallot } from '../support/congress.js';
import { burst, commandsAmong, countFloodCost } from '../support/flooder.js';
import { allWithin, type Envelope, Hall, within } from '../support/sockets.js';

const HONEST = 200;
/** src/plugins/realtime.ts: the token bucket's burst, the refusals tolerated before the cut, and the cool-down. */
const BURST = 40;
const STRIKES = 40;
const COOLDOWN_MS = 10_000;
/** Events read before the cut: the burst let through, then refusals until one more than STRIKES. */
const READ_BEFORE_CUT = BURST + STRIKES + 1;
const FIRST_FLOOD = 1_000;
const SECOND_FLOOD = 10_000;

let hall: Hall | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await hall?.close();
  hall = undefined;
});

/** Date.now as the rate gate and the cool-down read it (and socket.io-client, for ping deadlines): still until the test moves it. */
function stoppedClock(): { now: () => number; set: (ms: number) => void } {
  let now = Date.now();
  vi.spyOn(Date, 'now').mockImplementation(() => now);
  return { now: () => now, set: (ms) => (now = ms) };
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]! * 10) / 10;
}

/** Sends one command from each device now, synchronously; resolves with each answer and its latency in ms. */
function sendFrom(devices: Socket[], name: string, payload: () => object): Promise<{ envelope: Envelope; ms: number }>[] {
  return devices.map((socket) => {
    const sent = performance.now();
    return socket
      .timeout(60_000)
      .emitWithAck(name, payload())
      .then((envelope: Envelope) => ({ envelope, ms: performance.now() - sent }));
  });
}

/** Tries to connect: 'connected', or the code the server refused the handshake with. */
function handshake(live: Hall, token: string): Promise<string> {
  const { socket } = live.client({ token }, { timeoutMs: 30_000 });
  const outcome = new Promise<string>((resolve) => {
    socket.once('connect', () => resolve('connected'));
    socket.once('connect_error', (error: Error & { data?: { code: string } }) => resolve(error.data?.code ?? error.message));
  });
  socket.connect();
  return within(outcome, 30_000, 'the handshake to be answered');
}

async function closeBallot(congress: Congress, ballotId: string): Promise<number> {
  const { ballot } = await call(congress.app, { method: 'POST', url: `/api/ballots/${ballotId}/close`, headers: { cookie: congress.secretary } });
  return ballot.result.cast as number;
}

describe('one device flooding the server', () => {
  it('gets its burst of 40 through, is cut off and kept off for ten seconds, however much it sends, while 200 honest voters all get their votes in', async () => {
    hall = await Hall.start();
    const congress = await createCongress(hall.app, { representatives: HONEST + 2 });
    const [attacker, bigger, ...honest] = congress.representatives;
    const cost = countFloodCost(hall.app.io, attacker!.memberId);
    const biggerCost = countFloodCost(hall.app.io, bigger!.memberId);
    const voters = (
      await allWithin(
        honest.map((person) => hall!.connect({ token: person.token }, { timeoutMs: 30_000 })),
        60_000,
        'the honest voters to connect',
      )
    ).map((client) => client.socket);

    // A quiet storm first, for the figures only: the same 200 votes at once with no flood.
    const quietBallot = await openBallot(congress, { title: '安静', items: [{ kind: 'approval', title: '安静' }] });
    const quiet = await allWithin(
      sendFrom(voters, 'ballot:cast', () => ({ ballotId: quietBallot, answers: ['yes'], receipt: deviceReceipt() })),
      60_000,
      'the quiet votes',
    );
    expect(quiet.filter(({ envelope }) => !envelope.data)).toEqual([]);
    expect(await closeBallot(congress, quietBallot)).toBe(HONEST);

    const ballotId = await openBallot(congress, { title: '洪水', items: [{ kind: 'approval', title: '洪水' }] });
    const clock = stoppedClock();
    const cutAt = clock.now();
    const flooder = (await hall.connect({ token: attacker!.token }, { timeoutMs: 30_000 })).socket;
    // Half the hall votes, the flood goes out, the other half votes: all on the wire together.
    const firstHalf = sendFrom(voters.slice(0, HONEST / 2), 'ballot:cast', () => ({ ballotId, answers: ['yes'], receipt: deviceReceipt() }));
    const flood = burst(flooder, FIRST_FLOOD, ballotId, deviceReceipt());
    const secondHalf = sendFrom(voters.slice(HONEST / 2), 'ballot:cast', () => ({ ballotId, answers: ['yes'], receipt: deviceReceipt() }));
    const first = await flood;
    const flooded = await allWithin([...firstHalf, ...secondHalf], 60_000, 'every honest vote to be answered');

    // Every honest vote was acknowledged.
    expect(flooded.filter(({ envelope }) => !envelope.data)).toEqual([]);
    // The server read 81 of the 1,000 events, let the burst of 40 through, ran at most those, and cut the socket.
    expect(first.reason).toBe('io server disconnect');
    expect(cost).toHaveLength(1);
    expect(cost[0]!.readBeforeCut).toBe(READ_BEFORE_CUT);
    expect(cost[0]!.passed).toBe(BURST);
    expect(cost[0]!.commandsRun).toBeLessThanOrEqual(commandsAmong(0, BURST));
    // Each command among the 41 refused was answered RATE_LIMITED before the cut; nothing after it was answered.
    expect(first.rateLimited).toBe(commandsAmong(BURST, READ_BEFORE_CUT));
    expect(first.served + first.otherErrors).toBeLessThanOrEqual(commandsAmong(0, BURST));

    // A flood ten times bigger, from another device, costs exactly as little, while every honest
    // device's snapshot request, sent alongside, is answered.
    const second = (await hall.connect({ token: bigger!.token }, { timeoutMs: 30_000 })).socket;
    const secondFlood = burst(second, SECOND_FLOOD, ballotId, deviceReceipt());
    const syncs = sendFrom(voters, 'meeting:sync', () => ({}));
    const big = await secondFlood;
    expect((await allWithin(syncs, 60_000, 'every honest snapshot request to be answered')).filter(({ envelope }) => !envelope.data)).toEqual([]);
    expect(big.reason).toBe('io server disconnect');
    expect(biggerCost).toHaveLength(1);
    expect(biggerCost[0]!.readBeforeCut).toBe(READ_BEFORE_CUT);
    expect(biggerCost[0]!.passed).toBe(BURST);
    expect(big.rateLimited).toBe(commandsAmong(BURST, READ_BEFORE_CUT));

    // Every honest vote counted, and each flooder's one real vote at most.
    const cast = await closeBallot(congress, ballotId);
    expect(cast).toBeGreaterThanOrEqual(HONEST);
    expect(cast).toBeLessThanOrEqual(HONEST + 2);

    // The first device is kept off: at once, and to the last millisecond of the cool-down, a new
    // connection is refused; then it may connect again. (Last, as moving the clock ten seconds on
    // makes socket.io-client, which also reads Date.now, think the honest sockets' pings are late.)
    for (const at of [cutAt, cutAt, cutAt + COOLDOWN_MS - 1]) {
      clock.set(at);
      expect(await handshake(hall, attacker!.token)).toBe('RATE_LIMITED');
    }
    clock.set(cutAt + COOLDOWN_MS);
    expect(await handshake(hall, attacker!.token)).toBe('connected');
    expect(cost).toHaveLength(2);

    const latency = (answers: { ms: number }[]) => ({
      p50: percentile(
        answers.map(({ ms }) => ms),
        0.5,
      ),
      p90: percentile(
        answers.map(({ ms }) => ms),
        0.9,
      ),
    });
    const costs = [cost[0]!, biggerCost[0]!];
    console.info(
      `flood: ${FIRST_FLOOD} and ${SECOND_FLOOD} events sent; read ${costs.map((entry) => entry.read).join('/')}, ` +
        `passed ${costs.map((entry) => entry.passed).join('/')}, commands run ${costs.map((entry) => entry.commandsRun).join('/')}; ` +
        `answers ${JSON.stringify({ first, big })}; honest ack latency in ms (for information) quiet ${JSON.stringify(latency(quiet))}, flooded ${JSON.stringify(latency(flooded))}`,
    );
  });
});
