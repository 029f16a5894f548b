// The live layer: a Socket.IO room per meeting. It only forwards: commands call the same services as
// HTTP, and domain events become broadcasts, turnout and attendance coalesced to a few per second.
import type { FastifyInstance } from 'fastify';
import { Server, type Socket } from 'socket.io';
import { z } from 'zod';
import { memberForCode } from '../access/service.js';
import { accountSessionForToken } from '../accounts/service.js';
import { ANONYMOUS, type Actor, requireMember } from '../actors.js';
import { castInput, receiptCheckInput } from '../ballots/api-schemas.js';
import { castVote, checkReceipt } from '../ballots/casting.js';
import { DocumentBroadcaster } from '../documents/live.js';
import { countEligible } from '../ballots/repository.js';
import { getBallot, turnoutOf, viewBallot } from '../ballots/service.js';
import type { AppContext } from '../context.js';
import { AppError, errorBody } from '../errors.js';
import type { DomainEvent } from '../events.js';
import { meetingSnapshot, resolveMeetingFor } from '../meetings/live.js';
import { assertCanFollow, attendanceCounts, checkIn, currentMeetingFor, getMeeting, presentMeeting } from '../meetings/service.js';
import { broadcastMotion, motionRoomsFor } from '../motions/live.js';
import { idSchema } from '../roster/schemas.js';
import { actorForDisplayToken, actorForToken, isCrossSite, MEMBER_COOKIE, OFFICER_COOKIE } from './auth.js';

const COALESCE_MS = 200;
/** A turnout update still reaches every screen within this, however big the hall. */
const MAX_COALESCE_MS = 1_000;
/** Broadcasting may take one part in five of the time between updates. */
const BROADCAST_SHARE_INVERSE = 5;
const handshakeSchema = z
  .object({ code: z.string().max(64).optional(), token: z.string().max(100).optional(), displayToken: z.string().max(100).optional(), meetingId: idSchema.optional() })
  .catch({});

interface SocketData {
  actor: Actor;
  meetingId: string | null;
  /** A representative who named no meeting follows the term's current one, from session to session. */
  followsTerm: string | null;
  /** Motion rooms (secretariat and committee, or a handler's department), not tied to a meeting. */
  motionRooms: string[];
  /** An officer's sign-in session: the socket ends with it (sign-out, expiry). */
  session: { hash: string; expiresAt: string } | null;
}

const rooms = {
  meeting: (id: string) => `m:${id}`,
  officers: (id: string) => `o:${id}`,
  member: (id: string) => `p:${id}`,
  term: (id: string) => `t:${id}`,
  account: (id: string) => `a:${id}`,
  session: (hash: string) => `s:${hash}`,
};

/** setTimeout waits at most 2^31-1 ms; a session may last longer (SESSION_HOURS up to 30 days). */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

function isOfficer(actor: Actor): boolean {
  return actor.kind === 'account' && (actor.role === 'secretary' || actor.role === 'scrutineer');
}

/** Who the handshake names, and the session token that named them (none for a code or a display). */
async function handshakeActor(app: FastifyInstance, context: AppContext, socket: Socket, auth: z.infer<typeof handshakeSchema>): Promise<{ actor: Actor; token: string | null }> {
  if (auth.code) return { actor: (await memberForCode(context, context.codeAttempts, socket.handshake.address, auth.code)).actor, token: null };
  if (auth.token) return { actor: await actorForToken(context, auth.token), token: auth.token };
  if (auth.displayToken) return { actor: await actorForDisplayToken(context, auth.displayToken), token: null };
  const cookies = app.parseCookie(socket.handshake.headers.cookie ?? '');
  const officer = cookies[OFFICER_COOKIE];
  if (officer) {
    const actor = await actorForToken(context, officer);
    if (actor.kind !== 'anonymous') return { actor, token: officer };
  }
  const member = cookies[MEMBER_COOKIE];
  return member ? { actor: await actorForToken(context, member), token: member } : { actor: ANONYMOUS, token: null };
}

/** The host the handshake reached us by: the Host header, or the last X-Forwarded-Host behind a trusted proxy (as Fastify's request.host). */
function handshakeHost(context: AppContext, socket: Socket): string | undefined {
  const forwarded = context.config.TRUST_PROXY ? socket.handshake.headers['x-forwarded-host'] : undefined;
  const value = Array.isArray(forwarded) ? forwarded.at(-1) : forwarded?.split(',').at(-1)?.trim();
  return value || socket.handshake.headers.host;
}

