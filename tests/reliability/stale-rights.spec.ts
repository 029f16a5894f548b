// Rights are decided when they are used, on open sockets as on HTTP: a socket opened before a
// change of role, term, code, membership, account or session must not act on the old rights, nor
// keep hearing a meeting it no longer belongs to. Every change is made both through the API (where
// there is one) and by hand in the database, the way an insider with a console would.
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { approvalBallot, call, createCongress, deviceReceipt, openBallot, signIn, type Congress } from '../support/congress.js';
import { bearer, display, draftBallot, rowCount } from '../support/requests.js';
import { command, disconnection, Hall, type LiveClient, nextEvent, within } from '../support/sockets.js';

let hall: Hall | undefined;
afterEach(async () => {
  await hall?.close();
  hall = undefined;
});

/** A ballot paper sent over the socket: the refusal's code, 'counted', or 'cut off' if the server ended the socket instead. */
function castOver(client: LiveClient, ballotId: string): Promise<string> {
  const { socket } = client;
  if (!socket.connected) return Promise.resolve('cut off');
  const answered = new Promise<string>((resolve) => {
    const onDisconnect = () => resolve('cut off');
    socket.once('disconnect', onDisconnect);
    socket.emit('ballot:cast', { ballotId, answers: ['yes'], receipt: deviceReceipt() }, (envelope: { error?: { code: string } }) => {
      socket.off('disconnect', onDisconnect);
      resolve(envelope.error?.code ?? 'counted');
    });
  });
  return within(answered, 10_000, 'the ballot:cast answer or a disconnect');
}

function sql(app: FastifyInstance, statement: string, ...parameters: unknown[]): void {
  app.yishi.sqlite.prepare(statement).run(...parameters);
}

async function anotherTerm(congress: Congress): Promise<string> {
  const { term } = await call(congress.app, { method: 'POST', url: '/api/terms', headers: { cookie: congress.secretary }, payload: { number: 9 } }, 201);
  return term.id;
}

interface MemberChange {
  name: string;
  /** Whether the meeting must still be a draft for the change (the roster locks once it is in session). */
  beforeSession?: boolean;
  change: (congress: Congress, memberId: string) => Promise<void>;
  /** What the old socket gets at its next ballot paper (cut off when it may no longer follow the meeting at all). */
  expected: string[];
}

const memberChanges: MemberChange[] = [
  {
    name: 'demoted to attendee by the secretary',
    beforeSession: true,
    change: (c, id) => call(c.app, { method: 'PATCH', url: `/api/members/${id}`, headers: { cookie: c.secretary }, payload: { role: 'attendee' } }).then(() => {}),
    expected: ['NOT_ELIGIBLE'],
  },
  { name: 'demoted to attendee in the database', change: async (c, id) => sql(c.app, "UPDATE member SET role = 'attendee' WHERE id = ?", id), expected: ['NOT_ELIGIBLE'] },
  { name: 'moved to another term', change: async (c, id) => sql(c.app, 'UPDATE member SET term_id = ? WHERE id = ?', await anotherTerm(c), id), expected: ['cut off', 'FORBIDDEN'] },
  {
    name: 'whose code is revoked in the database',
    change: async (c, id) => sql(c.app, 'UPDATE access_code SET revoked_at = ? WHERE member_id = ?', new Date().toISOString(), id),
    expected: ['cut off', 'UNAUTHENTICATED'],
  },
  {
    name: 'whose code is revoked by the secretary',
    change: (c, id) => call(c.app, { method: 'DELETE', url: `/api/members/${id}/code`, headers: { cookie: c.secretary } }).then(() => {}),
    expected: ['cut off', 'UNAUTHENTICATED'],
  },
  {
    name: 'deleted by the secretary',
    beforeSession: true,
    change: (c, id) => call(c.app, { method: 'DELETE', url: `/api/members/${id}`, headers: { cookie: c.secretary } }).then(() => {}),
    expected: ['cut off', 'UNAUTHENTICATED'],
  },
  { name: 'deleted in the database', change: async (c, id) => sql(c.app, 'DELETE FROM member WHERE id = ?', id), expected: ['cut off', 'UNAUTHENTICATED'] },
];

