// Officer accounts: the first secretary, sign-in cookies, scrutineers, and refusing guessers.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { testConfig } from '../../src/config.js';
import { call, createApp, createCongress, openBallot, SECRETARY_PASSWORD, signIn } from '../support/congress.js';
import { expectError } from '../support/requests.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const login = (target: FastifyInstance, username: string, password: string) => target.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

async function createScrutineer(target: FastifyInstance, secretary: string): Promise<string> {
  await call(target, { method: 'POST', url: '/api/accounts', headers: { cookie: secretary }, payload: { username: 'jianpiao', password: 'scrutineer-password-1', role: 'scrutineer' } }, 201);
  return signIn(target, 'jianpiao', 'scrutineer-password-1');
}

describe('the first secretary', () => {
  it('is made from ADMIN_USER and ADMIN_PASSWORD and can sign in', async () => {
    app = await createApp();
    const cookie = await signIn(app);
    const { actor } = await call(app, { method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(actor).toMatchObject({ kind: 'account', username: 'secretary', role: 'secretary' });
    const { accounts } = await call(app, { method: 'GET', url: '/api/accounts', headers: { cookie } });
    expect(accounts.map((account: { username: string }) => account.username)).toEqual(['secretary']);
  });

  it('stores only a scrypt hash of the password', async () => {
    app = await createApp();
    const row = app.yishi.sqlite.prepare('SELECT password_hash FROM account').get() as { password_hash: string };
    expect(row.password_hash).toMatch(/^scrypt\$/);
    expect(row.password_hash).not.toContain(SECRETARY_PASSWORD);
  });

  it('exists only when the environment names one: there is no default password', async () => {
    app = await buildApp(testConfig());
    expectError(await login(app, 'admin', 'admin'), 401, 'BAD_CREDENTIALS');
    expect(app.yishi.sqlite.prepare('SELECT count(*) AS count FROM account').get()).toEqual({ count: 0 });
  });

  it('is made only on a fresh database, not again on the next start', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'yishi-accounts-'));
    try {
      const DATABASE_PATH = join(directory, 'yishi.sqlite');
      const first = await createApp({ DATABASE_PATH });
      await first.close();
      app = await createApp({ DATABASE_PATH, ADMIN_USER: 'intruder', ADMIN_PASSWORD: 'another-long-password' });
      expectError(await login(app, 'intruder', 'another-long-password'), 401, 'BAD_CREDENTIALS');
      expect((await login(app, 'secretary', SECRETARY_PASSWORD)).statusCode).toBe(200);
    } finally {
      await app?.close();
      app = undefined;
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe('signing in', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie', async () => {
    app = await createApp();
    const response = await login(app, 'secretary', SECRETARY_PASSWORD);
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/^yishi_officer=[^;]{20,}/);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Strict/i);
    expect(cookie).not.toMatch(/; Secure/i);
  });

  it('marks the cookie Secure when COOKIE_SECURE is on', async () => {
    app = await createApp({ COOKIE_SECURE: 'true' });
    const response = await login(app, 'secretary', SECRETARY_PASSWORD);
    expect(String(response.headers['set-cookie'])).toMatch(/; Secure/i);
  });

  it('marks the cookie Secure behind a TLS proxy it trusts', async () => {
    app = await createApp({ TRUST_PROXY: true });
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'x-forwarded-proto': 'https' }, payload: { username: 'secretary', password: SECRETARY_PASSWORD } });
    expect(String(response.headers['set-cookie'])).toMatch(/; Secure/i);
  });

  it('refuses a wrong password and an unknown user with the same answer', async () => {
    app = await createApp();
    const wrong = await login(app, 'secretary', 'not the password');
    expectError(wrong, 401, 'BAD_CREDENTIALS');
    expect(wrong.headers['set-cookie']).toBeUndefined();
    expectError(await login(app, 'nobody', 'not the password'), 401, 'BAD_CREDENTIALS');
  });

  it('blocks an address after repeated failures, even for the right password', async () => {
    app = await createApp({ CODE_ATTEMPT_LIMIT: 3 });
    for (let attempt = 0; attempt < 3; attempt++) expectError(await login(app, 'secretary', `guess ${attempt}`), 401, 'BAD_CREDENTIALS');
    expectError(await login(app, 'secretary', 'guess 4'), 429, 'TOO_MANY_ATTEMPTS');
    expectError(await login(app, 'secretary', SECRETARY_PASSWORD), 429, 'TOO_MANY_ATTEMPTS');
  });

  it('ends the session on sign-out', async () => {
    app = await createApp();
    const cookie = await signIn(app);
    await call(app, { method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expectError(await app.inject({ method: 'GET', url: '/api/terms', headers: { cookie } }), 401, 'UNAUTHENTICATED');
  });

  it('ends the session after SESSION_HOURS', async () => {
    let now = Date.parse('2026-03-01T08:00:00Z');
    app = await createApp({ SESSION_HOURS: 12 }, { clock: () => new Date(now) });
    const cookie = await signIn(app);
    now += 11 * 3_600_000;
    expect((await app.inject({ method: 'GET', url: '/api/terms', headers: { cookie } })).statusCode).toBe(200);
    now += 2 * 3_600_000;
    expectError(await app.inject({ method: 'GET', url: '/api/terms', headers: { cookie } }), 401, 'UNAUTHENTICATED');
  });

  it('answers anonymous requests for officer pages with 401', async () => {
    app = await createApp();
    for (const url of ['/api/terms', '/api/accounts', '/api/audit', '/api/meetings']) {
      expectError(await app.inject({ method: 'GET', url }), 401, 'UNAUTHENTICATED');
    }
    expectError(await app.inject({ method: 'POST', url: '/api/terms', payload: { number: 1 } }), 401, 'UNAUTHENTICATED');
  });
});

