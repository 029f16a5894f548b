// An officer's live connection lasts only as long as their sign-in: signing out, being disabled or
// letting the session expire cuts that officer's sockets off from the secretariat's broadcasts.
import { afterEach, describe, expect, it } from 'vitest';
import { approvalBallot, call, createCongress, signIn } from '../support/congress.js';
import { draftBallot } from '../support/requests.js';
import { disconnection, Hall, nextEvent } from '../support/sockets.js';

let hall: Hall | undefined;
afterEach(async () => {
  await hall?.close();
  hall = undefined;
});

const SCRUTINEER_PASSWORD = 'scrutineer password 1234';

describe('an officer’s sockets', () => {
  it('are cut off on sign-out, while the same officer’s other signed-in device keeps following', async () => {
    hall = await Hall.start();
    const congress = await createCongress(hall.app, { representatives: 2 });
    const laptop = congress.secretary;
    const tablet = await signIn(hall.app);
    const onLaptop = await hall.connect({ meetingId: congress.meetingId }, { cookie: laptop });
    const onTablet = await hall.connect({ meetingId: congress.meetingId }, { cookie: tablet });

    const cutOff = disconnection(onLaptop.socket);
    await call(hall.app, { method: 'POST', url: '/api/auth/logout', headers: { cookie: laptop } });
    expect(await cutOff).toBe('io server disconnect');

    const draftShown = nextEvent(onTablet.socket, 'ballot:updated');
    const ballot = await draftBallot({ ...congress, secretary: tablet }, approvalBallot());
    expect((await draftShown).ballotId).toBe(ballot.id);
    expect(onTablet.socket.connected).toBe(true);
  });

  it('are cut off when the secretary disables the account', async () => {
    hall = await Hall.start();
    const congress = await createCongress(hall.app, { representatives: 2 });
    const { account } = await call(
      hall.app,
      { method: 'POST', url: '/api/accounts', headers: { cookie: congress.secretary }, payload: { username: 'jianpiao', password: SCRUTINEER_PASSWORD, role: 'scrutineer' } },
      201,
    );
    const scrutineer = await signIn(hall.app, 'jianpiao', SCRUTINEER_PASSWORD);
    const live = await hall.connect({ meetingId: congress.meetingId }, { cookie: scrutineer });
    const secretary = await hall.connect({ meetingId: congress.meetingId }, { cookie: congress.secretary });

    const cutOff = disconnection(live.socket);
    await call(hall.app, { method: 'PATCH', url: `/api/accounts/${account.id}`, headers: { cookie: congress.secretary }, payload: { disabled: true } });
    expect(await cutOff).toBe('io server disconnect');
    expect(secretary.socket.connected).toBe(true);
  });

  it('are cut off when the session expires', async () => {
    // The app's clock stands still until the socket is in, so the session cannot lapse before the
    // handshake however slow the machine; then it moves to the expiry, which the socket's timer
    // (set for the second that was left) finds when it fires.
    let now = new Date();
    hall = await Hall.start({}, { clock: () => now });
    const congress = await createCongress(hall.app, { representatives: 2 });
    const expiresAt = new Date(now.getTime() + 1_000);
    hall.app.yishi.sqlite.prepare('UPDATE auth_session SET expires_at = ? WHERE account_id IS NOT NULL').run(expiresAt.toISOString());
    const live = await hall.connect({ meetingId: congress.meetingId }, { cookie: congress.secretary });
    const cutOff = disconnection(live.socket, 30_000);
    now = expiresAt;

    expect(await cutOff).toBe('io server disconnect');
  });
});
