// Two-person control (双人确认) live: a recorded or withdrawn confirmation reaches the officers'
// screens at once (ballot:updated with the ballot's pending confirmations), and no member's phone.
import { afterEach, describe, expect, it } from 'vitest';
import { approvalBallot, call, createCongress } from '../support/congress.js';
import { Hall, nextEvent } from '../support/sockets.js';

let hall: Hall | undefined;
afterEach(async () => {
  await hall?.close();
  hall = undefined;
});

describe('a confirmation under two-person control', () => {
  it('is pushed to the officers, and its withdrawal too, never to the representatives', async () => {
    hall = await Hall.start();
    const congress = await createCongress(hall.app, { representatives: 3 });
    const as = { cookie: congress.secretary };
    await call(hall.app, { method: 'PATCH', url: `/api/meetings/${congress.meetingId}`, headers: as, payload: { twoPersonControl: 'all' } });
    const { ballot } = await call(hall.app, { method: 'POST', url: `/api/meetings/${congress.meetingId}/ballots`, headers: as, payload: approvalBallot() }, 201);
    const [officer, representative] = await Promise.all([hall.connect({ meetingId: congress.meetingId }, as), hall.connect({ token: congress.representatives[0]!.token })]);

    const confirmed = nextEvent(officer!.socket, 'ballot:updated', (payload) => payload.ballot?.pendingConfirmations?.length === 1);
    await call(hall.app, { method: 'POST', url: `/api/ballots/${ballot.id}/open`, headers: as }, 202);
    expect((await confirmed).ballot.pendingConfirmations[0]).toMatchObject({ step: 'open', role: 'secretary' });

    const withdrawn = nextEvent(officer!.socket, 'ballot:updated', (payload) => payload.ballot?.pendingConfirmations?.length === 0);
    await call(hall.app, { method: 'DELETE', url: `/api/ballots/${ballot.id}/confirmations/open`, headers: as });
    await withdrawn;
    expect(representative!.seen.filter((entry) => entry.event === 'ballot:updated')).toEqual([]);
  });
});
