// The client side of the vote storm: N real socket.io-client connections (websocket), each voting the
// moment it sees "ballot opened", timing its acknowledgement and when it sees the final turnout.
import { io, type Socket } from 'socket.io-client';

export interface StormResult {
  voters: number;
  acknowledged: number;
  refused: Record<string, number>;
  receipts: string[];
  secondsToLastAck: number;
  votesPerSecond: number;
  ackP50: number;
  ackP95: number;
  ackP99: number;
  turnoutSettledMs: number | null;
}

export function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

function receipt(): string {
  return crypto.getRandomValues(new Uint8Array(16)).reduce((text, byte) => text + byte.toString(16).padStart(2, '0'), '');
}

/** Connects in waves so the server's accept loop is not the thing being measured. */
export async function connectAll(url: string, auths: Record<string, string>[], wave = 500): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (let start = 0; start < auths.length; start += wave) {
    const batch = auths.slice(start, start + wave).map(
      (auth) =>
        new Promise<Socket>((resolve, reject) => {
          const socket = io(url, { transports: ['websocket'], auth, forceNew: true, reconnection: false, timeout: 60_000 });
          socket.once('connect', () => resolve(socket));
          socket.once('connect_error', (error) => reject(new Error(`connect failed: ${error.message}`)));
        }),
    );
    sockets.push(...(await Promise.all(batch)));
  }
  return sockets;
}

/** Arms every socket, then calls open(); resolves when every vote has an answer (or the limit passes). */
export async function runStorm(sockets: Socket[], open: () => Promise<void>, limitMs = 60_000): Promise<StormResult> {
  const voters = sockets.length;
  const latencies: number[] = [];
  const receipts: string[] = [];
  const refused: Record<string, number> = {};
  let answered = 0;
  let lastAck = 0;
  let sawFinal = 0;
  let turnoutSettled: number | null = null;
  let openedAt = 0;
  const done = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, limitMs);
    const finish = () => {
      if (answered === voters && (turnoutSettled !== null || sawFinal === voters)) {
        clearTimeout(timer);
        resolve();
      }
    };
    for (const socket of sockets) {
      let seenFinal = false;
      socket.on('ballot:turnout', ({ voted }: { voted: number }) => {
        if (seenFinal || voted < voters) return;
        seenFinal = true;
        if (++sawFinal === voters) {
          turnoutSettled = performance.now() - openedAt;
          finish();
        }
      });
      socket.once('ballot:opened', ({ ballot }: { ballot: { id: string } }) => {
        const mine = receipt();
        const sent = performance.now();
        socket.emit('ballot:cast', { ballotId: ballot.id, answers: ['yes'], receipt: mine }, (response: { data?: unknown; error?: { code: string } }) => {
          const now = performance.now();
          answered += 1;
          if (response?.data) {
            latencies.push(now - sent);
            receipts.push(mine);
            lastAck = Math.max(lastAck, now);
          } else {
            const code = response?.error?.code ?? 'NO_ANSWER';
            refused[code] = (refused[code] ?? 0) + 1;
          }
          finish();
        });
      });
    }
  });
  openedAt = performance.now();
  await open();
  await done;
  latencies.sort((a, b) => a - b);
  const seconds = (lastAck - openedAt) / 1000;
  return {
    voters,
    acknowledged: latencies.length,
    refused,
    receipts,
    secondsToLastAck: seconds,
    votesPerSecond: seconds > 0 ? latencies.length / seconds : 0,
    ackP50: percentile(latencies, 0.5),
    ackP95: percentile(latencies, 0.95),
    ackP99: percentile(latencies, 0.99),
    turnoutSettledMs: turnoutSettled,
  };
}

export function closeAll(sockets: Socket[]): void {
  for (const socket of sockets) socket.disconnect();
}
