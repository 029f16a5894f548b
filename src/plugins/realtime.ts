// The live layer: a Socket.IO room per meeting. It only forwards: commands call the same services as
// HTTP (here), and domain events become broadcasts (broadcaster.ts). Who may connect, and floods.
import type { FastifyInstance } from 'fastify';
import { Server, type Socket } from 'socket.io';
import { z } from 'zod';
import { hashSecret } from '../access/codes.js';
import { authorize, type Permission, requireMember } from '../access/permissions.js';
import type { RightsLedger } from '../access/rights-ledger.js';
import { type MemberDescription, memberForCode } from '../access/service.js';
import type { Actor } from '../actors.js';
import { castInput, receiptCheckInput } from '../ballots/api-schemas.js';
import { castVote, checkReceipt } from '../ballots/casting.js';
import type { AppContext } from '../context.js';
import { constraintError } from '../db/constraints.js';
import { AppError, errorBody } from '../errors.js';
import { type KnownToSnapshot, meetingSnapshot, resolveMeetingFor } from '../meetings/live.js';
import { assertCanFollow, checkIn } from '../meetings/service.js';
import { motionRoomsFor } from '../motions/live.js';
import { idSchema } from '../http/routes.js';
import { isCrossSite, MEMBER_COOKIE, OFFICER_COOKIE } from '../http/auth.js';
import { Admission } from './admission.js';
import { type EncodedJson, encodedJsonParser } from '../http/encoded-json.js';
import { Broadcaster } from './broadcaster.js';
import { FloodCooldown, SocketCaps } from './socket-limits.js';
import { CountingAdapter, type Credential, roomsOf, type SocketData, sendSnapshot, snapshotFor } from './live-rooms.js';
import { actorForCredential, type CredentialActor, SocketRights } from './socket-rights.js';

const handshakeSchema = z
  .object({
    code: z.string().max(64).optional(),
    token: z.string().max(100).optional(),
    displayToken: z.string().max(100).optional(),
    meetingId: idSchema.optional(),
    // The version of the meeting's part of the snapshot the page holds (meetingSnapshotText): sent
    // again only if it changed.
    snapshotVersion: z.string().max(64).optional(),
  })
  .catch({});

/** How long requests in flight get to finish when the server closes, before every connection is ended. */
const CLOSE_GRACE_MS = 3_000;

/** setTimeout waits at most 2^31-1 ms; a session may last longer (SESSION_HOURS up to 30 days). */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/** A session credential for a sign-in token (its expiry is filled in when it is read). */
function sessionOf(context: AppContext, token: string): Credential {
  return { kind: 'session', hash: hashSecret(context.secretKey, token), expiresAt: '' };
}

/** Who the handshake names, and the credential (by hash) the socket reads them from again whenever rights change. */
async function handshakeActor(app: FastifyInstance, context: AppContext, socket: Socket, auth: z.infer<typeof handshakeSchema>): Promise<CredentialActor | null> {
  if (auth.code) {
    const { actor, you, codeHash } = await memberForCode(context, context.codeAttempts, handshakeAddress(context, socket), auth.code);
    return { actor, you, credential: { kind: 'code', hash: codeHash } };
  }
  if (auth.token) return actorForCredential(context, sessionOf(context, auth.token));
  if (auth.displayToken) return actorForCredential(context, { kind: 'display', hash: hashSecret(context.secretKey, auth.displayToken) });
  const cookies = app.parseCookie(socket.handshake.headers.cookie ?? '');
  const officer = cookies[OFFICER_COOKIE];
  const found = officer ? await actorForCredential(context, sessionOf(context, officer)) : null;
  if (found) return found;
  const member = cookies[MEMBER_COOKIE];
  return member ? actorForCredential(context, sessionOf(context, member)) : null;
}

/**
 * Who is at the other end, for the limit on code guesses: behind a trusted proxy the first
 * X-Forwarded-For address (as Fastify's request.ip), else the proxy's address would stand for the
 * whole hall, and one phone guessing would lock every phone out of joining.
 */