describe('officer accounts', () => {
  it('refuses a second account with a taken username, whatever its case', async () => {
    app = await createApp();
    const cookie = await signIn(app);
    const response = await app.inject({ method: 'POST', url: '/api/accounts', headers: { cookie }, payload: { username: 'Secretary', password: 'another-long-password', role: 'secretary' } });
    expectError(response, 409, 'USERNAME_TAKEN');
  });

  it('signs a disabled officer out and keeps them out', async () => {
    app = await createApp();
    const secretary = await signIn(app);
    const scrutineer = await createScrutineer(app, secretary);
    const { accounts } = await call(app, { method: 'GET', url: '/api/accounts', headers: { cookie: secretary } });
    const id = accounts.find((account: { username: string }) => account.username === 'jianpiao').id;
    await call(app, { method: 'PATCH', url: `/api/accounts/${id}`, headers: { cookie: secretary }, payload: { disabled: true } });
    expectError(await app.inject({ method: 'GET', url: '/api/audit', headers: { cookie: scrutineer } }), 401, 'UNAUTHENTICATED');
    expectError(await login(app, 'jianpiao', 'scrutineer-password-1'), 401, 'BAD_CREDENTIALS');
  });

  it('does not let a secretary lock themselves out', async () => {
    app = await createApp();
    const secretary = await signIn(app);
    const { actor } = await call(app, { method: 'GET', url: '/api/auth/me', headers: { cookie: secretary } });
    expectError(await app.inject({ method: 'PATCH', url: `/api/accounts/${actor.id}`, headers: { cookie: secretary }, payload: { disabled: true } }), 403, 'FORBIDDEN');
    await call(app, { method: 'GET', url: '/api/accounts', headers: { cookie: secretary } });
  });

  it('lets only a secretary create accounts', async () => {
    app = await createApp();
    const scrutineer = await createScrutineer(app, await signIn(app));
    const response = await app.inject({ method: 'POST', url: '/api/accounts', headers: { cookie: scrutineer }, payload: { username: 'mole', password: 'another-long-password', role: 'secretary' } });
    expectError(response, 403, 'FORBIDDEN');
  });
});

describe('a scrutineer （监票人）', () => {
  it('closes a ballot and reads the audit log', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 3 });
    const scrutineer = await createScrutineer(app, congress.secretary);
    const ballotId = await openBallot(congress);
    const { ballot } = await call(app, { method: 'POST', url: `/api/ballots/${ballotId}/close`, headers: { cookie: scrutineer } });
    expect(ballot.state).toBe('closed');
    const { entries } = await call(app, { method: 'GET', url: '/api/audit', headers: { cookie: scrutineer } });
    expect(entries[0]).toMatchObject({ action: 'ballot.closed', actor: 'jianpiao', ballotId });
  });

  it('may not edit the roster', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 3, openMeeting: false });
    const scrutineer = await createScrutineer(app, congress.secretary);
    const as = { cookie: scrutineer };
    const someone = congress.representatives[0]!.memberId;
    expectError(await app.inject({ method: 'POST', url: `/api/terms/${congress.termId}/members`, headers: as, payload: { name: '混入者', staffNumber: 'Z-1' } }), 403, 'FORBIDDEN');
    expectError(await app.inject({ method: 'PATCH', url: `/api/members/${someone}`, headers: as, payload: { name: '改名' } }), 403, 'FORBIDDEN');
    expectError(await app.inject({ method: 'DELETE', url: `/api/members/${someone}`, headers: as }), 403, 'FORBIDDEN');
    expectError(await app.inject({ method: 'POST', url: `/api/members/${someone}/code`, headers: as }), 403, 'FORBIDDEN');
    const { members } = await call(app, { method: 'GET', url: `/api/terms/${congress.termId}/members`, headers: as });
    expect(members.map((member: { name: string }) => member.name).sort()).toEqual(['代表1', '代表2', '代表3']);
  });

  it('may not open a ballot', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 3 });
    const scrutineer = await createScrutineer(app, congress.secretary);
    const { ballot } = await call(
      app,
      { method: 'POST', url: `/api/meetings/${congress.meetingId}/ballots`, headers: { cookie: congress.secretary }, payload: { title: '议题', items: [{ kind: 'approval', title: '议题' }] } },
      201,
    );
    expectError(await app.inject({ method: 'POST', url: `/api/ballots/${ballot.id}/open`, headers: { cookie: scrutineer } }), 403, 'FORBIDDEN');
    const after = await call(app, { method: 'GET', url: `/api/ballots/${ballot.id}`, headers: { cookie: congress.secretary } });
    expect(after.ballot.state).toBe('draft');
  });
});
