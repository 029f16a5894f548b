// What each audience sees live: coalesced turnout and never a partial tally while a ballot is open,
// the result for officers on close and for everyone on publication, and check-in counts.
import { afterEach, describe, expect, it } from 'vitest';
import { call, type Congress, createCongress, deviceReceipt, openBallot } from '../support/congress.js';
import { RECIPIENTS_PER_TURN } from '../../src/plugins/broadcaster.js';
import { allWithin, command, Hall, type LiveClient, nextEvent, objectsIn, type Seen } from '../support/sockets.js';

/** src/plugins/broadcaster.ts: turnout updates are at least this far apart (the test's own figure, so it checks it). */
const COALESCE_MS = 200;

let hall: Hall | undefined;
afterEach(async () => {
  await hall?.close();
  hall = undefined;
});

/** The projector, a secretary's screen and one representative's phone, all following the meeting. */
async function audiences(live: Hall, congress: Congress) {
  const { token } = await call(live.app, { method: 'POST', url: `/api/meetings/${congress.meetingId}/display-token`, headers: { cookie: congress.secretary } }, 201);
  const [display, officer, representative] = await Promise.all([
    live.connect({ displayToken: token }),
    live.connect({ meetingId: congress.meetingId }, { cookie: congress.secretary }),
    live.connect({ token: congress.representatives[0]!.token }),
  ]);
  return { display: display!, officer: officer!, representative: representative! };
}

function received(client: LiveClient, event: string): any[] {
  return client.seen.filter((entry) => entry.event === event).map((entry) => entry.payload);
}

/** A ballot that is still open shows no result anywhere in what a client was sent. */
function partialTallies(seen: Seen[]): Record<string, unknown>[] {
  return objectsIn(seen.map((entry) => entry.payload)).filter((object) => object.state === 'open' && object.result !== null);
}

