// Issue 9, item 14: a hall that reconnects at once must not stall the server. A phone's connection
// may not cost more in a bigger hall: no statement run for it may read the whole roster (counting it
// per phone made 10,000 reconnecting phones 10,000 roster scans). Counted from SQLite's own query
// plans, not timed. And the snapshot built from the figures kept in memory stays exactly the one
// counted afresh, through check-ins, marking, votes, ballots opening and closing, roster changes.
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { hashSecret, normalizeCode } from '../../src/access/codes.js';
import { memberForCodeHash, memberForToken, memberSessionForHash } from '../../src/access/service.js';
import type { MemberActor } from '../../src/actors.js';
import type { TableWatch } from '../../src/db/table-watch.js';
import { HallFigures } from '../../src/meetings/hall-figures.js';
import { meetingSnapshot } from '../../src/meetings/live.js';
import type { AccountActor } from '../../src/actors.js';
import { type BallotViews, presentMeetingBallots } from '../../src/ballots/ballot-views.js';
import { listBallotsFor } from '../../src/ballots/service.js';
import type { AppContext } from '../../src/context.js';
import type { MeetingRows } from '../../src/meetings/meeting-rows.js';
import { type AgendaRows, readLiveAgenda } from '../../src/agenda/live.js';
import type { AttendanceRows } from '../../src/meetings/attendance-rows.js';
import { findCurrentMeetingOfTerm, findMeeting, readAttendanceOutsideTransaction, upsertAttendance } from '../../src/meetings/repository.js';
import { attendanceOf, getMeeting } from '../../src/meetings/service.js';
import { approvalBallot, call, type Congress, createApp, createCongress, deviceReceipt, openBallot } from '../support/congress.js';
import { fileUpload } from '../support/multipart.js';
import { Hall } from '../support/sockets.js';

let halls: Hall[] = [];
let apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all([...halls.map((hall) => hall.close()), ...apps.map((app) => app.close())]);
  halls = [];
  apps = [];
});

/** Tables that grow with the hall: one row per member (or per member and meeting or ballot). */
const HALL_TABLES = ['member', 'attendance', 'participation', 'access_code', 'auth_session', 'ballot_box'];
/** A step that finds one row by its key (or one member's rows): its cost does not grow with the hall. */
const ONE_ROW = /\((?:id|code_hash|token_hash)=\?\)|member_id=\?/;

/**
 * Every SQL statement the app runs while `work` runs (Kysely's and the raw handle's alike: prepared
 * statements are kept and reused, so what runs is counted, not what is prepared).
 */
async function statementsDuring(app: FastifyInstance, work: () => Promise<unknown>): Promise<string[]> {
  const statement = Object.getPrototypeOf(app.yishi.sqlite.prepare('SELECT 1')) as Record<'all' | 'get' | 'run' | 'iterate', (...parameters: unknown[]) => unknown>;
  const methods = ['all', 'get', 'run', 'iterate'] as const;
  const originals = methods.map((name) => statement[name]);
  const seen: string[] = [];
  methods.forEach((name, index) => {
    statement[name] = function (this: { source: string }, ...parameters: unknown[]) {
      seen.push(this.source);
      return originals[index]!.apply(this, parameters);
    };
  });
  try {
    await work();
  } finally {
    for (const [index, name] of methods.entries()) statement[name] = originals[index]!;
  }
  return seen;
}

/** The steps of a statement's query plan that read a hall-sized table beyond one row (or one member's). */
function hallReads(app: FastifyInstance, source: string): string[] {
  if (!/^\s*select/i.test(source)) return [];
  // The plan does not depend on the values bound: nulls stand in for them.
  const parameters = Array.from({ length: (source.match(/\?/g) ?? []).length }, () => null);
  const plan = app.yishi.sqlite.prepare(`EXPLAIN QUERY PLAN ${source}`).all(...parameters) as { detail: string }[];
  if (process.env.SHOW_PLANS)
    console.log(
      source.slice(0, 100),
      plan.map((step) => step.detail),
    );
  return plan
    .map((step) => step.detail)
    .filter((detail) => HALL_TABLES.some((table) => new RegExp(`^(?:SCAN|SEARCH) ${table}\\b`).test(detail)) && !ONE_ROW.test(detail))
    .map((detail) => `${detail}  ←  ${source.slice(0, 120)}`);
}

