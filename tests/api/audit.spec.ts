// The audit log: who did what and when among secretaries and scrutineers, never a voter's choice.
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { call, createApp, createCongress, openBallot } from '../support/congress.js';
import { bearer, castAll, closeBallot, expectError, publishBallot } from '../support/requests.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('the audit log', () => {
  it('records the secretary’s actions, newest first, with who and when', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 2 });
    const { entries } = await call(app, { method: 'GET', url: '/api/audit', headers: { cookie: congress.secretary } });
    const actions = entries.map((entry: { action: string }) => entry.action);
    expect(actions.slice(0, 3)).toEqual(['meeting.open', 'meeting.created', 'code.issued-bulk']);
    expect(actions).toEqual(expect.arrayContaining(['term.created', 'delegation.created', 'member.added']));
    expect(actions.at(-1)).toBe('account.created');
    for (const entry of entries.slice(0, -1)) expect(entry).toMatchObject({ actor: 'secretary', at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    expect(entries.at(-1).actor).toBe('system');
  });

  it('never holds a choice, nor which representative voted', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 3 });
    const ballotId = await openBallot(congress);
    await castAll(congress, ballotId, [['yes'], ['no'], ['abstain']]);
    await closeBallot(congress, ballotId);
    await publishBallot(congress, ballotId);
    const { entries } = await call(app, { method: 'GET', url: `/api/audit?meetingId=${congress.meetingId}`, headers: { cookie: congress.secretary } });
    expect(entries.map((entry: { action: string }) => entry.action).slice(0, 4)).toEqual(['ballot.published', 'ballot.closed', 'ballot.counted', 'ballot.opened']);
    const text = JSON.stringify(entries);
    for (const choice of ['"yes"', '"no"', '"abstain"']) expect(text).not.toContain(choice);
    for (const person of congress.representatives) expect(text).not.toContain(person.memberId);
    const stored = JSON.stringify(app.yishi.sqlite.prepare('SELECT * FROM audit_log').all());
    for (const person of congress.representatives) expect(stored).not.toContain(person.memberId);
  });

  it('pages back through older entries', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 2 });
    const as = { cookie: congress.secretary };
    const first = (await call(app, { method: 'GET', url: '/api/audit?limit=2', headers: as })).entries;
    expect(first).toHaveLength(2);
    const next = (await call(app, { method: 'GET', url: `/api/audit?limit=2&before=${first[1].id}`, headers: as })).entries;
    expect(next[0].id).toBeLessThan(first[1].id);
  });

  it('is closed to representatives and visitors', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 1 });
    expectError(await app.inject({ method: 'GET', url: '/api/audit', headers: bearer(congress.representatives[0]!.token) }), 403, 'FORBIDDEN');
    expectError(await app.inject({ method: 'GET', url: '/api/audit' }), 401, 'UNAUTHENTICATED');
  });
});
