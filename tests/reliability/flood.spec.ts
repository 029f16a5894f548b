// A flood: one representative's device emits thousands of events a second (votes, snapshot requests,
// padded events nobody listens for), reconnecting each time it is cut off, while 200 honest
// representatives vote. A device cut off is refused new connections for ten seconds. The server runs in its own process, the flooder in another. Every honest
// vote is acknowledged, and their p99 latency stays close to the same storm's without the flood.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { io, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { call, type Congress, createCongress, deviceReceipt, openBallot } from '../support/congress.js';
import { remoteApp, type ServerProcess, startServer } from '../support/server-process.js';
import { allWithin, within } from '../support/sockets.js';

const HONEST = 200;
/** Honest votes are spread over about a second, one every PACE_MS: the load of a hall voting, not a single instant. */
const PACE_MS = 5;
const FLOOD_MS = 1_500;
const FLOOD_PER_SECOND = 5_000;

let directory: string | undefined;
let server: ServerProcess | undefined;
let flooder: ChildProcess | undefined;
const sockets: Socket[] = [];

afterEach(async () => {
  for (const socket of sockets) socket.disconnect();
  sockets.length = 0;
  if (flooder && flooder.exitCode === null) {
    const exited = new Promise((resolve) => flooder!.once('exit', resolve));
    flooder.kill('SIGKILL');
    await exited;
  }
  flooder = undefined;
  await server?.stop('SIGKILL');
  server = undefined;
  if (directory) rmSync(directory, { recursive: true, force: true });
  directory = undefined;
});

function connect(url: string, token: string): Promise<Socket> {
  const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { token }, timeout: 10_000 });
  sockets.push(socket);
  return within(
    new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', reject);
    }),
    15_000,
    'an honest voter to connect',
  );
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

/** Each honest voter casts in turn, PACE_MS apart; resolves with every acknowledgement's latency in ms. */
async function paceVotes(voters: Socket[], ballotId: string): Promise<number[]> {
  const latencies = voters.map(
    (socket, index) =>
      new Promise<number>((resolve, reject) => {
        setTimeout(() => {
          const sent = performance.now();
          socket.timeout(10_000).emit('ballot:cast', { ballotId, answers: ['yes'], receipt: deviceReceipt() }, (error: Error | null, envelope: { data?: unknown; error?: { code: string } }) => {
            if (error) return reject(error);
            if (!envelope.data) return reject(new Error(`honest vote refused: ${envelope.error?.code}`));
            resolve(performance.now() - sent);
          });
        }, index * PACE_MS);
      }),
  );
  return allWithin(latencies, 20_000, 'every honest vote to be acknowledged');
}

interface FloodReport {
  sent: number;
  answered: number;
  served: number;
  rateLimited: number;
  otherErrors: number;
  connections: number;
  cutOff: number;
  refusedHandshakes: number;
  firstCutOffMs: number | null;
  /** Time spent connected, flooding. */
  connectedMs: number;
  elapsedMs: number;
}

/** Starts the flooder process and waits until it is connected and ready; `go()` starts the flood and resolves with its report. */
async function startFlooder(url: string, token: string, ballotId: string): Promise<{ go: () => Promise<FloodReport> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/flooder.ts'], {
    env: { PATH: process.env.PATH ?? '', FLOOD_URL: url, FLOOD_TOKEN: token, FLOOD_BALLOT: ballotId, FLOOD_MS: String(FLOOD_MS), FLOOD_PER_SECOND: String(FLOOD_PER_SECOND) },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  flooder = child;
  const lines = createInterface({ input: child.stdout! });
  const messages: ((message: any) => void)[] = [];
  lines.on('line', (line) => messages.shift()?.(JSON.parse(line)));
  const next = (what: string, ms: number) => within(new Promise<any>((resolve) => messages.push(resolve)), ms, what);
  const ready = await next('the flooder to connect', 20_000);
  expect(ready).toEqual({ ready: true });
  return {
    go: async () => {
      const report = next('the flooder’s report', FLOOD_MS + 20_000);
      child.stdin!.write('go\n');
      return (await report).report as FloodReport;
    },
  };
}

async function closeBallot(congress: Congress, ballotId: string): Promise<number> {
  const { ballot } = await call(congress.app, { method: 'POST', url: `/api/ballots/${ballotId}/close`, headers: { cookie: congress.secretary } });
  return ballot.result.cast as number;
}

describe('one device flooding the server', () => {
  it('is throttled, cut off and kept off for a while, while 200 honest voters get their acknowledgements at nearly their usual latency', async () => {
    directory = mkdtempSync(join(tmpdir(), 'yishi-flood-'));
    server = await startServer(join(directory, 'yishi.sqlite'), { LOG_LEVEL: 'warn' });
    const congress = await createCongress(remoteApp(server.url), { representatives: HONEST + 1 });
    const [attacker, ...honest] = congress.representatives;
    const voters = await allWithin(
      honest.map((person) => connect(server!.url, person.token)),
      20_000,
      'the honest voters to connect',
    );

    // The same paced storm twice: first in a quiet hall, then with the flood running throughout.
    const quietBallot = await openBallot(congress, { title: '安静', items: [{ kind: 'approval', title: '安静' }] });
    const quiet = await paceVotes(voters, quietBallot);
    expect(await closeBallot(congress, quietBallot)).toBe(HONEST);

    const floodedBallot = await openBallot(congress, { title: '洪水', items: [{ kind: 'approval', title: '洪水' }] });
    const flood = await startFlooder(server.url, attacker!.token, floodedBallot);
    const floodReport = flood.go();
    const flooded = await paceVotes(voters, floodedBallot);
    const report = await floodReport;
    const cast = await closeBallot(congress, floodedBallot);

    const figures = {
      quiet: { p50: percentile(quiet, 0.5), p99: percentile(quiet, 0.99), max: Math.max(...quiet) },
      flooded: { p50: percentile(flooded, 0.5), p99: percentile(flooded, 0.99), max: Math.max(...flooded) },
    };
    console.info(`flood: ${JSON.stringify(report)}; honest ack latency in ms ${JSON.stringify(figures, (_, value) => (typeof value === 'number' ? Math.round(value * 10) / 10 : value))}`);

    // Every honest vote went in, and the flooder's one real vote at most.
    expect(flooded).toHaveLength(HONEST);
    expect(cast === HONEST || cast === HONEST + 1).toBe(true);
    // The flood was a flood: thousands of events a second whenever it was connected, and it kept trying for the whole storm.
    expect(report.sent / (report.connectedMs / 1000)).toBeGreaterThan(1_000);
    expect(report.elapsedMs).toBeGreaterThanOrEqual(FLOOD_MS);
    // Throttled: per connection at most the burst of 40 and 20 a second were served; cut off within moments, and kept off.
    expect(report.served).toBeLessThanOrEqual(report.connections * 40 + Math.ceil((FLOOD_MS / 1000) * 20));
    expect(report.rateLimited).toBeGreaterThan(0);
    expect(report.cutOff).toBeGreaterThanOrEqual(1);
    expect(report.firstCutOffMs).toBeLessThan(500);
    expect(report.refusedHandshakes).toBeGreaterThan(0);
    expect(report.connections).toBeLessThanOrEqual(Math.ceil(FLOOD_MS / 10_000));
    // Honest latency under the flood stays within a small margin of the quiet storm's on this machine.
    expect(figures.flooded.p99).toBeLessThan(Math.max(3 * figures.quiet.p99, figures.quiet.p99 + 30));
  });
});