async function authenticate(app: FastifyInstance, context: AppContext, socket: Socket, cooldown: FloodCooldown): Promise<SocketData> {
  // A page on another site must not open a socket riding the hall's cookies (cross-site WebSocket hijacking).
  if (isCrossSite(socket.handshake.headers, handshakeHost(context, socket))) throw new AppError('CSRF_REJECTED');
  const auth = handshakeSchema.parse(socket.handshake.auth ?? {});
  const { actor, token } = await handshakeActor(app, context, socket, auth);
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  cooldown.assertAllowed(actor);
  const officerSession = actor.kind === 'account' && token ? await accountSessionForToken(context, token) : null;
  if (actor.kind === 'account' && !officerSession) throw new AppError('UNAUTHENTICATED');
  // An officer may connect without naming a meeting, to follow motions only.
  const meeting = actor.kind === 'account' && !auth.meetingId ? null : await resolveMeetingFor(context, actor, auth.meetingId);
  if (meeting) assertCanFollow(actor, meeting);
  return {
    actor,
    meetingId: meeting?.id ?? null,
    followsTerm: actor.kind === 'member' && !auth.meetingId ? actor.termId : null,
    motionRooms: await motionRoomsFor(context, actor),
    session: officerSession && { hash: officerSession.sessionHash, expiresAt: officerSession.expiresAt },
  };
}

/** Cuts the socket off when its officer session expires, checking the clock again if woken early. */
function endWithSession(context: AppContext, socket: Socket, expiresAt: string): void {
  let timer: NodeJS.Timeout;
  const arm = () => {
    const remaining = Date.parse(expiresAt) - context.clock().getTime();
    if (remaining <= 0) return void socket.disconnect(true);
    timer = setTimeout(arm, Math.min(remaining, LONGEST_TIMER_MS));
    timer.unref();
  };
  socket.once('disconnect', () => clearTimeout(timer));
  arm();
}

function sendSnapshot(context: AppContext, socket: Pick<Socket, 'emit'>, data: SocketData): void {
  if (!data.meetingId && data.actor.kind === 'account') return;
  meetingSnapshot(context, data.actor, data.meetingId ?? undefined)
    .then((snapshot) => socket.emit('meeting:snapshot', snapshot))
    .catch((error: unknown) => context.logger.error({ err: error }, 'snapshot failed'));
}

function envelopeOf(error: unknown) {
  return { error: errorBody(error instanceof AppError ? error.code : 'INTERNAL', error instanceof AppError ? error.details : undefined) };
}

/** How long a device cut off for flooding is refused a new connection: reconnecting at once would make the cut-off moot. */
const FLOOD_COOLDOWN_MS = 10_000;
/** Events refused for speed before the socket is cut off; an honest device never gets near the burst. */
const FLOOD_STRIKES = 40;

/** Who a socket speaks for, so a cut-off flooder stays off whichever credential it reconnects with. */
function actorKey(actor: Actor): string {
  if (actor.kind === 'member') return `member:${actor.memberId}`;
  if (actor.kind === 'account') return `account:${actor.id}`;
  return actor.kind === 'display' ? `display:${actor.meetingId}` : 'anonymous';
}

/** Flooders recently cut off, by actor: refused a new socket until their time is up. */
class FloodCooldown {
  readonly #until = new Map<string, number>();

