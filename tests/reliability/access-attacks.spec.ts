// Attacks on the way in: guessing access codes from one address (over HTTP and the socket
// handshake, sequentially and all at once, with forged forwarding headers), and cross-site requests
// riding a signed-in cookie against every state-changing route and the live socket.
import { io, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CODE_ALPHABET, CODE_LENGTH, formatCode } from '../../src/access/codes.js';
import { routeCases } from '../support/authorization-requests.js';
import { createCongress, deviceReceipt, openBallot } from '../support/congress.js';
import { buildHallWorld, type HallWorld, type Role } from '../support/hall-world.js';
import { routePermissions } from '../support/permissions.js';
import { fillPath, routeKey, routesOf } from '../support/route-table.js';
import { seededRandom } from '../support/seeded-random.js';
import { allWithin, Hall, within } from '../support/sockets.js';
import { tableChecksums } from '../support/table-checksum.js';

vi.mock('fastify', async (original) => (await import('../support/route-table.js')).recordingFastify(await original()));

let hall: Hall | undefined;
let world: HallWorld | undefined;
const sockets = new Set<Socket>();
afterEach(async () => {
  for (const socket of sockets) socket.disconnect();
  sockets.clear();
  await hall?.close();
  hall = undefined;
  await world?.app.close();
  world = undefined;
});

const GUESSES = 1_000;
/** The default CODE_ATTEMPT_LIMIT: failures an address may make in the window before every attempt is refused. */
const LIMIT = 20;

/** Well-formed codes (twelve symbols of the card alphabet) that were never issued. */
function wrongCodes(count: number, issued: Set<string>): string[] {
  const random = seededRandom('code-guessing');
  const codes: string[] = [];
  while (codes.length < count) {
    const bytes = random(CODE_LENGTH);
    let code = '';
    for (let index = 0; index < CODE_LENGTH; index++) code += CODE_ALPHABET[bytes[index]! & 31];
    if (!issued.has(code)) codes.push(formatCode(code));
  }
  return codes;
}

async function joinOverHttp(url: string, code: string, headers: Record<string, string> = {}): Promise<string> {
  const response = await fetch(`${url}/api/join`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ code }), signal: AbortSignal.timeout(10_000) });
  return response.status === 200 ? 'JOINED' : ((await response.json()) as { code: string }).code;
}

/** A socket handshake with the code: the refusal's code, or JOINED. */
function joinOverSocket(url: string, code: string): Promise<string> {
  const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { code } });
  sockets.add(socket);
  const answered = new Promise<string>((resolve) => {
    socket.once('connect', () => resolve('JOINED'));
    socket.once('connect_error', (error: Error & { data?: { code: string } }) => resolve(error.data?.code ?? error.message));
  });
  return within(answered, 10_000, 'the handshake to be answered').finally(() => {
    socket.disconnect();
    sockets.delete(socket);
  });
}

function tally(outcomes: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const outcome of outcomes) counts[outcome] = (counts[outcome] ?? 0) + 1;
  return counts;
}

