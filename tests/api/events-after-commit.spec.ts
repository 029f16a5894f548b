// Domain events reach the live layer only after COMMIT: a service publishing deep inside another
// domain's transaction (a motion's effect creating a ballot, say) must not announce a ballot that a
// rollback then takes back, and the broadcast must find the committed rows.
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountActor } from '../../src/actors.js';
import { ballotInput } from '../../src/ballots/api-schemas.js';
import { createBallot } from '../../src/ballots/service.js';
import { transact } from '../../src/context.js';
import type { DomainEvent } from '../../src/events.js';
import { approvalBallot, call, createApp, createCongress } from '../support/congress.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function congressWithListener() {
  app = await createApp();
  const congress = await createCongress(app, { representatives: 3 });
  const heard: DomainEvent[] = [];
  app.yishi.events.subscribe((event) => heard.push(event));
  const secretary = (await call(app, { url: '/api/auth/me', headers: { cookie: congress.secretary } })).actor as AccountActor;
  const ballots = async () => (await call(app!, { url: `/api/meetings/${congress.meetingId}/ballots`, headers: { cookie: congress.secretary } })).ballots as unknown[];
  return { congress, heard, ballots, secretary };
}

describe('events and transactions', () => {
  it('announces nothing from a transaction that rolls back, however deep the service that published', async () => {
    const { congress, heard, ballots, secretary } = await congressWithListener();
    const failure = new Error('a later step failed');
    await expect(
      transact(app!.yishi, async (inside) => {
        await createBallot(inside, secretary, congress.meetingId, ballotInput.parse(approvalBallot()));
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(heard).toEqual([]);
    expect(await ballots()).toEqual([]);
  });

  it('announces once the transaction has committed, not before', async () => {
    const { congress, heard, ballots, secretary } = await congressWithListener();
    let heardInside = -1;
    const ballot = await transact(app!.yishi, async (inside) => {
      const created = await createBallot(inside, secretary, congress.meetingId, ballotInput.parse(approvalBallot()));
      heardInside = heard.length;
      return created;
    });
    expect(heardInside).toBe(0);
    expect(heard).toEqual([{ type: 'ballot.updated', meetingId: congress.meetingId, ballotId: ballot.id }]);
    expect(await ballots()).toHaveLength(1);
  });
});
