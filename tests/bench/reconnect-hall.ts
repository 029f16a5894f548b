// Benchmark (c): the whole hall reconnects at once (a Wi-Fi access point restarts) while ballots are
// open. The same client script runs against Yishi and the bare baseline in the same run, both servers
// up and their rounds alternating: N phones connect, half of them vote, all drop, and all come back in
// waves of 500 (the harness's waves), ten times over (ROUNDS); meanwhile a few hundred phones that
// stayed connected keep voting at a steady pace, from a process of their own (stayers-process.ts). Measured: the time until every phone is back with its snapshot (the median round and the
// slowest), every Yishi snapshot checked against the known truth, and the stayers' vote latency
// during the reconnects (pooled) against their quiet latency.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { io, type Socket } from 'socket.io-client';
import { startServer } from '../support/server-process.js';
import { type ChildProcess, fork } from 'node:child_process';
import { closeAll, percentile } from './harness.js';
import { cast, checkIn } from './stayer-votes.js';
import type { StayersCommand, StayersData, StayersReply } from './stayers-process.js';
import { type BenchCongress, createBallot, createBenchCongress, openBallot } from './yishi-congress.js';

/** Phones that stay connected and keep voting while the hall reconnects. */
export const STAYERS = 250;
const QUIET_BALLOTS = 2;
/** Enough ballots for the stayers to keep voting through every round of a slow reconnect (250 votes each). */
export const RECONNECT_BALLOTS = 12;
/**
 * The hall drops and comes back this many times in a run (BENCH_RECONNECT_ROUNDS), the stayers'
 * votes during every round pooled: one reconnect of 1,000 phones lasts about 0.5 s, in which the
 * stayers cast about 45 votes, whose "p99" is their maximum; ten rounds give some 450, whose p99 is
 * their fifth slowest.
 */
const ROUNDS = Number(process.env.BENCH_RECONNECT_ROUNDS ?? 10);

export interface ReconnectTarget {
  url: string;
  /** The server's process: its CPU time during the reconnect is read from /proc (a figure the machine's noise bends less). */
  pid?: number;
  /** The hall's handshakes (they drop and reconnect) and the stayers' (they never drop). */
  hall: Record<string, string>[];
  stayers: Record<string, string>[];
  /** Ballots already open: the hall's, the quiet phase's, and those voted during the reconnect. */
  ballots: { hall: string; quiet: string[]; reconnect: string[] };
  /** Yishi's meeting, where each phone checks in on arrival (voting is not checking in); the baseline has none. */
  meetingId?: string;
  /** Checks one reconnected phone's snapshot; returns what is wrong, or null. */
  check?: (index: number, snapshot: any, bounds: { reconnectVotesBefore: number; reconnectVotesAfter: number }) => string | null;
}

export interface ReconnectResult {
  phones: number;
  /** The median round's, and the slowest's. */
  secondsToAllBack: number;
  slowestSecondsToAllBack: number;
  rounds: number;
  snapshotsChecked: number;
  snapshotErrors: string[];
  quietP50: number;
  quietP99: number;
  reconnectP50: number;
  reconnectP99: number;
  reconnectVotes: number;
  /** The server's CPU time (user + system) from the drop's end to the last snapshot, a round on average, or null off Linux. */
  serverCpuMs: number | null;
  refused: Record<string, number>;
}

/** A process's CPU time so far (user + system), in ms, from /proc; null where there is none. */
function cpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /, '')
      .split(' ');
    // After the command: state is field 3, utime and stime are fields 14 and 15 (in clock ticks of 10 ms).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** Connects in waves of 500 like the storm's harness, each phone counted back once its snapshot is in. */
async function reconnectAll(url: string, auths: Record<string, string>[], wave = 500): Promise<{ sockets: Socket[]; snapshots: unknown[] }> {
  const sockets: Socket[] = [];
  const snapshots: unknown[] = [];
  for (let start = 0; start < auths.length; start += wave) {
    const batch = auths.slice(start, start + wave).map(
      (auth) =>
        new Promise<{ socket: Socket; snapshot: unknown }>((resolve, reject) => {
          const socket = io(url, { transports: ['websocket'], auth, forceNew: true, reconnection: false, timeout: 120_000, autoConnect: false });
          socket.once('meeting:snapshot', (snapshot: unknown) => resolve({ socket, snapshot }));
          socket.once('connect_error', (error) => reject(new Error(`reconnect failed: ${error.message}`)));
          socket.connect();
        }),
    );
    for (const { socket, snapshot } of await Promise.all(batch)) {
      sockets.push(socket);
      snapshots.push(snapshot);
    }
  }
  return { sockets, snapshots };
}