function handshakeAddress(context: AppContext, socket: Socket): string {
  const forwarded = context.config.TRUST_PROXY ? socket.handshake.headers['x-forwarded-for'] : undefined;
  const first = (Array.isArray(forwarded) ? forwarded.join(',') : forwarded)?.split(',')[0]?.trim();
  return first || socket.handshake.address;
}

/** The host the handshake reached us by: the Host header, or the last X-Forwarded-Host behind a trusted proxy (as Fastify's request.host). */
function handshakeHost(context: AppContext, socket: Socket): string | undefined {
  const forwarded = context.config.TRUST_PROXY ? socket.handshake.headers['x-forwarded-host'] : undefined;
  const value = Array.isArray(forwarded) ? forwarded.at(-1) : forwarded?.split(',').at(-1)?.trim();
  return value || socket.handshake.headers.host;
}

/** What a handshake found: the socket's data, and a representative as just read (handed to their first snapshot). */
interface Handshake {
  data: SocketData;
  you: MemberDescription | undefined;
  /** The version of the snapshot's meeting part the page holds, if it named one. */
  snapshotVersion: string | undefined;
}

async function authenticate(app: FastifyInstance, context: AppContext, rights: SocketRights, socket: Socket, cooldown: FloodCooldown): Promise<Handshake> {
  // A page on another site must not open a socket riding the hall's cookies (cross-site WebSocket hijacking).
  if (isCrossSite(socket.handshake.headers, handshakeHost(context, socket))) throw new AppError('CSRF_REJECTED');
  const auth = handshakeSchema.parse(socket.handshake.auth ?? {});
  const resolvedAt = rights.now();
  const found = await handshakeActor(app, context, socket, auth);
  if (!found) throw new AppError('UNAUTHENTICATED');
  const { actor, credential } = found;
  cooldown.assertAllowed(actor);
  // An officer may connect without naming a meeting, to follow motions only.
  const meeting = actor.kind === 'account' && !auth.meetingId ? null : await resolveMeetingFor(context, actor, auth.meetingId);
  if (meeting) assertCanFollow(actor, meeting);
  const data: SocketData = {
    actor,
    meetingId: meeting?.id ?? null,
    followsTerm: actor.kind === 'member' && !auth.meetingId ? actor.termId : null,
    motionRooms: await motionRoomsFor(context, actor),
    credential,
    resolvedAt,
  };
  return { data, you: found.you, snapshotVersion: auth.snapshotVersion };
}

/** What a socket's first snapshot may be spared (meetings/live.ts, KnownToSnapshot). */
function known(you: MemberDescription | undefined, version: string | undefined): KnownToSnapshot {
  const spared: KnownToSnapshot = {};
  if (you) spared.you = you;
  if (version) spared.version = version;
  return spared;
}

/** Cuts the socket off when its sign-in session expires, checking the clock (and the session's expiry, which may move) again if woken early. */
function endWithSession(context: AppContext, socket: Socket, data: SocketData): void {
  let timer: NodeJS.Timeout;
  const arm = () => {
    if (data.credential.kind !== 'session') return;
    const remaining = Date.parse(data.credential.expiresAt) - context.clock().getTime();
    if (remaining <= 0) return void socket.disconnect(true);
    timer = setTimeout(arm, Math.min(remaining, LONGEST_TIMER_MS));
    timer.unref();
  };
  socket.once('disconnect', () => clearTimeout(timer));
  arm();
}

function envelopeOf(failure: unknown) {
  const error = constraintError(failure) ?? failure;
  return { error: errorBody(error instanceof AppError ? error.code : 'INTERNAL', error instanceof AppError ? error.details : undefined) };
}

/** Events refused for speed before the socket is cut off; an honest device never gets near the burst. */
const FLOOD_STRIKES = 40;

/**
 * A token bucket per socket over every event it sends, commands or not: past the burst each event is
 * dropped (a command answered RATE_LIMITED), and a client that keeps going is cut off and cooled down.
 */