/** A congress of 3 representatives plus `extra` imported from a roster file, meeting in session, one ballot open. */
async function hallOf(extra: number): Promise<{ hall: Hall; congress: Congress }> {
  const hall = await Hall.start();
  halls.push(hall);
  const congress = await createCongress(hall.app, { representatives: 3, openMeeting: false });
  const csv = ['姓名,工号,身份,代表团', ...Array.from({ length: extra }, (_, index) => `代表${index + 1},X${index + 1},代表,第1代表团`)].join('\n');
  const upload = fileUpload(csv, 'roster.csv', 'text/csv');
  await call(hall.app, { method: 'POST', url: `/api/terms/${congress.termId}/members/import`, headers: { cookie: congress.secretary, ...upload.headers }, payload: upload.payload });
  await call(hall.app, { method: 'POST', url: `/api/meetings/${congress.meetingId}/open`, headers: { cookie: congress.secretary } });
  await openBallot(congress, undefined, { overrideQuorum: true, reason: 'test' });
  return { hall, congress };
}

/** What one phone's (re)connection runs, once another phone has connected before it. */
async function connectionStatements(extra: number): Promise<string[]> {
  const { hall, congress } = await hallOf(extra);
  const [first, second] = congress.representatives;
  await hall.connect({ code: first!.code });
  return statementsDuring(hall.app, () => hall.connect({ code: second!.code }));
}

describe('a whole hall reconnecting', () => {
  it('runs no statement that reads the whole roster for a phone that connects', async () => {
    const small = await connectionStatements(50);
    const large = await connectionStatements(500);
    const app = halls.at(-1)!.app;
    if (process.env.SHOW_PLANS) console.log(large);
    expect(large.length).toBeGreaterThan(0);
    expect(large.flatMap((source) => hallReads(app, source))).toEqual([]);
    // The same statements at 53 and at 503 members: a connection's cost does not depend on the hall.
    expect(large).toEqual(small);
  });
});

/** The same app's context with nothing kept in memory: the figures counted and the ballots read anew. */
function uncached(context: AppContext): AppContext {
  const meetingRows = { find: findMeeting, currentOfTerm: findCurrentMeetingOfTerm } as unknown as MeetingRows;
  const agendaRows = { of: async (db: AppContext['db'], sessionId: string | null) => sessionId && readLiveAgenda(db, sessionId) } as unknown as AgendaRows;
  const attendanceRows = {
    statusOf: (sqlite: AppContext['sqlite'], meetingId: string, memberId: string) => readAttendanceOutsideTransaction(sqlite, meetingId, memberId)?.status ?? null,
  } as AttendanceRows;
  return {
    ...context,
    figures: new HallFigures({ onWrite: () => undefined } as unknown as TableWatch),
    ballotViews: { listOf: presentMeetingBallots } as unknown as BallotViews,
    meetingRows,
    agendaRows,
    attendanceRows,
  };
}

