// The secrecy-at-rest attacks on a copied database: replay its WAL commit by commit, join the
// participation, receipt and paper rows by key order, by place in the file and by cell order inside
// a commit, and score each join by choice and by voter against the truth the test recorded.
import { readFileSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { type CastRecord, CHOICES, type Choice, spearman } from './ballot-storm.js';
import { type BallotRows, ballotRowsInFile, ballotRowsInPage, type FoundRow, type KnownIds, noRows, pagesOf, placeInFile, readWal, ROW_KINDS, type RowKind } from './wal-frames.js';

/** What the test knows: each vote (index = voter), and whose row each stored id is. */
export interface Truth {
  ballotId: string;
  votes: CastRecord[];
  voterOf: Record<RowKind, Map<string, number>>;
  known: KnownIds;
}

/** The pairs of tables an attacker would join: who with which paper, which receipt with which paper, who with which receipt. */
export const PAIRS = [
  ['participation', 'papers'],
  ['receipts', 'papers'],
  ['participation', 'receipts'],
] as const;
export const pairName = ([a, b]: readonly [RowKind, RowKind]) => `${a}/${b}`;

export interface OrderAttack {
  ballots: number;
  papers: FoundRow[];
  /** Share of voters whose choice a join by key order (row i with row i) gets right, per pair of tables. */
  pairedByKey: Record<string, number>;
  /** The same, joining by place in the file. */
  pairedByFile: Record<string, number>;
  /** Share of rows a join puts with the very same voter's row (by key, by file), per pair of tables. */
  exactByKey: Record<string, number>;
  exactByFile: Record<string, number>;
  /** ρ of each table's key order and file order against send order. */
  rhoKey: Record<RowKind, number>;
  rhoFile: Record<RowKind, number>;
  /** ρ between a voter's ranks in two tables (key order; file order). */
  rhoPairKey: Record<string, number>;
  rhoPairFile: Record<string, number>;
}

/** Rows in the order they sit (page, then the cell area's fill order from the page's end). */
function byPlace(rows: FoundRow[]): FoundRow[] {
  return [...rows].sort((a, b) => a.page - b.page || b.offset - a.offset);
}

export function secrecyAttacks({ ballotId, votes, voterOf, known }: Truth) {
  const choiceOf = (kind: RowKind, row: FoundRow): Choice => votes[voterOf[kind].get(row.id)!]!.choice;
  const sameVoter = (a: RowKind, rowA: FoundRow, b: RowKind, rowB: FoundRow) => voterOf[a].get(rowA.id) === voterOf[b].get(rowB.id);

  /**
   * WAL replay: the rows already in the database file, then, commit by commit, the rows that first
   * appear in that commit's page images. Rows that appear together were written together.
   */
  function replay(databaseFile: Buffer, walFile: Buffer | undefined): { inFile: BallotRows; commits: BallotRows[]; frames: number } {
    const wal = readWal(walFile ?? Buffer.alloc(0));
    const pageSize = wal.pageSize || databaseFile.readUInt16BE(16);
    const seen = { participation: new Set<string>(), receipts: new Set<string>(), papers: new Set<string>() };
    const collect = (pages: Iterable<[number, Buffer]>): BallotRows => {
      const group = noRows();
      for (const [page, data] of pages) {
        const rows = ballotRowsInPage(data, page, ballotId, known);
        for (const kind of ROW_KINDS) {
          for (const row of rows[kind]) {
            if (seen[kind].has(row.id) || group[kind].some((other) => other.id === row.id)) continue;
            group[kind].push(row);
          }
        }
      }
      for (const kind of ROW_KINDS) for (const row of group[kind]) seen[kind].add(row.id);
      return group;
    };
    const inFile = collect(pagesOf(databaseFile, pageSize));
    const commits = wal.commits.map((frames) => collect(frames.map((frame) => [frame.page, frame.data] as [number, Buffer])));
    return { inFile, commits, frames: wal.commits.reduce((sum, frames) => sum + frames.length, 0) };
  }

  /** Best guess per voter from a group: the most common choice among the group's papers. */
  function majorityGuess(group: BallotRows): number {
    const counts = CHOICES.map((choice) => group.papers.filter((row) => choiceOf('papers', row) === choice).length);
    const best = CHOICES[counts.indexOf(Math.max(...counts))]!;
    return group.participation.filter((row) => choiceOf('participation', row) === best).length;
  }

  /** Pairs two kinds of rows by where they sit: how many pairs share a choice, and how many are the same voter's. */
  function pairByPosition(a: RowKind, left: FoundRow[], b: RowKind, right: FoundRow[]): { sameChoice: number; sameVoter: number } {
    const lefts = byPlace(left);
    const rights = byPlace(right);
    let sameChoice = 0;
    let same = 0;
    lefts.forEach((row, index) => {
      const other = rights[index];
      if (!other) return;
      if (choiceOf(a, row) === choiceOf(b, other)) sameChoice += 1;
      if (sameVoter(a, row, b, other)) same += 1;
    });
    return { sameChoice, sameVoter: same };
  }

  /** What guessing the overall tally's leader for everyone gets right: the floor any attack is measured against. */
  function tallyGuess(papers: FoundRow[]): number {
    const counts = CHOICES.map((choice) => papers.filter((row) => choiceOf('papers', row) === choice).length);
    return Math.max(...counts) / Math.max(1, papers.length);
  }

  /** ρ between a voter's rank in one list and in another. */
  function pairedRanks(a: RowKind, left: FoundRow[], rankA: (row: FoundRow) => number, b: RowKind, right: FoundRow[], rankB: (row: FoundRow) => number): number {
    const rightRank = new Map(right.map((row) => [voterOf[b].get(row.id)!, rankB(row)]));
    const both = left.filter((row) => rightRank.has(voterOf[a].get(row.id)!));
    return spearman(
      both.map(rankA),
      both.map((row) => rightRank.get(voterOf[a].get(row.id)!)!),
    );
  }

  /** A copy's rows ordered by key (SQL) and by place in the file, against send order and each other. */
  function orderAttacks(databasePath: string): OrderAttack {
    const sqlite = new BetterSqlite3(databasePath, { readonly: true });
    const keyOrder = noRows();
    try {
      // Each table's own b-tree, as SELECT * returns it: member id, receipt and ballot key order.
      const asRows = (ids: string[]) => ids.map((id, index) => ({ id, page: 0, offset: -index }));
      keyOrder.participation = asRows(sqlite.prepare('SELECT member_id FROM participation WHERE ballot_id = ? ORDER BY member_id').pluck().all(ballotId) as string[]);
      keyOrder.receipts = asRows((sqlite.prepare('SELECT * FROM ballot_receipt WHERE ballot_id = ?').all(ballotId) as { receipt: string }[]).map((row) => row.receipt));
      keyOrder.papers = asRows(
        (sqlite.prepare('SELECT * FROM ballot_box WHERE ballot_id = ?').all(ballotId) as { answers: string }[]).map((row) => (JSON.parse(row.answers) as { writeIns: string[] }[])[0]!.writeIns[0]!),
      );
    } finally {
      sqlite.close();
    }
    const { rows: inFile, pageSize } = ballotRowsInFile(readFileSync(databasePath), ballotId, known);
    const ballots = keyOrder.papers.length;
    const sent = (kind: RowKind) => (row: FoundRow) => votes[voterOf[kind].get(row.id)!]!.sent;
    const keyRank = (row: FoundRow) => -row.offset;
    const fileRank = (row: FoundRow) => placeInFile(row, pageSize);
    const attack: OrderAttack = {
      ballots,
      papers: keyOrder.papers,
      pairedByKey: {},
      pairedByFile: {},
      exactByKey: {},
      exactByFile: {},
      rhoKey: {} as Record<RowKind, number>,
      rhoFile: {} as Record<RowKind, number>,
      rhoPairKey: {},
      rhoPairFile: {},
    };
    for (const kind of ROW_KINDS) {
      attack.rhoKey[kind] = spearman(keyOrder[kind].map(keyRank), keyOrder[kind].map(sent(kind)));
      attack.rhoFile[kind] = spearman(inFile[kind].map(fileRank), inFile[kind].map(sent(kind)));
    }
    for (const pair of PAIRS) {
      const [a, b] = pair;
      const byKey = pairByPosition(a, keyOrder[a], b, keyOrder[b]);
      const byFile = pairByPosition(a, inFile[a], b, inFile[b]);
      attack.pairedByKey[pairName(pair)] = byKey.sameChoice / Math.max(1, ballots);
      attack.pairedByFile[pairName(pair)] = byFile.sameChoice / Math.max(1, ballots);
      attack.exactByKey[pairName(pair)] = byKey.sameVoter / Math.max(1, ballots);
      attack.exactByFile[pairName(pair)] = byFile.sameVoter / Math.max(1, ballots);
      attack.rhoPairKey[pairName(pair)] = pairedRanks(a, keyOrder[a], keyRank, b, keyOrder[b], keyRank);
      attack.rhoPairFile[pairName(pair)] = pairedRanks(a, inFile[a], fileRank, b, inFile[b], fileRank);
    }
    return attack;
  }

  return { choiceOf, replay, majorityGuess, pairByPosition, tallyGuess, orderAttacks };
}
