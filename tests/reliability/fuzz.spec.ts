// Fuzz: every route (read from the app as it registers them) and every socket command receives
// thousands of generated and mutated payloads that are wrong by construction. The server answers
// each with a 4xx in the one error shape (reads may also answer 2xx/3xx), never a 500, stays up,
// and not one row of any table changes.
import fc from 'fast-check';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isErrorCode } from '../../src/errors.js';
import { fuzzRequests, fuzzSocketPayloads, type FuzzRequest } from '../support/fuzz-payloads.js';
import { buildHallWorld, freshBallot, freshMotion, type HallWorld, motionWithAttachment } from '../support/hall-world.js';
import { routeKey, routesOf, socketCommandsOf } from '../support/route-table.js';
import { within } from '../support/sockets.js';
import { tableChecksums } from '../support/table-checksum.js';

vi.mock('fastify', async (original) => (await import('../support/route-table.js')).recordingFastify(await original()));

const HTTP_RUNS = 10_000;
/** Each socket's token bucket allows a burst of 40 commands: spread the payloads over enough sockets. */
const SOCKETS_PER_ROLE = 8;
const COMMANDS_PER_SOCKET = 36;

let world: HallWorld;
let url: string;
let realIds: string[];
const sockets = new Set<Socket>();

beforeAll(async () => {
  world = await buildHallWorld();
  await world.app.listen({ port: 0, host: '127.0.0.1' });
  const address = world.app.server.address();
  if (!address || typeof address === 'string') throw new Error('the app is not listening on a port');
  url = `http://127.0.0.1:${address.port}`;
  const [motionId, attachmentId] = await motionWithAttachment(world);
  realIds = [
    world.meetingId,
    world.termId,
    ...world.congress.delegationIds,
    ...world.departmentIds,
    world.congress.representatives[0]!.memberId,
    world.congress.attendees[0]!.memberId,
    await freshBallot(world, 'draft'),
    await freshBallot(world, 'open'),
    await freshBallot(world, 'closed', { secrecy: 'named' }),
    await freshBallot(world, 'published'),
    await freshMotion(world, 'seconding', { proposer: 3 }),
    await freshMotion(world, 'assigned'),
    motionId,
    attachmentId,
  ];
});

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await world?.app.close();
});

