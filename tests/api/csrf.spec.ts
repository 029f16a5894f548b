// Cross-site request forgery: a state change riding the officer's cookie from another site is refused.
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { call, createApp, SECRETARY_PASSWORD, signIn } from '../support/congress.js';
import { expectError } from '../support/requests.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function termCount(target: FastifyInstance, cookie: string): Promise<number> {
  return (await call(target, { method: 'GET', url: '/api/terms', headers: { cookie } })).terms.length;
}

const createTerm = (target: FastifyInstance, headers: Record<string, string>) =>
  target.inject({ method: 'POST', url: '/api/terms', headers: { host: 'yishi.example', ...headers }, payload: { number: 3 } });

describe('cross-site requests', () => {
  it('refuses a POST from another origin and changes nothing', async () => {
    app = await createApp();
    const cookie = await signIn(app);
    expectError(await createTerm(app, { cookie, origin: 'https://evil.example' }), 403, 'CSRF_REJECTED');
    expect(await termCount(app, cookie)).toBe(0);
  });

  it('refuses a POST the browser marks cross-site', async () => {
    app = await createApp();
    const cookie = await signIn(app);
    expectError(await createTerm(app, { cookie, 'sec-fetch-site': 'cross-site' }), 403, 'CSRF_REJECTED');
    expect(await termCount(app, cookie)).toBe(0);
  });

  it('refuses an opaque origin', async () => {
    app = await createApp();
    const cookie = await signIn(app);
    expectError(await createTerm(app, { cookie, origin: 'null' }), 403, 'CSRF_REJECTED');
  });

  it('refuses a cross-site sign-in, so nobody is signed in as someone else', async () => {
    app = await createApp();
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { origin: 'https://evil.example' }, payload: { username: 'secretary', password: SECRETARY_PASSWORD } });
    expectError(response, 403, 'CSRF_REJECTED');
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('accepts the same request from its own origin', async () => {
    app = await createApp();
    const cookie = await signIn(app);
    expect((await createTerm(app, { cookie, origin: 'https://yishi.example', 'sec-fetch-site': 'same-origin' })).statusCode).toBe(201);
    expect(await termCount(app, cookie)).toBe(1);
  });

  it('lets reads through from anywhere', async () => {
    app = await createApp();
    const cookie = await signIn(app);
    const response = await app.inject({ method: 'GET', url: '/api/terms', headers: { cookie, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } });
    expect(response.statusCode).toBe(200);
  });

  it('compares against the forwarded host behind a trusted proxy', async () => {
    app = await createApp({ TRUST_PROXY: true });
    const cookie = await signIn(app);
    const behindProxy = { cookie, host: '127.0.0.1:3000', 'x-forwarded-host': 'yishi.example', 'x-forwarded-proto': 'https' };
    expect((await createTerm(app, { ...behindProxy, origin: 'https://yishi.example' })).statusCode).toBe(201);
    expectError(await app.inject({ method: 'POST', url: '/api/terms', headers: { ...behindProxy, origin: 'https://evil.example' }, payload: { number: 4 } }), 403, 'CSRF_REJECTED');
    expect(await termCount(app, cookie)).toBe(1);
  });

  it('ignores a forwarded host from a proxy it does not trust', async () => {
    app = await createApp();
    const cookie = await signIn(app);
    const response = await createTerm(app, { cookie, host: '127.0.0.1:3000', 'x-forwarded-host': 'evil.example', origin: 'https://evil.example' });
    expectError(response, 403, 'CSRF_REJECTED');
  });
});
