// npm run bench: the vote storm against the machine's own limit. For each N, Yishi (a child process,
// production settings, temporary database) and a bare Socket.IO + SQLite baseline are driven by the
// same harness; the figures and their ratio are printed and written to results/latest.json.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../support/server-process.js';
import { archiveBench, type ServerState } from './archive.js';
import { attackStorm } from './attack-storm.js';
import { closeAll, connectAll, runStorm, type StormResult } from './harness.js';
import { closeBeside } from './close-beside.js';
import { type HttpStormResult, httpStorm } from './http-driver.js';
import { reconnectBench } from './reconnect-hall.js';
import { closeAndCount, createBallot, createBenchCongress, joinAll, openBallot } from './yishi-congress.js';

const SIZES = (process.env.BENCH_SIZES ?? '1000,5000,10000').split(',').map(Number);
/** Which scenarios run: the storm by sizes, and issue 9's (BENCH_SCENARIOS=attack-storm,close,… runs those alone); `archive` (issue 13) only when asked. */
const SCENARIOS = new Set((process.env.BENCH_SCENARIOS ?? 'storm,attack-storm,close,reconnect').split(','));
/** Hall sizes for scenario (c), the whole hall reconnecting. */
const RECONNECT_SIZES = (process.env.BENCH_RECONNECT_SIZES ?? '1000,10000').split(',').map(Number);

interface Row {
  voters: number;
  transport: 'socket' | 'http';
  seconds_to_last_ack: number;
  votes_per_s: number;
  ack_p50_ms: number;
  ack_p95_ms: number;
  ack_p99_ms: number;
  turnout_settled_ms: number | null;
  rss_peak_mb: number;
  lost: number;
  duplicated: number;
  baseline_votes_per_s: number;
  ratio: number;
}

function peakRssMb(pid: number): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Math.round(Number(match[1]) / 1024) : 0;
}

/** Forgets the peak so far (Linux clear_refs 5): the storm's peak is then not the set-up's. */
function resetPeakRss(pid: number): void {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // not Linux, or not allowed: the peak then includes setting up the congress
  }
}

function currentRssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Math.round(Number(match[1]) / 1024) : 0;
}

function round(value: number, digits = 1): number {
  return Math.round(value * 10 ** digits) / 10 ** digits;
}

async function startBaseline(databasePath: string): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'baseline-server.ts'), databasePath], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('baseline did not start')), 20_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      const match = /listening (\d+)/.exec(chunk.toString());
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    stop: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

async function baselineRun(voters: number, directory: string): Promise<{ socket: StormResult; http: HttpStormResult }> {
  const baseline = await startBaseline(join(directory, `baseline-${voters}.sqlite`));
  try {
    const sockets = await connectAll(
      baseline.url,
      Array.from({ length: voters }, (_, index) => ({ code: `m${index}` })),
    );
    const socket = await runStorm(sockets, async () => void (await fetch(`${baseline.url}/open`)));
    closeAll(sockets);
    const http = await httpStorm(
      Array.from({ length: voters }, (_, index) => {
        const receipt = `h${index}-${crypto.randomUUID()}`;
        return { url: `${baseline.url}/vote`, headers: {}, body: { member: `m${index}`, ballotId: 'bench-http', receipt, answers: ['yes'] }, receipt };
      }),
    );
    return { socket, http };
  } finally {
    await baseline.stop();
  }
}

function verdict(acknowledged: string[], published: string[], tally: number): { lost: number; duplicated: number } {
  const box = new Set(published);
  const lost = acknowledged.filter((receipt) => !box.has(receipt)).length;
  return { lost, duplicated: Math.max(0, tally - new Set(acknowledged).size) + (published.length - box.size) };
}

function row(voters: number, transport: Row['transport'], result: StormResult | HttpStormResult, rss: number, check: { lost: number; duplicated: number }, baseline: number): Row {
  return {
    voters,
    transport,
    seconds_to_last_ack: round(result.secondsToLastAck, 3),
    votes_per_s: Math.round(result.votesPerSecond),
    ack_p50_ms: round(result.ackP50),
    ack_p95_ms: round(result.ackP95),
    ack_p99_ms: round(result.ackP99),
    turnout_settled_ms: 'turnoutSettledMs' in result && result.turnoutSettledMs !== null ? Math.round(result.turnoutSettledMs) : null,
    rss_peak_mb: rss,
    lost: check.lost + (result.voters - result.acknowledged),
    duplicated: check.duplicated,
    baseline_votes_per_s: Math.round(baseline),
    ratio: round(baseline > 0 ? result.votesPerSecond / baseline : 0, 2),
  };
}

