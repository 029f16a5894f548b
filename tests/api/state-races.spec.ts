// State changes that race each other: of simultaneous requests only one moves the ballot or the
// meeting, the others are refused naming the state it is in now, and the audit row commits with it.
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { ballotPatch } from '../../src/ballots/api-schemas.js';
import { openBallot as openBallotService, updateBallot } from '../../src/ballots/service.js';
import type { DomainEvent } from '../../src/events.js';
import { approvalBallot, call, createApp, createCongress, openBallot } from '../support/congress.js';
import { draftBallot, expectError, rowCount, vote } from '../support/requests.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const SIMULTANEOUS = 8;

async function later(ticks: number): Promise<void> {
  for (let tick = 0; tick < ticks; tick++) await Promise.resolve();
}

function recordEvents(target: FastifyInstance): DomainEvent[] {
  const events: DomainEvent[] = [];
  target.yishi.events.subscribe((event) => events.push(event));
  return events;
}

describe('simultaneous state changes', () => {
  it('opens a ballot once when the secretary clicks open on several screens at once', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 3 });
    const ballot = await draftBallot(congress, { ...approvalBallot(), deadlineAt: new Date(Date.now() + 3_600_000).toISOString() });
    const events = recordEvents(app);

    const responses = await Promise.all(Array.from({ length: SIMULTANEOUS }, () => app!.inject({ method: 'POST', url: `/api/ballots/${ballot.id}/open`, headers: { cookie: congress.secretary } })));

    expect(responses.filter((response) => response.statusCode === 200)).toHaveLength(1);
    for (const refused of responses.filter((response) => response.statusCode !== 200)) {
      expectError(refused, 409, 'BALLOT_STATE');
      expect(refused.json().details).toMatchObject({ state: 'open' });
    }
    expect(rowCount(app, 'audit_log', "action = 'ballot.opened'")).toBe(1);
    expect(events.filter((event) => event.type === 'ballot.opened')).toHaveLength(1);
    expect(app.yishi.deadlines.size).toBe(1);
  });

  it('never changes the items of a ballot that opened while an edit was on its way', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 3 });
    const { actor } = await call(app, { method: 'GET', url: '/api/auth/me', headers: { cookie: congress.secretary } });
    const patch = ballotPatch.parse({ items: [{ kind: 'approval', title: '改过的议题' }] });
    // Through the services, so both start in the same turn of the event loop; the edit starts a few
    // promise ticks later each time, so that some land half-way through the open.
    for (let ticks = 0; ticks < 60; ticks += 2) {
      const ballot = await draftBallot(congress, approvalBallot('原议题'));
      const [edited, opened] = await Promise.allSettled([
        later(ticks).then(() => updateBallot(app!.yishi, actor, ballot.id, patch)),
        openBallotService(app.yishi, actor, ballot.id, { overrideQuorum: false }),
      ]);
      expect(opened.status).toBe('fulfilled');
      const actions = (app.yishi.sqlite.prepare('SELECT action FROM audit_log WHERE ballot_id = ? ORDER BY id').all(ballot.id) as { action: string }[]).map((row) => row.action);
      if (edited.status === 'fulfilled') expect(actions, `edit after ${ticks} ticks`).toEqual(['ballot.created', 'ballot.updated', 'ballot.opened']);
      else {
        expect(edited.reason).toMatchObject({ code: 'BALLOT_STATE', details: { state: 'open' } });
        expect(actions, `edit after ${ticks} ticks`).toEqual(['ballot.created', 'ballot.opened']);
      }
      const stored = (await call(app, { method: 'GET', url: `/api/ballots/${ballot.id}`, headers: { cookie: congress.secretary } })).ballot;
      expect(stored.items[0].title).toBe((opened as PromiseFulfilledResult<{ ballot: { items: { title: string }[] } }>).value.ballot.items[0]!.title);
      await call(app, { method: 'POST', url: `/api/ballots/${ballot.id}/close`, headers: { cookie: congress.secretary } });
    }
  });

  it('publishes a closed ballot once', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 3 });
    const ballotId = await openBallot(congress);
    await call(app, { method: 'POST', url: `/api/ballots/${ballotId}/close`, headers: { cookie: congress.secretary } });

    const responses = await Promise.all(Array.from({ length: SIMULTANEOUS }, () => app!.inject({ method: 'POST', url: `/api/ballots/${ballotId}/publish`, headers: { cookie: congress.secretary } })));

    expect(responses.filter((response) => response.statusCode === 200)).toHaveLength(1);
    expect(rowCount(app, 'audit_log', "action = 'ballot.published'")).toBe(1);
  });

  it('opens a meeting once, with one audit row', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 3, openMeeting: false, present: 0 });
    const events = recordEvents(app);

    const responses = await Promise.all(
      Array.from({ length: SIMULTANEOUS }, () => app!.inject({ method: 'POST', url: `/api/meetings/${congress.meetingId}/open`, headers: { cookie: congress.secretary } })),
    );

    expect(responses.filter((response) => response.statusCode === 200)).toHaveLength(1);
    for (const refused of responses.filter((response) => response.statusCode !== 200)) {
      expectError(refused, 409, 'MEETING_STATE');
      expect(refused.json().details).toMatchObject({ state: 'in_session' });
    }
    expect(rowCount(app, 'audit_log', "action = 'meeting.open'")).toBe(1);
    expect(events.filter((event) => event.type === 'meeting.updated')).toHaveLength(1);
  });
});

