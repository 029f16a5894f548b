// The authorization matrix: every route and every socket command, asked by every role, against
// the one permission table in tests/support/permissions.ts. Each request is well formed and acts on
// a target of its own in the right state, so only who is asking decides the answer.
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { statusOf, isErrorCode } from '../../src/errors.js';
import { routeCases } from '../support/authorization-requests.js';
import { buildHallWorld, freshBallot, type HallWorld, type Role, ROLES } from '../support/hall-world.js';
import { type Permission, routePermissions, socketPermissions } from '../support/permissions.js';
import { routeKey, routesOf, socketCommandsOf } from '../support/route-table.js';
import { within } from '../support/sockets.js';

vi.mock('fastify', async (original) => (await import('../support/route-table.js')).recordingFastify(await original()));

let world: HallWorld;
let url: string;
const sockets = new Set<Socket>();

beforeAll(async () => {
  world = await buildHallWorld();
  await world.app.listen({ port: 0, host: '127.0.0.1' });
  const address = world.app.server.address();
  if (!address || typeof address === 'string') throw new Error('the app is not listening on a port');
  url = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await world?.app.close();
});

/** What a cell should answer: allowed, or the refusal the role gets. */
function expectedCell(permission: Permission, role: Role): string {
  if (permission.allowed === 'everyone' || permission.allowed.includes(role)) return 'allowed';
  if (role === 'anonymous') return 'refused 401';
  return permission.hidden?.includes(role) ? 'hidden 404' : 'refused 403';
}

/** What a cell did answer. A 400 VALIDATION_FAILED means the case itself is wrong, never "allowed". */
function actualCell(status: number, code: string | undefined): string {
  if (status === 401 || status === 403) return `refused ${status}`;
  if (status === 404 && code && code !== 'ROUTE_NOT_FOUND' && code.endsWith('NOT_FOUND')) return 'hidden 404';
  if (code === 'VALIDATION_FAILED') return 'malformed request';
  if (status >= 500) return `server error ${status} ${code ?? ''}`;
  return 'allowed';
}

/** Refused roles first: an allowed role's success must not change what the refused ones see. */
function rolesInOrder(permission: Permission): Role[] {
  return [...ROLES].sort((a, b) => Number(expectedCell(permission, a) === 'allowed') - Number(expectedCell(permission, b) === 'allowed'));
}

describe('the permission table', () => {
  it('lists every route the app serves, and only those', async () => {
    const served = routesOf(world.app).map(routeKey);
    expect(served.length).toBeGreaterThan(90);
    expect({ missingFromTable: served.filter((key) => !(key in routePermissions)), notServed: Object.keys(routePermissions).filter((key) => !served.includes(key)) }).toEqual({
      missingFromTable: [],
      notServed: [],
    });
    expect(Object.keys(routeCases).sort()).toEqual(Object.keys(routePermissions).sort());
  });

  it('lists every socket command the live layer answers, and only those', async () => {
    const socket = await connect('representative');
    expect(socket.connected).toBe(true);
    expect(socketCommandsOf(world.app)).toEqual(Object.keys(socketPermissions).sort());
  });
});

describe.each(Object.entries(routePermissions))('%s', (key, permission) => {
  it('answers each role as the table says', async () => {
    const [method, path] = key.split(' ') as [string, string];
    const answers: Partial<Record<Role, string>> = {};
    const expected: Partial<Record<Role, string>> = {};
    for (const role of rolesInOrder(permission)) {
      const request = await routeCases[key]!(world, role);
      const credentials = request.freshSession ? await world.freshCredentials(role) : world.as[role];
      const response = await world.app.inject({
        method: method as 'GET',
        url: request.url,
        headers: { ...credentials, ...request.headers },
        ...(request.payload === undefined ? {} : { payload: request.payload as string }),
      });
      const body = response.headers['content-type']?.toString().includes('json') ? response.json() : undefined;
      answers[role] = actualCell(response.statusCode, body?.code);
      expected[role] = expectedCell(permission, role);
      if (response.statusCode === 401 || response.statusCode === 403) {
        expect(body, `${key} as ${role}`).toMatchObject({ code: expect.any(String), messageZh: expect.any(String), messageEn: expect.any(String) });
      }
      if (path === '/api/auth/me' && role !== 'anonymous') expect(body.actor.kind, 'the credentials of the role were recognised').not.toBe('anonymous');
    }
    expect(answers).toEqual(expected);
  });
});

/** A socket of the role following the main meeting; rejects with the handshake's refusal code. */
async function connect(role: Role): Promise<Socket> {
  const headers = world.as[role];
  const auth: Record<string, string> =
    role === 'display'
      ? { displayToken: world.displayToken }
      : headers.authorization
        ? { token: headers.authorization.replace('Bearer ', '') }
        : role === 'anonymous'
          ? {}
          : { meetingId: world.meetingId };
  const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, auth, ...(headers.cookie ? { extraHeaders: { cookie: headers.cookie } } : {}) });
  sockets.add(socket);
  await within(
    new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (error: Error & { data?: { code: string } }) => reject(Object.assign(new Error(error.message), { code: error.data?.code ?? error.message })));
    }),
    5_000,
    `${role} socket to connect`,
  );
  return socket;
}

const socketPayloads: Record<string, () => Promise<object>> = {
  'ballot:cast': async () => ({ ballotId: await freshBallot(world, 'open'), answers: ['yes'], receipt: `socket-receipt-${world.next()}-abcdef` }),
  'ballot:verify-receipt': async () => ({ ballotId: await freshBallot(world, 'open'), receipt: `socket-receipt-${world.next()}-abcdef` }),
  'attendance:check-in': async () => ({ meetingId: world.meetingId }),
  'meeting:sync': async () => ({}),
};

function statusOfCode(code: string): number {
  return isErrorCode(code) ? statusOf(code) : 500;
}

describe.each(Object.entries(socketPermissions))('socket command %s', (event, permission) => {
  it('answers each role as the table says', async () => {
    const answers: Partial<Record<Role, string>> = {};
    const expected: Partial<Record<Role, string>> = {};
    for (const role of rolesInOrder(permission)) {
      expected[role] = expectedCell(permission, role);
      let socket: Socket;
      try {
        socket = await connect(role);
      } catch (error) {
        const code = (error as { code: string }).code;
        answers[role] = actualCell(statusOfCode(code), code);
        continue;
      }
      const envelope = (await socket.timeout(5_000).emitWithAck(event, await socketPayloads[event]!())) as { data?: unknown; error?: { code: string } };
      expect(Object.keys(envelope), `${event} as ${role}: one envelope`).toEqual([envelope.error ? 'error' : 'data']);
      answers[role] = envelope.error ? actualCell(statusOfCode(envelope.error.code), envelope.error.code) : 'allowed';
      socket.disconnect();
      sockets.delete(socket);
    }
    expect(answers).toEqual(expected);
  });
});