describe('turnout while a ballot is open', () => {
  it('shows the display and the secretary a rising turnout, a few times a second, and never a partial tally', async () => {
    hall = await Hall.start();
    const congress = await createCongress(hall.app, { representatives: 60 });
    const { display, officer, representative } = await audiences(hall, congress);
    const voters = await allWithin(
      congress.representatives.map((person) => hall!.connect({ token: person.token })),
      10_000,
      'voters to connect',
    );
    const ballotId = await openBallot(congress);
    const started = performance.now();
    // Four waves of fifteen simultaneous votes; the next wave starts once the display shows the last.
    for (let wave = 1; wave <= 4; wave++) {
      const shown = [display, officer].map(({ socket }) => nextEvent(socket, 'ballot:turnout', (turnout) => turnout.voted === wave * 15));
      const votes = voters.slice((wave - 1) * 15, wave * 15).map(({ socket }, index) => command(socket, 'ballot:cast', { ballotId, answers: [index % 2 ? 'yes' : 'no'], receipt: deviceReceipt() }));
      expect((await allWithin(votes, 10_000, `wave ${wave}`)).filter((envelope) => envelope.error)).toEqual([]);
      await Promise.all(shown);
    }
    expect((await command(representative.socket, 'meeting:sync', {})).data.ballots[0]).toMatchObject({ state: 'open', result: null, turnout: { voted: 60 } });
    // Every turnout update was sent between `started` and now, at least COALESCE_MS apart: however
    // long the waves took on this machine, no more than one per COALESCE_MS of it (and one per wave at least).
    const mostUpdates = Math.ceil((performance.now() - started) / COALESCE_MS) + 1;

    for (const client of [display, officer, representative]) {
      const turnout = received(client, 'ballot:turnout');
      const voted = turnout.map((event) => event.voted);
      expect(voted.at(-1)).toBe(60);
      expect(voted).toEqual([...voted].sort((left, right) => left - right));
      expect(turnout.length).toBeGreaterThanOrEqual(4);
      expect(turnout.length).toBeLessThanOrEqual(mostUpdates);
      for (const event of turnout) expect(event).toEqual({ ballotId, meetingId: congress.meetingId, voted: event.voted, eligible: 60 });
    }
    const everyone = [display, officer, representative, ...voters];
    for (const client of everyone) expect(partialTallies(client.seen)).toEqual([]);
    expect(received(officer, 'ballot:opened')[0].ballot).toMatchObject({ id: ballotId, state: 'open', result: null });
  });

  it('reaches every phone of a hall bigger than one slice, a slice a turn, each phone’s updates in order', async () => {
    hall = await Hall.start();
    const phones = RECIPIENTS_PER_TURN + 44;
    const congress = await createCongress(hall.app, { representatives: phones });
    const voters = await allWithin(
      congress.representatives.map((person) => hall!.connect({ token: person.token })),
      30_000,
      'phones to connect',
    );
    // Who each turnout message was sent to at once, and in which turn of the event loop.
    const io = hall.app.io;
    const to = io.to.bind(io);
    const slices: { size: number; turn: number }[] = [];
    // A turn of the event loop counted in its check phase, where the broadcaster's next slice waits too.
    let turn = 0;
    let ticking = setImmediate(function tick() {
      turn += 1;
      ticking = setImmediate(tick);
    });
    io.to = ((room: string | string[]) => {
      const operator = to(room);
      const emit = operator.emit.bind(operator);
      operator.emit = ((event: string, ...rest: unknown[]) => {
        if (event === 'ballot:turnout') slices.push({ size: Array.isArray(room) ? room.length : Number.POSITIVE_INFINITY, turn });
        return emit(event, ...rest);
      }) as typeof operator.emit;
      return operator;
    }) as typeof io.to;
    try {
      const ballotId = await openBallot(congress);
      for (let wave = 1; wave <= 3; wave++) {
        const shown = voters.map(({ socket }) => nextEvent(socket, 'ballot:turnout', (turnout) => turnout.voted === wave * 10));
        const votes = voters.slice((wave - 1) * 10, wave * 10).map(({ socket }) => command(socket, 'ballot:cast', { ballotId, answers: ['yes'], receipt: deviceReceipt() }));
        expect((await allWithin(votes, 10_000, `wave ${wave}`)).filter((envelope) => envelope.error)).toEqual([]);
        await allWithin(shown, 10_000, `every phone to see wave ${wave}`);
      }
    } finally {
      clearImmediate(ticking);
      io.to = to;
    }
    for (const { seen } of voters) {
      const voted = seen.filter((entry) => entry.event === 'ballot:turnout').map((entry) => entry.payload.voted);
      expect(voted).toEqual([...voted].sort((left, right) => left - right));
    }
    // Never the whole room in one go: slices of at most RECIPIENTS_PER_TURN, each update's in turns of their own.
    expect(slices.length).toBeGreaterThanOrEqual(3 * Math.ceil(phones / RECIPIENTS_PER_TURN));
    expect(Math.max(...slices.map((slice) => slice.size))).toBeLessThanOrEqual(RECIPIENTS_PER_TURN);
    for (let index = 1; index < slices.length; index++) expect(slices[index]!.turn).toBeGreaterThan(slices[index - 1]!.turn);
  });

  it('never shows fewer voters than were counted, even to a snapshot taken while the ballot closes', async () => {
    hall = await Hall.start();
    const congress = await createCongress(hall.app, { representatives: 10 });
    const phones = await allWithin(
      congress.representatives.map((person) => hall!.connect({ token: person.token })),
      10_000,
      'phones to connect',
    );
    const ballotId = await openBallot(congress);
    for (const { socket } of phones.slice(0, 5)) expect((await command(socket, 'ballot:cast', { ballotId, answers: ['yes'], receipt: deviceReceipt() })).error).toBeUndefined();
    // The secretary closes just as the server reads the third of ten simultaneous sync requests.
    let reads = 0;
    let closing: Promise<unknown> | undefined;
    for (const socket of hall.app.io.of('/').sockets.values()) {
      socket.use(([event], next) => {
        if (event === 'meeting:sync' && ++reads === 3) closing = call(hall!.app, { method: 'POST', url: `/api/ballots/${ballotId}/close`, headers: { cookie: congress.secretary } });
        next();
      });
    }
    const snapshots = await allWithin(
      phones.map(({ socket }) => command(socket, 'meeting:sync', {})),
      10_000,
      'ten snapshots',
    );
    await closing;
    for (const { data } of snapshots) expect(data.ballots[0].turnout).toEqual({ voted: 5, eligible: 10 });
  });
});