async function yishiRun(voters: number, directory: string, baseline: { socket: StormResult; http: HttpStormResult }): Promise<Row[]> {
  const server = await startServer(join(directory, `yishi-${voters}.sqlite`), { RATE_LIMIT_PER_MINUTE: '0', CODE_ATTEMPT_LIMIT: '10000', LOG_LEVEL: 'warn' }, 60_000);
  try {
    const congress = await createBenchCongress(server.url, voters);
    const setupPeak = peakRssMb(server.child.pid!);
    resetPeakRss(server.child.pid!);
    const sockets = await connectAll(
      server.url,
      congress.codes.map((code) => ({ code })),
    );
    const connectedRss = currentRssMb(server.child.pid!);
    const socketBallot = await createBallot(congress, '关于《集体合同(草案)》的决议');
    const socket = await runStorm(sockets, () => openBallot(congress, socketBallot));
    const socketCount = await closeAndCount(congress, socketBallot);
    const socketRss = peakRssMb(server.child.pid!);
    console.log(`N=${voters}: server RSS peak ${setupPeak} MB while setting up the congress; ${connectedRss} MB with every voter connected; storm peak ${socketRss} MB`);
    closeAll(sockets);
    resetPeakRss(server.child.pid!);
    const tokens = await joinAll(server.url, congress.codes);
    const httpBallot = await createBallot(congress, '关于《职工代表大会议事规则》的决议');
    await openBallot(congress, httpBallot);
    const http = await httpStorm(
      tokens.map((token) => {
        const receipt = crypto.randomUUID().replaceAll('-', '');
        return { url: `${server.url}/api/ballots/${httpBallot}/votes`, headers: { authorization: `Bearer ${token}` }, body: { answers: ['yes'], receipt }, receipt };
      }),
    );
    const httpCount = await closeAndCount(congress, httpBallot);
    return [
      row(voters, 'socket', socket, socketRss, verdict(socket.receipts, socketCount.receipts, socketCount.tally), baseline.socket.votesPerSecond),
      row(voters, 'http', http, peakRssMb(server.child.pid!), verdict(http.receipts, httpCount.receipts, httpCount.tally), baseline.http.votesPerSecond),
    ];
  } finally {
    await server.stop('SIGTERM');
  }
}

async function main(): Promise<void> {
  const directory = mkdtempSync(join(tmpdir(), 'yishi-bench-'));
  const rows: Row[] = [];
  const scenarios: Record<string, unknown> = {};
  try {
    for (const voters of SCENARIOS.has('storm') ? SIZES : []) {
      const baseline = await baselineRun(voters, directory);
      rows.push(...(await yishiRun(voters, directory, baseline)));
      console.log(`N=${voters} done`);
    }
    if (SCENARIOS.has('attack-storm')) {
      const result = await attackStorm(join(directory, 'attack-storm.sqlite'));
      const summary = {
        voters: result.voters,
        quiet_p99_ms: round(result.quietP99),
        attacked_p99_ms: round(result.attackedP99),
        ratio: round(result.ratio, 2),
        within_2x: result.ratio <= 2,
        lost: result.attacked.voters - result.attacked.acknowledged,
        attack_answers: result.attackAnswers,
      };
      console.log('(a) attack during a storm: honest ack p99, quiet vs attacked (must stay ≤ 2×)');
      console.table([{ ...summary, attack_answers: JSON.stringify(summary.attack_answers) }]);
      scenarios['attack-storm'] = summary;
    }
    if (SCENARIOS.has('close')) {
      scenarios.close_beside_open_ballot = await closeBeside(directory);
      console.log("(b) closing a secret ballot beside an open one (target: longest gap between the open ballot's acks ≤ 100 ms):");
      console.table([scenarios.close_beside_open_ballot]);
    }
    if (SCENARIOS.has('reconnect')) await reconnectBench(RECONNECT_SIZES, startBaseline);
    if (SCENARIOS.has('archive')) {
      // BENCH_ARCHIVE_STATES=restarted,idle measures only those.
      const states = (process.env.BENCH_ARCHIVE_STATES ?? 'restarted,idle,cold,warm').split(',') as ServerState[];
      const archives = [];
      for (const state of states) archives.push(await archiveBench(directory, state));
      scenarios.archive = archives;
      console.log(
        '(issue 13) the session archive of a 10,000-member term (target: RSS raised by at most 100 MB), just after a restart (no worker running, nothing cached), a while after the set-up (idle: both workers gone), right after it (cold: no PDF worker yet) and with the PDF worker running (warm):',
      );
      console.table(archives);
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
  if (rows.length) console.table(rows);
  const machine = { cpus: cpus().length, cpu: cpus()[0]?.model, memory_gb: Math.round(totalmem() / 2 ** 30), node: process.version, at: new Date().toISOString() };
  writeFileSync(join(import.meta.dirname, 'results', SCENARIOS.has('storm') ? 'latest.json' : 'latest-scenarios.json'), `${JSON.stringify({ machine, rows, scenarios }, null, 2)}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