/** Route key → property names of its JSON body, from the app's own OpenAPI document. */
async function bodySchemas(): Promise<Map<string, string[]>> {
  const document = (await world.app.inject({ url: '/api/openapi.json' })).json();
  const bodies = new Map<string, string[]>();
  for (const [path, operations] of Object.entries<Record<string, any>>(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const declared = operation.requestBody?.content?.['application/json']?.schema;
      if (!declared) continue;
      // A named body schema is a reference into the document's components.
      const schema = declared.$ref ? document.components.schemas[declared.$ref.split('/').at(-1)] : declared;
      // The fuzzer's "extra key" mutation is only a sure refusal against a strict schema.
      expect(schema.additionalProperties, `${method} ${path} body is a strict object`).toBe(false);
      bodies.set(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`, Object.keys(schema.properties ?? {}));
    }
  }
  return bodies;
}

function assertAnswer(request: FuzzRequest, status: number, contentType: string, body: string): void {
  const where = `${request.kind}: ${request.method} ${request.url.slice(0, 200)} ${String(request.payload ?? '').slice(0, 200)} → ${status} ${body.slice(0, 300)}`;
  const pageNotBuilt = status === 503 && body.includes('WEB_NOT_BUILT');
  expect(status < 500 || pageNotBuilt, where).toBe(true);
  // Only a read may succeed; every other request is wrong by construction, or names nothing.
  if (request.kind !== 'read' && request.kind !== 'no such target') expect(status, where).toBeGreaterThanOrEqual(400);
  if (status >= 400 && contentType.includes('json')) {
    const error = JSON.parse(body);
    expect(error, where).toMatchObject({ code: expect.any(String), message: expect.any(String), messageZh: expect.any(String), messageEn: expect.any(String) });
    expect(isErrorCode(error.code), where).toBe(true);
    expect(error, where).not.toHaveProperty('stack');
  } else if (status >= 400) {
    expect.fail(`an error without the JSON error envelope: ${where}`);
  }
}

describe('fuzzing every route', () => {
  it(`answers ${HTTP_RUNS} malformed requests with 4xx errors in the one shape, and changes no row`, async () => {
    const routes = routesOf(world.app);
    expect(routes.length).toBeGreaterThan(90);
    const multipart = new Set(routes.map(routeKey).filter((key) => key.endsWith('/import') || key.endsWith('/attachments')));
    const credentials = Object.values(world.as);
    const before = tableChecksums(world.app);
    const seen = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fuzzRequests(routes, { realIds, credentials, bodies: await bodySchemas(), multipart }), async (request) => {
        const response = await world.app.inject({
          method: request.method as 'GET',
          url: request.url,
          headers: request.headers,
          ...(request.payload === undefined ? {} : { payload: request.payload }),
        });
        seen.set(request.kind, (seen.get(request.kind) ?? 0) + 1);
        assertAnswer(request, response.statusCode, String(response.headers['content-type'] ?? ''), response.body);
      }),
      { numRuns: HTTP_RUNS },
    );
    expect(tableChecksums(world.app)).toEqual(before);
    expect((await world.app.inject({ url: '/api/health' })).statusCode).toBe(200);
    // Every kind of malformation was tried. The draw is random: the rarest kind (a multipart body on
    // the few upload routes) came only 9 times in 10,000 in one CI run, so a count "many times each"
    // failed now and then; "at least once" is what holds.
    for (const kind of ['read', 'bad path id', 'no such target', 'body refused by its schema', 'not JSON', 'unknown media type', 'too large', 'multipart without a file']) {
      expect(seen.get(kind) ?? 0, kind).toBeGreaterThan(0);
    }
  });
});

describe('answers the router refuses before any handler runs', () => {
  // Fastify's router answers these itself unless told otherwise (the frameworkErrors option in src/app.ts).
  it('a path id over 100 characters gets the error envelope, not FST_ERR_MAX_PARAM_LENGTH', async () => {
    const response = await world.app.inject({ method: 'GET', url: `/api/ballots/${'x'.repeat(101)}` });
    expect(response.statusCode).toBeLessThan(500);
    expect(response.json()).toMatchObject({ code: expect.any(String), messageZh: expect.any(String), messageEn: expect.any(String) });
  });

  it('a malformed percent-escape gets the error envelope, not FST_ERR_BAD_URL', async () => {
    const response = await world.app.inject({ method: 'GET', url: '/api/ballots/%zz' });
    expect(response.statusCode).toBeLessThan(500);
    expect(response.json()).toMatchObject({ code: expect.any(String), messageZh: expect.any(String), messageEn: expect.any(String) });
  });
});

/** A socket following the main meeting, as a representative, the attendee, the secretary or the projector. */
async function connect(role: 'representative' | 'attendee' | 'secretary' | 'display'): Promise<Socket> {
  const headers = world.as[role];
  const auth = role === 'display' ? { displayToken: world.displayToken } : role === 'secretary' ? { meetingId: world.meetingId } : { token: headers.authorization!.replace('Bearer ', '') };
  const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, auth, ...(headers.cookie ? { extraHeaders: { cookie: headers.cookie } } : {}) });
  sockets.add(socket);
  await within(
    new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    }),
    5_000,
    `${role} socket`,
  );
  return socket;
}

function assertEnvelope(event: string, payload: unknown, envelope: unknown): void {
  const where = `${event} ${JSON.stringify(payload)?.slice(0, 300)} → ${JSON.stringify(envelope)?.slice(0, 300)}`;
  expect(envelope, where).toBeTypeOf('object');
  const keys = Object.keys(envelope as object);
  expect(keys.length === 1 && (keys[0] === 'data' || keys[0] === 'error'), where).toBe(true);
  const { error } = envelope as { error?: Record<string, unknown> };
  if (error) {
    expect(error, where).toMatchObject({ code: expect.any(String), message: expect.any(String), messageZh: expect.any(String), messageEn: expect.any(String) });
    expect(error.code, where).not.toBe('INTERNAL');
    expect(isErrorCode(String(error.code)), where).toBe(true);
  }
}

describe('fuzzing every socket command', () => {
  it('acknowledges every malformed command with one envelope, stays up, and changes no row', async () => {
    const live: Socket[] = [];
    for (const role of ['representative', 'attendee', 'secretary', 'display'] as const) {
      for (let index = 0; index < SOCKETS_PER_ROLE; index++) live.push(await connect(role));
    }
    const commands = socketCommandsOf(world.app);
    expect(commands).toEqual(expect.arrayContaining(['ballot:cast', 'ballot:verify-receipt', 'attendance:check-in', 'meeting:sync']));
    const before = tableChecksums(world.app);
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...commands), fuzzSocketPayloads(realIds), async (event, payload) => {
        const socket = live[Math.floor(sent++ / COMMANDS_PER_SOCKET) % live.length]!;
        const envelope = await socket.timeout(5_000).emitWithAck(event, payload);
        assertEnvelope(event, payload, envelope);
        // meeting:sync is a read: any payload but {} is refused, {} is answered with the snapshot.
        if (event !== 'meeting:sync') expect((envelope as { error?: unknown }).error, `${event} ${JSON.stringify(payload)?.slice(0, 200)}`).toBeDefined();
      }),
      { numRuns: live.length * COMMANDS_PER_SOCKET },
    );
    expect(live.every((socket) => socket.connected)).toBe(true);
    expect(tableChecksums(world.app)).toEqual(before);
    const fresh = await connect('representative');
    expect(await fresh.timeout(5_000).emitWithAck('meeting:sync', {})).toMatchObject({ data: { meeting: { id: world.meetingId } } });
    console.info(`socket fuzz: ${sent} commands over ${live.length} sockets`);
  });
});
