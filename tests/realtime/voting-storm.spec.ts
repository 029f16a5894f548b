// Many representatives voting over sockets at once: every vote acknowledged, counted exactly once,
// duplicates refused however they race, and closing atomic with votes in flight.
import { afterEach, describe, expect, it } from 'vitest';
import { call, type Congress, createCongress, deviceReceipt, openBallot } from '../support/congress.js';
import { allWithin, command, type Envelope, Hall, nextEvent } from '../support/sockets.js';

let hall: Hall | undefined;
afterEach(async () => {
  await hall?.close();
  hall = undefined;
});

const CHOICES = ['yes', 'no', 'abstain'] as const;

function participationRows(congress: Congress, ballotId: string): number {
  const row = congress.app.yishi.sqlite.prepare('SELECT count(*) AS count FROM participation WHERE ballot_id = ?').get(ballotId) as { count: number };
  return row.count;
}

async function closeAndPublish(congress: Congress, ballotId: string) {
  const as = { cookie: congress.secretary };
  await call(congress.app, { method: 'POST', url: `/api/ballots/${ballotId}/close`, headers: as });
  const { ballot } = await call(congress.app, { method: 'POST', url: `/api/ballots/${ballotId}/publish`, headers: as });
  return ballot;
}

function connectAll(live: Hall, congress: Congress, count: number) {
  return allWithin(
    congress.representatives.slice(0, count).map((person) => live.connect({ token: person.token }, { timeoutMs: 15_000 })),
    20_000,
    'every representative to connect',
  );
}

