// Issue 9 item 1: a receipt never sits beside its choice. After a secret ballot of 300 voters (200 by
// socket, 100 by HTTP) closes and is published: no row of any table holds both a receipt and a
// choice; in the raw file (and in copies taken just before the close) a receipt's place does not
// predict its paper's; and the published receipt list and "is my receipt counted" still work.
// Each voter writes in a tag of their own, so the test knows whose paper every stored row is.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDatabase } from '../../src/db/backup.js';
import { closeAll, connectAll } from '../bench/harness.js';
import { joinAll } from '../bench/yishi-congress.js';
import {
  type CastRecord,
  castStorm,
  createStormCongress,
  deviceReceipt,
  openTaggedBallot,
  paperTags,
  seededChoices,
  spearman,
  type StormCongress,
  taggedAnswer,
  tagInPaper,
} from '../support/ballot-storm.js';
import { createApp } from '../support/congress.js';

const BY_SOCKET = 200;
const BY_HTTP = 100;
const VOTERS = BY_SOCKET + BY_HTTP;
/** With 300 voters an honest ρ has a standard deviation of 1/√299 ≈ 0.058: 0.25 is 4.3 of them out. */
const LIMIT = 0.25;

let directory: string;
let app: FastifyInstance | undefined;
let sockets: Socket[] = [];
let tokens: string[] = [];
let congress: StormCongress;
let ballotId = '';
let votes: CastRecord[] = [];
let databasePath: string;
const copies = { withWal: '', backup: '' };

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'yishi-receipts-apart-'));
  databasePath = join(directory, 'live', 'yishi.sqlite');
  app = await createApp({ DATABASE_PATH: databasePath, RATE_LIMIT_PER_MINUTE: 0, CODE_ATTEMPT_LIMIT: 10_000 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  congress = await createStormCongress(url, VOTERS);
  sockets = await connectAll(
    url,
    congress.codes.slice(0, BY_SOCKET).map((code) => ({ code })),
  );
  tokens = await joinAll(url, congress.codes.slice(BY_SOCKET));
  const choices = seededChoices(VOTERS, 'receipts apart');
  const tags = paperTags(VOTERS, 'receipts apart');
  ballotId = await openTaggedBallot(congress);

  const byHttp = async (index: number): Promise<CastRecord> => {
    const voter = BY_SOCKET + index;
    const record: CastRecord = { voter, choice: choices[voter]!, receipt: deviceReceipt(), tag: tags[voter]!, sent: voter, acknowledged: null, refused: null };
    const response = await fetch(`${url}/api/ballots/${ballotId}/votes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[index]}` },
      body: JSON.stringify({ answers: [taggedAnswer(record.choice, record.tag!)], receipt: record.receipt }),
    });
    if (response.status === 201) record.acknowledged = voter;
    else record.refused = `${response.status} ${await response.text()}`;
    return record;
  };
  const [bySocket, byHttpRecords] = await Promise.all([
    castStorm(sockets, async () => {}, { ballotId, choices: choices.slice(0, BY_SOCKET), tags: tags.slice(0, BY_SOCKET) }),
    Promise.all(Array.from({ length: BY_HTTP }, (_, index) => byHttp(index))),
  ]);
  votes = [...bySocket, ...byHttpRecords];
  expect(votes.filter((vote) => vote.acknowledged === null)).toEqual([]);

  // Just before the close: the file and its WAL copied in one turn of the event loop, and an online backup.
  mkdirSync(join(directory, 'before-close'));
  copies.withWal = join(directory, 'before-close', 'yishi.sqlite');
  copyFileSync(databasePath, copies.withWal);
  if (existsSync(`${databasePath}-wal`)) copyFileSync(`${databasePath}-wal`, `${copies.withWal}-wal`);
  copies.backup = join(directory, 'before-close-backup.sqlite');
  await backupDatabase(databasePath, copies.backup);

  for (const step of ['close', 'publish']) {
    const response = await fetch(`${url}/api/ballots/${ballotId}/${step}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: congress.cookie }, body: '{}' });
    expect(response.status, step).toBe(200);
  }
}, 180_000);

afterAll(async () => {
  closeAll(sockets);
  sockets = [];
  await app?.close();
  app = undefined;
  if (directory) rmSync(directory, { recursive: true, force: true });
});

/** A cell's values as one text: what anyone reading the row sees. */
function rowText(row: Record<string, unknown>): string {
  return Object.values(row)
    .map((value) => (Buffer.isBuffer(value) ? value.toString('latin1') : String(value)))
    .join('\u0000');
}

/** Every table's every row (SELECT *), counted by what it holds: a receipt, a paper's tag, or both. */
function scanAllTables(path: string): { tables: number; withReceipt: number; withTag: number; both: string[] } {
  const sqlite = new BetterSqlite3(path, { readonly: true });
  const receipts = votes.map((vote) => vote.receipt);
  const tags = votes.map((vote) => vote.tag!);
  const scan = { tables: 0, withReceipt: 0, withTag: 0, both: [] as string[] };
  try {
    const tables = sqlite.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[];
    for (const table of tables) {
      scan.tables += 1;
      for (const row of sqlite.prepare(`SELECT * FROM "${table}"`).iterate() as Iterable<Record<string, unknown>>) {
        const text = rowText(row);
        const receipt = receipts.some((value) => text.includes(value));
        const tag = tags.some((value) => text.includes(value));
        if (receipt) scan.withReceipt += 1;
        if (tag) scan.withTag += 1;
        if (receipt && tag) scan.both.push(table);
      }
    }
  } finally {
    sqlite.close();
  }
  return scan;
}

type Occurrence = 'first' | 'last';
const PAIRS = [
  ['receipt', 'paper'],
  ['member', 'paper'],
  ['member', 'receipt'],
] as const;

/**
 * The rank correlations between where each voter's participation row, receipt and paper sit in a raw
 * file, for each pair and each choice of first or last occurrence (a receipt may also sit in an
 * index, a key in an interior page: one of the two is the row itself).
 */
function placesInFile(file: Buffer): { found: number; rhos: Record<string, number> } {
  const needles = votes.map((vote) => ({
    member: Buffer.from(ballotId + congress.memberIds[vote.voter]!, 'latin1'),
    receipt: Buffer.from(vote.receipt, 'latin1'),
    paper: Buffer.from(tagInPaper(vote.tag!), 'latin1'),
  }));
  const at = (kind: keyof (typeof needles)[number], occurrence: Occurrence) => needles.map((needle) => (occurrence === 'first' ? file.indexOf(needle[kind]) : file.lastIndexOf(needle[kind])));
  const found = needles.filter((needle) => Object.values(needle).every((bytes) => file.includes(bytes))).length;
  const rhos: Record<string, number> = {};
  for (const [a, b] of PAIRS) {
    for (const x of ['first', 'last'] as const) for (const y of ['first', 'last'] as const) rhos[`${a} (${x}) / ${b} (${y})`] = spearman(at(a, x), at(b, y));
  }
  return { found, rhos };
}

/** A copy taken with its WAL, as the file would be once SQLite replays that WAL into it. */
function replayedIntoFile(path: string): Buffer {
  const sqlite = new BetterSqlite3(path);
  try {
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    sqlite.close();
  }
  return readFileSync(path);
}

describe(`receipts apart from choices, after a ${VOTERS}-voter secret ballot (socket and HTTP)`, () => {
  it('holds no row, in any table, with both a receipt and a choice: after close and publication, and just before the close', () => {
    const lines: string[] = [];
    for (const [name, path] of [
      ['after publication', databasePath],
      ['before close, copy with WAL', copies.withWal],
      ['before close, online backup', copies.backup],
    ] as const) {
      const scan = scanAllTables(path);
      // The scan sees them all: each receipt in a row of its own, each paper's tag in its paper (and, once closed, in the tally).
      expect(scan.withReceipt, name).toBeGreaterThanOrEqual(VOTERS);
      expect(scan.withTag, name).toBeGreaterThanOrEqual(VOTERS);
      expect(scan.both, name).toEqual([]);
      lines.push(`${name}: ${scan.tables} tables, ${scan.withReceipt} rows with a receipt, ${scan.withTag} with a choice, ${scan.both.length} with both`);
    }
    console.info(`receipts apart, every table scanned: ${lines.join('; ')}`);
  });

  it("does not let a receipt's place in the raw file predict its paper's (nor a voter's row predict either)", () => {
    const lines: string[] = [];
    const files = [
      ['after publication', readFileSync(databasePath)],
      ['before close, copy with WAL replayed', replayedIntoFile(copies.withWal)],
      ['before close, online backup', readFileSync(copies.backup)],
    ] as const;
    for (const [name, file] of files) {
      const places = placesInFile(file);
      expect(places.found, name).toBe(VOTERS);
      const largest = Object.entries(places.rhos).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))[0]!;
      lines.push(
        `${name}: ρ receipt/paper ${places.rhos['receipt (first) / paper (first)']!.toFixed(3)}, member/paper ${places.rhos['member (first) / paper (first)']!.toFixed(3)}, member/receipt ${places.rhos['member (first) / receipt (first)']!.toFixed(3)}; largest |ρ| ${Math.abs(largest[1]).toFixed(3)} (${largest[0]})`,
      );
      for (const [pair, rho] of Object.entries(places.rhos)) expect(Math.abs(rho), `${name}: ${pair}`).toBeLessThan(LIMIT);
    }
    console.info(`receipts apart, places in the raw file (|ρ| < ${LIMIT}): ${lines.join('; ')}`);
  });

  it('publishes every acknowledged receipt, and says each is counted (HTTP and socket) and an unknown one is not', async () => {
    const published = await (await fetch(`${congress.url}/api/ballots/${ballotId}/receipts`)).json();
    expect(published.cast).toBe(VOTERS);
    expect(published.receipts).toHaveLength(VOTERS);
    expect([...published.receipts].sort()).toEqual(votes.map((vote) => vote.receipt).sort());

    const overHttp = (receipt: string, index: number) =>
      fetch(`${congress.url}/api/ballots/${ballotId}/receipts/check`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[index % BY_HTTP]}` },
        body: JSON.stringify({ receipt }),
      }).then(async (response) => ({ status: response.status, body: await response.json() }));
    const overSocket = (receipt: string, index: number) =>
      new Promise<{ data?: { counted: boolean }; error?: unknown }>((resolve) => sockets[index % BY_SOCKET]!.emit('ballot:verify-receipt', { ballotId, receipt }, resolve));

    const http = await Promise.all(votes.map((vote, index) => overHttp(vote.receipt, index)));
    expect(http.filter((answer) => answer.status !== 200 || answer.body.counted !== true)).toEqual([]);
    const socket = await Promise.all(votes.map((vote, index) => overSocket(vote.receipt, index)));
    expect(socket.filter((answer) => answer.data?.counted !== true)).toEqual([]);
    const unknown = deviceReceipt();
    expect(await overHttp(unknown, 0)).toEqual({ status: 200, body: { counted: false } });
    expect(await overSocket(unknown, 0)).toEqual({ data: { counted: false } });
  });
});
