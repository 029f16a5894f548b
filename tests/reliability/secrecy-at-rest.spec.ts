// Item 15: secrecy at rest. During a 2,000-voter storm the database is copied with its WAL (in one
// event-loop turn, so the copy is consistent) and backed up online; after the close it is copied
// and backed up again. Each copy is attacked: WAL frames are replayed commit by commit to see which
// participation and ballot rows appear together, and rows are ordered by key and by their place in
// the file. Mid-vote, nothing links a voter more closely than the commit batch that held their vote
// (GET /api/health reports the batch sizes); after close, nothing links at all.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDatabase } from '../../src/db/backup.js';
import { type BatchStatistics } from '../../src/ballots/vote-queue.js';
import { closeAll, connectAll } from '../bench/harness.js';
import { type CastRecord, castStorm, CHOICES, type Choice, createStormCongress, openStormBallot, seededChoices, spearman } from '../support/ballot-storm.js';
import { createApp } from '../support/congress.js';
import { ballotRowsInPage, type FoundRow, pagesOf, readWal } from '../support/wal-frames.js';

/** 2,000 votes, so a |ρ| < 0.1 bound after close sits 4.5 standard deviations out. */
const WAVES = [1, 1, 2, 3, 5, 10, 25, 50, 100, 200, 250, 353, 500, 500];
const VOTERS = WAVES.reduce((sum, size) => sum + size, 0);
/** The mid-storm copies are taken at the first acknowledgement of this wave (0-based). */
const COPY_IN_WAVE = 9;
const RECEIPT_LENGTH = 32;

let directory: string;
let app: FastifyInstance | undefined;
let sockets: Socket[] = [];

interface Copies {
  midStorm: { database: string; wal: string; committed: number; batches: BatchStatistics };
  midStormBackup: string;
  afterClose: { database: string; wal: string };
  afterCloseBackup: string;
}

let ballotId = '';
let votes: CastRecord[] = [];
let memberOf: (record: CastRecord) => string;
let copies: Copies;
let batches: BatchStatistics;
let truth: { byMember: Map<string, Choice>; byReceipt: Map<string, Choice> };

function copyWithWal(databasePath: string, name: string): { database: string; wal: string } {
  const target = join(directory, name);
  mkdirSync(target);
  const copy = { database: join(target, 'yishi.sqlite'), wal: join(target, 'yishi.sqlite-wal') };
  copyFileSync(databasePath, copy.database);
  if (existsSync(`${databasePath}-wal`)) copyFileSync(`${databasePath}-wal`, copy.wal);
  return copy;
}

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'yishi-secrecy-rest-'));
  const databasePath = join(directory, 'live', 'yishi.sqlite');
  app = await createApp({ DATABASE_PATH: databasePath, RATE_LIMIT_PER_MINUTE: 0, CODE_ATTEMPT_LIMIT: 10_000 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const congress = await createStormCongress(url, VOTERS);
  memberOf = (record) => congress.memberIds[record.voter]!;
  sockets = await connectAll(url, congress.codes.map((code) => ({ code })));
  const sqlite = app.yishi.sqlite;
  let midStorm: Copies['midStorm'] | undefined;
  let midStormBackup: Promise<unknown> | undefined;
  const midStormBackupPath = join(directory, 'mid-storm-backup.sqlite');
  const choices = seededChoices(VOTERS, 'secrecy at rest');
  ballotId = await openStormBallot(congress);
  // Votes arrive in waves of different sizes, as a hall's do: each wave reaches the server in about
  // one turn of its event loop, so the commit batches range from one vote to hundreds.
  let next = 0;
  for (const [wave, size] of WAVES.entries()) {
    const cast = await castStorm(sockets.slice(next, next + size), async () => {}, {
      ballotId,
      choices: choices.slice(next, next + size),
      onAcknowledged: (count) => {
        if (wave !== COPY_IN_WAVE || count !== 1) return;
        // Synchronous, inside one turn of the server's event loop: no commit is half-way through.
        const committed = sqlite.prepare('SELECT count(*) FROM ballot_box WHERE ballot_id = ?').pluck().get(ballotId) as number;
        // The figures GET /api/health reports, read at the same instant as the copy.
        midStorm = { ...copyWithWal(databasePath, 'mid-storm'), committed, batches: structuredClone(app!.yishi.votes.statistics) };
        midStormBackup = backupDatabase(databasePath, midStormBackupPath);
      },
    });
    votes.push(...cast.map((record) => ({ ...record, voter: record.voter + next, sent: record.sent + next, acknowledged: record.acknowledged === null ? null : record.acknowledged + next })));
    next += size;
  }
  expect(votes.filter((vote) => vote.acknowledged === null)).toEqual([]);
  await midStormBackup;
  batches = structuredClone((await (await fetch(`${url}/api/health`)).json()).voteBatches as BatchStatistics);
  const close = await fetch(`${url}/api/ballots/${ballotId}/close`, { method: 'POST', headers: { cookie: congress.cookie } });
  expect(close.status).toBe(200);
  const afterClose = copyWithWal(databasePath, 'after-close');
  const afterCloseBackup = join(directory, 'after-close-backup.sqlite');
  await backupDatabase(databasePath, afterCloseBackup);
  copies = { midStorm: midStorm!, midStormBackup: midStormBackupPath, afterClose, afterCloseBackup };
  truth = {
    byMember: new Map(votes.map((vote) => [memberOf(vote), vote.choice])),
    byReceipt: new Map(votes.map((vote) => [vote.receipt, vote.choice])),
  };
}, 90_000);

