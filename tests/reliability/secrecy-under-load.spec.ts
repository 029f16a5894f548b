// Item 10: after a 2,000-voter storm against the real server, no order of the ballot rows (by any
// column, or by where they sit in the file) follows the order the votes came in, neither table holds
// a timestamp, and the server's logs, captured at trace level, hold no choice and no receipt.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, connectAll } from '../bench/harness.js';
import { type CastRecord, castStorm, CHOICES, createStormCongress, openStormBallot, seededChoices, spearman, type StormCongress } from '../support/ballot-storm.js';
import { type ServerProcess, startServer } from '../support/server-process.js';

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
  sockets = await connectAll(server.url, congress.codes.map((code) => ({ code })));
  let ballotId = '';
  const votes = await castStorm(sockets, async () => (ballotId = await openStormBallot(congress)), { choices: seededChoices(VOTERS, 'secrecy under load') });
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

/** ρ between each ballot's rank in some order (ties share a rank) and when its vote was sent and acknowledged. */
function correlations(rows: { receipt: string; rank: number }[], votes: CastRecord[]): { sent: number; acknowledged: number } {
  const byReceipt = new Map(votes.map((vote) => [vote.receipt, vote]));
  const voteOf = rows.map((row) => byReceipt.get(row.receipt)!);
  const ranks = rows.map((row) => row.rank);
  return {
    sent: spearman(ranks, voteOf.map((vote) => vote.sent)),
    acknowledged: spearman(ranks, voteOf.map((vote) => vote.acknowledged!)),
  };
}

/** Rows in the order given, each ranked by its position. */
function inOrder(receipts: string[]): { receipt: string; rank: number }[] {
  return receipts.map((receipt, rank) => ({ receipt, rank }));
}

/** Rows ranked by a column's value: equal values (a constant column, one choice) share a rank. */
function byValue(rows: { receipt: string; value: unknown }[]): { receipt: string; rank: number }[] {
  const distinct = [...new Set(rows.map((row) => String(row.value)))].sort();
  const rankOf = new Map(distinct.map((value, index) => [value, index]));
  return rows.map((row) => ({ receipt: row.receipt, rank: rankOf.get(String(row.value))! }));
}

describe('secrecy after a 2,000-voter storm', () => {
  it('stores ballot rows in no order that follows the votes, with no timestamps on either side, and logs no choice', async () => {
    const { congress, ballotId, votes, logs, databasePath } = await stormWithCapturedLogs();
    const { voteBatches } = await (await fetch(`${congress.url}/api/health`)).json();

    // No timestamps: the two tables' columns, their defaults, no hidden rowid and no trigger.
    type Column = { name: string; type: string; dflt_value: string | null };
    const schema = reading(databasePath, (sqlite) => ({
      participation: sqlite.prepare('SELECT name, type, dflt_value FROM pragma_table_info(?)').all('participation') as Column[],
      ballotBox: sqlite.prepare('SELECT name, type, dflt_value FROM pragma_table_info(?)').all('ballot_box') as Column[],
      tables: sqlite.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name IN ('participation', 'ballot_box')").pluck().all() as string[],
      triggers: sqlite.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name IN ('participation', 'ballot_box')").all(),
      audited: sqlite.prepare('SELECT count(*) FROM audit_log WHERE ballot_id = ?').pluck().get(ballotId) as number,
    }));
    expect(schema.participation.map((column) => column.name)).toEqual(['ballot_id', 'member_id']);
    expect(schema.ballotBox.map((column) => column.name)).toEqual(['ballot_id', 'ballot_key', 'receipt', 'answers', 'named_member_id']);
    for (const column of [...schema.participation, ...schema.ballotBox]) {
      expect(column.name).not.toMatch(/_at$|time|date|seq|order/i);
      expect(column.type).not.toMatch(/date|time/i);
      expect(column.dflt_value).toBeNull();
    }
    expect(schema.tables).toHaveLength(2);
    for (const sql of schema.tables) expect(sql).toMatch(/WITHOUT ROWID\s*$/);
    expect(schema.triggers).toEqual([]);
    // Voting writes no audit row (which would carry a time) per vote.
    expect(schema.audited).toBeLessThan(5);

    const figures: Record<string, { sent: number; acknowledged: number }> = {};
    const boxColumns = schema.ballotBox.map((column) => column.name);
    const measure = (when: string) => reading(databasePath, (sqlite) => {
      // The table's own b-tree, as SELECT * returns it (selecting the receipt alone would read its index).
      figures[`${when} ballot_box stored order`] = correlations(inOrder((sqlite.prepare('SELECT * FROM ballot_box WHERE ballot_id = ?').all(ballotId) as { receipt: string }[]).map((row) => row.receipt)), votes);
      for (const column of boxColumns) {
        const rows = sqlite.prepare(`SELECT receipt, ${column} AS value FROM ballot_box WHERE ballot_id = ?`).all(ballotId) as { receipt: string; value: unknown }[];
        figures[`${when} ballot_box by ${column}`] = correlations(byValue(rows), votes);
      }
      const memberOrder = new Map(votes.map((vote) => [congress.memberIds[vote.voter]!, vote]));
      for (const order of ['', 'ORDER BY member_id']) {
        const members = sqlite.prepare(`SELECT member_id FROM participation WHERE ballot_id = ? ${order}`).pluck().all(ballotId) as string[];
        expect(members).toHaveLength(VOTERS);
        figures[`${when} participation ${order || 'stored order'}`] = correlations(inOrder(members.map((member) => memberOrder.get(member)!.receipt)), votes);
      }
    });
    measure('open:');

    const close = await fetch(`${congress.url}/api/ballots/${ballotId}/close`, { method: 'POST', headers: { cookie: congress.cookie } });
    expect(close.status).toBe(200);
    await server!.stop('SIGTERM');
    measure('closed:');
    // Where each ballot's receipt sits in the file (the order cells were written in, within a page).
    const file = readFileSync(databasePath);
    const byOffset = votes.map((vote) => ({ receipt: vote.receipt, offset: file.indexOf(Buffer.from(vote.receipt)) }));
    expect(byOffset.every((entry) => entry.offset >= 0)).toBe(true);
    figures['closed: ballot_box by position in the file'] = correlations(byOffset.map((entry) => ({ receipt: entry.receipt, rank: entry.offset })), votes);

    console.info(`secrecy under load, ${VOTERS} voters in batches ${JSON.stringify(voteBatches)}, Spearman ρ against send / ack order:\n${Object.entries(figures).map(([name, rho]) => `  ${name}: ${rho.sent.toFixed(3)} / ${rho.acknowledged.toFixed(3)}`).join('\n')}`);
    for (const [name, rho] of Object.entries(figures)) {
      expect(Math.abs(rho.sent), name).toBeLessThan(LIMIT);
      expect(Math.abs(rho.acknowledged), name).toBeLessThan(LIMIT);
    }

    const captured = logs();
    // The capture works: the setup's and the close's requests are there, at trace level.
    expect(captured).toMatch(/incoming request/);
    expect(captured).toContain(`/api/ballots/${ballotId}/close`);
    expect(captured).not.toMatch(/"answers"|\byes\b|\babstain\b|"no"|赞成|反对|弃权/);
    for (const vote of votes) expect(captured.includes(vote.receipt), 'a receipt in the logs').toBe(false);
    for (const choice of CHOICES) expect(captured).not.toContain(`["${choice}"]`);
  }, 90_000);
});