describe('a representative’s socket opened before their rights changed', () => {
  for (const variant of memberChanges) {
    for (const credential of ['token', 'code'] as const) {
      it(`casts no vote once ${variant.name} (socket opened with a ${credential}), as HTTP refuses`, async () => {
        hall = await Hall.start();
        const congress = await createCongress(hall.app, { representatives: 3, present: 1, openMeeting: !variant.beforeSession });
        const [control, , person] = congress.representatives;
        const stale = await hall.connect({ ...(credential === 'token' ? { token: person!.token } : { code: person!.code }), meetingId: congress.meetingId });
        const witness = await hall.connect({ token: control!.token, meetingId: congress.meetingId });

        await variant.change(congress, person!.memberId);
        if (variant.beforeSession) await call(hall.app, { method: 'POST', url: `/api/meetings/${congress.meetingId}/open`, headers: { cookie: congress.secretary } });
        const ballotId = await openBallot(congress, approvalBallot(), { overrideQuorum: true });

        expect(variant.expected).toContain(await castOver(stale, ballotId));
        const http = await hall.app.inject({ method: 'POST', url: `/api/ballots/${ballotId}/votes`, headers: bearer(person!.token), payload: { answers: ['yes'], receipt: deviceReceipt() } });
        expect(http.statusCode).toBeGreaterThanOrEqual(400);
        // The witness's vote is acknowledged after its batch commits: any earlier vote would be in by then.
        expect(await castOver(witness, ballotId)).toBe('counted');
        expect(rowCount(hall.app, 'participation', 'ballot_id = ? AND member_id = ?', ballotId, person!.memberId)).toBe(0);

        if (variant.expected.includes('cut off')) {
          // Cut off at once, so it hears nothing more of the meeting (it may reconnect only if its new rights allow).
          expect(stale.socket.connected).toBe(false);
          const closed = nextEvent(witness.socket, 'ballot:closed');
          await call(hall.app, { method: 'POST', url: `/api/ballots/${ballotId}/close`, headers: { cookie: congress.secretary } });
          await closed;
          expect(stale.seen.filter((seen) => seen.event === 'ballot:closed')).toEqual([]);
        }
      });
    }
  }
});

describe('a meeting moved to another term in the database', () => {
  it('cuts its representatives off, and keeps its screen', async () => {
    hall = await Hall.start();
    const congress = await createCongress(hall.app, { representatives: 3 });
    const { token } = await call(hall.app, { method: 'POST', url: `/api/meetings/${congress.meetingId}/display-token`, headers: { cookie: congress.secretary } }, 201);
    const phone = await hall.connect({ token: congress.representatives[0]!.token, meetingId: congress.meetingId });
    const screen = await hall.connect({ displayToken: token });

    const cutOff = disconnection(phone.socket);
    sql(hall.app, 'UPDATE meeting SET term_id = ? WHERE id = ?', await anotherTerm(congress), congress.meetingId);
    expect(await cutOff).toBe('io server disconnect');
    expect((await command(screen.socket, 'meeting:sync', {})).data.meeting.id).toBe(congress.meetingId);
  });
});

const SCRUTINEER_PASSWORD = 'scrutineer password 1234';

async function scrutineer(congress: Congress): Promise<{ id: string; cookie: string }> {
  const { account } = await call(
    congress.app,
    { method: 'POST', url: '/api/accounts', headers: { cookie: congress.secretary }, payload: { username: 'jianpiao', password: SCRUTINEER_PASSWORD, role: 'scrutineer' } },
    201,
  );
  return { id: account.id, cookie: await signIn(congress.app, 'jianpiao', SCRUTINEER_PASSWORD) };
}

