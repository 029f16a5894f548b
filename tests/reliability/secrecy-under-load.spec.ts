// Item 10: after a 1,000-voter storm, no order of the ballot rows (by any column, or by where they
// sit in the file) follows the order the votes came in, neither table holds a timestamp, and the
// server's logs, captured at trace level, hold no choice and no receipt.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, connectAll } from '../bench/harness.js';
import { type CastRecord, castStorm, CHOICES, createStormCongress, openStormBallot, seededChoices, spearman, type StormCongress } from '../support/ballot-storm.js';
import { createApp } from '../support/congress.js';

const VOTERS = 1_000;
const LIMIT = 0.1;

let directory: string | undefined;
let app: FastifyInstance | undefined;
let sockets: Socket[] = [];

afterEach(async () => {
  closeAll(sockets);
  sockets = [];
  await app?.close();
  app = undefined;
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

async function stormWithCapturedLogs(): Promise<Storm> {
  directory = mkdtempSync(join(tmpdir(), 'yishi-secrecy-load-'));
  const databasePath = join(directory, 'yishi.sqlite');
  let logs = '';
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      logs += String(chunk);
      done();
    },
  });
  app = await createApp({ DATABASE_PATH: databasePath, LOG_LEVEL: 'trace', RATE_LIMIT_PER_MINUTE: 0, CODE_ATTEMPT_LIMIT: 10_000 }, { logStream });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const congress = await createStormCongress(url, VOTERS);
  sockets = await connectAll(url, congress.codes.map((code) => ({ code })));
  let ballotId = '';
  const votes = await castStorm(sockets, async () => (ballotId = await openStormBallot(congress)), { choices: seededChoices(VOTERS, 'secrecy under load') });
  expect(votes.filter((vote) => vote.acknowledged === null)).toEqual([]);
  return { congress, ballotId, votes, logs: () => logs, databasePath };
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

describe('secrecy after a 1,000-voter storm', () => {
  it('stores ballot rows in no order that follows the votes, with no timestamps on either side, and logs no choice', async () => {
    const { congress, ballotId, votes, logs, databasePath } = await stormWithCapturedLogs();
    const sqlite = app!.yishi.sqlite;

    // No timestamps: the two tables' columns, their defaults, no hidden rowid and no trigger.
    const columns = (table: string) => sqlite.prepare('SELECT name, type, dflt_value FROM pragma_table_info(?)').all(table) as { name: string; type: string; dflt_value: string | null }[];
    expect(columns('participation').map((column) => column.name)).toEqual(['ballot_id', 'member_id']);
    expect(columns('ballot_box').map((column) => column.name)).toEqual(['ballot_id', 'ballot_key', 'receipt', 'answers', 'named_member_id']);
    for (const column of [...columns('participation'), ...columns('ballot_box')]) {
      expect(column.name).not.toMatch(/_at$|time|date|seq|order/i);
      expect(column.type).not.toMatch(/date|time/i);
      expect(column.dflt_value).toBeNull();
    }
    const tables = sqlite.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name IN ('participation', 'ballot_box')").pluck().all() as string[];
    expect(tables).toHaveLength(2);
    for (const sql of tables) expect(sql).toMatch(/WITHOUT ROWID\s*$/);
    expect(sqlite.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name IN ('participation', 'ballot_box')").all()).toEqual([]);
    // Voting writes no audit row (which would carry a time) per vote.
    expect(sqlite.prepare('SELECT count(*) FROM audit_log WHERE ballot_id = ?').pluck().get(ballotId)).toBeLessThan(5);

    const figures: Record<string, { sent: number; acknowledged: number }> = {};
    const boxColumns = columns('ballot_box').map((column) => column.name);
    const measure = (when: string) => {
      // The table's own b-tree (NOT INDEXED: the UNIQUE receipt index would otherwise answer).
      figures[`${when} ballot_box stored order`] = correlations(inOrder(sqlite.prepare('SELECT receipt FROM ballot_box NOT INDEXED WHERE ballot_id = ?').pluck().all(ballotId) as string[]), votes);
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
    };
    measure('open:');

    const close = await fetch(`${congress.url}/api/ballots/${ballotId}/close`, { method: 'POST', headers: { cookie: congress.cookie } });
    expect(close.status).toBe(200);
    measure('closed:');
    // Where each ballot's receipt sits in the file (the order cells were written in, within a page).
    const file = readFileSync(databasePath);
    const byOffset = votes.map((vote) => ({ receipt: vote.receipt, offset: file.indexOf(Buffer.from(vote.receipt)) }));
    expect(byOffset.every((entry) => entry.offset >= 0)).toBe(true);
    figures['closed: ballot_box by position in the file'] = correlations(byOffset.map((entry) => ({ receipt: entry.receipt, rank: entry.offset })), votes);

    console.info(`secrecy under load, ${VOTERS} voters, Spearman ρ against send / ack order:\n${Object.entries(figures).map(([name, rho]) => `  ${name}: ${rho.sent.toFixed(3)} / ${rho.acknowledged.toFixed(3)}`).join('\n')}`);
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