describe('guessing access codes from one address', () => {
  it(`refuses 1,000 wrong codes, one after another, after the first ${LIMIT}, over HTTP and the socket alike, and then the right code too`, async () => {
    hall = await Hall.start();
    const congress = await createCongress(hall.app, { representatives: 10 });
    const issued = new Set(congress.representatives.map((person) => person.code.replaceAll('-', '')));
    const guesses = wrongCodes(GUESSES, issued);
    const started = performance.now();
    const outcomes: string[] = [];
    for (const [index, guess] of guesses.entries()) {
      // Alternate the doors, and forge a new forwarded address each time: the server does not trust it.
      const forged = { 'x-forwarded-for': `198.51.100.${index % 250}`, 'x-real-ip': `203.0.113.${index % 250}` };
      outcomes.push(index % 2 === 0 ? await joinOverHttp(hall.url, guess, forged) : await joinOverSocket(hall.url, guess));
    }
    const elapsed = performance.now() - started;

    expect(outcomes.slice(0, LIMIT).every((outcome) => outcome === 'INVALID_CODE')).toBe(true);
    expect(outcomes.indexOf('TOO_MANY_ATTEMPTS')).toBe(LIMIT);
    expect(tally(outcomes)).toEqual({ INVALID_CODE: LIMIT, TOO_MANY_ATTEMPTS: GUESSES - LIMIT });
    // Found nothing: not even a real code gets in from that address now, by either door.
    expect(await joinOverHttp(hall.url, congress.representatives[0]!.code)).toBe('TOO_MANY_ATTEMPTS');
    expect(await joinOverSocket(hall.url, congress.representatives[0]!.code)).toBe('TOO_MANY_ATTEMPTS');
    // The rest of the hall is not locked out.
    const elsewhere = await hall.app.inject({ method: 'POST', url: '/api/join', remoteAddress: '10.0.0.7', payload: { code: congress.representatives[0]!.code } });
    expect(elsewhere.statusCode).toBe(200);
    console.info(`code guessing: ${GUESSES} sequential guesses in ${Math.round(elapsed)} ms, refused from attempt ${LIMIT + 1} on`);
  });

  it('refuses a burst of 1,000 simultaneous guesses after the first 20 are looked at, real codes among them', async () => {
    hall = await Hall.start();
    const live = hall;
    const congress = await createCongress(live.app, { representatives: 10 });
    const issued = new Set(congress.representatives.map((person) => person.code.replaceAll('-', '')));
    // Every real code is among the guesses, at the end: a limiter the burst slipped past would let them in.
    const guesses = [...wrongCodes(GUESSES - issued.size, issued), ...congress.representatives.map((person) => person.code)];
    // Half injected in one tick (all inside the server at once), half over the network and the socket handshake.
    const inject = (code: string) =>
      live.app.inject({ method: 'POST', url: '/api/join', payload: { code } }).then((response) => (response.statusCode === 200 ? 'JOINED' : (response.json().code as string)));
    const outcomes = await allWithin(
      guesses.map((guess, index) => (index % 2 === 0 ? inject(guess) : index % 4 === 1 ? joinOverSocket(live.url, guess) : joinOverHttp(live.url, guess))),
      30_000,
      'every guess to be answered',
    );
    const counts = tally(outcomes);
    expect(counts).toEqual({ INVALID_CODE: LIMIT, TOO_MANY_ATTEMPTS: GUESSES - LIMIT });
    console.info(`code guessing: burst of ${GUESSES} answered ${JSON.stringify(counts)}`);
  });
});

const EVIL = 'https://evil.example';
const HOST = 'yishi.example';
/** Ways a browser shows a request comes from elsewhere. */
const CROSS_SITE: Record<string, Record<string, string>> = {
  'another site': { origin: EVIL },
  'an opaque origin': { origin: 'null' },
  'a sibling subdomain': { origin: `https://evil.${HOST}`, 'sec-fetch-site': 'same-site' },
  'another port': { origin: `https://${HOST}:8443` },
  'a cross-site fetch without Origin': { 'sec-fetch-site': 'cross-site' },
};

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The role whose cookie rides the forged request: the secretary wherever the secretary may act. */
function cookieRole(key: string): Role {
  const allowed = routePermissions[key]?.allowed;
  if (!allowed || allowed === 'everyone' || allowed.includes('secretary')) return 'secretary';
  return allowed.find((role) => role !== 'display' && role !== 'anonymous') ?? 'secretary';
}

