// The votes of benchmark (c)'s phones, shared by the hall (reconnect-hall.ts) and the stayers' own
// thread (stayers-worker.ts): one vote with its latency, and the stayers' steady pace.
import type { Socket } from 'socket.io-client';

type Envelope = { data?: unknown; error?: { code: string } };

/** The stayers' steady pace: a vote every 10 ms, one stayer after another. */
const VOTE_EVERY_MS = 10;

function receipt(): string {
  return crypto.getRandomValues(new Uint8Array(16)).reduce((text, byte) => text + byte.toString(16).padStart(2, '0'), '');
}

export function cast(socket: Socket, ballotId: string): Promise<{ ms: number; error?: string }> {
  const sent = performance.now();
  return new Promise((resolve) => {
    socket.timeout(60_000).emit('ballot:cast', { ballotId, answers: ['yes'], receipt: receipt() }, (timeout: Error | null, response: Envelope) => {
      resolve({ ms: performance.now() - sent, ...(timeout ? { error: 'NO_ANSWER' } : response?.error ? { error: response.error.code } : {}) });
    });
  });
}

/** Checks a phone in to Yishi's meeting (its voters check in on arrival; voting is not checking in). */
export function checkIn(socket: Socket, meetingId: string): Promise<void> {
  return new Promise<void>((resolve, reject) =>
    socket
      .timeout(60_000)
      .emit('attendance:check-in', { meetingId }, (timeout: Error | null, response: Envelope) =>
        timeout || response?.error ? reject(new Error(`check-in refused: ${timeout?.message ?? response.error?.code}`)) : resolve(),
      ),
  );
}

export interface Pace {
  /** Resolves once every ballot has had a vote from every stayer. */
  sent: Promise<void>;
  count: () => number;
  /** Stops sending; resolves with every vote's latency (sorted) once the last answer is in. */
  stop: () => Promise<number[]>;
}

/** The stayers vote one after another at a steady pace, ballot after ballot, from vote `from` on. */
export function paceVotes(stayers: Socket[], ballots: string[], refused: Record<string, number>, from = 0): Pace {
  const latencies: number[] = [];
  const answers: Promise<void>[] = [];
  let next = from;
  let allSent = () => {};
  const sent = new Promise<void>((resolve) => (allSent = resolve));
  const timer = setInterval(() => {
    const ballot = ballots[Math.floor(next / stayers.length)];
    if (ballot === undefined) return allSent();
    const socket = stayers[next % stayers.length]!;
    next += 1;
    answers.push(
      cast(socket, ballot).then(({ ms, error }) => {
        if (error) refused[error] = (refused[error] ?? 0) + 1;
        else latencies.push(ms);
      }),
    );
  }, VOTE_EVERY_MS);
  return {
    sent,
    count: () => next,
    stop: async () => {
      clearInterval(timer);
      await Promise.all(answers);
      return latencies.sort((a, b) => a - b);
    },
  };
}
