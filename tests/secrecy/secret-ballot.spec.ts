// Proves the secret ballot: after close, nothing stored or logged links a representative to a choice
// better than the published tally does. The representatives vote in the order most likely to leak
// (sorted by their ids, one commit each), so any order-preserving storage would link them all.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, createApp, createCongress, openBallot } from '../support/congress.js';
import { seededRandom } from '../support/seeded-random.js';

const CHOICES = ['yes', 'no', 'abstain'] as const;
const VOTERS = 60;

interface KnownVote {
  memberId: string;
  choice: (typeof CHOICES)[number];
  receipt: string;
}

let directory: string;
let app: FastifyInstance | undefined;
let logs: string;

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'yishi-secrecy-'));
  logs = '';
});
afterEach(async () => {
  await app?.close();
  app = undefined;
  rmSync(directory, { recursive: true, force: true });
});

/** The share of representatives a pairing guesses right: the attack's success. */
function accuracy(pairs: [string, string][], truth: Map<string, string>): number {
  return pairs.filter(([memberId, choice]) => truth.get(memberId) === choice).length / truth.size;
}

/** Pairs the i-th participation row with the i-th ballot row, for each ordering given. */
function pairByOrder(members: string[], choices: string[]): [string, string][] {
  return members.map((memberId, index) => [memberId, choices[index]!]);
}

function offsetsIn(file: Buffer, needles: string[]): number[] {
  return needles.map((needle) => file.indexOf(Buffer.from(needle)));
}

async function runSecretBallot(): Promise<{ ballotId: string; votes: KnownVote[] }> {
  const capture = new Writable({
    write(chunk, _encoding, done) {
      logs += String(chunk);
      done();
    },
  });
  app = await createApp({ DATABASE_PATH: join(directory, 'yishi.sqlite'), LOG_LEVEL: 'trace' }, { random: seededRandom('secrecy'), logStream: capture });
  const congress = await createCongress(app, { representatives: VOTERS });
  const ballotId = await openBallot(congress);
  const deviceRandom = seededRandom("the voters' own devices");
  const ordered = [...congress.representatives].sort((a, b) => (a.memberId < b.memberId ? -1 : 1));
  // A third each, dealt at random: the choice says nothing about the member, only storage could.
  const choices = ordered.map((_, index) => CHOICES[index % CHOICES.length]!);
  for (let index = choices.length - 1; index > 0; index--) {
    const other = deviceRandom(4).readUInt32LE(0) % (index + 1);
    [choices[index], choices[other]] = [choices[other]!, choices[index]!];
  }
  const votes: KnownVote[] = [];
  for (const [index, person] of ordered.entries()) {
    const choice = choices[index]!;
    const receipt = deviceRandom(16).toString('hex');
    await call(app, { method: 'POST', url: `/api/ballots/${ballotId}/votes`, headers: { authorization: `Bearer ${person.token}` }, payload: { answers: [choice], receipt } }, 201);
    votes.push({ memberId: person.memberId, choice, receipt });
  }
  await call(app, { method: 'POST', url: `/api/ballots/${ballotId}/close`, headers: { cookie: congress.secretary } });
  return { ballotId, votes };
}

describe('a secret ballot after it closes', () => {
  it('keeps who voted and what was voted in tables that share no key and no timestamp', async () => {
    const { ballotId } = await runSecretBallot();
    const sqlite = app!.yishi.sqlite;
    const columns = (table: string) => (sqlite.pragma(`table_info(${table})`) as { name: string }[]).map((column) => column.name);
    expect(columns('participation')).toEqual(['ballot_id', 'member_id']);
    expect(columns('ballot_box').some((name) => /_at$|time|date|member/.test(name) && name !== 'named_member_id')).toBe(false);
    const named = sqlite.prepare('SELECT count(*) AS count FROM ballot_box WHERE ballot_id = ? AND named_member_id IS NOT NULL').get(ballotId) as { count: number };
    expect(named.count).toBe(0);
    const withRowid = sqlite.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name IN ('participation', 'ballot_box') AND sql NOT LIKE '%WITHOUT ROWID%'").all();
    expect(withRowid).toEqual([]);
  });

  it('lets no row order of any column pair a representative with their choice better than chance', async () => {
    const { ballotId, votes } = await runSecretBallot();
    const truth = new Map(votes.map((vote) => [vote.memberId, vote.choice]));
    const sqlite = app!.yishi.sqlite;
    const tallyGuess = Math.max(...CHOICES.map((choice) => votes.filter((vote) => vote.choice === choice).length)) / VOTERS;
    const participationOrders = [
      sqlite.prepare('SELECT member_id FROM participation WHERE ballot_id = ?').pluck().all(ballotId),
      sqlite.prepare('SELECT member_id FROM participation WHERE ballot_id = ? ORDER BY member_id DESC').pluck().all(ballotId),
    ] as string[][];
    const boxOrders = ['', 'ORDER BY ballot_key', 'ORDER BY ballot_key DESC', 'ORDER BY answers'].map((order) =>
      (sqlite.prepare(`SELECT answers FROM ballot_box WHERE ballot_id = ? ${order}`).pluck().all(ballotId) as string[]).map((paper) => (JSON.parse(paper) as string[])[0]!),
    );
    for (const members of participationOrders) {
      for (const choices of boxOrders) {
        expect(accuracy(pairByOrder(members, choices), truth)).toBeLessThanOrEqual(Math.max(tallyGuess, 1 / 3) + 0.25);
      }
    }
  });

  it('leaves no trace of arrival order in the database file, and an empty WAL', async () => {
    const { votes } = await runSecretBallot();
    const path = join(directory, 'yishi.sqlite');
    const wal = `${path}-wal`;
    expect(!existsSync(wal) || statSync(wal).size === 0).toBe(true);
    const file = readFileSync(path);
    const truth = new Map(votes.map((vote) => [vote.memberId, vote.choice]));
    const receiptOffsets = offsetsIn(
      file,
      votes.map((vote) => vote.receipt),
    );
    expect(receiptOffsets.every((offset) => offset >= 0)).toBe(true);
    // The attacker sorts ballot rows by where they sit in the file and pairs them with voters in vote order.
    const byPosition = votes.map((vote, index) => ({ choice: vote.choice, offset: receiptOffsets[index]! })).sort((a, b) => a.offset - b.offset);
    const pairs = pairByOrder(
      votes.map((vote) => vote.memberId),
      byPosition.map((entry) => entry.choice),
    );
    expect(accuracy(pairs, truth)).toBeLessThanOrEqual(1 / 3 + 0.25);
    const rank = (values: number[]) => values.map((value) => values.filter((other) => other < value).length);
    const positionRank = rank(receiptOffsets);
    const n = votes.length;
    const spearman = 1 - (6 * positionRank.reduce((sum, position, index) => sum + (position - index) ** 2, 0)) / (n * (n * n - 1));
    expect(Math.abs(spearman)).toBeLessThan(0.25);
  });

  it('writes no choice and no receipt into the log', async () => {
    const { votes } = await runSecretBallot();
    expect(logs.length).toBeGreaterThan(0);
    expect(logs).not.toMatch(/"answers"|\byes\b|\babstain\b/);
    for (const vote of votes) expect(logs).not.toContain(vote.receipt);
  });

  it('records ballot actions in the audit log without any voter', async () => {
    const { ballotId, votes } = await runSecretBallot();
    const rows = app!.yishi.sqlite.prepare('SELECT * FROM audit_log WHERE ballot_id = ?').all(ballotId);
    const text = JSON.stringify(rows);
    for (const vote of votes) expect(text).not.toContain(vote.memberId);
  });
});
