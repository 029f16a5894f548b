// Item 8: a burst of guesses sent all at once. The limit on attempts must hold however many arrive
// together: at most CODE_ATTEMPT_LIMIT passwords are hashed (or codes looked up), and the right
// password or code sent in the same burst, past the limit, is refused like the guesses around it.
import type { FastifyInstance } from 'fastify';
import { io, type Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as passwords from '../../src/accounts/passwords.js';
import * as roster from '../../src/roster/repository.js';
import { call, createApp, createCongress, SECRETARY_PASSWORD, signIn } from '../support/congress.js';
import { TestClock } from '../support/motions.js';
import { allWithin, within } from '../support/sockets.js';

vi.mock('../../src/accounts/passwords.js', async (original) => {
  const actual = await original<typeof import('../../src/accounts/passwords.js')>();
  return { ...actual, verifyPassword: vi.fn(actual.verifyPassword) };
});
vi.mock('../../src/roster/repository.js', async (original) => {
  const actual = await original<typeof import('../../src/roster/repository.js')>();
  return { ...actual, findMemberOfActiveCode: vi.fn(actual.findMemberOfActiveCode) };
});

const LIMIT = 20;
const WINDOW_SECONDS = 600;
const BURST = 100;

let app: FastifyInstance | undefined;
const sockets = new Set<Socket>();
let clock: TestClock;
beforeEach(() => {
  clock = new TestClock();
});
afterEach(async () => {
  for (const socket of sockets) socket.disconnect();
  sockets.clear();
  await app?.close();
  app = undefined;
});

async function start(): Promise<FastifyInstance> {
  app = await createApp({ CODE_ATTEMPT_LIMIT: LIMIT, CODE_ATTEMPT_WINDOW_SECONDS: WINDOW_SECONDS }, { clock: clock.read });
  return app;
}

function tally(outcomes: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const outcome of outcomes) counts[outcome] = (counts[outcome] ?? 0) + 1;
  return counts;
}

const outcomeOf = (response: { statusCode: number; json: () => any }) => (response.statusCode === 200 ? 'SIGNED_IN' : (response.json().code as string));

function login(target: FastifyInstance, username: string, password: string, remoteAddress = '203.0.113.9') {
  return target.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { username, password } }).then(outcomeOf);
}

const wrongPasswords = (count: number) => Array.from({ length: count }, (_, index) => `wrong guess number ${index}`);

describe('a burst of password guesses', () => {
  it(`hashes at most ${LIMIT} of ${BURST} simultaneous wrong passwords from one address, and refuses the right one sent last`, async () => {
    const target = await start();
    const hashed = vi.mocked(passwords.verifyPassword);
    hashed.mockClear();
    const outcomes = await allWithin(
      [...wrongPasswords(BURST), SECRETARY_PASSWORD].map((password) => login(target, 'secretary', password)),
      60_000,
      'every sign-in to be answered',
    );

    expect(hashed.mock.calls.length).toBeLessThanOrEqual(LIMIT);
    expect(tally(outcomes)).toEqual({ BAD_CREDENTIALS: LIMIT, TOO_MANY_ATTEMPTS: BURST + 1 - LIMIT });
    expect(outcomes.at(-1)).toBe('TOO_MANY_ATTEMPTS');
    // The window passes, and the secretary signs in again.
    clock.now = new Date(clock.now.getTime() + WINDOW_SECONDS * 1000 + 1);
    expect(await login(target, 'secretary', SECRETARY_PASSWORD)).toBe('SIGNED_IN');
  });

  it('holds for the account when every guess comes from another address, and spares the other accounts', async () => {
    const target = await start();
    const secretary = await signIn(target);
    await call(target, { method: 'POST', url: '/api/accounts', headers: { cookie: secretary }, payload: { username: 'jianpiao', password: 'scrutineer-password-1', role: 'scrutineer' } }, 201);
    const hashed = vi.mocked(passwords.verifyPassword);
    hashed.mockClear();
    // The username in any case names the same account.
    const guesses = [...wrongPasswords(BURST), SECRETARY_PASSWORD].map((password, index) => login(target, index % 2 ? 'SECRETARY' : 'secretary', password, `198.51.100.${index + 1}`));
    const outcomes = await allWithin(guesses, 60_000, 'every sign-in to be answered');

    expect(hashed.mock.calls.length).toBeLessThanOrEqual(LIMIT);
    expect(tally(outcomes)).toEqual({ BAD_CREDENTIALS: LIMIT, TOO_MANY_ATTEMPTS: BURST + 1 - LIMIT });
    expect(await login(target, 'secretary', SECRETARY_PASSWORD, '192.0.2.200')).toBe('TOO_MANY_ATTEMPTS');
    expect(await login(target, 'jianpiao', 'scrutineer-password-1', '192.0.2.201')).toBe('SIGNED_IN');
  });

  it('takes back every right password: an officer signing in all day is never locked out', async () => {
    const target = await start();
    const outcomes: string[] = [];
    for (let attempt = 0; attempt < 2 * LIMIT; attempt++) {
      outcomes.push(await login(target, 'secretary', attempt % 4 === 3 ? 'a typo in the password' : SECRETARY_PASSWORD));
    }
    expect(tally(outcomes)).toEqual({ SIGNED_IN: 30, BAD_CREDENTIALS: 10 });
  });
});