  start(actor: Actor): void {
    if (this.#until.size > 10_000) this.#until.clear();
    this.#until.set(actorKey(actor), Date.now() + FLOOD_COOLDOWN_MS);
  }

  assertAllowed(actor: Actor): void {
    const key = actorKey(actor);
    const until = this.#until.get(key);
    if (until === undefined) return;
    if (until > Date.now()) throw new AppError('RATE_LIMITED');
    this.#until.delete(key);
  }
}

/**
 * A token bucket per socket over every event it sends, commands or not: past the burst each event is
 * dropped (a command answered RATE_LIMITED), and a client that keeps going is cut off and cooled down.
 */
function rateGate(socket: Socket, onFlood: () => void, perSecond = 20, burst = 40): void {
  let tokens = burst;
  let last = Date.now();
  let strikes = 0;
  socket.use((packet, next) => {
    const now = Date.now();
    tokens = Math.min(burst, tokens + ((now - last) / 1000) * perSecond);
    last = now;
    if (tokens >= 1) {
      tokens -= 1;
      return next();
    }
    const ack = packet.at(-1);
    if (typeof ack === 'function') (ack as Ack)(envelopeOf(new AppError('RATE_LIMITED')));
    if (++strikes > FLOOD_STRIKES && socket.connected) {
      onFlood();
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

function registerCommands(context: AppContext, socket: Socket, data: SocketData, cooldown: FloodCooldown): void {
  rateGate(socket, () => cooldown.start(data.actor));
  const command = <T>(name: string, schema: z.ZodType<T>, run: (input: T) => Promise<unknown>) => {
    socket.on(name, async (payload: unknown, maybeAck?: unknown) => {
      const ack: Ack = typeof maybeAck === 'function' ? (maybeAck as Ack) : typeof payload === 'function' ? (payload as Ack) : () => {};
      const parsed = schema.safeParse(typeof payload === 'function' ? {} : payload);
      if (!parsed.success) return ack(envelopeOf(new AppError('VALIDATION_FAILED', parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })))));
      try {
        ack({ data: await run(parsed.data) });
      } catch (error) {
        if (!(error instanceof AppError)) context.logger.error({ err: error, event: name }, 'socket command failed');
        ack(envelopeOf(error));
      }
    });
  };
  command('ballot:cast', commandSchemas.cast, ({ ballotId, ...input }) => castVote(context, data.actor, ballotId, input));
  command('ballot:verify-receipt', commandSchemas.verifyReceipt, ({ ballotId, receipt }) => checkReceipt(context, data.actor, ballotId, receipt));
  command('attendance:check-in', commandSchemas.checkIn, ({ meetingId }) => checkIn(context, requireMember(data.actor), meetingId));
  command('meeting:sync', commandSchemas.sync, () => meetingSnapshot(context, data.actor, data.meetingId ?? undefined));
}

class Broadcaster {
  readonly #turnout = new Map<string, string>();
  readonly #attendance = new Set<string>();
  readonly #documents: DocumentBroadcaster;
  #timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly io: Server,
    private readonly context: AppContext,
  ) {
    this.#documents = new DocumentBroadcaster(io, context, rooms.meeting);
  }

  handle(event: DomainEvent): void {
    this.#dispatch(event).catch((error: unknown) => this.context.logger.error({ err: error, type: event.type }, 'broadcast failed'));
  }

  async #dispatch(event: DomainEvent): Promise<void> {
    switch (event.type) {
      case 'ballot.turnout':
        this.#turnout.set(event.ballotId, event.meetingId);
        return this.#schedule();
      case 'attendance.changed':
        this.#attendance.add(event.meetingId);
        return this.#schedule();
      case 'member.voted':
        this.io.to(rooms.member(event.memberId)).emit('ballot:voted', { ballotId: event.ballotId });
        return;
      case 'member.revoked':
        this.io.in(rooms.member(event.memberId)).disconnectSockets(true);
        return;
      case 'session.ended':
        this.io.in(rooms.session(event.sessionHash)).disconnectSockets(true);
        return;
      case 'account.disabled':
        this.io.in(rooms.account(event.accountId)).disconnectSockets(true);
        return;
      case 'motion.changed':
        return broadcastMotion(this.io, this.context, event, { member: rooms.member, followers: (meetingId, termId) => [rooms.meeting(meetingId), rooms.term(termId)] });
      case 'document.changed':
      case 'document.opinion':
        return this.#documents.handle(event);
      case 'meeting.updated': {
        const meeting = await getMeeting(this.context, event.meetingId);
        await this.#followCurrentMeeting(meeting.term_id);
        this.io.to(rooms.meeting(event.meetingId)).emit('meeting:updated', { meeting: presentMeeting(meeting) });
        return;
      }
      default:
        return this.#ballot(event.type, event.meetingId, event.ballotId);
    }
  }