afterAll(async () => {
  closeAll(sockets);
  sockets = [];
  await app?.close();
  app = undefined;
  if (directory) rmSync(directory, { recursive: true, force: true });
});

interface Group {
  participation: FoundRow[];
  ballotBox: FoundRow[];
}

/**
 * WAL replay: the rows already in the database file, then, commit by commit, the rows that first
 * appear in that commit's page images. Rows that appear together were written together.
 */
function replay(databaseFile: Buffer, walFile: Buffer | undefined): { inFile: Group; commits: Group[]; frames: number } {
  const members = new Set(truth.byMember.keys());
  const receipts = new Set(truth.byReceipt.keys());
  const wal = readWal(walFile ?? Buffer.alloc(0));
  const pageSize = wal.pageSize || databaseFile.readUInt16BE(16);
  const seen = { participation: new Set<string>(), ballotBox: new Set<string>() };
  const collect = (pages: Iterable<[number, Buffer]>): Group => {
    const group: Group = { participation: [], ballotBox: [] };
    for (const [page, data] of pages) {
      const rows = ballotRowsInPage(data, page, ballotId, members, receipts, RECEIPT_LENGTH);
      for (const kind of ['participation', 'ballotBox'] as const) {
        for (const row of rows[kind]) {
          if (seen[kind].has(row.id) || group[kind].some((other) => other.id === row.id)) continue;
          group[kind].push(row);
        }
      }
    }
    for (const kind of ['participation', 'ballotBox'] as const) for (const row of group[kind]) seen[kind].add(row.id);
    return group;
  };
  const inFile = collect(pagesOf(databaseFile, pageSize));
  const commits = wal.commits.map((frames) => collect(frames.map((frame) => [frame.page, frame.data] as [number, Buffer])));
  return { inFile, commits, frames: wal.commits.reduce((sum, frames) => sum + frames.length, 0) };
}

/** Best guess per voter from a group: the most common choice among the group's ballots. */
function majorityGuess(group: Group): number {
  const counts = CHOICES.map((choice) => group.ballotBox.filter((row) => truth.byReceipt.get(row.id) === choice).length);
  const best = CHOICES[counts.indexOf(Math.max(...counts))]!;
  return group.participation.filter((row) => truth.byMember.get(row.id) === best).length;
}

/** Pairs rows by where they sit (page, then the cell area's fill order from the page's end). */
function pairByPosition(participation: FoundRow[], ballotBox: FoundRow[]): number {
  const order = (rows: FoundRow[]) => [...rows].sort((a, b) => a.page - b.page || b.offset - a.offset);
  const people = order(participation);
  const papers = order(ballotBox);
  return people.filter((row, index) => papers[index] && truth.byMember.get(row.id) === truth.byReceipt.get(papers[index]!.id)).length;
}

/** What guessing the overall tally's leader for everyone gets right: the floor any attack is measured against. */
function tallyGuess(count: number, receipts: string[]): number {
  const counts = CHOICES.map((choice) => receipts.filter((receipt) => truth.byReceipt.get(receipt) === choice).length);
  return Math.max(...counts) / Math.max(1, count);
}

