// Benchmark (c)'s stayers, in a process of their own (forked by reconnect-hall.ts, which sends the
// commands below): phones that stay connected and vote while the hall reconnects. Their latency is
// the server's answer time, so it must not include the time the hall's 1,000 reconnecting clients
// hold the benchmark's own event loop (up to 80 ms at a time, as measured): a real phone does not
// share its processor with the rest of the hall.
import type { Socket } from 'socket.io-client';
import { closeAll, connectAll } from './harness.js';
import { checkIn, type Pace, paceVotes } from './stayer-votes.js';

export interface StayersData {
  url: string;
  auths: Record<string, string>[];
  /** Yishi's meeting, where each stayer checks in once connected; the baseline has none. */
  meetingId?: string;
}
export type StayersCommand = { kind: 'start'; data: StayersData } | { kind: 'pace'; ballots: string[]; from: number } | { kind: 'sent' } | { kind: 'stop' } | { kind: 'close' };
export type StayersReply =
  | { kind: 'ready' }
  | { kind: 'sent' }
  | { kind: 'stopped'; latencies: number[]; count: number; refused: Record<string, number> }
  | { kind: 'closed'; dropped: Record<string, number> }
  | { kind: 'failed'; message: string };

const reply = (message: StayersReply) => process.send!(message);
const refused: Record<string, number> = {};
const dropped: Record<string, number> = {};
let stayers: Socket[] = [];
let pace: Pace | undefined;

async function start(data: StayersData): Promise<void> {
  stayers = await connectAll(data.url, data.auths);
  for (const socket of stayers) socket.once('disconnect', (reason) => (dropped[`dropped: ${reason}`] = (dropped[`dropped: ${reason}`] ?? 0) + 1));
  if (data.meetingId) await Promise.all(stayers.map((socket) => checkIn(socket, data.meetingId!)));
  reply({ kind: 'ready' });
}

process.on('message', (command: StayersCommand) => {
  switch (command.kind) {
    case 'start':
      start(command.data).catch((error: unknown) => reply({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }));
      return;
    case 'pace':
      pace = paceVotes(stayers, command.ballots, refused, command.from);
      return;
    case 'sent':
      void pace!.sent.then(() => reply({ kind: 'sent' }));
      return;
    case 'stop': {
      const count = pace!.count();
      void pace!.stop().then((latencies) => reply({ kind: 'stopped', latencies, count, refused: { ...refused } }));
      return;
    }
    case 'close':
      for (const socket of stayers) socket.removeAllListeners('disconnect');
      closeAll(stayers);
      // The parent ends this process once it has the reply: leaving at once, the exit was seen
      // before the reply under load (10,000 phones), and the run failed after all its rounds.
      reply({ kind: 'closed', dropped });
  }
});
