// Item 10: after a 2,000-voter storm against the real server, no order of the rows a vote leaves
// (participation, receipt, paper: stored order, each column, where they sit in the file) follows the
// order the votes came in, no table pairs with another by that order, none holds a timestamp, and
// the server's logs, captured at trace level, hold no choice and no receipt. Each voter writes in a
// tag of their own (openTaggedBallot), so the test knows whose paper each stored paper is.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, connectAll } from '../bench/harness.js';
import { type CastRecord, castStorm, CHOICES, createStormCongress, openTaggedBallot, paperTags, seededChoices, spearman, type StormCongress } from '../support/ballot-storm.js';
import { type ServerProcess, startServer } from '../support/server-process.js';
import { ballotRowsInFile, placeInFile, type RowKind } from '../support/wal-frames.js';

/**
 * Twice the 1,000 voters the suite asks for: with n votes an honest ρ has a standard deviation of
 * 1/√(n−1), so at 2,000 the 0.1 bound sits 4.5 deviations out (at 1,000, 3.2: a false alarm in
 * about one run in fifty across the dozen orderings checked).
 */
const VOTERS = 2_000;
const LIMIT = 0.1;

let directory: string | undefined;
let server: ServerProcess | undefined;
let sockets: Socket[] = [];

afterEach(async () => {
  closeAll(sockets);
  sockets = [];
  await server?.stop('SIGKILL');
  server = undefined;
  if (directory) rmSync(directory, { recursive: true, force: true });
  directory = undefined;
});

interface Storm {
  congress: StormCongress;
  ballotId: string;
  votes: CastRecord[];
  logs: () => string;
  databasePath: string;
}

/** The real server at trace level, every line it writes after start-up captured, and a storm against it. */
async function stormWithCapturedLogs(): Promise<Storm> {
  directory = mkdtempSync(join(tmpdir(), 'yishi-secrecy-load-'));
  const databasePath = join(directory, 'yishi.sqlite');
  server = await startServer(databasePath, { LOG_LEVEL: 'trace', RATE_LIMIT_PER_MINUTE: '0' }, 30_000);
  let logs = '';
  server.child.stdout!.on('data', (chunk: Buffer) => (logs += chunk.toString()));
  server.child.stderr!.on('data', (chunk: Buffer) => (logs += chunk.toString()));
  const congress = await createStormCongress(server.url, VOTERS);
  sockets = await connectAll(
    server.url,
    congress.codes.map((code) => ({ code })),
  );
  let ballotId = '';
  const votes = await castStorm(sockets, async () => (ballotId = await openTaggedBallot(congress)), {
    choices: seededChoices(VOTERS, 'secrecy under load'),
    tags: paperTags(VOTERS, 'secrecy under load'),
  });
  expect(votes.filter((vote) => vote.acknowledged === null)).toEqual([]);
  return { congress, ballotId, votes, logs: () => logs, databasePath };
}

/** A read-only look at the server's file; closed at once, so it never holds up a checkpoint. */
function reading<T>(databasePath: string, look: (sqlite: BetterSqlite3.Database) => T): T {
  const sqlite = new BetterSqlite3(databasePath, { readonly: true });
  try {
    return look(sqlite);
  } finally {
    sqlite.close();
  }
}

/** A stored row, known by the voter it came from, and its rank in some order. */
interface Ranked {
  voter: number;
  rank: number;
}

/** ρ between each row's rank in some order (ties share a rank) and when its vote was sent and acknowledged. */
function correlations(rows: Ranked[], votes: CastRecord[]): { sent: number; acknowledged: number } {
  const ranks = rows.map((row) => row.rank);
  return {
    sent: spearman(
      ranks,
      rows.map((row) => votes[row.voter]!.sent),
    ),
    acknowledged: spearman(
      ranks,
      rows.map((row) => votes[row.voter]!.acknowledged!),
    ),
  };
}

/** ρ between a voter's rank in one order and in another: does one table's order pair with the other's? */
function pairing(left: Ranked[], right: Ranked[]): number {
  const rightRank = new Map(right.map((row) => [row.voter, row.rank]));
  const both = left.filter((row) => rightRank.has(row.voter));
  return spearman(
    both.map((row) => row.rank),
    both.map((row) => rightRank.get(row.voter)!),
  );
}

