// Item 11: online backups taken while a 1,000-voter storm runs on the real server (one from a
// connection of its own in the middle of the storm, one by the backup command (`npm run backup`) with the ballot still
// open) restore into fresh servers whose tallies match what each copy holds and the original's.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDatabase, type BackupResult } from '../../src/db/backup.js';
import { closeAll, connectAll } from '../bench/harness.js';
import { type CastRecord, castStorm, type Choice, createStormCongress, openStormBallot, seededChoices, type StormCongress } from '../support/ballot-storm.js';
import { type ServerProcess, startServer } from '../support/server-process.js';

const VOTERS = 1_000;
const WAVE = 10;
const SETTINGS = { RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'warn' };

let directory: string | undefined;
let servers: ServerProcess[] = [];
let sockets: Socket[] = [];

afterEach(async () => {
  closeAll(sockets);
  sockets = [];
  await Promise.all(servers.map((server) => server.stop('SIGKILL')));
  servers = [];
  if (directory) rmSync(directory, { recursive: true, force: true });
  directory = undefined;
});

/** The backup command against DATABASE_PATH, as an operator runs it (`npm run backup` runs it compiled; tests run the source). */
function runBackupCommand(databasePath: string, destination: string): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/backup.ts', destination], {
    env: { PATH: process.env.PATH ?? '', DATABASE_PATH: databasePath },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the backup command did not finish: ${output}`));
    }, 30_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

interface Count {
  counts: Record<Choice, number>;
  receipts: string[];
}

/** Closes and publishes the ballot on a server; the published counts and receipts. */
async function closeAndPublish(congress: StormCongress, url: string, ballotId: string): Promise<Count> {
  const post = (path: string) => fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: congress.cookie }, body: '{}' });
  expect((await post(`/api/ballots/${ballotId}/close`)).status).toBe(200);
  const published = await post(`/api/ballots/${ballotId}/publish`);
  expect(published.status).toBe(200);
  const { ballot } = await published.json();
  const { receipts, cast } = await (await fetch(`${url}/api/ballots/${ballotId}/receipts`)).json();
  expect(cast).toBe(receipts.length);
  return { counts: ballot.result.items[0].counts, receipts };
}

/** The copy put where a fresh server's DATABASE_PATH points, with no WAL beside it, then the ballot counted there. */
async function restoreAndCount(backupPath: string, name: string, congress: StormCongress, ballotId: string): Promise<Count & { participation: number }> {
  const restoredDirectory = join(directory!, name);
  mkdirSync(restoredDirectory);
  const restoredPath = join(restoredDirectory, 'yishi.sqlite');
  copyFileSync(backupPath, restoredPath);
  expect(existsSync(`${backupPath}-wal`)).toBe(false);
  const server = await startServer(restoredPath, SETTINGS, 30_000);
  servers.push(server);
  const count = await closeAndPublish(congress, server.url, ballotId);
  await server.stop('SIGTERM');
  const sqlite = new BetterSqlite3(restoredPath, { readonly: true });
  try {
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    const participation = sqlite.prepare('SELECT count(*) FROM participation WHERE ballot_id = ?').pluck().get(ballotId) as number;
    return { ...count, participation };
  } finally {
    sqlite.close();
  }
}

function countsOf(receipts: string[], votes: CastRecord[]): Record<Choice, number> {
  const choiceOf = new Map(votes.map((vote) => [vote.receipt, vote.choice]));
  const counts: Record<Choice, number> = { yes: 0, no: 0, abstain: 0 };
  for (const receipt of receipts) counts[choiceOf.get(receipt)!] += 1;
  return counts;
}

/**
 * Votes in waves, each sent once the last is acknowledged, for as long as a backup runs; the second
 * half of the voters waits for the backups to finish (an event), so every mid-storm copy misses some.
 */
async function castInWaves(
  sockets: Socket[],
  ballotId: string,
  choices: Choice[],
  backups: { running: () => boolean; finished: () => Promise<unknown> },
  afterWave: (wave: number, acknowledged: Set<string>) => void,
): Promise<CastRecord[]> {
  const records: CastRecord[] = [];
  const acknowledged = new Set<string>();
  let next = 0;
  for (let wave = 1; next < sockets.length; wave++) {
    if (backups.running() && next + WAVE > sockets.length / 2) await backups.finished();
    const size = backups.running() || wave <= 2 ? WAVE : sockets.length - next;
    const cast = await castStorm(sockets.slice(next, next + size), async () => {}, { ballotId, choices: choices.slice(next, next + size) });
    for (const record of cast) {
      records.push({ ...record, voter: record.voter + next });
      if (record.acknowledged !== null) acknowledged.add(record.receipt);
    }
    next += size;
    afterWave(wave, acknowledged);
  }
  return records;
}

describe('online backup during a vote storm', () => {
  it('restores mid-storm copies into fresh servers with the tallies of what they hold, and a copy after close with the same tallies', async () => {
    directory = mkdtempSync(join(tmpdir(), 'yishi-backup-'));
    const databasePath = join(directory, 'yishi.sqlite');
    const live = await startServer(databasePath, SETTINGS, 30_000);
    servers.push(live);
    const congress = await createStormCongress(live.url, VOTERS);
    sockets = await connectAll(
      live.url,
      congress.codes.map((code) => ({ code })),
    );
    const ballotId = await openStormBallot(congress);

    // Two copies start after the second wave: one from a connection of the test's own, one by the command.
    const byFunctionPath = join(directory, 'mid-storm-function.sqlite');
    const byCommandPath = join(directory, 'mid-storm-command.sqlite');
    let byFunction: Promise<BackupResult> | undefined;
    let byCommand: Promise<{ code: number | null; output: string }> | undefined;
    let running = 0;
    const before = { byFunction: new Set<string>(), byCommand: new Set<string>() };
    let commandMs = 0;
    const backups = { running: () => running > 0, finished: () => Promise.all([byFunction, byCommand]) };
    const votes = await castInWaves(sockets, ballotId, seededChoices(VOTERS, 'backup storm'), backups, (wave, acknowledged) => {
      if (wave !== 2) return;
      before.byFunction = new Set(acknowledged);
      before.byCommand = new Set(acknowledged);
      running = 2;
      byFunction = backupDatabase(databasePath, byFunctionPath).finally(() => (running -= 1));
      const started = performance.now();
      byCommand = runBackupCommand(databasePath, byCommandPath).finally(() => {
        running -= 1;
        commandMs = performance.now() - started;
      });
    });
    expect(votes.filter((vote) => vote.acknowledged === null)).toEqual([]);
    const functionResult = await byFunction!;
    const command = await byCommand!;
    expect(command.code, command.output).toBe(0);
    expect(command.output).toMatch(/Backed up .* pages in \d+ ms/);
    closeAll(sockets);
    sockets = [];

    const original = await closeAndPublish(congress, live.url, ballotId);
    expect(original.receipts).toHaveLength(VOTERS);
    const afterClosePath = join(directory, 'after-close.sqlite');
    const afterClose = await runBackupCommand(databasePath, afterClosePath);
    expect(afterClose.code, afterClose.output).toBe(0);
    const originalBallot = await (await fetch(`${live.url}/api/ballots/${ballotId}`, { headers: { cookie: congress.cookie } })).json();
    await live.stop('SIGTERM');

    // Each mid-storm copy is one consistent snapshot: every vote acknowledged before it began, only
    // votes that were cast, a voter for every ballot, and a tally that counts exactly those ballots.
    const originalReceipts = new Set(original.receipts);
    const held: Record<string, number> = {};
    for (const [name, path] of [
      ['byFunction', byFunctionPath],
      ['byCommand', byCommandPath],
    ] as const) {
      const restored = await restoreAndCount(path, `restored-${name}`, congress, ballotId);
      const inCopy = new Set(restored.receipts);
      expect(restored.receipts.every((receipt) => originalReceipts.has(receipt))).toBe(true);
      expect([...before[name]].filter((receipt) => !inCopy.has(receipt))).toEqual([]);
      expect(restored.participation).toBe(restored.receipts.length);
      expect(restored.counts).toEqual(countsOf(restored.receipts, votes));
      held[name] = restored.receipts.length;
    }
    // Both copies were taken with votes still to come.
    expect(held.byFunction).toBeLessThanOrEqual(VOTERS / 2);
    expect(held.byCommand).toBeLessThanOrEqual(VOTERS / 2);

    // A copy after the close restores the published result and receipts exactly.
    const restoredDirectory = join(directory, 'restored-after-close');
    mkdirSync(restoredDirectory);
    copyFileSync(afterClosePath, join(restoredDirectory, 'yishi.sqlite'));
    const restoredServer = await startServer(join(restoredDirectory, 'yishi.sqlite'), SETTINGS, 30_000);
    servers.push(restoredServer);
    const restoredBallot = await (await fetch(`${restoredServer.url}/api/ballots/${ballotId}`, { headers: { cookie: congress.cookie } })).json();
    expect(restoredBallot.ballot.result).toEqual(originalBallot.ballot.result);
    expect(restoredBallot.ballot.result.items[0].counts).toEqual(original.counts);
    const { receipts } = await (await fetch(`${restoredServer.url}/api/ballots/${ballotId}/receipts`)).json();
    expect(receipts).toEqual(original.receipts);

    console.info(
      `backup during a ${VOTERS}-voter storm (waves of ${WAVE}): db.backup() from the test held ${held.byFunction} ballots (${functionResult.pages} pages, ${functionResult.milliseconds.toFixed(1)} ms); ` +
        `the backup command held ${held.byCommand} (${command.output.trim()}; ${Math.round(commandMs)} ms with tsx); after close: ${afterClose.output.trim()}; tallies ${JSON.stringify(original.counts)}`,
    );
  }, 90_000);
});
