// Two-person control (双人确认, issue 14): under the meeting's setting, a secret ballot's open, close
// and publish need the secretary and a scrutineer (监票人) both. The first call records a half and
// answers 202; the other role's call performs the step, once.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { approvalBallot, call, type Congress, createApp, createCongress, signIn } from '../support/congress.js';
import { bearer, draftBallot, expectError, rowCount, vote } from '../support/requests.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

type Control = 'none' | 'close_publish' | 'all';

interface Officers {
  congress: Congress;
  secretary: { cookie: string };
  scrutineer: { cookie: string };
}

async function officers(control: Control, shape: { representatives?: number; present?: number } = {}): Promise<Officers> {
  app = await createApp();
  const congress = await createCongress(app, { representatives: shape.representatives ?? 3, ...(shape.present === undefined ? {} : { present: shape.present }) });
  const secretary = { cookie: congress.secretary };
  await call(app, { method: 'POST', url: '/api/accounts', headers: secretary, payload: { username: 'jianpiao', password: 'scrutineer-password-1', role: 'scrutineer', displayName: '王监票' } }, 201);
  const scrutineer = { cookie: await signIn(app, 'jianpiao', 'scrutineer-password-1') };
  if (control !== 'none') await call(app, { method: 'PATCH', url: `/api/meetings/${congress.meetingId}`, headers: secretary, payload: { twoPersonControl: control } });
  return { congress, secretary, scrutineer };
}

const step = (headers: { cookie: string }, ballotId: string, name: 'open' | 'close' | 'publish', payload?: object): Promise<LightMyRequestResponse> =>
  app!.inject({ method: 'POST', url: `/api/ballots/${ballotId}/${name}`, headers, ...(payload ? { payload } : {}) });

const stateOf = async (world: Officers, ballotId: string) => (await call(app!, { method: 'GET', url: `/api/ballots/${ballotId}`, headers: world.secretary })).ballot;

const auditActions = (ballotId: string) => (app!.yishi.sqlite.prepare('SELECT action FROM audit_log WHERE ballot_id = ? ORDER BY id').all(ballotId) as { action: string }[]).map((row) => row.action);

/** Both officers take a step: the first gets 202, the second performs it. */
async function both(world: Officers, ballotId: string, name: 'open' | 'close' | 'publish') {
  expect((await step(world.secretary, ballotId, name)).statusCode).toBe(202);
  const done = await step(world.scrutineer, ballotId, name);
  expect(done.statusCode).toBe(200);
  return done.json().ballot;
}

describe('the meeting’s setting', () => {
  it('defaults to none and is read with the meeting', async () => {
    const world = await officers('none');
    expect((await call(app!, { method: 'GET', url: `/api/meetings/${world.congress.meetingId}`, headers: world.secretary })).meeting.twoPersonControl).toBe('none');
    await call(app!, { method: 'PATCH', url: `/api/meetings/${world.congress.meetingId}`, headers: world.secretary, payload: { twoPersonControl: 'all' } });
    expect((await call(app!, { method: 'GET', url: `/api/meetings/${world.congress.meetingId}`, headers: world.secretary })).meeting.twoPersonControl).toBe('all');
    const audited = app!.yishi.sqlite.prepare("SELECT detail FROM audit_log WHERE action = 'meeting.two-person-control-changed'").get() as { detail: string };
    expect(JSON.parse(audited.detail)).toMatchObject({ from: 'none', to: 'all' });
  });

  it('is set when a meeting is created', async () => {
    const world = await officers('none');
    const { meeting } = await call(
      app!,
      {
        method: 'POST',
        url: '/api/meetings',
        headers: world.secretary,
        payload: { termId: world.congress.termId, title: '第三届第三次职工代表大会', sessionNumber: 3, twoPersonControl: 'close_publish' },
      },
      201,
    );
    expect(meeting.twoPersonControl).toBe('close_publish');
  });

  it('refuses a change while one of the meeting’s ballots is open, and allows it again once closed', async () => {
    const world = await officers('none');
    const ballot = await draftBallot(world.congress, approvalBallot());
    await call(app!, { method: 'POST', url: `/api/ballots/${ballot.id}/open`, headers: world.secretary });
    const refused = await app!.inject({ method: 'PATCH', url: `/api/meetings/${world.congress.meetingId}`, headers: world.secretary, payload: { twoPersonControl: 'all' } });
    expectError(refused, 409, 'TWO_PERSON_CONTROL_LOCKED');
    // A patch that leaves the setting as it is changes nothing about it and is not refused.
    await call(app!, { method: 'PATCH', url: `/api/meetings/${world.congress.meetingId}`, headers: world.secretary, payload: { twoPersonControl: 'none', title: '改名' } });
    await call(app!, { method: 'POST', url: `/api/ballots/${ballot.id}/close`, headers: world.secretary });
    await call(app!, { method: 'PATCH', url: `/api/meetings/${world.congress.meetingId}`, headers: world.secretary, payload: { twoPersonControl: 'all' } });
  });

  it('drops the halves confirmed under the old setting when it changes', async () => {
    const world = await officers('all');
    const ballot = await draftBallot(world.congress, approvalBallot());
    expect((await step(world.secretary, ballot.id, 'open')).statusCode).toBe(202);
    await call(app!, { method: 'PATCH', url: `/api/meetings/${world.congress.meetingId}`, headers: world.secretary, payload: { twoPersonControl: 'close_publish' } });
    expect((await stateOf(world, ballot.id)).pendingConfirmations).toEqual([]);
    const audited = app!.yishi.sqlite.prepare("SELECT detail FROM audit_log WHERE action = 'meeting.two-person-control-changed' ORDER BY id DESC").get() as { detail: string };
    expect(JSON.parse(audited.detail)).toMatchObject({ from: 'all', to: 'close_publish', confirmationsDropped: 1 });
    // Opening is the secretary's alone again.
    expect((await step(world.secretary, ballot.id, 'open')).statusCode).toBe(200);
  });

  it('refuses a value it does not know', async () => {
    const world = await officers('none');
    expectError(await app!.inject({ method: 'PATCH', url: `/api/meetings/${world.congress.meetingId}`, headers: world.secretary, payload: { twoPersonControl: 'some' } }), 400, 'VALIDATION_FAILED');
  });
});

