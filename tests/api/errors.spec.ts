// Bad input of every kind gets a 4xx with a stable code and a message in Chinese and English,
// never a 500 or a stack trace, and changes nothing.
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { call, type Congress, createApp, createCongress, openBallot } from '../support/congress.js';
import { bearer, expectError, rowCount } from '../support/requests.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function termCount(congress: Congress): Promise<number> {
  return (await call(congress.app, { method: 'GET', url: '/api/terms', headers: { cookie: congress.secretary } })).terms.length;
}

const asSecretary = (congress: Congress, options: InjectOptions): InjectOptions => ({ ...options, headers: { cookie: congress.secretary, ...options.headers } });

describe('malformed requests', () => {
  it('answers broken JSON with BAD_JSON and changes nothing', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 1, openMeeting: false });
    const response = await app.inject(asSecretary(congress, { method: 'POST', url: '/api/terms', headers: { 'content-type': 'application/json' }, payload: '{"number": 4,' }));
    expectError(response, 400, 'BAD_JSON');
    expect(await termCount(congress)).toBe(1);
  });

  it('answers an unknown route with ROUTE_NOT_FOUND', async () => {
    app = await createApp();
    expectError(await app.inject({ method: 'GET', url: '/api/no-such-thing' }), 404, 'ROUTE_NOT_FOUND');
    expectError(await app.inject({ method: 'DELETE', url: '/api/terms' }), 404, 'ROUTE_NOT_FOUND');
  });

  it('answers an oversized body with PAYLOAD_TOO_LARGE and changes nothing', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 1, openMeeting: false });
    const response = await app.inject(asSecretary(congress, { method: 'POST', url: '/api/terms', payload: { number: 4, title: 'x'.repeat(300 * 1024) } }));
    expectError(response, 413, 'PAYLOAD_TOO_LARGE');
    expect(await termCount(congress)).toBe(1);
  });

  it('answers a body that breaks the schema with VALIDATION_FAILED, saying where', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 1, openMeeting: false });
    const response = await app.inject(asSecretary(congress, { method: 'POST', url: '/api/terms', payload: { number: 'three' } }));
    expectError(response, 400, 'VALIDATION_FAILED');
    expect(response.json().details).toEqual([expect.objectContaining({ path: '/number' })]);
    expectError(await app.inject(asSecretary(congress, { method: 'POST', url: '/api/terms', payload: { number: 4, admin: true } })), 400, 'VALIDATION_FAILED');
    expect(await termCount(congress)).toBe(1);
  });

  it('answers a body of the wrong type with UNSUPPORTED_MEDIA_TYPE', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 1, openMeeting: false });
    const response = await app.inject(asSecretary(congress, { method: 'POST', url: '/api/terms', headers: { 'content-type': 'application/xml' }, payload: '<term number="4"/>' }));
    expectError(response, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses ids that are not ids', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 1, openMeeting: false });
    expectError(await app.inject(asSecretary(congress, { method: 'GET', url: "/api/meetings/x'%20OR%201=1--" })), 400, 'VALIDATION_FAILED');
    expectError(await app.inject(asSecretary(congress, { method: 'GET', url: `/api/meetings/${'a'.repeat(65)}` })), 400, 'VALIDATION_FAILED');
  });
});

describe('hostile input across the API', () => {
  it('never answers with a 500 or a stack, and leaves the ballot box untouched', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 2, openMeeting: true });
    const ballotId = await openBallot(congress);
    const token = congress.representatives[0]!.token;
    const hostile: InjectOptions[] = [
      { method: 'POST', url: `/api/ballots/${ballotId}/votes`, headers: bearer(token), payload: { answers: 'yes' } },
      { method: 'POST', url: `/api/ballots/${ballotId}/votes`, headers: bearer(token), payload: { answers: [null] } },
      { method: 'POST', url: `/api/ballots/${ballotId}/votes`, headers: bearer(token), payload: { answers: [{ toString: 'yes' }] } },
      { method: 'POST', url: `/api/ballots/${ballotId}/votes`, headers: { ...bearer(token), 'content-type': 'application/json' }, payload: 'null' },
      { method: 'POST', url: `/api/ballots/${ballotId}/votes`, headers: { ...bearer(token), 'content-type': 'application/json' }, payload: '[]' },
      { method: 'POST', url: `/api/ballots/${ballotId}/votes`, headers: { ...bearer(token), 'content-type': 'application/json' }, payload: '"yes"' },
      { method: 'POST', url: `/api/ballots/${ballotId}/votes`, headers: { authorization: 'Bearer' }, payload: { answers: ['yes'] } },
      { method: 'POST', url: `/api/ballots/${ballotId}/votes`, headers: { authorization: `Bearer ${'x'.repeat(5000)}` }, payload: { answers: ['yes'] } },
      { method: 'POST', url: '/api/join', payload: { code: 'A'.repeat(65) } },
      { method: 'POST', url: '/api/join', payload: { code: ['AAAA-BBBB-CCCC'] } },
      { method: 'POST', url: '/api/auth/login', payload: { username: { $ne: null }, password: 'x' } },
      { method: 'POST', url: `/api/meetings/${congress.meetingId}/ballots`, headers: { cookie: congress.secretary }, payload: { title: 'x', items: [{ kind: 'nonsense' }] } },
      { method: 'POST', url: `/api/meetings/${congress.meetingId}/ballots`, headers: { cookie: congress.secretary }, payload: { title: 'x', items: [], deadlineAt: 'tomorrow' } },
      { method: 'PUT', url: `/api/ballots/${ballotId}/manual-result`, headers: { cookie: congress.secretary }, payload: { present: Number.POSITIVE_INFINITY, cast: 0, items: [] } },
      { method: 'GET', url: `/api/audit?limit=-5`, headers: { cookie: congress.secretary } },
    ];
    for (const options of hostile) {
      const response = await app.inject(options);
      expect(response.statusCode, `${options.method} ${String(options.url)}: ${response.body}`).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, `${options.method} ${String(options.url)}: ${response.body}`).toBeLessThan(500);
      const body = response.json();
      expect(body).toMatchObject({ code: expect.any(String), messageZh: expect.any(String), messageEn: expect.any(String) });
      expect(response.body).not.toMatch(/\bat .*\.(ts|js):\d+/);
    }
    expect(rowCount(app, 'ballot_box') + rowCount(app, 'participation')).toBe(0);
    const { ballots } = await call(app, { method: 'GET', url: `/api/meetings/${congress.meetingId}/ballots`, headers: { cookie: congress.secretary } });
    expect(ballots).toHaveLength(1);
  });
});