describe('an officer’s socket opened before their account changed', () => {
  it('stops hearing the secretariat’s drafts once the scrutineer is made a committee member in the database', async () => {
    hall = await Hall.start();
    const congress = await createCongress(hall.app, { representatives: 2 });
    const officer = await scrutineer(congress);
    const stale = await hall.connect({ meetingId: congress.meetingId }, { cookie: officer.cookie });
    const secretary = await hall.connect({ meetingId: congress.meetingId }, { cookie: congress.secretary });

    sql(hall.app, "UPDATE account SET role = 'committee' WHERE id = ?", officer.id);
    const shown = nextEvent(secretary.socket, 'ballot:updated');
    const ballot = await draftBallot(congress, approvalBallot());
    expect((await shown).ballotId).toBe(ballot.id);
    // Replies on one socket arrive in order: once this answer is in, a draft sent to it would be too.
    expect((await command(stale.socket, 'meeting:sync', {})).data.meeting.id).toBe(congress.meetingId);
    expect(stale.seen.filter((seen) => seen.event === 'ballot:updated')).toEqual([]);
    const http = await hall.app.inject({ method: 'POST', url: `/api/ballots/${ballot.id}/open`, headers: { cookie: officer.cookie } });
    expect(http.statusCode).toBe(403);
  });

  it('is cut off when the account is disabled in the database', async () => {
    hall = await Hall.start();
    const congress = await createCongress(hall.app, { representatives: 2 });
    const officer = await scrutineer(congress);
    const stale = await hall.connect({ meetingId: congress.meetingId }, { cookie: officer.cookie });

    const cutOff = disconnection(stale.socket);
    sql(hall.app, 'UPDATE account SET disabled = 1 WHERE id = ?', officer.id);
    expect(await cutOff).toBe('io server disconnect');
    expect((await hall.app.inject({ method: 'GET', url: '/api/meetings', headers: { cookie: officer.cookie } })).statusCode).toBe(401);
  });

  it('moves a handler to their new department’s motions', async () => {
    hall = await Hall.start();
    const congress = await createCongress(hall.app, { representatives: 2 });
    const as = { cookie: congress.secretary };
    const { department: first } = await call(hall.app, { method: 'POST', url: '/api/departments', headers: as, payload: { name: '人力资源部' } }, 201);
    const { department: second } = await call(hall.app, { method: 'POST', url: '/api/departments', headers: as, payload: { name: '工会办公室' } }, 201);
    const { account } = await call(
      hall.app,
      { method: 'POST', url: '/api/accounts', headers: as, payload: { username: 'chengban', password: SCRUTINEER_PASSWORD, role: 'handler', departmentId: first.id } },
      201,
    );
    const handler = await signIn(hall.app, 'chengban', SCRUTINEER_PASSWORD);
    const stale = hall.client((send) => send({}), { cookie: handler });
    const connected = new Promise<void>((resolve) => stale.socket.once('connect', () => resolve()));
    stale.socket.connect();
    await within(connected, 5_000, 'the handler’s socket');

    sql(hall.app, 'UPDATE account SET department_id = ? WHERE id = ?', second.id, account.id);
    // Its next command sees the change (rights are read again), and so do its rooms.
    await command(stale.socket, 'meeting:sync', {});
    const rooms = [...hall.app.io.of('/').sockets.values()].flatMap((socket) => [...socket.rooms]);
    expect(rooms).toContain(`d:${second.id}`);
    expect(rooms).not.toContain(`d:${first.id}`);
  });
});

describe('signing out and replacing a display token', () => {
  it('ends a representative’s session at once: the cookie and the bearer token get 401, and its socket is cut', async () => {
    hall = await Hall.start();
    const congress = await createCongress(hall.app, { representatives: 2 });
    const joined = await hall.app.inject({ method: 'POST', url: '/api/join', payload: { code: congress.representatives[1]!.code } });
    const cookie = String(joined.headers['set-cookie']).split(';')[0]!;
    const { token } = congress.representatives[0]!;
    const byToken = await hall.connect({ token });
    const byCookie = await hall.connect((send) => send({}), { cookie });
    const cutOff = [disconnection(byToken.socket), disconnection(byCookie.socket)];

    expect((await hall.app.inject({ method: 'POST', url: '/api/auth/logout', headers: bearer(token) })).statusCode).toBe(200);
    expect((await hall.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } })).statusCode).toBe(200);
    expect(await Promise.all(cutOff)).toEqual(['io server disconnect', 'io server disconnect']);
    expect((await hall.app.inject({ method: 'GET', url: '/api/me', headers: bearer(token) })).statusCode).toBe(401);
    expect((await hall.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('cuts the screen opened with the old display token, which hears nothing more and is refused on HTTP', async () => {
    hall = await Hall.start();
    const congress = await createCongress(hall.app, { representatives: 2 });
    const issue = () => call(hall!.app, { method: 'POST', url: `/api/meetings/${congress.meetingId}/display-token`, headers: { cookie: congress.secretary } }, 201);
    const { token: old } = await issue();
    const screen = await hall.connect({ displayToken: old });
    const cutOff = disconnection(screen.socket);
    const { token: fresh } = await issue();
    expect(await cutOff).toBe('io server disconnect');

    const current = await hall.connect({ displayToken: fresh });
    const opened = nextEvent(current.socket, 'ballot:opened');
    await openBallot(congress);
    await opened;
    expect(screen.seen.filter((seen) => seen.event === 'ballot:opened')).toEqual([]);
    expect((await hall.app.inject({ method: 'GET', url: `/api/meetings/${congress.meetingId}/live`, headers: display(old) })).statusCode).toBe(401);
  });
});