describe('closing and publishing', () => {
  it('gives the result to officers on close and to everyone on publication', async () => {
    hall = await Hall.start();
    const congress = await createCongress(hall.app, { representatives: 4 });
    const { display, officer, representative } = await audiences(hall, congress);
    const ballotId = await openBallot(congress);
    for (const [index, person] of congress.representatives.entries()) {
      await call(
        hall.app,
        { method: 'POST', url: `/api/ballots/${ballotId}/votes`, headers: { authorization: `Bearer ${person.token}` }, payload: { answers: [index < 3 ? 'yes' : 'no'], receipt: deviceReceipt() } },
        201,
      );
    }
    const as = { cookie: congress.secretary };
    const closed = [display, officer, representative].map((client) => nextEvent(client.socket, 'ballot:closed'));
    await call(hall.app, { method: 'POST', url: `/api/ballots/${ballotId}/close`, headers: as });
    const [onDisplay, onOfficer, onPhone] = await Promise.all(closed);

    expect(onOfficer.ballot).toMatchObject({ id: ballotId, state: 'closed', turnout: { voted: 4, eligible: 4 } });
    expect(onOfficer.ballot.result.items[0].counts).toEqual({ yes: 3, no: 1, abstain: 0 });
    for (const publicView of [onDisplay, onPhone]) {
      expect(publicView.ballot).toMatchObject({ id: ballotId, state: 'closed', result: null, turnout: { voted: 4, eligible: 4 } });
    }
    expect((await command(representative.socket, 'meeting:sync', {})).data.ballots[0].result).toBeNull();

    const published = [display, officer, representative].map((client) => nextEvent(client.socket, 'ballot:published'));
    await call(hall.app, { method: 'POST', url: `/api/ballots/${ballotId}/publish`, headers: as });
    for (const event of await Promise.all(published)) {
      expect(event.ballot).toMatchObject({ id: ballotId, state: 'published' });
      expect(event.ballot.result).toEqual(onOfficer.ballot.result);
    }
    for (const client of [display, officer, representative]) {
      expect(received(client, 'ballot:closed')).toHaveLength(1);
      expect(received(client, 'ballot:published')).toHaveLength(1);
    }
  });
});

describe('check-in over the socket', () => {
  it('updates the present count on the display as representatives check in', async () => {
    hall = await Hall.start();
    const congress = await createCongress(hall.app, { representatives: 6, attendees: 1, present: 0 });
    const { display, officer } = await audiences(hall, congress);
    expect(display.snapshot.attendance).toMatchObject({ eligible: 6, present: 0, absent: 6, quorum: { required: 4, reached: false } });
    const arriving = await Promise.all(congress.representatives.slice(0, 4).map((person) => hall!.connect({ code: person.code })));

    const onDisplay = nextEvent(display.socket, 'attendance:updated', (update) => update.counts.present === 4);
    const onOfficer = nextEvent(officer.socket, 'attendance:updated', (update) => update.counts.present === 4);
    const acks = await Promise.all(arriving.map(({ socket }) => command(socket, 'attendance:check-in', { meetingId: congress.meetingId })));
    expect(acks).toEqual(Array.from({ length: 4 }, () => ({ data: { status: 'present' } })));
    const update = await onDisplay;
    await onOfficer;
    expect(update).toEqual({ meetingId: congress.meetingId, counts: expect.objectContaining({ eligible: 6, present: 4, absent: 2, quorum: expect.objectContaining({ reached: true }) }) });

    const attendee = await hall.connect({ token: congress.attendees[0]!.token });
    const next = nextEvent(display.socket, 'attendance:updated');
    expect((await command(arriving[0]!.socket, 'attendance:check-in', { meetingId: congress.meetingId })).data).toEqual({ status: 'present' });
    expect((await command(attendee.socket, 'attendance:check-in', { meetingId: congress.meetingId })).data).toEqual({ status: 'present' });
    expect((await next).counts).toMatchObject({ present: 4, attendeesPresent: 1 });
    expect((await command(display.socket, 'meeting:sync', {})).data.attendance).toMatchObject({ present: 4, absent: 2 });
  });
});
