// A hostile device for the flood test, and what its flood cost the server. The device sends a fixed
// number of events in one synchronous loop (vote attempts, snapshot requests, padded events nobody
// listens for), so the whole flood is on the wire before the server reads the first of it: how much
// gets through is settled by the rate gate alone, however fast or busy the machine.
import type { Server } from 'socket.io';
import type { Socket } from 'socket.io-client';
import type { SocketData } from '../../src/plugins/live-rooms.js';
import { within } from './sockets.js';

const padding = 'x'.repeat(4 * 1024);
const COMMANDS = ['ballot:cast', 'meeting:sync'];

/** A third each: a vote, a snapshot request, an event the server has no handler for. */
export function isCommand(index: number): boolean {
  return index % 3 !== 2;
}

/** How many of the events `from` (inclusive) to `to` (exclusive) are commands, which are answered. */
export function commandsAmong(from: number, to: number): number {
  let count = 0;
  for (let index = from; index < to; index++) if (isCommand(index)) count++;
  return count;
}

export interface BurstReport {
  sent: number;
  served: number;
  rateLimited: number;
  otherErrors: number;
  /** Why the socket ended, as socket.io-client tells it. */
  reason: string;
}

type Answer = { data?: unknown; error?: { code: string } } | undefined;

/**
 * Emits `count` events in one synchronous loop, the first a real vote with `receipt`, and resolves
 * once the server has cut the socket off (or answered every command), with what was answered before.
 */
export function burst(socket: Socket, count: number, ballotId: string, receipt: string, ms = 30_000): Promise<BurstReport> {
  const report: BurstReport = { sent: 0, served: 0, rateLimited: 0, otherErrors: 0, reason: '' };
  let settle: (reason: string) => void = () => {};
  const cut = new Promise<BurstReport>((resolve) => (settle = (reason) => resolve({ ...report, reason })));
  const commands = commandsAmong(0, count);
  let answered = 0;
  const onAnswer = (answer: Answer) => {
    if (answer?.data !== undefined) report.served += 1;
    else if (answer?.error?.code === 'RATE_LIMITED') report.rateLimited += 1;
    else report.otherErrors += 1;
    // A server that answers everything never cut the socket off: say so now rather than time out.
    if (++answered === commands) settle('still connected after every command was answered');
  };
  socket.once('disconnect', (reason) => settle(reason));
  for (let index = 0; index < count; index++, report.sent++) {
    if (index % 3 === 0) socket.emit('ballot:cast', { ballotId, answers: ['no'], receipt: index === 0 ? receipt : `flood-${index}-abcdef0123456789` }, onAnswer);
    else if (index % 3 === 1) socket.emit('meeting:sync', {}, onAnswer);
    else socket.emit('flood:junk', { padding, index });
  }
  return within(cut, ms, 'the server to cut the flooder off');
}

/** What one of the flooder's connections cost the server, counted inside it. */
export interface ConnectionCost {
  /** Events the server read and handed to the socket. */
  read: number;
  /** Of those, read before the socket was cut off. */
  readBeforeCut: number | null;
  /** Events the rate gate let through. */
  passed: number;
  /** Commands whose handler ran. */
  commandsRun: number;
}

/**
 * Counts, per connection of `memberId`, what the server did with its events. The app registers its
 * rate gate when a socket connects, before this listener runs, so the middleware added here sees only
 * what the gate let through; `onAny` sees every event read, before any middleware.
 */
export function countFloodCost(io: Server, memberId: string): ConnectionCost[] {
  const connections: ConnectionCost[] = [];
  io.on('connection', (socket) => {
    const { actor } = socket.data as SocketData;
    if (actor.kind !== 'member' || actor.memberId !== memberId) return;
    const cost: ConnectionCost = { read: 0, readBeforeCut: null, passed: 0, commandsRun: 0 };
    connections.push(cost);
    socket.onAny(() => (cost.read += 1));
    socket.use((_packet, next) => {
      cost.passed += 1;
      next();
    });
    for (const name of COMMANDS) socket.on(name, () => (cost.commandsRun += 1));
    socket.once('disconnect', () => (cost.readBeforeCut = cost.read));
  });
  return connections;
}