/** A copy's rows ordered by key (SQL) and by place in the file, against send order and each other. */
function orderAttacks(databasePath: string): { pairedByKey: number; pairedByFile: number; rhoKey: number; rhoFile: number; rhoParticipationFile: number; ballots: number; receipts: string[] } {
  const sendOrder = new Map(votes.map((vote) => [vote.receipt, vote.sent]));
  const memberSent = new Map(votes.map((vote) => [memberOf(vote), vote.sent]));
  const sqlite = new BetterSqlite3(databasePath, { readonly: true });
  let members: string[];
  let receipts: string[];
  try {
    members = sqlite.prepare('SELECT member_id FROM participation WHERE ballot_id = ? ORDER BY member_id').pluck().all(ballotId) as string[];
    // The table's own order, as SELECT * returns it (selecting the receipt alone would read its index).
    receipts = (sqlite.prepare('SELECT * FROM ballot_box WHERE ballot_id = ?').all(ballotId) as { receipt: string }[]).map((row) => row.receipt);
  } finally {
    sqlite.close();
  }
  const file = readFileSync(databasePath);
  const pageSize = file.readUInt16BE(16);
  const rows: Group = { participation: [], ballotBox: [] };
  const memberSet = new Set(members);
  const receiptSet = new Set(receipts);
  for (const [page, data] of pagesOf(file, pageSize)) {
    const found = ballotRowsInPage(data, page, ballotId, memberSet, receiptSet, RECEIPT_LENGTH);
    rows.participation.push(...found.participation);
    rows.ballotBox.push(...found.ballotBox);
  }
  // One place per row: the first (the table's leaf cell or an index entry, whichever comes first).
  const first = (found: FoundRow[]) => [...new Map([...found].reverse().map((row) => [row.id, row])).values()];
  const participationRows = first(rows.participation);
  const boxRows = first(rows.ballotBox);
  const byKey = members.filter((member, index) => receipts[index] && truth.byMember.get(member) === truth.byReceipt.get(receipts[index]!)).length;
  const place = (row: FoundRow) => row.page * pageSize + (pageSize - row.offset) / pageSize;
  return {
    ballots: receipts.length,
    receipts,
    pairedByKey: byKey / Math.max(1, receipts.length),
    pairedByFile: pairByPosition(participationRows, boxRows) / Math.max(1, receipts.length),
    rhoKey: spearman(receipts.map((_, index) => index), receipts.map((receipt) => sendOrder.get(receipt)!)),
    rhoFile: spearman(boxRows.map(place), boxRows.map((row) => sendOrder.get(row.id)!)),
    rhoParticipationFile: spearman(participationRows.map(place), participationRows.map((row) => memberSent.get(row.id)!)),
  };
}

