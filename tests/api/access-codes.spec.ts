// Personal access codes: what is printed on the card, what the database keeps, revoking and
// reissuing, and refusing someone who guesses.
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { call, createApp, createCongress } from '../support/congress.js';
import { bearer, expectError } from '../support/requests.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const CARD_CODE = /^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{4}-[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{4}-[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{4}$/;

const join = (target: FastifyInstance, code: string, remoteAddress = '127.0.0.1') => target.inject({ method: 'POST', url: '/api/join', remoteAddress, payload: { code, issueToken: true } });

/** Every text value of every row of every table, to look for a secret in. */
function everythingStored(target: FastifyInstance): string {
  const tables = target.yishi.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
  return tables.map(({ name }) => JSON.stringify(target.yishi.sqlite.prepare(`SELECT * FROM "${name}"`).all())).join('\n');
}

describe('issuing codes', () => {
  it('prints twelve unambiguous symbols, at least 50 bits, one different code per person', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 20, attendees: 2, openMeeting: false });
    const codes = [...congress.representatives, ...congress.attendees].map((person) => person.code);
    for (const code of codes) expect(code).toMatch(CARD_CODE);
    expect(new Set(codes).size).toBe(22);
    expect(12 * Math.log2(32)).toBeGreaterThanOrEqual(50);
  });

  it('gives a join link with each code, for the card’s QR code', async () => {
    app = await createApp({ PUBLIC_URL: 'https://yishi.example' });
    const congress = await createCongress(app, { representatives: 1, openMeeting: false });
    const issued = await call(app, { method: 'POST', url: `/api/members/${congress.representatives[0]!.memberId}/code`, headers: { cookie: congress.secretary } }, 201);
    expect(issued.joinUrl).toBe(`https://yishi.example/v/${issued.code}`);
    // The server draws no QR code: the console draws it from this link where the card is printed.
    expect(issued).not.toHaveProperty('qrSvg');
  });

  it('without PUBLIC_URL, links the card to the address the secretary used', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 1, openMeeting: false });
    const issued = await call(app, { method: 'POST', url: `/api/members/${congress.representatives[0]!.memberId}/code`, headers: { cookie: congress.secretary, host: '192.168.1.20:3000' } }, 201);
    expect(issued.joinUrl).toBe(`http://192.168.1.20:3000/v/${issued.code}`);
  });

  it('behind a trusted proxy, links the cards to the address the hall sees', async () => {
    const forwarded = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'vote.union.example' };
    app = await createApp({ TRUST_PROXY: true });
    const congress = await createCongress(app, { representatives: 2, openMeeting: false });
    const { codes } = await call(
      app,
      { method: 'POST', url: `/api/terms/${congress.termId}/codes`, headers: { cookie: congress.secretary, host: '127.0.0.1:3000', ...forwarded }, payload: { scope: 'all' } },
      201,
    );
    for (const card of codes) {
      expect(card.joinUrl).toBe(`https://vote.union.example/v/${card.code}`);
    }
  });

  it('ignores forwarded headers from a proxy it was not told to trust', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 1, openMeeting: false });
    const headers = { cookie: congress.secretary, host: 'yishi.local:3000', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'evil.example' };
    const issued = await call(app, { method: 'POST', url: `/api/members/${congress.representatives[0]!.memberId}/code`, headers }, 201);
    expect(issued.joinUrl).toBe(`http://yishi.local:3000/v/${issued.code}`);
  });

  it('keeps only a hash: no table holds the plain code in any spelling', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 5, openMeeting: false });
    const stored = everythingStored(app);
    for (const { code } of congress.representatives) {
      expect(stored).not.toContain(code);
      expect(stored).not.toContain(code.replaceAll('-', ''));
    }
  });

  it('issues only the missing codes unless asked to reprint every card', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 3, openMeeting: false });
    const as = { cookie: congress.secretary };
    expect((await call(app, { method: 'POST', url: `/api/terms/${congress.termId}/codes`, headers: as, payload: {} }, 201)).codes).toEqual([]);
    const { codes } = await call(app, { method: 'POST', url: `/api/terms/${congress.termId}/codes`, headers: as, payload: { scope: 'all' } }, 201);
    expect(codes).toHaveLength(3);
    expectError(await join(app, congress.representatives[0]!.code), 401, 'INVALID_CODE');
    expect((await join(app, codes[0].code)).statusCode).toBe(200);
  });
});

