// A server restarted mid-ballot (an update, a power cut with a clean shutdown) picks up where it was:
// the open ballot still takes votes, acknowledged votes are still there, and nobody votes twice.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { approvalBallot, call, createApp, createCongress, openBallot, signIn } from '../support/congress.js';
import { manualTime, whenClosed } from '../support/manual-time.js';
import { expectError, vote } from '../support/requests.js';

let app: FastifyInstance | undefined;
let directory: string;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'yishi-restart-'));
});
afterEach(async () => {
  await app?.close();
  app = undefined;
  rmSync(directory, { recursive: true, force: true });
});

describe('a restart while a ballot is open', () => {
  it('keeps the acknowledged votes, refuses a second one, and goes on counting', async () => {
    const DATABASE_PATH = join(directory, 'yishi.sqlite');
    app = await createApp({ DATABASE_PATH });
    const congress = await createCongress(app, { representatives: 3 });
    const ballotId = await openBallot(congress);
    const [first, second] = congress.representatives;
    expect((await vote(app, first!.token, ballotId, ['yes'])).statusCode).toBe(201);
    await app.close();
    app = await createApp({ DATABASE_PATH });
    const secretary = await signIn(app);
    expect((await call(app, { method: 'GET', url: `/api/ballots/${ballotId}`, headers: { cookie: secretary } })).ballot).toMatchObject({ state: 'open', turnout: { voted: 1, eligible: 3 } });
    expectError(await vote(app, first!.token, ballotId, ['no']), 409, 'ALREADY_VOTED');
    expect((await vote(app, second!.token, ballotId, ['no'])).statusCode).toBe(201);
    const { ballot } = await call(app, { method: 'POST', url: `/api/ballots/${ballotId}/close`, headers: { cookie: secretary } });
    expect(ballot.result).toMatchObject({ cast: 2, items: [{ counts: { yes: 1, no: 1, abstain: 0 } }] });
  });

  it('keeps the papers issued: their holders still cannot vote on a phone, and the turnout counts phones only', async () => {
    const DATABASE_PATH = join(directory, 'yishi.sqlite');
    app = await createApp({ DATABASE_PATH });
    const congress = await createCongress(app, { representatives: 3 });
    const [first, , holder] = congress.representatives;
    const { ballot: draft } = await call(app, { method: 'POST', url: `/api/meetings/${congress.meetingId}/ballots`, headers: { cookie: congress.secretary }, payload: approvalBallot() }, 201);
    const ballotId = draft.id as string;
    await call(app, { method: 'POST', url: `/api/ballots/${ballotId}/papers`, headers: { cookie: congress.secretary }, payload: { memberIds: [holder!.memberId] } }, 201);
    await call(app, { method: 'POST', url: `/api/ballots/${ballotId}/open`, headers: { cookie: congress.secretary }, payload: {} });
    expect((await vote(app, first!.token, ballotId, ['yes'])).statusCode).toBe(201);
    await app.close();
    app = await createApp({ DATABASE_PATH });
    const secretary = await signIn(app);
    expect((await call(app, { method: 'GET', url: `/api/ballots/${ballotId}`, headers: { cookie: secretary } })).ballot).toMatchObject({ turnout: { voted: 1, eligible: 3 } });
    expectError(await vote(app, holder!.token, ballotId, ['no']), 409, 'PAPER_ISSUED');
    const { ballot } = await call(app, { method: 'POST', url: `/api/ballots/${ballotId}/close`, headers: { cookie: secretary } });
    expect(ballot).toMatchObject({ state: 'closed', result: null });
  });

  it('closes a ballot whose deadline passed while the server was down', async () => {
    const DATABASE_PATH = join(directory, 'yishi.sqlite');
    const time = manualTime();
    app = await createApp({ DATABASE_PATH }, { clock: time.clock, timers: time.timers });
    const congress = await createCongress(app, { representatives: 3 });
    const ballotId = await openBallot(congress, { ...approvalBallot(), deadlineAt: new Date(time.clock().getTime() + 3_600_000).toISOString() });
    await vote(app, congress.representatives[0]!.token, ballotId, ['yes']);
    await app.close();
    expect(time.armed).toBe(0);

    time.advance(2 * 3_600_000);
    app = await createApp({ DATABASE_PATH }, { clock: time.clock, timers: time.timers });
    const closed = whenClosed(app, ballotId);
    expect(time.armed).toBe(1);
    time.advance(0);
    await closed;
    const secretary = await signIn(app);
    const { ballot } = await call(app, { method: 'GET', url: `/api/ballots/${ballotId}`, headers: { cookie: secretary } });
    expect(ballot).toMatchObject({ state: 'closed', result: { cast: 1 } });
  });
});