function rateGate(socket: Socket, cooldown: FloodCooldown, perSecond = 20, burst = 40): void {
  let tokens = burst;
  let last = Date.now();
  let strikes = 0;
  socket.use((packet, next) => {
    const now = Date.now();
    // A wall clock stepped back (NTP, a resumed VM) must not drain the bucket: it then refills nothing.
    tokens = Math.min(burst, tokens + (Math.max(0, now - last) / 1000) * perSecond);
    last = now;
    if (tokens >= 1) {
      tokens -= 1;
      return next();
    }
    const ack = packet.at(-1);
    if (typeof ack === 'function') (ack as Ack)(envelopeOf(new AppError('RATE_LIMITED')));
    if (++strikes > FLOOD_STRIKES && socket.connected) {
      cooldown.start((socket.data as SocketData).actor);
      socket.disconnect(true);
    }
  });
}

type Ack = (response: unknown) => void;

/**
 * The commands' payload schemas, made once: zod compiles a schema on its first parse, and a schema
 * made per socket was compiled again for every one of a hall's thousands of connections.
 */
const commandSchemas = {
  cast: castInput.extend({ ballotId: idSchema }).strict(),
  verifyReceipt: receiptCheckInput.extend({ ballotId: idSchema }).strict(),
  checkIn: z.object({ meetingId: idSchema }).strict(),
  sync: z.object({}).strict(),
};

/** Who may send each command: names from the one permission table, as the routes' config. */
export const commandPermissions = {
  'ballot:cast': 'ballot.cast',
  'ballot:verify-receipt': 'ballot.verify-receipt',
  'attendance:check-in': 'attendance.check-in',
  'meeting:sync': 'meeting.follow',
} as const satisfies Record<string, Permission>;

type CommandListener = (this: Socket, payload: unknown, maybeAck?: unknown) => Promise<void>;

/**
 * The commands' listeners, made once per server and shared by every socket: Socket.IO calls a
 * listener on its socket (`this`). Made per socket, they were five closures more for each phone of a
 * hall that reconnects at once.
 */
function commandListeners(context: AppContext, rights: SocketRights): [keyof typeof commandPermissions, CommandListener][] {
  /** Every command names its permission in the one table, and is checked against the actor as it is now. */
  const command = <T>(
    name: keyof typeof commandPermissions,
    schema: z.ZodType<T>,
    run: (input: T, actor: Actor, data: SocketData) => Promise<unknown>,
  ): [keyof typeof commandPermissions, CommandListener] => {
    const permission = commandPermissions[name];
    return [
      name,
      async function (this: Socket, payload: unknown, maybeAck?: unknown) {
        const ack: Ack = typeof maybeAck === 'function' ? (maybeAck as Ack) : typeof payload === 'function' ? (payload as Ack) : () => {};
        const parsed = schema.safeParse(typeof payload === 'function' ? {} : payload);
        if (!parsed.success)
          return ack(
            envelopeOf(
              new AppError(
                'VALIDATION_FAILED',
                parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
              ),
            ),
          );
        const data = this.data as SocketData;
        try {
          const actor = rights.isCurrent(data) ? data.actor : await rights.current(this);
          authorize(actor, permission);
          ack({ data: await run(parsed.data, actor, data) });
        } catch (error) {
          if (!(error instanceof AppError) && !constraintError(error)) context.logger.error({ err: error, event: name }, 'socket command failed');
          ack(envelopeOf(error));
        }
      },
    ];
  };
  return [
    command('ballot:cast', commandSchemas.cast, ({ ballotId, ...input }, actor) => castVote(context, actor, ballotId, input)),
    command('ballot:verify-receipt', commandSchemas.verifyReceipt, ({ ballotId, receipt }, actor) => checkReceipt(context, actor, ballotId, receipt)),
    command('attendance:check-in', commandSchemas.checkIn, ({ meetingId }, actor) => checkIn(context, requireMember(actor, 'attendance.check-in'), meetingId)),
    command('meeting:sync', commandSchemas.sync, (_input, actor, data) => meetingSnapshot(context, actor, data.meetingId ?? undefined)),
  ];
}

