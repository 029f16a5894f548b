// Item 2 of the hostile-insider review: attendance must not tell anyone who voted. The secretary
// opens a secret ballot, marks everyone absent and watches attendance (the list, the counts, the
// live events) while one representative votes: nothing changes, only how many have voted. Voting is
// not checking in (README, "Secret ballots"); the secretary's edits made while the ballot is open
// are audited with it.
import { afterEach, describe, expect, it } from 'vitest';
import { call, createCongress, deviceReceipt, openBallot } from '../support/congress.js';
import { command, Hall } from '../support/sockets.js';

let hall: Hall | undefined;
afterEach(async () => {
  await hall?.close();
  hall = undefined;
});

describe('the attendance oracle', () => {
  it('shows the same attendance before and after a representative votes, and audits the edits made while the ballot was open', async () => {
    hall = await Hall.start();
    const { app } = hall;
    const congress = await createCongress(app, { representatives: 6, present: 'all' });
    const as = { cookie: congress.secretary };
    const ballotId = await openBallot(congress);
    for (const representative of congress.representatives) {
      await call(app, { method: 'PUT', url: `/api/meetings/${congress.meetingId}/attendance/${representative.memberId}`, headers: as, payload: { status: 'absent' } });
    }
    const watcher = await hall.connect({ meetingId: congress.meetingId }, { cookie: congress.secretary });
    const voter = congress.representatives[3]!;
    const phone = await hall.connect({ token: voter.token });
    const listBefore = await call(app, { method: 'GET', url: `/api/meetings/${congress.meetingId}/attendance`, headers: as });
    const meetingBefore = await call(app, { method: 'GET', url: `/api/meetings/${congress.meetingId}`, headers: as });
    const seenBefore = watcher.seen.length;

    const cast = await command(phone.socket, 'ballot:cast', { ballotId, answers: ['no'], receipt: deviceReceipt() });
    expect(cast.data).toBeDefined();
    // The turnout broadcast is the last thing a vote causes: wait for it, then look.
    await new Promise<void>((resolve) => {
      const check = () => (watcher.seen.slice(seenBefore).some((seen) => seen.event === 'ballot:turnout') ? resolve() : setTimeout(check, 10));
      check();
    });
    const synced = await command(watcher.socket, 'meeting:sync');

    expect(await call(app, { method: 'GET', url: `/api/meetings/${congress.meetingId}/attendance`, headers: as })).toEqual(listBefore);
    const meetingAfter = await call(app, { method: 'GET', url: `/api/meetings/${congress.meetingId}`, headers: as });
    expect(meetingAfter.attendance).toEqual(meetingBefore.attendance);
    expect(synced.data.attendance).toEqual(meetingBefore.attendance);
    const events = watcher.seen.slice(seenBefore).map((seen) => seen.event);
    expect(events).not.toContain('attendance:changed');
    expect(events).toContain('ballot:turnout');
    // Nothing the secretary receives names the voter.
    expect(JSON.stringify(watcher.seen.slice(seenBefore))).not.toContain(voter.memberId);

    const audit = await call(app, { method: 'GET', url: `/api/audit?meetingId=${congress.meetingId}`, headers: as });
    const marked = (audit.entries ?? audit).filter((entry: { action: string }) => entry.action === 'attendance.marked');
    expect(marked).toHaveLength(congress.representatives.length);
    for (const entry of marked) expect(JSON.stringify(entry.detail)).toContain(ballotId);
  });
});