/**
 * What a page keeps of a snapshot (web/src/shared/live.ts): a full one with a version (Yishi's) is
 * kept, and its version sent back on reconnecting; the short answer (`same`) is made whole again from
 * it. The baseline's snapshots have no version: its phones reconnect as they first connected.
 */
function keptPart(snapshot: any): any {
  return snapshot?.version && !snapshot.same ? snapshot : null;
}

function withVersion(auth: Record<string, string>, kept: any): Record<string, string> {
  return kept ? { ...auth, snapshotVersion: kept.version } : auth;
}

function madeWhole(kept: any, snapshot: any): unknown {
  if (!snapshot?.same) return snapshot;
  if (kept?.version !== snapshot.version) return { wrong: 'a short snapshot for a part the phone does not hold' };
  const ballots = kept.ballots.map((ballot: any, index: number) => ({ ...ballot, turnout: snapshot.turnouts[index] ?? null }));
  return { meeting: kept.meeting, attendance: snapshot.attendance, ballots, agenda: kept.agenda ?? null, you: snapshot.you, serverTime: snapshot.serverTime };
}

async function castAll(sockets: Socket[], ballotId: string): Promise<void> {
  const results = await Promise.all(sockets.map((socket) => cast(socket, ballotId)));
  const failed = results.filter((result) => result.error);
  if (failed.length) throw new Error(`set-up votes refused: ${failed[0]!.error} (${failed.length})`);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The stayers' process (stayers-process.ts), asked one thing at a time. */
class StayersProcess {
  readonly #worker: ChildProcess;
  #closed = false;

  constructor(data: StayersData) {
    this.#worker = fork(fileURLToPath(new URL('./stayers-process.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.#worker.send({ kind: 'start', data } satisfies StayersCommand);
  }

  /** Sends `command` (if any) and resolves with the thread's next reply of kind `expect`. */
  ask<K extends StayersReply['kind']>(expect: K, command?: StayersCommand): Promise<Extract<StayersReply, { kind: K }>> {
    return new Promise((resolve, reject) => {
      const settle = () => {
        this.#worker.off('message', onMessage);
        this.#worker.off('error', onError);
        this.#worker.off('exit', onExit);
      };
      const onMessage = (message: StayersReply) => {
        if (message.kind !== expect && message.kind !== 'failed') return;
        settle();
        if (message.kind === 'failed') reject(new Error(`stayers: ${message.message}`));
        else resolve(message as Extract<StayersReply, { kind: K }>);
      };
      const onError = (error: Error) => {
        settle();
        reject(error);
      };
      const onExit = () => {
        settle();
        reject(new Error(`stayers: the process ended before its '${expect}'`));
      };
      this.#worker.on('message', onMessage);
      this.#worker.on('error', onError);
      this.#worker.on('exit', onExit);
      if (command) this.#worker.send(command);
    });
  }

  pace(ballots: string[], from: number): void {
    this.#worker.send({ kind: 'pace', ballots, from } satisfies StayersCommand);
  }

  /** Closes the stayers' sockets (what dropped on the way comes back) and ends the process. */
  async close(): Promise<Record<string, number>> {
    if (this.#closed) return {};
    this.#closed = true;
    try {
      return (await this.ask('closed', { kind: 'close' })).dropped;
    } finally {
      if (this.#worker.exitCode === null && this.#worker.signalCode === null) this.#worker.kill();
    }
  }
}

/**
 * One server's hall through a run: its stayers' process, its phones and what each keeps of its
 * snapshot. Its rounds alternate with the other server's (reconnectBench), so that a busier minute of
 * this shared machine falls on both alike and the ratio between them compares like with like.
 */
class HallRun {
  readonly #target: ReconnectTarget;
  readonly #stayers: StayersProcess;
  #hall: Socket[] = [];
  #kept: unknown[] = [];
  #quietLatencies: number[] = [];
  readonly #seconds: number[] = [];
  readonly #reconnectLatencies: number[] = [];
  readonly #snapshotErrors: string[] = [];
  #snapshotsChecked = 0;
  #votesSent = 0;
  #cpuTotal: number | null = 0;
  #refused: Record<string, number> = {};

  constructor(target: ReconnectTarget) {
    this.#target = target;
    // The stayers run in their own process: their latency is the server's, not the time the hall's
    // reconnecting clients hold this process's event loop (up to 80 ms at a time).
    this.#stayers = new StayersProcess({ url: target.url, auths: target.stayers, meetingId: target.meetingId });
  }

  /** The hall connects, half of it votes, and the stayers vote alone for the quiet figures; then the hall drops. */
  async start(): Promise<void> {
    const target = this.#target;
    await this.#stayers.ask('ready');
    // The hall's phones, each with the snapshot it first got (what a page keeps to reconnect with).
    const first = await reconnectAll(target.url, target.hall);
    this.#hall = first.sockets;
    this.#kept = first.snapshots.map(keptPart);
    // The stayers and half the hall have checked in and voted before the drop: snapshots differ phone by phone.
    const voters = this.#hall.filter((_, index) => index % 2 === 0);
    if (target.meetingId) await Promise.all(voters.map((socket) => checkIn(socket, target.meetingId!)));
    await castAll(voters, target.ballots.hall);
    this.#stayers.pace(target.ballots.quiet, 0);
    await this.#stayers.ask('sent', { kind: 'sent' });
    this.#quietLatencies = (await this.#stayers.ask('stopped', { kind: 'stop' })).latencies;
    closeAll(this.#hall);
  }

  /**
   * The hall, dropped since its last round, comes back at once while the stayers vote on, from ballot
   * to ballot; then it drops again, and the other server's round runs with this hall off the air.
   */
  async round(round: number): Promise<void> {
    const target = this.#target;
    await pause(2_000);
    this.#stayers.pace(target.ballots.reconnect, this.#votesSent);
    const started = performance.now();
    const cpuBefore = cpuMs(target.pid);
    const back = await reconnectAll(
      target.url,
      target.hall.map((auth, index) => withVersion(auth, this.#kept[index])),
    );
    this.#seconds.push((performance.now() - started) / 1000);
    const cpuAfter = cpuMs(target.pid);
    this.#cpuTotal = this.#cpuTotal === null || cpuBefore === null || cpuAfter === null ? null : this.#cpuTotal + cpuAfter - cpuBefore;
    const during = await this.#stayers.ask('stopped', { kind: 'stop' });
    this.#votesSent = during.count;
    this.#refused = during.refused;
    this.#reconnectLatencies.push(...during.latencies);
    this.#hall = back.sockets;
    closeAll(this.#hall);
    if (target.check) {
      const bounds = { reconnectVotesBefore: 0, reconnectVotesAfter: this.#votesSent };
      back.snapshots.forEach((snapshot, index) => {
        const wrong = target.check!(index, madeWhole(this.#kept[index], snapshot), bounds);
        if (wrong) this.#snapshotErrors.push(`round ${round + 1}, phone ${index}: ${wrong}`);
      });
      this.#snapshotsChecked += back.snapshots.length;
    }
  }

  /** Drops the hall and ends the stayers' process; what dropped on the way (idempotent: later calls answer nothing). */
  async close(): Promise<Record<string, number>> {
    closeAll(this.#hall);
    return this.#stayers.close();
  }

  /** Ends the run and sums it up. */
  async finish(): Promise<ReconnectResult> {
    const dropped = await this.close();
    const reconnectLatencies = [...this.#reconnectLatencies].sort((a, b) => a - b);
    const quietLatencies = this.#quietLatencies;
    // BENCH_RECONNECT_TAILS=1 prints the slowest stayer votes, quiet and during the reconnects.
    if (process.env.BENCH_RECONNECT_TAILS)
      console.log(
        `${this.#target.hall.length} phones: quiet tail ${quietLatencies
          .slice(-8)
          .map((ms) => Math.round(ms))
          .join(' ')}; reconnect tail ${reconnectLatencies
          .slice(-8)
          .map((ms) => Math.round(ms))
          .join(' ')}`,
      );
    const sortedSeconds = [...this.#seconds].sort((a, b) => a - b);
    return {
      phones: this.#target.hall.length,
      secondsToAllBack: percentile(sortedSeconds, 0.5),
      slowestSecondsToAllBack: sortedSeconds.at(-1)!,
      rounds: this.#seconds.length,
      snapshotsChecked: this.#snapshotsChecked,
      snapshotErrors: this.#snapshotErrors,
      quietP50: percentile(quietLatencies, 0.5),
      quietP99: percentile(quietLatencies, 0.99),
      reconnectP50: percentile(reconnectLatencies, 0.5),
      reconnectP99: percentile(reconnectLatencies, 0.99),
      reconnectVotes: reconnectLatencies.length,
      serverCpuMs: this.#cpuTotal === null ? null : this.#cpuTotal / this.#seconds.length,
      refused: { ...this.#refused, ...dropped },
    };
  }
}

/**
 * The same reconnect against each target, their rounds alternating (which goes first alternates
 * too): the quiet figures of each first, then ROUNDS rounds of each.
 */
export async function reconnectHalls(targets: ReconnectTarget[]): Promise<ReconnectResult[]> {
  const runs: HallRun[] = [];
  try {
    for (const target of targets) {
      const run = new HallRun(target);
      runs.push(run);
      await run.start();
    }
    for (let round = 0; round < ROUNDS; round++) {
      for (const run of round % 2 === 0 ? runs : [...runs].reverse()) await run.round(round);
    }
    const results: ReconnectResult[] = [];
    for (const run of runs) results.push(await run.finish());
    return results;
  } finally {
    await Promise.all(runs.map((run) => run.close().catch(() => undefined)));
  }
}

/** What every phone of Yishi's hall must see on reconnecting: the figures are known exactly. */
function yishiCheck(meetingId: string, memberIds: string[], ballots: ReconnectTarget['ballots'], phones: number) {
  const eligible = phones + STAYERS;
  const hallVoters = Math.ceil(phones / 2);
  return (index: number, snapshot: any, bounds: { reconnectVotesAfter: number }): string | null => {
    if (snapshot?.meeting?.id !== meetingId) return 'wrong meeting';
    const { attendance, you } = snapshot;
    if (attendance.eligible !== eligible || attendance.present !== hallVoters + STAYERS) return `attendance ${attendance.present}/${attendance.eligible}`;
    if (you?.memberId !== memberIds[STAYERS + index]) return 'wrong member';
    const voted = index % 2 === 0;
    if (JSON.stringify(you.voted) !== JSON.stringify(voted ? [ballots.hall] : [])) return `voted ${JSON.stringify(you.voted)}`;
    if (you.attendance !== (voted ? 'present' : 'not_checked_in')) return `own attendance ${you.attendance}`;
    const turnout = new Map<string, { voted: number; eligible: number }>(snapshot.ballots.map((ballot: any) => [ballot.id, ballot.turnout]));
    if (turnout.size !== 1 + ballots.quiet.length + ballots.reconnect.length) return `${turnout.size} ballots`;
    if (turnout.get(ballots.hall)?.voted !== hallVoters) return `hall turnout ${turnout.get(ballots.hall)?.voted}`;
    if (ballots.quiet.some((id) => turnout.get(id)?.voted !== STAYERS)) return 'quiet turnout';
    if ([...turnout.values()].some((figures) => figures.eligible !== eligible)) return 'turnout eligible';
    const duringReconnect = ballots.reconnect.reduce((sum, id) => sum + turnout.get(id)!.voted, 0);
    return duringReconnect <= bounds.reconnectVotesAfter ? null : `reconnect turnout ${duringReconnect}`;
  };
}

async function openBallots(congress: BenchCongress, count: number, title: string): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    const id = await createBallot(congress, `${title}${index + 1}`);
    await openBallot(congress, id);
    ids.push(id);
  }
  return ids;
}

export async function yishiTarget(url: string, phones: number, pid?: number): Promise<ReconnectTarget> {
  const congress = await createBenchCongress(url, STAYERS + phones);
  const [hall] = await openBallots(congress, 1, '关于《集体合同(草案)》的决议');
  const ballots = { hall: hall!, quiet: await openBallots(congress, QUIET_BALLOTS, '试投票'), reconnect: await openBallots(congress, RECONNECT_BALLOTS, '表决事项') };
  const auths = congress.codes.map((code) => ({ code }));
  return { url, pid, meetingId: congress.meetingId, stayers: auths.slice(0, STAYERS), hall: auths.slice(STAYERS), ballots, check: yishiCheck(congress.meetingId, congress.memberIds, ballots, phones) };
}

export function baselineTarget(url: string, phones: number, pid?: number): ReconnectTarget {
  const names = (prefix: string, count: number) => Array.from({ length: count }, (_, index) => `${prefix}${index}`);
  return {
    url,
    pid,
    stayers: names('s', STAYERS).map((code) => ({ code })),
    hall: names('h', phones).map((code) => ({ code })),
    ballots: { hall: 'hall', quiet: names('q', QUIET_BALLOTS), reconnect: names('r', RECONNECT_BALLOTS) },
  };
}

type StartBaseline = (databasePath: string) => Promise<{ url: string; pid: number; stop: () => Promise<void> }>;

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/** For each size, the baseline then Yishi, in the same run; prints and writes results/reconnect-latest.json. */
export async function reconnectBench(sizes: number[], startBaseline: StartBaseline): Promise<void> {
  const directory = mkdtempSync(join(tmpdir(), 'yishi-reconnect-'));
  const rows = [];
  try {
    for (const [run, phones] of sizes.entries()) {
      // Both servers are up through the run, each with its own hall and stayers; their rounds alternate.
      const baseline = await startBaseline(join(directory, `baseline-${run}.sqlite`));
      const server = await startServer(join(directory, `yishi-${run}.sqlite`), { RATE_LIMIT_PER_MINUTE: '0', CODE_ATTEMPT_LIMIT: '10000', LOG_LEVEL: 'warn' }, 60_000).catch(async (error: unknown) => {
        await baseline.stop();
        throw error;
      });
      const [bare, yishi] = await yishiTarget(server.url, phones, server.child.pid)
        .then((target) => reconnectHalls([baselineTarget(baseline.url, phones, baseline.pid), target]))
        .finally(() => Promise.all([baseline.stop(), server.stop('SIGTERM')]));
      if (!bare || !yishi) throw new Error('a hall run is missing');
      for (const error of yishi.snapshotErrors.slice(0, 5)) console.error(`N=${phones}: wrong snapshot, ${error}`);
      for (const [name, result] of [
        ['baseline', bare],
        ['yishi', yishi],
      ] as const) {
        rows.push({
          phones,
          server: name,
          rounds: result.rounds,
          seconds_to_all_back_median: round(result.secondsToAllBack, 2),
          vs_baseline: round(result.secondsToAllBack / bare.secondsToAllBack, 2),
          slowest_round_s: round(result.slowestSecondsToAllBack, 2),
          slowest_vs_baseline: round(result.slowestSecondsToAllBack / bare.slowestSecondsToAllBack, 2),
          snapshots_checked: result.snapshotsChecked,
          snapshots_wrong: result.snapshotErrors.length,
          stayer_quiet_p50_p99_ms: `${round(result.quietP50)} / ${round(result.quietP99)}`,
          stayer_reconnect_p50_p99_ms: `${round(result.reconnectP50)} / ${round(result.reconnectP99)}`,
          p99_vs_quiet: round(result.reconnectP99 / result.quietP99, 2),
          stayer_votes: result.reconnectVotes,
          server_cpu_ms_per_phone: result.serverCpuMs === null ? null : round(result.serverCpuMs / phones, 2),
          cpu_vs_baseline: result.serverCpuMs === null || !bare.serverCpuMs ? null : round(result.serverCpuMs / bare.serverCpuMs, 2),
          refused: JSON.stringify(result.refused),
        });
      }
      console.log(`N=${phones} done`);
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
  console.table(rows);
  const machine = { cpus: cpus().length, cpu: cpus()[0]?.model, memory_gb: Math.round(totalmem() / 2 ** 30), node: process.version, at: new Date().toISOString() };
  writeFileSync(join(import.meta.dirname, 'results', 'reconnect-latest.json'), `${JSON.stringify({ machine, stayers: STAYERS, rows }, null, 2)}\n`);
}