describe('a vote storm over sockets', () => {
  it('counts every one of 200 simultaneous votes exactly once', async () => {
    hall = await Hall.start();
    const congress = await createCongress(hall.app, { representatives: 200 });
    const clients = await connectAll(hall, congress, 200);
    const receipts = clients.map(() => deviceReceipt());
    const acks = clients.map(({ socket }, index) =>
      nextEvent(socket, 'ballot:opened', () => true, 10_000).then(({ ballot }) =>
        command(socket, 'ballot:cast', { ballotId: ballot.id, answers: [CHOICES[index % 3]], receipt: receipts[index] }, 15_000),
      ),
    );
    const ballotId = await openBallot(congress);
    const envelopes = await allWithin(acks, 20_000, 'every vote to be acknowledged');

    expect(envelopes.filter((envelope) => envelope.error)).toEqual([]);
    expect(envelopes.map((envelope) => envelope.data)).toEqual(receipts.map((receipt) => ({ ballotId, receipt, voted: expect.any(Number) })));
    // Each acknowledgement carries the turnout with its own vote in it: the last one counted them all.
    const turnouts = envelopes.map((envelope) => envelope.data.voted as number);
    expect(Math.min(...turnouts)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...turnouts)).toBe(clients.length);
    const ballot = await closeAndPublish(congress, ballotId);
    const counts = ballot.result.items[0].counts;
    expect(counts).toEqual({ yes: 67, no: 67, abstain: 66 });
    expect(counts.yes + counts.no + counts.abstain).toBe(200);
    expect(ballot.result.cast).toBe(200);
    expect(participationRows(congress, ballotId)).toBe(200);
    const published = await call(hall.app, { method: 'GET', url: `/api/ballots/${ballotId}/receipts` });
    expect(published.cast).toBe(200);
    expect(published.receipts).toEqual([...receipts].sort());
  });

  it('lets exactly one of 20 sockets and 20 HTTP requests from one representative through', async () => {
    hall = await Hall.start();
    const congress = await createCongress(hall.app, { representatives: 5 });
    const person = congress.representatives[0]!;
    const devices = await allWithin(
      Array.from({ length: 20 }, () => hall!.connect({ token: person.token })),
      10_000,
      'twenty devices to connect',
    );
    const ballotId = await openBallot(congress);
    const body = (receipt: string) => ({ answers: ['yes'], receipt });
    const overSockets = devices.map(({ socket }) => {
      const receipt = deviceReceipt();
      return command(socket, 'ballot:cast', { ballotId, ...body(receipt) }).then((envelope) => ({ receipt, code: envelope.error?.code ?? 'OK' }));
    });
    const overHttp = Array.from({ length: 20 }, async () => {
      const receipt = deviceReceipt();
      const response = await fetch(`${hall!.url}/api/ballots/${ballotId}/votes`, {
        method: 'POST',
        headers: { authorization: `Bearer ${person.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body(receipt)),
        signal: AbortSignal.timeout(10_000),
      });
      const answer = (await response.json()) as { code?: string };
      return { receipt, code: response.status === 201 ? 'OK' : (answer.code ?? String(response.status)) };
    });
    const outcomes = await allWithin([...overSockets, ...overHttp], 15_000, 'all forty attempts');

    const accepted = outcomes.filter((outcome) => outcome.code === 'OK');
    expect(accepted).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.code === 'ALREADY_VOTED')).toHaveLength(39);
    const verify = async (receipt: string) => (await command(devices[0]!.socket, 'ballot:verify-receipt', { ballotId, receipt })).data;
    expect(await verify(accepted[0]!.receipt)).toEqual({ counted: true });
    expect(await verify(outcomes.find((outcome) => outcome.code !== 'OK')!.receipt)).toEqual({ counted: false });
    const ballot = await closeAndPublish(congress, ballotId);
    expect(ballot.result.cast).toBe(1);
    expect(ballot.result.items[0].counts).toEqual({ yes: 1, no: 0, abstain: 0 });
    expect(participationRows(congress, ballotId)).toBe(1);
  });

  it('answers every vote racing the close with either its receipt or BALLOT_CLOSED, and counts exactly the receipts', async () => {
    hall = await Hall.start();
    const congress = await createCongress(hall.app, { representatives: 100 });
    const clients = await connectAll(hall, congress, 100);
    const ballotId = await openBallot(congress);
    // The secretary closes at the moment the server reads the 50th vote of the storm, while the
    // votes read just before it wait in the group-commit queue and fifty more are on the wire.
    let arrived = 0;
    let closing: Promise<any> | undefined;
    for (const socket of hall.app.io.of('/').sockets.values()) {
      socket.use(([event], next) => {
        if (event === 'ballot:cast' && ++arrived === 50) closing = call(congress.app, { method: 'POST', url: `/api/ballots/${ballotId}/close`, headers: { cookie: congress.secretary } });
        next();
      });
    }
    const votes = clients.map(({ socket }, index) => command(socket, 'ballot:cast', { ballotId, answers: [CHOICES[index % 3]], receipt: deviceReceipt() }, 15_000));
    const envelopes: Envelope[] = await allWithin(votes, 20_000, 'every vote to be answered');
    expect(closing).toBeDefined();
    const { ballot } = await closing!;

    const successes = envelopes.filter((envelope) => envelope.data);
    const refusals = envelopes.filter((envelope) => envelope.error);
    expect(refusals.map((envelope) => envelope.error!.code).filter((code) => code !== 'BALLOT_CLOSED')).toEqual([]);
    expect(successes.length).toBeGreaterThan(0);
    expect(refusals.length).toBeGreaterThan(0);
    expect(successes.length + refusals.length).toBe(100);
    const counts = ballot.result.items[0].counts;
    expect(counts.yes + counts.no + counts.abstain).toBe(successes.length);
    expect(ballot.result.cast).toBe(successes.length);
    expect(participationRows(congress, ballotId)).toBe(successes.length);
    await call(hall.app, { method: 'POST', url: `/api/ballots/${ballotId}/publish`, headers: { cookie: congress.secretary } });
    const { receipts } = await call(hall.app, { method: 'GET', url: `/api/ballots/${ballotId}/receipts` });
    expect(receipts.sort()).toEqual(successes.map((envelope) => envelope.data.receipt).sort());
  });
});
