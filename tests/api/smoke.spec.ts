import { afterEach, describe, expect, it } from 'vitest';
import { call, createApp, createCongress, deviceReceipt, openBallot } from '../support/congress.js';
import type { FastifyInstance } from 'fastify';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('a secret approval ballot from open to published', () => {
  it('counts every representative once and publishes the result with the rule in words', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 5, attendees: 1 });
    const ballotId = await openBallot(congress);
    const choices = ['yes', 'yes', 'yes', 'no', 'abstain'];
    for (const [index, person] of congress.representatives.entries()) {
      await call(
        app,
        { method: 'POST', url: `/api/ballots/${ballotId}/votes`, headers: { authorization: `Bearer ${person.token}` }, payload: { answers: [choices[index]], receipt: deviceReceipt() } },
        201,
      );
    }
    const again = await app.inject({
      method: 'POST',
      url: `/api/ballots/${ballotId}/votes`,
      headers: { authorization: `Bearer ${congress.representatives[0]!.token}` },
      payload: { answers: ['no'], receipt: deviceReceipt() },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('ALREADY_VOTED');
    const attendee = await app.inject({
      method: 'POST',
      url: `/api/ballots/${ballotId}/votes`,
      headers: { authorization: `Bearer ${congress.attendees[0]!.token}` },
      payload: { answers: ['no'], receipt: deviceReceipt() },
    });
    expect(attendee.json().code).toBe('NOT_ELIGIBLE');
    await call(app, { method: 'POST', url: `/api/ballots/${ballotId}/close`, headers: { cookie: congress.secretary } });
    const { ballot } = await call(app, { method: 'POST', url: `/api/ballots/${ballotId}/publish`, headers: { cookie: congress.secretary } });
    expect(ballot.result.items[0].counts).toEqual({ yes: 3, no: 1, abstain: 1 });
    expect(ballot.result.items[0].passed).toBe(true);
    expect(ballot.result.items[0].explanation.zh).toContain('赞成 3 票');
  });
});