/** Rows in the order given, each ranked by its position. */
function inOrder(voters: number[]): Ranked[] {
  return voters.map((voter, rank) => ({ voter, rank }));
}

/** Rows ranked by a column's value: equal values (a constant column, one choice) share a rank. */
function byValue(rows: { voter: number; value: unknown }[]): Ranked[] {
  const distinct = [...new Set(rows.map((row) => String(row.value)))].sort();
  const rankOf = new Map(distinct.map((value, index) => [value, index]));
  return rows.map((row) => ({ voter: row.voter, rank: rankOf.get(String(row.value))! }));
}

/** The tagged paper's write-in: whose paper it is. */
function tagOf(answers: string): string {
  return (JSON.parse(answers) as { writeIns: string[] }[])[0]!.writeIns[0]!;
}

const TABLES = ['participation', 'ballot_receipt', 'ballot_box'] as const;
type Table = (typeof TABLES)[number];

describe('secrecy after a 2,000-voter storm', () => {
  it('stores voters, receipts and papers in no order that follows the votes or pairs them, with no timestamps, and logs no choice', async () => {
    const { congress, ballotId, votes, logs, databasePath } = await stormWithCapturedLogs();
    const { voteBatches } = await (await fetch(`${congress.url}/api/health`)).json();

    // No timestamps: the three tables' columns, their defaults, no hidden rowid, no index, no trigger.
    type Column = { name: string; type: string; dflt_value: string | null };
    const schema = reading(databasePath, (sqlite) => ({
      columns: Object.fromEntries(TABLES.map((table) => [table, sqlite.prepare('SELECT name, type, dflt_value FROM pragma_table_info(?)').all(table) as Column[]])) as Record<Table, Column[]>,
      tables: sqlite
        .prepare(`SELECT sql FROM sqlite_schema WHERE type = 'table' AND name IN (${TABLES.map(() => '?').join(', ')})`)
        .pluck()
        .all(...TABLES) as string[],
      indexesAndTriggers: sqlite.prepare(`SELECT name FROM sqlite_schema WHERE type IN ('index', 'trigger') AND tbl_name IN (${TABLES.map(() => '?').join(', ')})`).all(...TABLES),
      audited: sqlite.prepare('SELECT count(*) FROM audit_log WHERE ballot_id = ?').pluck().get(ballotId) as number,
    }));
    expect(schema.columns.participation.map((column) => column.name)).toEqual(['ballot_id', 'member_id']);
    expect(schema.columns.ballot_receipt.map((column) => column.name)).toEqual(['ballot_id', 'receipt']);
    expect(schema.columns.ballot_box.map((column) => column.name)).toEqual(['ballot_id', 'ballot_key', 'answers', 'named_member_id']);
    for (const column of TABLES.flatMap((table) => schema.columns[table])) {
      expect(column.name).not.toMatch(/_at$|time|date|seq|order/i);
      expect(column.type).not.toMatch(/date|time/i);
      expect(column.dflt_value).toBeNull();
    }
    expect(schema.tables).toHaveLength(3);
    for (const sql of schema.tables) expect(sql).toMatch(/WITHOUT ROWID\s*$/);
    expect(schema.indexesAndTriggers).toEqual([]);
    // Voting writes no audit row (which would carry a time) per vote.
    expect(schema.audited).toBeLessThan(5);

    const voterOf = {
      participation: new Map(votes.map((vote) => [congress.memberIds[vote.voter]!, vote.voter])),
      ballot_receipt: new Map(votes.map((vote) => [vote.receipt, vote.voter])),
      ballot_box: new Map(votes.map((vote) => [vote.tag!, vote.voter])),
    };
    /** Whose row it is: the member, the receipt, the paper's tag. */
    const identify: Record<Table, (row: Record<string, unknown>) => number> = {
      participation: (row) => voterOf.participation.get(row.member_id as string)!,
      ballot_receipt: (row) => voterOf.ballot_receipt.get(row.receipt as string)!,
      ballot_box: (row) => voterOf.ballot_box.get(tagOf(row.answers as string))!,
    };
    const figures: Record<string, { sent: number; acknowledged: number }> = {};
    const pairs: Record<string, number> = {};
    const pairUp = (when: string, ranked: Record<Table, Ranked[]>) => {
      pairs[`${when} participation/ballot_receipt`] = pairing(ranked.participation, ranked.ballot_receipt);
      pairs[`${when} participation/ballot_box`] = pairing(ranked.participation, ranked.ballot_box);
      pairs[`${when} ballot_receipt/ballot_box`] = pairing(ranked.ballot_receipt, ranked.ballot_box);
    };
    const measure = (when: string) =>
      reading(databasePath, (sqlite) => {
        const stored = {} as Record<Table, Ranked[]>;
        for (const table of TABLES) {
          // The table's own b-tree, as SELECT * returns it.
          const rows = sqlite.prepare(`SELECT * FROM ${table} WHERE ballot_id = ?`).all(ballotId) as Record<string, unknown>[];
          expect(rows, `${when} ${table}`).toHaveLength(VOTERS);
          const voters = rows.map(identify[table]);
          expect(new Set(voters).size, `${when} ${table}: every row known`).toBe(VOTERS);
          stored[table] = inOrder(voters);
          figures[`${when} ${table} stored order`] = correlations(stored[table], votes);
          for (const column of schema.columns[table]) {
            figures[`${when} ${table} by ${column.name}`] = correlations(byValue(rows.map((row, index) => ({ voter: voters[index]!, value: row[column.name.toString()] }))), votes);
          }
        }
        pairUp(`${when} stored order`, stored);
      });
    measure('open:');

    const close = await fetch(`${congress.url}/api/ballots/${ballotId}/close`, { method: 'POST', headers: { cookie: congress.cookie } });
    expect(close.status).toBe(200);
    await server!.stop('SIGTERM');
    measure('closed:');
    // Where each voter's row, receipt and paper sit in the file (the order cells were written in, within a page).
    const file = readFileSync(databasePath);
    const found = ballotRowsInFile(file, ballotId, {
      members: new Set(voterOf.participation.keys()),
      receipts: new Set(voterOf.ballot_receipt.keys()),
      tags: new Set(voterOf.ballot_box.keys()),
    });
    const kindOf: Record<Table, RowKind> = { participation: 'participation', ballot_receipt: 'receipts', ballot_box: 'papers' };
    const inFile = {} as Record<Table, Ranked[]>;
    for (const table of TABLES) {
      inFile[table] = found.rows[kindOf[table]].map((row) => ({ voter: voterOf[table].get(row.id)!, rank: placeInFile(row, found.pageSize) }));
      expect(inFile[table], table).toHaveLength(VOTERS);
      figures[`closed: ${table} by position in the file`] = correlations(inFile[table], votes);
    }
    pairUp('closed: position in the file', inFile);

    console.info(
      `secrecy under load, ${VOTERS} voters in batches ${JSON.stringify(voteBatches)}, Spearman ρ against send / ack order:\n${Object.entries(figures)
        .map(([name, rho]) => `  ${name}: ${rho.sent.toFixed(3)} / ${rho.acknowledged.toFixed(3)}`)
        .join('\n')}\n` +
        `ρ between a voter's ranks in two tables:\n${Object.entries(pairs)
          .map(([name, rho]) => `  ${name}: ${rho.toFixed(3)}`)
          .join('\n')}`,
    );
    for (const [name, rho] of Object.entries(figures)) {
      expect(Math.abs(rho.sent), name).toBeLessThan(LIMIT);
      expect(Math.abs(rho.acknowledged), name).toBeLessThan(LIMIT);
    }
    for (const [name, rho] of Object.entries(pairs)) expect(Math.abs(rho), name).toBeLessThan(LIMIT);

    const captured = logs();
    // The capture works: the setup's and the close's requests are there, at trace level.
    expect(captured).toMatch(/incoming request/);
    expect(captured).toContain(`/api/ballots/${ballotId}/close`);
    expect(captured).not.toMatch(/"answers"|"writeIns"|"candidateIds"|\byes\b|\babstain\b|"no"|赞成|反对|弃权/);
    for (const vote of votes) {
      expect(captured.includes(vote.receipt), 'a receipt in the logs').toBe(false);
      expect(captured.includes(vote.tag!), 'a choice in the logs').toBe(false);
    }
    for (const choice of CHOICES) expect(captured).not.toContain(`["${choice}"]`);
  }, 150_000);
});
