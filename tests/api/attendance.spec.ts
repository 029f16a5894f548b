// Check-in (签到) and the live counts: eligible (应到), present (实到), on leave (请假), absent (缺席),
// with attendees (列席代表) kept out of every count that decides anything.
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { call, type Congress, createApp, createCongress } from '../support/congress.js';
import { bearer, expectError, memberOfAnotherTerm } from '../support/requests.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function counts(congress: Congress) {
  return (await call(congress.app, { method: 'GET', url: `/api/meetings/${congress.meetingId}`, headers: { cookie: congress.secretary } })).attendance;
}

const mark = (congress: Congress, memberId: string, status: string, cookie = congress.secretary) =>
  congress.app.inject({ method: 'PUT', url: `/api/meetings/${congress.meetingId}/attendance/${memberId}`, headers: { cookie }, payload: { status } });

const checkIn = (congress: Congress, token: string, meetingId = congress.meetingId) => congress.app.inject({ method: 'POST', url: `/api/meetings/${meetingId}/check-in`, headers: bearer(token) });

describe('attendance counts', () => {
  it('counts eligible, present, on leave and absent representatives', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 6, attendees: 2, present: 3 });
    await mark(congress, congress.representatives[5]!.memberId, 'on_leave');
    expect(await counts(congress)).toMatchObject({ eligible: 6, present: 3, onLeave: 1, absent: 2, attendees: 2, attendeesPresent: 0 });
  });

  it('reaches the quorum at exactly ⌈2/3⌉ of those eligible and not one below', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 7, present: 4 });
    expect((await counts(congress)).quorum).toMatchObject({ required: 5, reached: false });
    await checkIn(congress, congress.representatives[4]!.token);
    expect((await counts(congress)).quorum).toMatchObject({ required: 5, reached: true });
  });

  it('never counts attendees as eligible, present or towards the quorum', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 3, attendees: 5, present: 1 });
    for (const attendee of congress.attendees) expect((await checkIn(congress, attendee.token)).statusCode).toBe(200);
    expect(await counts(congress)).toMatchObject({ eligible: 3, present: 1, absent: 2, attendees: 5, attendeesPresent: 5, quorum: { required: 2, reached: false } });
  });
});

describe('checking in', () => {
  it('lets a representative check themselves in, once however often they try', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 3, present: 0 });
    const person = congress.representatives[0]!;
    for (let attempt = 0; attempt < 3; attempt++) expect((await checkIn(congress, person.token)).json()).toEqual({ status: 'present' });
    expect((await counts(congress)).present).toBe(1);
    const { you } = await call(app, { method: 'GET', url: '/api/me', headers: bearer(person.token) });
    expect(you).toMatchObject({ memberId: person.memberId, attendance: 'present' });
  });

  it('lets the secretary mark present, absent and on leave, and shows it in the list', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 3, present: 0 });
    const [first, second, third] = congress.representatives.map((person) => person.memberId);
    for (const [memberId, status] of [
      [first, 'present'],
      [second, 'absent'],
      [third, 'on_leave'],
    ] as const) {
      expect((await mark(congress, memberId!, status)).statusCode).toBe(200);
    }
    const { attendance, counts: live } = await call(app, { method: 'GET', url: `/api/meetings/${congress.meetingId}/attendance`, headers: { cookie: congress.secretary } });
    expect(Object.fromEntries(attendance.map((entry: { memberId: string; status: string }) => [entry.memberId, entry.status]))).toEqual({
      [first!]: 'present',
      [second!]: 'absent',
      [third!]: 'on_leave',
    });
    expect(live).toMatchObject({ present: 1, onLeave: 1, absent: 1 });
  });

  it('corrects a mark: a representative marked absent who arrives is present', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 3, present: 0 });
    const person = congress.representatives[0]!;
    await mark(congress, person.memberId, 'absent');
    await checkIn(congress, person.token);
    expect(await counts(congress)).toMatchObject({ present: 1, absent: 2 });
  });

  it('shows not_checked_in for those nobody has marked', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 2, present: 0 });
    const { attendance } = await call(app, { method: 'GET', url: `/api/meetings/${congress.meetingId}/attendance`, headers: { cookie: congress.secretary } });
    expect(attendance.map((entry: { status: string }) => entry.status)).toEqual(['not_checked_in', 'not_checked_in']);
  });

  it('forbids a member of another term to check in, and the secretary to mark them', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 3, present: 0 });
    const outsider = await memberOfAnotherTerm(congress);
    expectError(await checkIn(congress, outsider.token), 403, 'FORBIDDEN');
    expectError(await mark(congress, outsider.memberId, 'present'), 404, 'MEMBER_NOT_FOUND');
    expect((await counts(congress)).present).toBe(0);
  });

  it('refuses check-in after the meeting has closed', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 2, present: 0 });
    await call(app, { method: 'POST', url: `/api/meetings/${congress.meetingId}/close`, headers: { cookie: congress.secretary } });
    const response = await checkIn(congress, congress.representatives[0]!.token);
    expectError(response, 409, 'MEETING_STATE');
    expect(response.json().details.state).toBe('closed');
    expectError(await mark(congress, congress.representatives[0]!.memberId, 'present'), 409, 'MEETING_STATE');
  });

  it('does not let a representative mark anyone, nor an anonymous visitor check in', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 2, present: 0 });
    const person = congress.representatives[0]!;
    expectError(
      await app.inject({
        method: 'PUT',
        url: `/api/meetings/${congress.meetingId}/attendance/${congress.representatives[1]!.memberId}`,
        headers: bearer(person.token),
        payload: { status: 'present' },
      }),
      403,
      'FORBIDDEN',
    );
    expectError(await app.inject({ method: 'POST', url: `/api/meetings/${congress.meetingId}/check-in` }), 401, 'UNAUTHENTICATED');
    expectError(await mark(congress, person.memberId, 'sleeping'), 400, 'VALIDATION_FAILED');
    expect((await counts(congress)).present).toBe(0);
  });
});