describe('the snapshot from the figures kept in memory', () => {
  /** The cached snapshot against one counted afresh (an empty cache, as on main), after `change`. */
  async function expectExactAfter(congress: Congress, actor: MemberActor, change: () => Promise<unknown>) {
    const context = congress.app.yishi;
    await meetingSnapshot(context, actor, congress.meetingId);
    await change();
    const afresh = uncached(context);
    expect(await meetingSnapshot(context, actor, congress.meetingId)).toEqual(await meetingSnapshot(afresh, actor, congress.meetingId));
  }

  it('equals the snapshot counted afresh through check-ins, marking, votes and a ballot opening and closing', async () => {
    const fixed = new Date('2026-12-03T09:00:00Z');
    const app = await createApp({}, { clock: () => fixed });
    apps.push(app);
    const congress = await createCongress(app, { representatives: 5, attendees: 1, present: 1 });
    const [viewer, second, third, fourth] = congress.representatives;
    const actor = (await memberForToken(app.yishi, viewer!.token))!;
    const secretary = { cookie: congress.secretary };
    await expectExactAfter(congress, actor, () => call(app, { method: 'POST', url: `/api/meetings/${congress.meetingId}/check-in`, headers: { authorization: `Bearer ${second!.token}` } }));
    await expectExactAfter(congress, actor, () =>
      call(app, { method: 'PUT', url: `/api/meetings/${congress.meetingId}/attendance/${third!.memberId}`, headers: secretary, payload: { status: 'on_leave' } }),
    );
    // The viewer's own attendance, as kept for their snapshot: marked, checked in, and written by hand.
    await expectExactAfter(congress, actor, () =>
      call(app, { method: 'PUT', url: `/api/meetings/${congress.meetingId}/attendance/${viewer!.memberId}`, headers: secretary, payload: { status: 'on_leave' } }),
    );
    await expectExactAfter(congress, actor, () => call(app, { method: 'POST', url: `/api/meetings/${congress.meetingId}/check-in`, headers: { authorization: `Bearer ${viewer!.token}` } }));
    await expectExactAfter(congress, actor, async () =>
      app.yishi.sqlite.prepare('UPDATE attendance SET status = ? WHERE meeting_id = ? AND member_id = ?').run('absent', congress.meetingId, viewer!.memberId),
    );
    await expectExactAfter(congress, actor, async () => app.yishi.sqlite.prepare('DELETE FROM attendance WHERE meeting_id = ? AND member_id = ?').run(congress.meetingId, viewer!.memberId));
    expect((await meetingSnapshot(app.yishi, actor, congress.meetingId)).you?.attendance).toBe('not_checked_in');
    await expectExactAfter(congress, actor, () => call(app, { method: 'POST', url: `/api/meetings/${congress.meetingId}/check-in`, headers: { authorization: `Bearer ${viewer!.token}` } }));
    const ballotId = await openBallot(congress, undefined, { overrideQuorum: true, reason: 'test' });
    await expectExactAfter(congress, actor, async () => undefined);
    // Voting is not checking in: the counts must not move with a vote (issue 9, item 2).
    await expectExactAfter(congress, actor, () =>
      call(app, { method: 'POST', url: `/api/ballots/${ballotId}/votes`, headers: { authorization: `Bearer ${fourth!.token}` }, payload: { answers: ['yes'], receipt: deviceReceipt() } }, 201),
    );
    await expectExactAfter(congress, actor, () =>
      call(app, { method: 'POST', url: `/api/ballots/${ballotId}/votes`, headers: { authorization: `Bearer ${viewer!.token}` }, payload: { answers: ['no'], receipt: deviceReceipt() } }, 201),
    );
    await expectExactAfter(congress, actor, () => call(app, { method: 'POST', url: `/api/ballots/${ballotId}/close`, headers: secretary }));
    await expectExactAfter(congress, actor, () => call(app, { method: 'POST', url: `/api/ballots/${ballotId}/publish`, headers: secretary }));
    const snapshot = await meetingSnapshot(app.yishi, actor, congress.meetingId);
    expect(snapshot.attendance).toMatchObject({ eligible: 5, present: 2, onLeave: 1, attendees: 1 });
  });

  it('reads a phone’s own attendance as committed, never a write of a transaction still open', async () => {
    const app = await createApp();
    apps.push(app);
    const congress = await createCongress(app, { representatives: 2, present: 0 });
    const member = congress.representatives[0]!;
    const actor = (await memberForToken(app.yishi, member.token))!;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let written!: () => void;
    const checkedIn = new Promise<void>((resolve) => (written = resolve));
    // A check-in written inside a transaction that is then rolled back: no snapshot may have shown it.
    const rolledBack = app.yishi.db
      .transaction()
      .execute(async (trx) => {
        await upsertAttendance(trx, { meeting_id: congress.meetingId, member_id: member.memberId, status: 'present' });
        written();
        await held;
        throw new Error('rolled back');
      })
      .catch((error: Error) => error.message);
    await checkedIn;
    expect(app.yishi.sqlite.inTransaction).toBe(true);
    const read = attendanceOf(app.yishi, congress.meetingId, member.memberId);
    release();
    expect(await rolledBack).toBe('rolled back');
    expect(await read).toBe('not_checked_in');
    // Outside a transaction the phone reads its committed attendance straight from the handle.
    await call(app, { method: 'POST', url: `/api/meetings/${congress.meetingId}/check-in`, headers: { authorization: `Bearer ${member.token}` } });
    expect((await meetingSnapshot(app.yishi, actor, congress.meetingId)).you?.attendance).toBe('present');
  });

  it('equals the snapshot counted afresh through roster changes before the meeting opens', async () => {
    const fixed = new Date('2026-12-03T09:00:00Z');
    const app = await createApp({}, { clock: () => fixed });
    apps.push(app);
    const congress = await createCongress(app, { representatives: 3, openMeeting: false });
    const actor = (await memberForToken(app.yishi, congress.representatives[0]!.token))!;
    const secretary = { cookie: congress.secretary };
    let added = '';
    await expectExactAfter(congress, actor, async () => {
      const { member } = await call(
        app,
        { method: 'POST', url: `/api/terms/${congress.termId}/members`, headers: secretary, payload: { name: '新代表', staffNumber: 'N-1', role: 'representative' } },
        201,
      );
      added = member.id as string;
    });
    await expectExactAfter(congress, actor, () => call(app, { method: 'PATCH', url: `/api/members/${congress.representatives[1]!.memberId}`, headers: secretary, payload: { role: 'attendee' } }));
    await expectExactAfter(congress, actor, () => call(app, { method: 'DELETE', url: `/api/members/${added}`, headers: secretary }));
    const csv = ['姓名,工号,身份,代表团', '甲,I-1,代表,第1代表团', '乙,I-2,列席,第2代表团'].join('\n');
    const upload = fileUpload(csv, 'roster.csv', 'text/csv');
    await expectExactAfter(congress, actor, () =>
      call(app, { method: 'POST', url: `/api/terms/${congress.termId}/members/import`, headers: { ...secretary, ...upload.headers }, payload: upload.payload }),
    );
    const snapshot = await meetingSnapshot(app.yishi, actor, congress.meetingId);
    expect(snapshot.attendance).toMatchObject({ eligible: 3, attendees: 2 });
  });

  it('keeps each meeting’s ballots exactly as the table has them, whoever writes to it and however', async () => {
    const fixed = new Date('2026-12-03T09:00:00Z');
    const app = await createApp({}, { clock: () => fixed });
    apps.push(app);
    const congress = await createCongress(app, { representatives: 3, present: 3 });
    const context = app.yishi;
    const member = (await memberForToken(context, congress.representatives[0]!.token))!;
    const officer: AccountActor = { kind: 'account', id: 'secretary', username: 'secretary', displayName: '秘书处', role: 'secretary' };
    const secretary = { cookie: congress.secretary };
    /** Both audiences' lists, read through what is kept, equal the ones read afresh, after `change`. */
    const expectExactAfter = async (change: () => Promise<unknown>) => {
      const meeting = await getMeeting(context, congress.meetingId);
      for (const actor of [officer, member]) await listBallotsFor(context, actor, meeting);
      await change();
      for (const actor of [officer, member]) {
        expect(await listBallotsFor(context, actor, meeting)).toEqual(await listBallotsFor(uncached(context), actor, meeting));
      }
    };
    let ballotId = '';
    await expectExactAfter(async () => {
      const { ballot } = await call(app, { method: 'POST', url: `/api/meetings/${congress.meetingId}/ballots`, headers: secretary, payload: approvalBallot() }, 201);
      ballotId = ballot.id as string;
    });
    await expectExactAfter(() => call(app, { method: 'PATCH', url: `/api/ballots/${ballotId}`, headers: secretary, payload: { title: '改过的标题' } }));
    await expectExactAfter(() => call(app, { method: 'POST', url: `/api/ballots/${ballotId}/open`, headers: secretary }));
    // A hand-made UPDATE, beside every service: the database itself reports it.
    await expectExactAfter(async () => context.sqlite.prepare('UPDATE ballot SET title = ? WHERE id = ?').run('手工改的标题', ballotId));
    await expectExactAfter(() => call(app, { method: 'POST', url: `/api/ballots/${ballotId}/close`, headers: secretary }));
    await expectExactAfter(() => call(app, { method: 'POST', url: `/api/ballots/${ballotId}/publish`, headers: secretary }));
    // Rows read inside a transaction that then rolls back are never kept.
    const rolledBack = new Error('rolled back');
    await expectExactAfter(() =>
      context.db
        .transaction()
        .execute(async (transaction) => {
          await transaction.updateTable('ballot').set({ title: '未提交的标题' }).where('id', '=', ballotId).execute();
          await listBallotsFor({ ...context, db: transaction }, member, await getMeeting({ ...context, db: transaction }, congress.meetingId));
          throw rolledBack;
        })
        .catch((error: unknown) => expect(error).toBe(rolledBack)),
    );
    const [listed] = await listBallotsFor(context, member, await getMeeting(context, congress.meetingId));
    expect(listed).toMatchObject({ title: '手工改的标题', state: 'published', turnout: { voted: 0, eligible: 3 } });
    // The meeting rows kept for snapshots follow the meeting table the same way.
    const expectSameMeeting = async (change: () => Promise<unknown>) => {
      await meetingSnapshot(context, member, undefined);
      await change();
      expect(await meetingSnapshot(context, member, undefined)).toEqual(await meetingSnapshot(uncached(context), member, undefined));
    };
    await expectSameMeeting(async () => context.sqlite.prepare('UPDATE meeting SET title = ? WHERE id = ?').run('手工改的会议', congress.meetingId));
    await expectSameMeeting(() => call(app, { method: 'POST', url: `/api/meetings/${congress.meetingId}/close`, headers: secretary }));
    expect((await meetingSnapshot(context, member, undefined)).meeting).toBeNull();
  });

  it('keeps who each code and sign-in session names exactly as the tables have them, whoever writes', async () => {
    const app = await createApp();
    apps.push(app);
    const congress = await createCongress(app, { representatives: 3, openMeeting: false });
    const context = app.yishi;
    const [person, other] = congress.representatives;
    const codeHash = hashSecret(context.secretKey, normalizeCode(person!.code)!);
    const sessionHash = hashSecret(context.secretKey, person!.token);
    const otherSession = hashSecret(context.secretKey, other!.token);
    const secretary = { cookie: congress.secretary };
    /** What a handshake reads through the kept rows equals what it reads afresh, after `change`. */
    const expectExactAfter = async (change: () => Promise<unknown>) => {
      for (const hash of [sessionHash, otherSession]) await memberSessionForHash(context, hash);
      await memberForCodeHash(context, codeHash);
      await change();
      const afresh = { ...context, codeHolders: undefined, sessionRows: undefined };
      expect(await memberForCodeHash(context, codeHash)).toEqual(await memberForCodeHash(afresh, codeHash));
      for (const hash of [sessionHash, otherSession]) expect(await memberSessionForHash(context, hash)).toEqual(await memberSessionForHash(afresh, hash));
    };
    for (const [index, id] of congress.delegationIds.entries())
      await expectExactAfter(() => call(app, { method: 'PATCH', url: `/api/delegations/${id}`, headers: secretary, payload: { name: `改名的代表团${index + 1}` } }));
    await expectExactAfter(() => call(app, { method: 'PATCH', url: `/api/members/${person!.memberId}`, headers: secretary, payload: { role: 'attendee' } }));
    expect((await memberForCodeHash(context, codeHash))?.you).toMatchObject({ role: 'attendee', delegationName: expect.stringMatching(/^改名的代表团/) });
    // A hand-made UPDATE, beside every service: the database itself reports it.
    await expectExactAfter(async () => context.sqlite.prepare('UPDATE member SET name = ? WHERE id = ?').run('手工改的姓名', person!.memberId));
    await expectExactAfter(() => call(app, { method: 'POST', url: '/api/auth/logout', headers: { authorization: `Bearer ${other!.token}` } }));
    expect(await memberSessionForHash(context, otherSession)).toBeNull();
    await expectExactAfter(() => call(app, { method: 'DELETE', url: `/api/members/${person!.memberId}/code`, headers: secretary }));
    expect(await memberForCodeHash(context, codeHash)).toBeNull();
    expect(await memberSessionForHash(context, sessionHash)).toBeNull();
  });
});