/** A socket handshake with the code, from 127.0.0.1: JOINED or the refusal's code. */
function joinOverSocket(url: string, code: string): Promise<string> {
  const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { code } });
  sockets.add(socket);
  const answered = new Promise<string>((resolve) => {
    socket.once('connect', () => resolve('JOINED'));
    socket.once('connect_error', (error: Error & { data?: { code: string } }) => resolve(error.data?.code ?? error.message));
  });
  return within(answered, 20_000, 'the handshake to be answered').finally(() => {
    socket.disconnect();
    sockets.delete(socket);
  });
}

async function joinOverHttp(url: string, code: string): Promise<string> {
  const response = await fetch(`${url}/api/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }), signal: AbortSignal.timeout(20_000) });
  return response.status === 200 ? 'JOINED' : ((await response.json()) as { code: string }).code;
}

describe('a burst of access-code guesses', () => {
  it(`looks up at most ${LIMIT} of ${BURST} simultaneous wrong codes sent over HTTP and socket handshakes together, and refuses the right code sent last`, async () => {
    const target = await start();
    const congress = await createCongress(target, { representatives: 3, openMeeting: false });
    await target.listen({ port: 0, host: '127.0.0.1' });
    const address = target.server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const lookups = vi.mocked(roster.findMemberOfActiveCode);
    lookups.mockClear();
    // Well-formed codes that were never issued (a card's alphabet has no 0, 1, I or O: these differ from every real one).
    const wrong = Array.from({ length: BURST }, (_, index) => `ABCD-EFGH-${String(index).padStart(4, '2').replace(/[01]/g, '9')}`);
    const attempts = [...wrong, ...congress.representatives.map((person) => person.code)];
    const outcomes = await allWithin(
      attempts.map((code, index) => (index % 2 ? joinOverSocket(url, code) : joinOverHttp(url, code))),
      60_000,
      'every attempt to be answered',
    );

    expect(lookups.mock.calls.length).toBeLessThanOrEqual(LIMIT);
    expect(tally(outcomes)).toEqual({ INVALID_CODE: LIMIT, TOO_MANY_ATTEMPTS: attempts.length - LIMIT });
    clock.now = new Date(clock.now.getTime() + WINDOW_SECONDS * 1000 + 1);
    expect(await joinOverSocket(url, congress.representatives[0]!.code)).toBe('JOINED');
    expect(await joinOverHttp(url, congress.representatives[1]!.code)).toBe('JOINED');
  });
});
