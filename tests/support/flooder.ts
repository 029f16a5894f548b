// A hostile device for the flood test, in its own process so its sending costs neither the server
// nor the honest clients' measurements: one socket at a time, emitting about FLOOD_PER_SECOND events
// (vote attempts, snapshot requests and events nobody listens for, with padding) until cut off, then
// reconnecting and flooding again, until FLOOD_MS have passed. Talks to the test in JSON lines:
// stdout `{ "ready": true }`, stdin `go`, stdout the report.
import { createInterface } from 'node:readline';
import { io, type Socket } from 'socket.io-client';

const url = process.env.FLOOD_URL!;
const token = process.env.FLOOD_TOKEN!;
const ballotId = process.env.FLOOD_BALLOT!;
const durationMs = Number(process.env.FLOOD_MS ?? 1_000);
const perSecond = Number(process.env.FLOOD_PER_SECOND ?? 5_000);
const TICK_MS = 10;
const padding = 'x'.repeat(16 * 1024);

const report = { sent: 0, answered: 0, served: 0, rateLimited: 0, otherErrors: 0, connections: 0, cutOff: 0, refusedHandshakes: 0, firstCutOffMs: null as number | null, connectedMs: 0, elapsedMs: 0 };
let started = 0;
let finished = false;

function connect(): Promise<Socket | null> {
  return new Promise((resolve) => {
    const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { token } });
    socket.once('connect', () => {
      report.connections += 1;
      resolve(socket);
    });
    socket.once('connect_error', () => {
      report.refusedHandshakes += 1;
      socket.close();
      resolve(null);
    });
  });
}

function onAnswer(envelope: { data?: unknown; error?: { code: string } } | undefined): void {
  report.answered += 1;
  if (envelope?.data !== undefined) report.served += 1;
  else if (envelope?.error?.code === 'RATE_LIMITED') report.rateLimited += 1;
  else report.otherErrors += 1;
}

/** Floods on one socket until the server cuts it off or time is up; true if it was cut off. */
function flood(socket: Socket): Promise<boolean> {
  const connectedAt = performance.now();
  return new Promise<boolean>((resolve) => {
    let index = 0;
    const timer = setInterval(() => {
      if (performance.now() - started >= durationMs) {
        clearInterval(timer);
        socket.disconnect();
        return resolve(false);
      }
      for (let count = 0; count < (perSecond * TICK_MS) / 1000 && socket.connected; count++, index++) {
        report.sent += 1;
        if (index % 3 === 0) socket.emit('ballot:cast', { ballotId, answers: ['no'], receipt: `flood-${process.pid}-${index}-abcdef0123` }, onAnswer);
        else if (index % 3 === 1) socket.emit('meeting:sync', {}, onAnswer);
        else socket.emit('flood:junk', { padding, index });
      }
    }, TICK_MS);
    socket.once('disconnect', (reason) => {
      clearInterval(timer);
      if (reason === 'io server disconnect' || reason === 'transport close') {
        report.cutOff += 1;
        report.firstCutOffMs ??= Math.round(performance.now() - started);
        resolve(true);
      } else resolve(false);
    });
  }).finally(() => (report.connectedMs += performance.now() - connectedAt));
}

async function run(): Promise<void> {
  started = performance.now();
  while (!finished && performance.now() - started < durationMs) {
    const socket = await connect();
    if (socket) await flood(socket);
  }
  report.elapsedMs = Math.round(performance.now() - started);
  report.connectedMs = Math.round(report.connectedMs);
  process.stdout.write(`${JSON.stringify({ report })}\n`);
  process.exit(0);
}

// However the test ends, this process does not outlive it for long.
setTimeout(() => process.exit(2), durationMs + 30_000).unref();

const first = await connect();
if (!first) {
  process.stdout.write(`${JSON.stringify({ error: 'could not connect' })}\n`);
  process.exit(1);
}
first.disconnect();
report.connections = 0;
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
createInterface({ input: process.stdin }).once('line', () => void run());
process.stdin.once('end', () => {
  finished = true;
});