describe('under none', () => {
  it('the secretary alone opens, closes and publishes, and a scrutineer may only close', async () => {
    const world = await officers('none');
    const ballot = await draftBallot(world.congress, approvalBallot());
    expectError(await step(world.scrutineer, ballot.id, 'open'), 403, 'FORBIDDEN');
    expect((await step(world.secretary, ballot.id, 'open')).statusCode).toBe(200);
    expect((await step(world.scrutineer, ballot.id, 'close')).statusCode).toBe(200);
    expectError(await step(world.scrutineer, ballot.id, 'publish'), 403, 'FORBIDDEN');
    expect((await step(world.secretary, ballot.id, 'publish')).json().ballot.state).toBe('published');
  });
});

describe('under close_publish', () => {
  it('the secretary opens alone; close and publish wait for the scrutineer', async () => {
    const world = await officers('close_publish');
    const ballot = await draftBallot(world.congress, approvalBallot());
    expect((await step(world.secretary, ballot.id, 'open')).statusCode).toBe(200);
    expectError(await step(world.scrutineer, ballot.id, 'open'), 409, 'BALLOT_STATE');
    const waiting = await step(world.secretary, ballot.id, 'close');
    expect(waiting.statusCode).toBe(202);
    expect(waiting.json().awaiting).toMatchObject({ step: 'close', confirmedBy: [{ role: 'secretary', name: expect.any(String), at: expect.any(String) }], needed: ['scrutineer'] });
    expect(waiting.json().ballot.state).toBe('open');
    expect((await step(world.scrutineer, ballot.id, 'close')).json().ballot.state).toBe('closed');
    expect((await step(world.scrutineer, ballot.id, 'publish')).statusCode).toBe(202);
    expect((await step(world.secretary, ballot.id, 'publish')).json().ballot.state).toBe('published');
    expect(auditActions(ballot.id)).toEqual(['ballot.created', 'ballot.opened', 'ballot.confirmation-recorded', 'ballot.counted', 'ballot.closed', 'ballot.confirmation-recorded', 'ballot.published']);
  });
});

