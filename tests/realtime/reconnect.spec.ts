// Phones drop off the hall Wi-Fi and come back: a snapshot on every reconnect makes them right
// again, a representative's other devices learn of their vote, and a lost acknowledgement is safe.
import { afterEach, describe, expect, it } from 'vitest';
import { call, type Congress, createCongress, deviceReceipt, openBallot } from '../support/congress.js';
import { command, disconnection, Hall, nextEvent, within } from '../support/sockets.js';

let hall: Hall | undefined;
afterEach(async () => {
  await hall?.close();
  hall = undefined;
});

function eventsNamed(seen: { event: string }[], ...names: string[]): string[] {
  return seen.map((entry) => entry.event).filter((event) => names.includes(event));
}

/** Resolves once the server has committed this representative's vote (its acknowledgement may be lost). */
function committedVoteOf(congress: Congress, memberId: string): Promise<void> {
  let unsubscribe = () => {};
  const committed = new Promise<void>((resolve) => {
    unsubscribe = congress.app.yishi.events.subscribe((event) => {
      if (event.type === 'members.voted' && event.memberIds.includes(memberId)) resolve();
    });
  });
  const waited = within(committed, 5_000, 'the vote to be committed').finally(unsubscribe);
  waited.catch(() => {});
  return waited;
}

/** A gate for the reconnecting handshake: the phone stays offline until it opens. */
function offlineGate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('snapshots on connect and reconnect', () => {
  it('shows a representative who was away when the ballot opened the open ballot on reconnecting', async () => {
    hall = await Hall.start();
    const congress = await createCongress(hall.app, { representatives: 5 });
    const person = congress.representatives[0]!;
    const phone = await hall.connect({ token: person.token });
    expect(phone.snapshot.meeting).toMatchObject({ id: congress.meetingId, state: 'in_session' });
    expect(phone.snapshot.ballots).toEqual([]);
    expect(phone.snapshot.you).toMatchObject({ memberId: person.memberId, attendance: 'present', voted: [] });

    phone.socket.disconnect();
    const ballotId = await openBallot(congress);
    const { snapshot } = await hall.join(phone);

    expect(eventsNamed(phone.seen, 'ballot:opened')).toEqual([]);
    expect(snapshot.ballots).toHaveLength(1);
    expect(snapshot.ballots[0]).toMatchObject({ id: ballotId, state: 'open', result: null, turnout: { voted: 0, eligible: 5 } });
    expect(snapshot.you.voted).toEqual([]);
  });

  it('sends a snapshot that includes what was announced between the handshake and the phone joining its rooms', async () => {
    hall = await Hall.start();
    const congress = await createCongress(hall.app, { representatives: 3 });
    const [person, watcher] = congress.representatives;
    const other = await hall.connect({ token: watcher!.token });
    // The handshake's own snapshot is made first: this later middleware opens a ballot after it, and
    // lets the phone in only once the opening has been announced to the room it is about to join.
    let ballotId = '';
    hall.app.io.use((socket, next) => {
      if (socket.handshake.auth.token !== person!.token) return next();
      const announced = nextEvent(other.socket, 'ballot:opened');
      openBallot(congress)
        .then(async (id) => {
          ballotId = id;
          await announced;
          next();
        })
        .catch(next);
    });
    const phone = await hall.connect({ token: person!.token });

    expect(eventsNamed(phone.seen, 'ballot:opened')).toEqual([]);
    expect(phone.snapshot.ballots.map((ballot: { id: string; state: string }) => [ballot.id, ballot.state])).toEqual([[ballotId, 'open']]);
  });

  it('brings a phone that lost its network back with its vote recorded and the published result', async () => {
    hall = await Hall.start();
    const congress = await createCongress(hall.app, { representatives: 3 });
    const person = congress.representatives[0]!;
    let gate = { opened: Promise.resolve(), open: () => {} };
    const phone = await hall.connect((send) => void gate.opened.then(() => send({ token: person.token })), { reconnect: true });
    const opened = nextEvent(phone.socket, 'ballot:opened');
    const ballotId = await openBallot(congress);
    await opened;

    gate = offlineGate();
    const dropped = disconnection(phone.socket);
    phone.socket.io.engine.close();
    await dropped;
    const before = phone.seen.length;
    // While the phone is offline: the representative votes on a second device, and the ballot ends.
    const as = { cookie: congress.secretary };
    const vote = await call(
      hall.app,
      { method: 'POST', url: `/api/ballots/${ballotId}/votes`, headers: { authorization: `Bearer ${person.token}` }, payload: { answers: ['no'], receipt: deviceReceipt() } },
      201,
    );
    for (const other of congress.representatives.slice(1)) {
      await call(
        hall.app,
        { method: 'POST', url: `/api/ballots/${ballotId}/votes`, headers: { authorization: `Bearer ${other.token}` }, payload: { answers: ['yes'], receipt: deviceReceipt() } },
        201,
      );
    }
    await call(hall.app, { method: 'POST', url: `/api/ballots/${ballotId}/close`, headers: as });
    await call(hall.app, { method: 'POST', url: `/api/ballots/${ballotId}/publish`, headers: as });

    const reconnected = nextEvent(phone.socket, 'meeting:snapshot');
    gate.open();
    const snapshot = await reconnected;
    expect(eventsNamed(phone.seen.slice(before), 'ballot:voted', 'ballot:closed', 'ballot:published')).toEqual([]);
    expect(snapshot.you.voted).toEqual([ballotId]);
    expect(snapshot.ballots[0]).toMatchObject({ id: ballotId, state: 'published', turnout: { voted: 3, eligible: 3 } });
    expect(snapshot.ballots[0].result.items[0].counts).toEqual({ yes: 2, no: 1, abstain: 0 });
    expect((await command(phone.socket, 'ballot:verify-receipt', { ballotId, receipt: vote.receipt })).data).toEqual({ counted: true });
  });
});