describe('the audit row of a state change', () => {
  it('leaves the ballot a draft when its quorum-override audit row cannot be written', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 3, present: 0 });
    const ballot = await draftBallot(congress, approvalBallot());
    app.yishi.sqlite.exec("CREATE TEMP TRIGGER audit_fails BEFORE INSERT ON audit_log WHEN NEW.action = 'ballot.opened' BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END");

    const response = await app.inject({ method: 'POST', url: `/api/ballots/${ballot.id}/open`, headers: { cookie: congress.secretary }, payload: { overrideQuorum: true, reason: '代表在路上' } });

    expect(response.statusCode).toBe(500);
    app.yishi.sqlite.exec('DROP TRIGGER audit_fails');
    const stored = (await call(app, { method: 'GET', url: `/api/ballots/${ballot.id}`, headers: { cookie: congress.secretary } })).ballot;
    expect(stored.state).toBe('draft');
    expectError(await vote(app, congress.representatives[0]!.token, ballot.id, ['yes']), 409, 'BALLOT_NOT_OPEN');
  });
});

describe('simultaneous inserts of the same name', () => {
  /** The statuses and codes of the answers, sorted: one created, the others refused in the domain's words. */
  async function outcomes(target: FastifyInstance, requests: InjectOptions[]) {
    const responses = await Promise.all(requests.map((request) => target.inject(request)));
    return responses.map((response) => `${response.statusCode} ${response.statusCode === 201 ? '' : response.json().code}`.trim()).sort();
  }

  it('creates one term, delegation, member or department when several secretaries add the same at once, and refuses the rest with its own code, never a 500', async () => {
    app = await createApp();
    // Before the meeting opens: the roster is locked while it is in session.
    const congress = await createCongress(app, { representatives: 1, openMeeting: false });
    const as = { cookie: congress.secretary };
    const times = <T>(make: (index: number) => T) => Array.from({ length: SIMULTANEOUS }, (_, index) => make(index));
    const refusedAs = (code: string) => ['201', ...times(() => `409 ${code}`).slice(1)].sort();
    expect(
      await outcomes(
        app,
        times(() => ({ method: 'POST', url: '/api/terms', headers: as, payload: { number: 9 } })),
      ),
    ).toEqual(refusedAs('TERM_EXISTS'));
    expect(
      await outcomes(
        app,
        times(() => ({ method: 'POST', url: `/api/terms/${congress.termId}/delegations`, headers: as, payload: { name: '新代表团' } })),
      ),
    ).toEqual(refusedAs('DELEGATION_EXISTS'));
    const member = (index: number) => ({ name: `同工号${index}`, staffNumber: 'SAME-1', role: 'representative' });
    expect(
      await outcomes(
        app,
        times((index) => ({ method: 'POST', url: `/api/terms/${congress.termId}/members`, headers: as, payload: member(index) })),
      ),
    ).toEqual(refusedAs('STAFF_NUMBER_TAKEN'));
    expect(
      await outcomes(
        app,
        times(() => ({ method: 'POST', url: '/api/departments', headers: as, payload: { name: '同名部门' } })),
      ),
    ).toEqual(refusedAs('DEPARTMENT_EXISTS'));
  });
});