export function attachRealtime(app: FastifyInstance, context: AppContext, ledger: RightsLedger): Server {
  const admission = new Admission();
  admission.pauseNewConnections(app.server);
  const io = new Server(app.server, {
    serveClient: false,
    parser: encodedJsonParser,
    maxHttpBufferSize: 64 * 1024,
    pingInterval: 10_000,
    pingTimeout: 8_000,
    // Engine.IO's own handshake (the WebSocket upgrade, the session) is admitted a few per turn too: a
    // wave of 500 upgrades worked through in one turn held the connected phones' votes behind it.
    allowRequest: (_request, accept) => admission.admit(() => accept(null, true)),
    adapter: CountingAdapter,
  });
  const cooldown = new FloodCooldown();
  const caps = new SocketCaps();
  const rights = new SocketRights(io, context, ledger);
  const commands = commandListeners(context, rights);
  /**
   * What each handshake learned, until the socket's first snapshot: the representative as read (a
   * reconnecting phone reads itself once), the snapshot version its page holds, and the snapshot made
   * then (undefined if making it failed) with the adapter's count of messages sent before it.
   */
  const handshakes = new WeakMap<Socket, Pick<Handshake, 'you' | 'snapshotVersion'> & { snapshot: EncodedJson | null | undefined; sentBefore: number }>();
  const adapter = io.of('/').adapter as CountingAdapter;
  io.use((socket, next) => {
    admission.admit(() => {
      authenticate(app, context, rights, socket, cooldown)
        .then(async ({ data, you, snapshotVersion }) => {
          caps.take(data.actor, socket);
          Object.assign(socket.data, data);
          // The snapshot is made now and sent right behind Socket.IO's own answer to the handshake, in
          // the same turn: a phone of a reconnecting hall is woken once for both.
          const sentBefore = adapter.sent;
          const snapshot = await snapshotFor(context, data, known(you, snapshotVersion)).catch(() => undefined);
          handshakes.set(socket, { you, snapshotVersion, snapshot, sentBefore });
          next();
        })
        .catch((error: unknown) => {
          const body = errorBody(error instanceof AppError ? error.code : 'INTERNAL');
          next(Object.assign(new Error(body.code), { data: body }));
        });
    });
  });
  io.on('connection', (socket) => {
    const data = socket.data as SocketData;
    void socket.join(roomsOf(data));
    if (data.credential.kind === 'session') endWithSession(context, socket, data);
    rateGate(socket, cooldown);
    for (const [name, listener] of commands) socket.on(name, listener);
    // A change between the handshake's read and joining the rooms found no socket to re-read: read it now.
    if (!rights.isCurrent(data)) void rights.reread(socket).catch((error: unknown) => context.logger.error({ err: error }, 'socket rights re-read failed'));
    const { you, snapshotVersion, snapshot, sentBefore } = handshakes.get(socket) ?? {};
    handshakes.delete(socket);
    // As made at the handshake if nothing about them has changed since (the rights ledger would know)
    // and nothing was sent to any room meanwhile, else made anew now that the socket is in its rooms.
    if (rights.isCurrent(data) && snapshot !== undefined && sentBefore === adapter.sent) {
      if (snapshot) socket.emit('meeting:snapshot', snapshot);
    } else sendSnapshot(context, socket, data, known(rights.isCurrent(data) ? you : undefined, snapshotVersion));
  });
  const broadcaster = new Broadcaster(io, context, () => admission.busy);
  const unsubscribe = context.events.subscribe((event) => broadcaster.handle(event));
  // Sockets must go before the HTTP server can close; io.close() would close the server itself.
  app.addHook('preClose', async () => {
    unsubscribe();
    rights.stop();
    broadcaster.stop();
    io.local.disconnectSockets(true);
    io.engine.close();
    // The server's close waits for every connection; one a client left half-open (seen when a hall's
    // sockets hang up while it closes) held it open for good. In-flight requests get a grace period.
    setTimeout(() => app.server.closeAllConnections(), CLOSE_GRACE_MS).unref();
  });
  return io;
}
