// Item 9 of the hostile-insider review: a close is all or nothing. When its transaction fails (a
// full disk: the write that moves the ballot to closed is refused with SQLITE_FULL), the answer is
// CLOSE_FAILED, the ballot is still open and counting, the votes that arrived during the attempt are
// counted, and a retry once space returns closes it with every vote in the tally.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { call, createCongress, deviceReceipt, openBallot } from '../support/congress.js';
import { bearer, expectError, vote } from '../support/requests.js';
import { command, Hall } from '../support/sockets.js';

let hall: Hall | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await hall?.close();
  hall = undefined;
});

/** Makes the database refuse the close's write as a full disk would, while `full()` says so. */
function fillDiskForClose(hall: Hall, full: () => boolean): void {
  const sqlite = hall.app.yishi.sqlite;
  const prepare = sqlite.prepare.bind(sqlite);
  vi.spyOn(sqlite, 'prepare').mockImplementation(((source: string) => {
    if (full() && /^update "ballot" set "state" = \?/.test(source)) throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    return prepare(source);
  }) as typeof sqlite.prepare);
}

describe('a close that fails', () => {
  it('answers CLOSE_FAILED, leaves the ballot open and counting, and a retry closes it with every vote', async () => {
    hall = await Hall.start();
    const { app } = hall;
    const congress = await createCongress(app, { representatives: 8, present: 'all' });
    const as = { cookie: congress.secretary };
    const ballotId = await openBallot(congress);
    const phones = await Promise.all(congress.representatives.map((representative) => hall!.connect({ token: representative.token })));
    const cast = (index: number, choice: string) => command(phones[index]!.socket, 'ballot:cast', { ballotId, answers: [choice], receipt: deviceReceipt() });
    for (const index of [0, 1, 2]) expect((await cast(index, 'yes')).data).toBeDefined();

    let full = true;
    fillDiskForClose(hall, () => full);
    // A vote sent together with the failing close is held while it runs, then counted.
    const [failed, during] = await Promise.all([app.inject({ method: 'POST', url: `/api/ballots/${ballotId}/close`, headers: as }), cast(3, 'no')]);
    expectError(failed, 503, 'CLOSE_FAILED');
    expect(during.data).toBeDefined();
    const afterFailure = await call(app, { method: 'GET', url: `/api/ballots/${ballotId}`, headers: as });
    expect(afterFailure.ballot ?? afterFailure).toMatchObject({ state: 'open', turnout: { voted: 4 } });
    // Still counting, over the socket and HTTP.
    expect((await cast(4, 'no')).data).toBeDefined();
    expect((await vote(app, congress.representatives[5]!.token, ballotId, ['abstain'])).statusCode).toBe(201);
    // A second failing attempt changes nothing either.
    expectError(await app.inject({ method: 'POST', url: `/api/ballots/${ballotId}/close`, headers: as }), 503, 'CLOSE_FAILED');

    full = false;
    const closed = await call(app, { method: 'POST', url: `/api/ballots/${ballotId}/close`, headers: as });
    const ballot = closed.ballot ?? closed;
    expect(ballot.state).toBe('closed');
    expect(ballot.result.cast).toBe(6);
    expect(ballot.result.items[0].counts).toEqual({ yes: 3, no: 2, abstain: 1 });
    expect((await cast(6, 'yes')).error?.code).toBe('BALLOT_CLOSED');
    expectError(await vote(app, congress.representatives[7]!.token, ballotId, ['yes']), 409, 'BALLOT_CLOSED');
    const me = await call(app, { method: 'GET', url: '/api/me', headers: bearer(congress.representatives[3]!.token) });
    expect(me.you.voted).toContain(ballotId);
  });
});