describe(`secrecy at rest after a ${VOTERS}-voter storm`, () => {
  it('mid-vote, a copy with its WAL links a voter to no more than the commit batch that held their vote', () => {
    const { inFile, commits, frames } = replay(readFileSync(copies.midStorm.database), existsSync(copies.midStorm.wal) ? readFileSync(copies.midStorm.wal) : undefined);
    const withVotes = commits.filter((group) => group.participation.length + group.ballotBox.length > 0);
    // The replay found every committed vote, each as one voter and one ballot.
    const found = inFile.ballotBox.length + withVotes.reduce((sum, group) => sum + group.ballotBox.length, 0);
    expect(found).toBe(copies.midStorm.committed);
    expect(inFile.participation.length).toBe(inFile.ballotBox.length);
    for (const group of withVotes) expect(group.participation.length).toBe(group.ballotBox.length);
    expect(withVotes.length).toBeGreaterThan(0);
    // A commit never holds more votes than a batch: the largest batch bounds what a WAL copy links.
    const sizes = withVotes.map((group) => group.ballotBox.length);
    const atCopy = copies.midStorm.batches;
    expect(Math.max(...sizes)).toBeLessThanOrEqual(atCopy.largest);
    expect(withVotes.length).toBeLessThanOrEqual(atCopy.batches);
    expect(inFile.ballotBox.length + sizes.reduce((sum, size) => sum + size, 0)).toBe(atCopy.votes);

    // The attacks' success beside the floor of guessing the tally's leader for everyone.
    const inWal = withVotes.reduce((sum, group) => sum + group.participation.length, 0);
    const byBatch = withVotes.reduce((sum, group) => sum + majorityGuess(group), 0) / inWal;
    const byCellOrder = withVotes.reduce((sum, group) => sum + pairByPosition(group.participation, group.ballotBox), 0) / inWal;
    const floor = tallyGuess(inWal, withVotes.flatMap((group) => group.ballotBox.map((row) => row.id)));
    // Inside a batch, where the rows sit (their pages, their cells' fill order) pairs them no better
    // than pairing them at random: no group of five or more is paired right throughout.
    const randomPairing = withVotes.reduce((sum, group) => sum + CHOICES.reduce((inner, choice) => inner + group.ballotBox.filter((row) => truth.byReceipt.get(row.id) === choice).length ** 2, 0) / group.ballotBox.length, 0) / inWal;
    expect(byCellOrder).toBeLessThanOrEqual(randomPairing + 0.08);
    const pairedThroughout = withVotes.filter((group) => group.participation.length >= 5 && pairByPosition(group.participation, group.ballotBox) === group.participation.length);
    expect(pairedThroughout.map((group) => group.participation.length)).toEqual([]);
    const exactlyLinked = withVotes.filter((group) => group.participation.length === 1).length;
    console.info(
      `secrecy at rest, mid-storm copy in wave ${COPY_IN_WAVE + 1} of [${WAVES.join(', ')}]: ${copies.midStorm.committed} ballots committed, ${inFile.ballotBox.length} already checkpointed into the file, ` +
        `${inWal} in ${withVotes.length} WAL commits (${frames} frames) of sizes [${sizes.join(', ')}]; batches at the copy ${JSON.stringify(copies.midStorm.batches)}, after the storm (GET /api/health) ${JSON.stringify(batches)}; ` +
        `voters linked to a batch of 1: ${exactlyLinked}; majority-of-batch guess ${(byBatch * 100).toFixed(1)}%, cell-order pairing ${(byCellOrder * 100).toFixed(1)}% (random pairing within batches ${(randomPairing * 100).toFixed(1)}%), tally floor ${(floor * 100).toFixed(1)}%`,
    );
  });

  it('mid-vote, an online backup has no WAL, and neither key order nor file position pairs voters with choices', () => {
    expect(existsSync(`${copies.midStormBackup}-wal`)).toBe(false);
    const attack = orderAttacks(copies.midStormBackup);
    expect(attack.ballots).toBeGreaterThanOrEqual(copies.midStorm.committed);
    expect(attack.ballots).toBeLessThan(VOTERS);
    const floor = Math.max(tallyGuess(attack.ballots, attack.receipts), 1 / 3);
    expect(attack.pairedByKey).toBeLessThanOrEqual(floor + 0.1);
    expect(attack.pairedByFile).toBeLessThanOrEqual(floor + 0.1);
    expect(Math.abs(attack.rhoKey)).toBeLessThan(0.15);
    console.info(`secrecy at rest, mid-storm online backup (${attack.ballots} ballots): pairing by key ${(attack.pairedByKey * 100).toFixed(1)}%, by file position ${(attack.pairedByFile * 100).toFixed(1)}% (floor ${(floor * 100).toFixed(1)}%); ρ key/send ${attack.rhoKey.toFixed(3)}, file/send ${attack.rhoFile.toFixed(3)} (ballots), ${attack.rhoParticipationFile.toFixed(3)} (participation)`);
  });

  it('after close, the copy with its WAL and the online backup link nothing: no WAL frames, no order that follows the votes', () => {
    expect(!existsSync(copies.afterClose.wal) || statSync(copies.afterClose.wal).size === 0).toBe(true);
    const { commits, inFile } = replay(readFileSync(copies.afterClose.database), existsSync(copies.afterClose.wal) ? readFileSync(copies.afterClose.wal) : undefined);
    expect(commits).toEqual([]);
    expect(inFile.ballotBox).toHaveLength(VOTERS);
    expect(inFile.participation).toHaveLength(VOTERS);
    expect(existsSync(`${copies.afterCloseBackup}-wal`)).toBe(false);
    const lines: string[] = [];
    for (const [name, path] of [['copy', copies.afterClose.database], ['online backup', copies.afterCloseBackup]] as const) {
      const attack = orderAttacks(path);
      expect(attack.ballots).toBe(VOTERS);
      const floor = Math.max(tallyGuess(VOTERS, attack.receipts), 1 / 3);
      expect(attack.pairedByKey, name).toBeLessThanOrEqual(floor + 0.06);
      expect(attack.pairedByFile, name).toBeLessThanOrEqual(floor + 0.06);
      for (const rho of [attack.rhoKey, attack.rhoFile, attack.rhoParticipationFile]) expect(Math.abs(rho), name).toBeLessThan(0.1);
      lines.push(`${name}: pairing by key ${(attack.pairedByKey * 100).toFixed(1)}%, by file position ${(attack.pairedByFile * 100).toFixed(1)}% (floor ${(floor * 100).toFixed(1)}%); ρ key ${attack.rhoKey.toFixed(3)}, file ${attack.rhoFile.toFixed(3)}, participation file ${attack.rhoParticipationFile.toFixed(3)}`);
    }
    console.info(`secrecy at rest after close (0 WAL frames): ${lines.join('; ')}`);
  });
});