describe('between sessions', () => {
  it('brings a phone that connected between sessions into the next session when it opens', async () => {
    hall = await Hall.start();
    const congress = await createCongress(hall.app, { representatives: 3 });
    const as = { cookie: congress.secretary };
    await call(hall.app, { method: 'POST', url: `/api/meetings/${congress.meetingId}/close`, headers: as });
    const person = congress.representatives[0]!;
    const phone = await hall.connect({ token: person.token });
    expect(phone.snapshot.meeting).toBeNull();

    const { meeting } = await call(hall.app, { method: 'POST', url: '/api/meetings', headers: as, payload: { termId: congress.termId, title: '第三届第三次职工代表大会', sessionNumber: 3 } }, 201);
    const moved = nextEvent(phone.socket, 'meeting:snapshot', (snapshot) => snapshot.meeting?.id === meeting.id);
    await call(hall.app, { method: 'POST', url: `/api/meetings/${meeting.id}/open`, headers: as });
    expect((await moved).meeting).toMatchObject({ id: meeting.id, state: 'in_session' });

    const opened = nextEvent(phone.socket, 'ballot:opened');
    const ballotId = await openBallot({ ...congress, meetingId: meeting.id }, undefined, { overrideQuorum: true, reason: '测试' });
    expect((await opened).ballot.id).toBe(ballotId);
    const receipt = deviceReceipt();
    expect(await command(phone.socket, 'ballot:cast', { ballotId, answers: ['yes'], receipt })).toEqual({ data: { ballotId, receipt, voted: 1 } });
    expect((await command(phone.socket, 'meeting:sync', {})).data).toMatchObject({ meeting: { id: meeting.id }, you: { voted: [ballotId] } });
  });
});

describe('a representative with two devices', () => {
  it('tells the other device that the representative has voted, and no one else', async () => {
    hall = await Hall.start();
    const congress = await createCongress(hall.app, { representatives: 3 });
    const [person, neighbour] = congress.representatives;
    const phone = await hall.connect({ token: person!.token });
    const tablet = await hall.connect({ code: person!.code });
    const other = await hall.connect({ token: neighbour!.token });
    const ballotId = await openBallot(congress);

    const told = nextEvent(tablet.socket, 'ballot:voted');
    const turnoutSeenByOther = nextEvent(other.socket, 'ballot:turnout', (turnout) => turnout.voted === 1);
    const receipt = deviceReceipt();
    expect(await command(phone.socket, 'ballot:cast', { ballotId, answers: ['abstain'], receipt })).toEqual({ data: { ballotId, receipt, voted: 1 } });
    expect(await told).toEqual({ ballotId });
    await turnoutSeenByOther;
    expect(eventsNamed(other.seen, 'ballot:voted')).toEqual([]);

    expect((await command(tablet.socket, 'meeting:sync', {})).data.you.voted).toEqual([ballotId]);
    const later = await hall.connect({ token: person!.token });
    expect(later.snapshot.you.voted).toEqual([ballotId]);
    expect(other.snapshot.you.voted).toEqual([]);
    expect((await command(tablet.socket, 'ballot:cast', { ballotId, answers: ['yes'], receipt: deviceReceipt() })).error?.code).toBe('ALREADY_VOTED');
  });
});