describe('a cross-site request riding a signed-in cookie', () => {
  it('is refused on every state-changing route, in every disguise, and changes nothing', async () => {
    world = await buildHallWorld();
    const target = world;
    const routes = routesOf(target.app).filter((route) => STATE_CHANGING.has(route.method));
    expect(routes.length).toBeGreaterThan(60);
    const prepared = [];
    for (const route of routes) {
      const key = routeKey(route);
      const role = cookieRole(key);
      // A route with no working case of its own gets placeholder ids: the guard runs before anything looks at them.
      let request = await routeCases[key]?.(target, role).catch(() => undefined);
      const build = Boolean(request);
      request ??= { url: fillPath(route.url, {}), payload: {} };
      const credentials = role === 'representative' || role === 'attendee' || ('freshSession' in request && request.freshSession) ? await target.freshCredentials(role) : target.as[role];
      expect(credentials.cookie, `${key} rides a cookie`).toBeDefined();
      prepared.push({ key, method: route.method, request, credentials, real: build });
    }

    const before = tableChecksums(target.app);
    const answers: Record<string, string[]> = {};
    for (const { key, method, request, credentials } of prepared) {
      for (const [disguise, headers] of Object.entries(CROSS_SITE)) {
        const response = await target.app.inject({
          method: method as 'POST',
          url: request.url,
          headers: { ...credentials, ...request.headers, host: HOST, ...headers },
          ...(request.payload === undefined ? {} : { payload: request.payload as string }),
        });
        const body = response.json();
        if (response.statusCode !== 403 || body.code !== 'CSRF_REJECTED') {
          answers[key] ??= [];
          answers[key].push(`${disguise}: ${response.statusCode} ${body.code}`);
        }
      }
    }
    expect(answers).toEqual({});
    expect(tableChecksums(target.app)).toEqual(before);

    // The same requests from the hall's own pages go through: the origin alone made the difference.
    const sameOrigin: Record<string, string> = {};
    for (const { key, method, request, credentials, real } of prepared.filter((entry) => entry.real)) {
      const response = await target.app.inject({
        method: method as 'POST',
        url: request.url,
        headers: { ...credentials, ...request.headers, host: HOST, origin: `https://${HOST}`, 'sec-fetch-site': 'same-origin' },
        ...(request.payload === undefined ? {} : { payload: request.payload as string }),
      });
      const expectedRefusal = 'refusal' in request ? request.refusal : undefined;
      if (real && response.statusCode >= 400 && !(expectedRefusal && response.json().code === expectedRefusal)) sameOrigin[key] = `${response.statusCode} ${response.body.slice(0, 120)}`;
    }
    expect(sameOrigin).toEqual({});
    console.info(
      `CSRF: ${prepared.length} state-changing routes × ${Object.keys(CROSS_SITE).length} disguises refused; ${prepared.filter((entry) => entry.real).length} accepted from the same origin`,
    );
  });

  it('cannot open a live socket on the officer’s or the representative’s cookie from another site', async () => {
    hall = await Hall.start();
    const congress = await createCongress(hall.app, { representatives: 3 });
    const joined = await hall.app.inject({ method: 'POST', url: '/api/join', payload: { code: congress.representatives[0]!.code } });
    const memberCookie = String(joined.headers['set-cookie']).split(';')[0]!;
    const ballotId = await openBallot(congress);
    const host = new URL(hall.url).host;

    const handshake = (cookie: string, origin: string) => {
      const socket = io(hall!.url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { meetingId: congress.meetingId }, extraHeaders: { cookie, origin } });
      sockets.add(socket);
      return within(
        new Promise<{ socket: Socket; code: string }>((resolve) => {
          socket.once('connect', () => resolve({ socket, code: 'CONNECTED' }));
          socket.once('connect_error', (error: Error & { data?: { code: string } }) => resolve({ socket, code: error.data?.code ?? error.message }));
        }),
        5_000,
        'the handshake',
      );
    };
    expect((await handshake(congress.secretary, EVIL)).code).toBe('CSRF_REJECTED');
    const forged = await handshake(memberCookie, EVIL);
    if (forged.code === 'CONNECTED') {
      // Had it connected, this is the vote a hostile page would cast in the representative's name.
      await forged.socket.timeout(5_000).emitWithAck('ballot:cast', { ballotId, answers: ['no'], receipt: deviceReceipt() });
    }
    expect(forged.code).toBe('CSRF_REJECTED');
    expect(hall.app.yishi.sqlite.prepare('SELECT count(*) FROM participation WHERE ballot_id = ?').pluck().get(ballotId)).toBe(0);
    // From the hall's own origin the same cookies connect.
    expect((await handshake(congress.secretary, `http://${host}`)).code).toBe('CONNECTED');
    expect((await handshake(memberCookie, `http://${host}`)).code).toBe('CONNECTED');
  });
});