describe('under all', () => {
  it('every step waits for the other officer, whichever confirms first', async () => {
    const world = await officers('all');
    const ballot = await draftBallot(world.congress, approvalBallot());
    const first = await step(world.scrutineer, ballot.id, 'open');
    expect(first.statusCode).toBe(202);
    expect(first.json().awaiting).toMatchObject({ step: 'open', confirmedBy: [{ role: 'scrutineer', name: '王监票' }], needed: ['secretary'] });
    expect((await stateOf(world, ballot.id)).pendingConfirmations).toMatchObject([{ step: 'open', role: 'scrutineer', name: '王监票' }]);
    expect((await step(world.secretary, ballot.id, 'open')).json().ballot).toMatchObject({ state: 'open', pendingConfirmations: [] });
    expect(await vote(app!, world.congress.representatives[0]!.token, ballot.id, ['yes'])).toMatchObject({ statusCode: 201 });
    expect((await both(world, ballot.id, 'close')).result.cast).toBe(1);
    expect((await both(world, ballot.id, 'publish')).state).toBe('published');
    const opened = app!.yishi.sqlite.prepare("SELECT detail FROM audit_log WHERE ballot_id = ? AND action = 'ballot.opened'").get(ballot.id) as { detail: string };
    expect(JSON.parse(opened.detail).confirmedBy.map((entry: { role: string }) => entry.role)).toEqual(['scrutineer', 'secretary']);
  });

  it('the same role twice makes no progress and records one half', async () => {
    const world = await officers('all');
    const ballot = await draftBallot(world.congress, approvalBallot());
    expect((await step(world.secretary, ballot.id, 'open')).statusCode).toBe(202);
    const again = await step(world.secretary, ballot.id, 'open');
    expect(again.statusCode).toBe(202);
    expect(again.json().awaiting.confirmedBy).toHaveLength(1);
    expect(again.json().ballot.state).toBe('draft');
    expect(rowCount(app!, 'ballot_confirmation')).toBe(1);
    expect(auditActions(ballot.id).filter((action) => action === 'ballot.confirmation-recorded')).toHaveLength(1);
  });

  it('refuses a role that is neither secretary nor scrutineer', async () => {
    const world = await officers('all');
    await call(app!, { method: 'POST', url: '/api/accounts', headers: world.secretary, payload: { username: 'weiyuan', password: 'committee-password-1', role: 'committee' } }, 201);
    const committee = { cookie: await signIn(app!, 'weiyuan', 'committee-password-1') };
    const ballot = await draftBallot(world.congress, approvalBallot());
    expectError(await step(committee, ballot.id, 'open'), 403, 'FORBIDDEN');
    expectError(await step(bearer(world.congress.representatives[0]!.token) as never, ballot.id, 'open'), 403, 'FORBIDDEN');
    expect(rowCount(app!, 'ballot_confirmation')).toBe(0);
  });

  it('refuses a second half that opens otherwise than the first', async () => {
    const world = await officers('all', { representatives: 6, present: 3 });
    const ballot = await draftBallot(world.congress, approvalBallot());
    expect((await step(world.secretary, ballot.id, 'open', { overrideQuorum: true, reason: '主席团决定' })).statusCode).toBe(202);
    expectError(await step(world.scrutineer, ballot.id, 'open', { overrideQuorum: false }), 409, 'CONFIRMATION_OPTIONS_DIFFER');
    expectError(await step(world.scrutineer, ballot.id, 'open', { overrideQuorum: true, reason: '另一理由' }), 409, 'CONFIRMATION_OPTIONS_DIFFER');
    expect((await stateOf(world, ballot.id)).state).toBe('draft');
    const opened = await step(world.scrutineer, ballot.id, 'open', { overrideQuorum: true });
    expect(opened.json().ballot).toMatchObject({ state: 'open', quorumOverridden: true });
    const audited = app!.yishi.sqlite.prepare("SELECT detail FROM audit_log WHERE ballot_id = ? AND action = 'ballot.opened'").get(ballot.id) as { detail: string };
    expect(JSON.parse(audited.detail)).toMatchObject({ quorumOverridden: true, reason: '主席团决定' });
  });

  it('records no half for an open that could not happen now (no quorum, no override)', async () => {
    const world = await officers('all', { representatives: 6, present: 3 });
    const ballot = await draftBallot(world.congress, approvalBallot());
    expectError(await step(world.secretary, ballot.id, 'open'), 409, 'QUORUM_NOT_REACHED');
    expect(rowCount(app!, 'ballot_confirmation')).toBe(0);
  });

  it('lets an officer withdraw their own half, and only their own', async () => {
    const world = await officers('all');
    const ballot = await draftBallot(world.congress, approvalBallot());
    await step(world.secretary, ballot.id, 'open');
    const others = await call(app!, { method: 'DELETE', url: `/api/ballots/${ballot.id}/confirmations/open`, headers: world.scrutineer });
    expect(others.withdrawn).toBe(false);
    expect(others.ballot.pendingConfirmations).toHaveLength(1);
    const own = await call(app!, { method: 'DELETE', url: `/api/ballots/${ballot.id}/confirmations/open`, headers: world.secretary });
    expect(own).toMatchObject({ withdrawn: true, ballot: { pendingConfirmations: [] } });
    // The scrutineer's call is now a first half again, not the open.
    expect((await step(world.scrutineer, ballot.id, 'open')).statusCode).toBe(202);
    expect(auditActions(ballot.id)).toEqual(['ballot.created', 'ballot.confirmation-recorded', 'ballot.confirmation-withdrawn', 'ballot.confirmation-recorded']);
    expectError(await app!.inject({ method: 'DELETE', url: `/api/ballots/${ballot.id}/confirmations/count`, headers: world.secretary }), 400, 'VALIDATION_FAILED');
  });

  it('performs a step once when both halves arrive at the same moment', async () => {
    const world = await officers('all');
    for (const name of ['open', 'close', 'publish'] as const) {
      const ballot = await draftBallot(world.congress, approvalBallot(`议题${name}`));
      if (name !== 'open') await both(world, ballot.id, 'open');
      if (name === 'publish') await both(world, ballot.id, 'close');
      const answers = await Promise.all([step(world.secretary, ballot.id, name), step(world.scrutineer, ballot.id, name)]);
      expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 202]);
      const performed = { open: 'ballot.opened', close: 'ballot.closed', publish: 'ballot.published' }[name];
      expect(auditActions(ballot.id).filter((action) => action === performed)).toHaveLength(1);
    }
  });

  it('performs a close once when the scrutineer’s second half is sent twice at once', async () => {
    const world = await officers('all');
    const ballot = await draftBallot(world.congress, approvalBallot());
    await both(world, ballot.id, 'open');
    await step(world.secretary, ballot.id, 'close');
    const answers = await Promise.all([step(world.scrutineer, ballot.id, 'close'), step(world.scrutineer, ballot.id, 'close')]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 409]);
    expect(auditActions(ballot.id).filter((action) => action === 'ballot.closed')).toHaveLength(1);
  });

  it('drops the pending halves when the deadline closes the ballot: the server’s own close needs none', async () => {
    const world = await officers('all');
    const ballot = await draftBallot(world.congress, approvalBallot());
    await both(world, ballot.id, 'open');
    await step(world.secretary, ballot.id, 'close');
    expect(rowCount(app!, 'ballot_confirmation')).toBe(1);
    // The server's own close at the deadline needs no half: the officers agreed to it when opening.
    const { closeBallot } = await import('../../src/ballots/service.js');
    await closeBallot(app!.yishi, null, ballot.id);
    expect(rowCount(app!, 'ballot_confirmation')).toBe(0);
    expect((await stateOf(world, ballot.id)).state).toBe('closed');
  });

  it('leaves a named (记名) ballot to the secretary alone', async () => {
    const world = await officers('all');
    const ballot = await draftBallot(world.congress, { ...approvalBallot(), secrecy: 'named' });
    expect((await step(world.secretary, ballot.id, 'open')).statusCode).toBe(200);
    expect((await step(world.secretary, ballot.id, 'close')).statusCode).toBe(200);
    expectError(await step(world.scrutineer, ballot.id, 'publish'), 403, 'FORBIDDEN');
    expect((await step(world.secretary, ballot.id, 'publish')).statusCode).toBe(200);
  });

  it('leaves a manual result to the secretary alone', async () => {
    const world = await officers('all');
    const ballot = await draftBallot(world.congress, { ...approvalBallot(), method: 'manual' });
    await call(app!, {
      method: 'PUT',
      url: `/api/ballots/${ballot.id}/manual-result`,
      headers: world.secretary,
      payload: { present: 3, cast: 3, items: [{ kind: 'approval', yes: 3, no: 0, abstain: 0 }] },
    });
    expect((await step(world.secretary, ballot.id, 'publish')).statusCode).toBe(200);
  });

  it('shows pending halves to officers only', async () => {
    const world = await officers('all');
    const ballot = await draftBallot(world.congress, approvalBallot());
    await both(world, ballot.id, 'open');
    await step(world.scrutineer, ballot.id, 'close');
    const listed = (await call(app!, { method: 'GET', url: `/api/meetings/${world.congress.meetingId}/ballots`, headers: world.scrutineer })).ballots[0];
    expect(listed.pendingConfirmations).toMatchObject([{ step: 'close', role: 'scrutineer' }]);
    const seen = (await call(app!, { method: 'GET', url: `/api/ballots/${ballot.id}`, headers: bearer(world.congress.representatives[0]!.token) })).ballot;
    expect(seen).not.toHaveProperty('pendingConfirmations');
  });
});
