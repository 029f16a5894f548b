// Scenario (b) of `npm run bench`: closing a secret ballot while another ballot with 1,000 voters is
// open, on a database padded with years of other data (BENCH_PAD_MB, default 500 MB of audit rows).
// The close rewrites only its own ballot's rows and empties the WAL, so the other ballot's
// acknowledgements must keep flowing: the longest gap between them during the close is compared
// with the longest gap in a quiet phase of the same run (target: ≤ 100 ms).
import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Socket } from 'socket.io-client';
import { startServer } from '../support/server-process.js';
import { closeAll, connectAll, percentile, runStorm } from './harness.js';
import { type BenchCongress, closeAndCount, createBallot, createBenchCongress, openBallot } from './yishi-congress.js';

const VOTERS = 1_000;
/** One vote sent every this many ms: a steady stream whose acknowledgements show any stall. */
const PACE_MS = 2;

export interface CloseBesideResult {
  padded_mb: number;
  closed_ballot_voters: number;
  close_ms: number;
  quiet_longest_gap_ms: number;
  during_close_longest_gap_ms: number;
  quiet_p99_ms: number;
  during_close_p99_ms: number;
  lost: number;
}

/** Years of other business: audit rows of 4 KB, written straight into the file before the server starts. */
function pad(databasePath: string, megabytes: number): number {
  const sqlite = new BetterSqlite3(databasePath);
  sqlite.pragma('synchronous = OFF');
  const insert = sqlite.prepare(
    "INSERT INTO audit_log (at, actor_account_id, actor_name, action, meeting_id, ballot_id, detail) VALUES ('2020-01-01T00:00:00.000Z', NULL, '秘书处', 'bench.padding', NULL, NULL, ?)",
  );
  const rows = Math.ceil((megabytes * 1024) / 4);
  const write = sqlite.transaction((count: number) => {
    for (let index = 0; index < count; index++) insert.run(JSON.stringify({ text: randomBytes(2000).toString('hex') }));
  });
  for (let done = 0; done < rows; done += 10_000) write(Math.min(10_000, rows - done));
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.close();
  return Math.round(statSync(databasePath).size / 2 ** 20);
}

interface Stream {
  acks: number[];
  latencies: number[];
  lost: number;
}

/** The given voters cast in the ballot one every PACE_MS; resolves with every answer's time. */
async function paced(sockets: Socket[], ballotId: string, during?: { afterMs: number; run: () => Promise<void> }): Promise<Stream> {
  const stream: Stream = { acks: [], latencies: [], lost: 0 };
  const answers = sockets.map(
    (socket, index) =>
      new Promise<void>((resolve) => {
        setTimeout(() => {
          const sent = performance.now();
          socket.emit('ballot:cast', { ballotId, answers: ['yes'], receipt: randomBytes(16).toString('hex') }, (response: { data?: unknown }) => {
            const now = performance.now();
            if (response?.data) {
              stream.acks.push(now);
              stream.latencies.push(now - sent);
            } else stream.lost += 1;
            resolve();
          });
        }, index * PACE_MS);
      }),
  );
  const side = during ? new Promise<void>((resolve, reject) => setTimeout(() => during.run().then(resolve, reject), during.afterMs)) : Promise.resolve();
  await Promise.all([...answers, side]);
  return stream;
}

function longestGap(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let longest = 0;
  for (let index = 1; index < sorted.length; index++) longest = Math.max(longest, sorted[index]! - sorted[index - 1]!);
  return longest;
}

async function post(congress: BenchCongress, path: string): Promise<void> {
  const response = await fetch(`${congress.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: congress.cookie }, body: '{}' });
  if (!response.ok) throw new Error(`POST ${path} → ${response.status}: ${await response.text()}`);
}

export async function closeBeside(directory: string, padMb = Number(process.env.BENCH_PAD_MB ?? 500)): Promise<CloseBesideResult> {
  const databasePath = join(directory, 'close-beside.sqlite');
  const environment = { RATE_LIMIT_PER_MINUTE: '0', CODE_ATTEMPT_LIMIT: '10000', LOG_LEVEL: 'warn' };
  await (await startServer(databasePath, environment, 60_000)).stop('SIGTERM');
  const paddedMb = pad(databasePath, padMb);
  const server = await startServer(databasePath, environment, 120_000);
  try {
    const congress = await createBenchCongress(server.url, VOTERS);
    const sockets = await connectAll(
      server.url,
      congress.codes.map((code) => ({ code })),
    );
    const secret = await createBallot(congress, '关于《集体合同(草案)》的决议');
    const storm = await runStorm(sockets, () => openBallot(congress, secret));
    const other = await createBallot(congress, '关于《职工代表大会议事规则》的决议');
    await openBallot(congress, other);
    const half = VOTERS / 2;
    const quiet = await paced(sockets.slice(0, half), other);
    let closeMs = 0;
    const during = await paced(sockets.slice(half), other, {
      afterMs: (half * PACE_MS) / 4,
      run: async () => {
        const started = performance.now();
        await post(congress, `/api/ballots/${secret}/close`);
        closeMs = performance.now() - started;
      },
    });
    const count = await closeAndCount(congress, other);
    closeAll(sockets);
    const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
    return {
      padded_mb: paddedMb,
      closed_ballot_voters: storm.acknowledged,
      close_ms: Math.round(closeMs),
      quiet_longest_gap_ms: Math.round(longestGap(quiet.acks)),
      during_close_longest_gap_ms: Math.round(longestGap(during.acks)),
      quiet_p99_ms: Math.round(percentile(sorted(quiet.latencies), 0.99)),
      during_close_p99_ms: Math.round(percentile(sorted(during.latencies), 0.99)),
      lost: quiet.lost + during.lost + (VOTERS - count.tally),
    };
  } finally {
    await server.stop('SIGTERM');
  }
}