describe('issuing codes with a bare POST', () => {
  it('issues the missing codes when the request carries no body', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 2, openMeeting: false });
    const { member } = await call(app, { method: 'POST', url: `/api/terms/${congress.termId}/members`, headers: { cookie: congress.secretary }, payload: { name: '新代表', staffNumber: 'N-1' } }, 201);
    const { codes } = await call(app, { method: 'POST', url: `/api/terms/${congress.termId}/codes`, headers: { cookie: congress.secretary } }, 201);
    expect(codes.map((entry: { memberId: string }) => entry.memberId)).toEqual([member.id]);
  });
});

describe('joining with a code', () => {
  it('accepts the code as people type it and sets an HttpOnly, SameSite=Strict cookie', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 1, openMeeting: false });
    const person = congress.representatives[0]!;
    const response = await join(app, ` ${person.code.toLowerCase().replaceAll('-', ' ')} `);
    expect(response.json().member).toEqual({ memberId: person.memberId, name: person.name, role: 'representative' });
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/^yishi_member=/);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Strict/i);
  });

  it('refuses a code that was never issued', async () => {
    app = await createApp();
    expectError(await join(app, 'AAAA-BBBB-CCCC'), 401, 'INVALID_CODE');
  });
});

describe('revoking and reissuing', () => {
  it('stops the revoked code and every session it opened', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 2 });
    const person = congress.representatives[0]!;
    expect((await app.inject({ method: 'GET', url: '/api/me', headers: bearer(person.token) })).statusCode).toBe(200);
    await call(app, { method: 'DELETE', url: `/api/members/${person.memberId}/code`, headers: { cookie: congress.secretary } });
    expectError(await app.inject({ method: 'GET', url: '/api/me', headers: bearer(person.token) }), 401, 'UNAUTHENTICATED');
    expectError(await join(app, person.code), 401, 'INVALID_CODE');
    const { members } = await call(app, { method: 'GET', url: `/api/terms/${congress.termId}/members`, headers: { cookie: congress.secretary } });
    expect(members.find((member: { id: string }) => member.id === person.memberId).hasCode).toBe(false);
  });

  it('reissues a new code that works while the old one no longer does', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 2 });
    const person = congress.representatives[0]!;
    const issued = await call(app, { method: 'POST', url: `/api/members/${person.memberId}/code`, headers: { cookie: congress.secretary } }, 201);
    expect(issued.code).toMatch(CARD_CODE);
    expect(issued.code).not.toBe(person.code);
    expectError(await join(app, person.code), 401, 'INVALID_CODE');
    expectError(await app.inject({ method: 'GET', url: '/api/me', headers: bearer(person.token) }), 401, 'UNAUTHENTICATED');
    expect((await join(app, issued.code)).json().member.memberId).toBe(person.memberId);
  });
});

describe('guessing codes', () => {
  it('blocks an address after repeated failures, even for a valid code, and not other addresses', async () => {
    app = await createApp({ CODE_ATTEMPT_LIMIT: 3 });
    const congress = await createCongress(app, { representatives: 2, openMeeting: false });
    const guesser = '203.0.113.7';
    for (const guess of ['AAAA-AAAA-AAAA', 'BBBB-BBBB-BBBB', 'not a code']) expectError(await join(app, guess, guesser), 401, 'INVALID_CODE');
    expectError(await join(app, 'CCCC-CCCC-CCCC', guesser), 429, 'TOO_MANY_ATTEMPTS');
    expectError(await join(app, congress.representatives[0]!.code, guesser), 429, 'TOO_MANY_ATTEMPTS');
    expect((await join(app, congress.representatives[0]!.code, '198.51.100.1')).statusCode).toBe(200);
  });

  it('lets the address try again once the window has passed', async () => {
    let now = Date.parse('2026-03-01T09:00:00Z');
    app = await createApp({ CODE_ATTEMPT_LIMIT: 2, CODE_ATTEMPT_WINDOW_SECONDS: 600 }, { clock: () => new Date(now) });
    const congress = await createCongress(app, { representatives: 1, openMeeting: false });
    const guesser = '203.0.113.8';
    for (const guess of ['AAAA-AAAA-AAAA', 'BBBB-BBBB-BBBB']) await join(app, guess, guesser);
    expectError(await join(app, congress.representatives[0]!.code, guesser), 429, 'TOO_MANY_ATTEMPTS');
    now += 601_000;
    expect((await join(app, congress.representatives[0]!.code, guesser)).statusCode).toBe(200);
  });
});
