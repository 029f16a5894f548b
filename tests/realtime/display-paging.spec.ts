// The secretary's steps through a long result on the projector (POST /api/meetings/:id/display/page):
// they reach the meeting's projector as display:paged, and nobody else; a ballot of another meeting
// and an unknown step are refused.
import { afterEach, describe, expect, it } from 'vitest';
import { approvalBallot, call, createCongress, openBallot } from '../support/congress.js';
import { Hall, nextEvent } from '../support/sockets.js';

let hall: Hall | undefined;
afterEach(async () => {
  await hall?.close();
  hall = undefined;
});

describe('stepping the projector from the console', () => {
  it('sends each step to the meeting’s projector only, and refuses a ballot of another meeting or an unknown step', async () => {
    hall = await Hall.start();
    const congress = await createCongress(hall.app, { representatives: 3 });
    const as = { cookie: congress.secretary };
    const ballotId = await openBallot(congress);
    const { token } = await call(hall.app, { method: 'POST', url: `/api/meetings/${congress.meetingId}/display-token`, headers: as }, 201);
    const [phone, projector] = await Promise.all([hall.connect({ token: congress.representatives[0]!.token }), hall.connect({ displayToken: token })]);
    const phoneHeard: string[] = [];
    phone!.socket.onAny((event: string) => phoneHeard.push(event));

    const url = `/api/meetings/${congress.meetingId}/display/page`;
    for (const step of ['next', 'previous', 'auto'] as const) {
      const arrives = nextEvent(projector!.socket, 'display:paged', (payload) => payload.step === step);
      expect(await call(hall.app, { method: 'POST', url, headers: as, payload: { ballotId, step } })).toEqual({ ballotId, step });
      expect(await arrives).toEqual({ ballotId, step });
    }
    // The phone hears the next thing the whole meeting hears, and had heard no step before it.
    const renamed = nextEvent(phone!.socket, 'meeting:updated');
    await call(hall.app, { method: 'PATCH', url: `/api/meetings/${congress.meetingId}`, headers: as, payload: { title: '第三届第二次职工代表大会（续）' } });
    await renamed;
    expect(phoneHeard).not.toContain('display:paged');

    const other = (await call(hall.app, { method: 'POST', url: '/api/meetings', headers: as, payload: { termId: congress.termId, title: '联席会议', sitting: 'joint' } }, 201)).meeting;
    const elsewhere = (await call(hall.app, { method: 'POST', url: `/api/meetings/${other.id}/ballots`, headers: as, payload: approvalBallot() }, 201)).ballot;
    const refused = await hall.app.inject({ method: 'POST', url, headers: as, payload: { ballotId: elsewhere.id, step: 'next' } });
    expect([refused.statusCode, refused.json().code]).toEqual([404, 'BALLOT_NOT_FOUND']);
    const unknown = await hall.app.inject({ method: 'POST', url, headers: as, payload: { ballotId, step: 'last' } });
    expect([unknown.statusCode, unknown.json().code]).toEqual([400, 'VALIDATION_FAILED']);
  });
});