describe('a lost acknowledgement', () => {
  it('answers the retry with ALREADY_VOTED, confirms the receipt was counted, and counts the vote once', async () => {
    hall = await Hall.start();
    const congress = await createCongress(hall.app, { representatives: 4 });
    const person = congress.representatives[0]!;
    const committed = committedVoteOf(congress, person.memberId);
    // The phone reconnects on its own, but only once the server has committed the vote it lost.
    let dropping = false;
    const phone = await hall.connect((send) => void (dropping ? committed : Promise.resolve()).then(() => send({ token: person.token })), { reconnect: true });
    const opened = nextEvent(phone.socket, 'ballot:opened');
    const ballotId = await openBallot(congress);
    await opened;

    const receipt = deviceReceipt();
    let acknowledged = false;
    const dropped = disconnection(phone.socket);
    dropping = true;
    phone.socket.emit('ballot:cast', { ballotId, answers: ['yes'], receipt }, () => (acknowledged = true));
    phone.socket.io.engine.close();
    await dropped;
    const reconnected = nextEvent(phone.socket, 'meeting:snapshot');
    await committed;
    const snapshot = await reconnected;

    expect(acknowledged).toBe(false);
    expect(snapshot.you.voted).toEqual([ballotId]);
    const retry = await command(phone.socket, 'ballot:cast', { ballotId, answers: ['yes'], receipt });
    expect(retry.error?.code).toBe('ALREADY_VOTED');
    expect((await command(phone.socket, 'ballot:verify-receipt', { ballotId, receipt })).data).toEqual({ counted: true });
    expect(acknowledged).toBe(false);

    const as = { cookie: congress.secretary };
    const { ballot } = await call(hall.app, { method: 'POST', url: `/api/ballots/${ballotId}/close`, headers: as });
    expect(ballot.result.cast).toBe(1);
    expect(ballot.result.items[0].counts).toEqual({ yes: 1, no: 0, abstain: 0 });
    await call(hall.app, { method: 'POST', url: `/api/ballots/${ballotId}/publish`, headers: as });
    expect((await call(hall.app, { method: 'GET', url: `/api/ballots/${ballotId}/receipts` })).receipts).toEqual([receipt]);
  });
});

describe('a phone that reconnects holding the meeting’s part of its snapshot', () => {
  /** A full snapshot as the page holds it: without the version it came with. */
  const withoutVersion = ({ version: _version, ...snapshot }: any) => snapshot;
  /** What the page makes of a short snapshot and the part it kept (web/src/shared/live.ts does the same). */
  const rebuilt = (kept: any, short: any) => ({
    meeting: kept.meeting,
    attendance: short.attendance,
    ballots: kept.ballots.map((ballot: any, index: number) => ({ ...ballot, turnout: short.turnouts[index] ?? null })),
    agenda: kept.agenda ?? null,
    you: short.you,
    serverTime: short.serverTime,
  });

  it('gets only the figures and itself while that part is current, and the whole snapshot once it changed', async () => {
    hall = await Hall.start();
    const congress = await createCongress(hall.app, { representatives: 5 });
    const [person, voter] = congress.representatives;
    const first = await openBallot(congress);
    const phone = await hall.connect({ token: person!.token });
    const kept = phone.snapshot;
    expect(kept.version).toMatch(/^[\w-]{22}$/);
    expect(kept.ballots).toHaveLength(1);
    await call(hall.app, { method: 'POST', url: `/api/ballots/${first}/votes`, headers: { authorization: `Bearer ${voter!.token}` }, payload: { answers: ['yes'], receipt: deviceReceipt() } }, 201);

    const back = await hall.connect((send) => send({ token: person!.token, snapshotVersion: kept.version }));
    expect(back.snapshot).toMatchObject({ version: kept.version, same: true, turnouts: [{ voted: 1, eligible: 5 }] });
    expect(back.snapshot).not.toHaveProperty('ballots');
    expect(back.snapshot).not.toHaveProperty('meeting');
    // The page's picture from the kept part and the figures is the whole snapshot a new phone gets.
    const fresh = await hall.connect({ token: person!.token });
    expect(fresh.snapshot.version).toBe(kept.version);
    expect(rebuilt(kept, back.snapshot)).toEqual({ ...withoutVersion(fresh.snapshot), serverTime: back.snapshot.serverTime });

    // A version the server never gave, or one made stale by a ballot opening: the whole snapshot.
    const stranger = await hall.connect((send) => send({ token: person!.token, snapshotVersion: 'x'.repeat(22) }));
    expect(stranger.snapshot.ballots).toHaveLength(1);
    await openBallot(congress);
    const stale = await hall.connect((send) => send({ token: person!.token, snapshotVersion: kept.version }));
    expect(stale.snapshot.same).toBeUndefined();
    expect(stale.snapshot.ballots).toHaveLength(2);
    expect(stale.snapshot.version).not.toBe(kept.version);
  });
});