  async #ballot(type: 'ballot.opened' | 'ballot.closed' | 'ballot.published' | 'ballot.updated', meetingId: string, ballotId: string): Promise<void> {
    const name = `ballot:${type.slice('ballot.'.length)}`;
    const ballot = await getBallot(this.context, ballotId).catch(() => null);
    if (!ballot || ballot.state === 'draft' || type === 'ballot.updated') {
      this.io.to(rooms.officers(meetingId)).emit('ballot:updated', { ballotId, ballot: ballot && (await viewBallot(this.context, ballot, 'officer')) });
      return;
    }
    this.io.to(rooms.meeting(meetingId)).except(rooms.officers(meetingId)).emit(name, { ballot: await viewBallot(this.context, ballot, 'public') });
    this.io.to(rooms.officers(meetingId)).emit(name, { ballot: await viewBallot(this.context, ballot, 'officer') });
  }

  /** When a term's current meeting changes (the next session opens), move its followers there with a fresh snapshot. */
  async #followCurrentMeeting(termId: string): Promise<void> {
    const sockets = await this.io.in(rooms.term(termId)).fetchSockets();
    const follower = sockets[0]?.data as SocketData | undefined;
    if (!follower || follower.actor.kind !== 'member') return;
    const current = await currentMeetingFor(this.context, follower.actor);
    if (!current) return;
    for (const socket of sockets) {
      const data = socket.data as SocketData;
      if (data.meetingId === current.id) continue;
      if (data.meetingId) void socket.leave(rooms.meeting(data.meetingId));
      data.meetingId = current.id;
      void socket.join(rooms.meeting(current.id));
      sendSnapshot(this.context, socket, data);
    }
  }

  /**
   * At most one turnout and attendance update per COALESCE_MS; in a big hall less often, so that
   * broadcasting (some 15 µs per recipient: 150 ms for 10,000 phones) takes at most a fifth of the
   * server's time and the votes themselves keep the rest.
   */
  #schedule(): void {
    if (this.#timer) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      const started = performance.now();
      this.#flush()
        .catch((error: unknown) => this.context.logger.error({ err: error }, 'coalesced broadcast failed'))
        .finally(() => (this.#delay = Math.min(MAX_COALESCE_MS, Math.max(COALESCE_MS, (performance.now() - started) * BROADCAST_SHARE_INVERSE))));
    }, this.#delay);
  }

  #delay = COALESCE_MS;

  async #flush(): Promise<void> {
    const turnout = [...this.#turnout];
    const attendance = [...this.#attendance];
    this.#turnout.clear();
    this.#attendance.clear();
    for (const [ballotId, meetingId] of turnout) {
      const ballot = await getBallot(this.context, ballotId);
      const meeting = await getMeeting(this.context, meetingId);
      const figures = await turnoutOf(this.context, ballot, await countEligible(this.context.db, meeting.term_id));
      this.io.to(rooms.meeting(meetingId)).emit('ballot:turnout', { ballotId, meetingId, ...figures });
    }
    for (const meetingId of attendance) {
      const counts = await attendanceCounts(this.context, await getMeeting(this.context, meetingId));
      this.io.to(rooms.meeting(meetingId)).emit('attendance:updated', { meetingId, counts });
    }
  }

  stop(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#documents.stop();
  }
}

export function attachRealtime(app: FastifyInstance, context: AppContext): Server {
  const io = new Server(app.server, { serveClient: false, maxHttpBufferSize: 64 * 1024, pingInterval: 10_000, pingTimeout: 8_000 });
  const cooldown = new FloodCooldown();
  io.use((socket, next) => {
    authenticate(app, context, socket, cooldown)
      .then((data) => {
        Object.assign(socket.data, data);
        next();
      })
      .catch((error: unknown) => {
        const body = errorBody(error instanceof AppError ? error.code : 'INTERNAL');
        next(Object.assign(new Error(body.code), { data: body }));
      });
  });
  io.on('connection', (socket) => {
    const data = socket.data as SocketData;
    if (data.meetingId) {
      void socket.join(rooms.meeting(data.meetingId));
      if (isOfficer(data.actor)) void socket.join(rooms.officers(data.meetingId));
    }
    if (data.actor.kind === 'member') void socket.join(rooms.member(data.actor.memberId));
    if (data.actor.kind === 'account') void socket.join(rooms.account(data.actor.id));
    if (data.session) {
      void socket.join(rooms.session(data.session.hash));
      endWithSession(context, socket, data.session.expiresAt);
    }
    if (data.followsTerm) void socket.join(rooms.term(data.followsTerm));
    if (data.motionRooms.length) void socket.join(data.motionRooms);
    registerCommands(context, socket, data, cooldown);
    sendSnapshot(context, socket, data);
  });
  const broadcaster = new Broadcaster(io, context);
  const unsubscribe = context.events.subscribe((event) => broadcaster.handle(event));
  // Sockets must go before the HTTP server can close; io.close() would close the server itself.
  app.addHook('preClose', async () => {
    unsubscribe();
    broadcaster.stop();
    io.local.disconnectSockets(true);
    io.engine.close();
  });
  return io;
}
