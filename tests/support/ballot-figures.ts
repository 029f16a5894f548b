// What the ballot box holds, three ways that must always agree: the tally announced at close, the
// ballot rows, and the participation rows (who voted, never how).
import type { FastifyInstance } from 'fastify';
import { call, type Congress } from './congress.js';

export interface BoxFigures {
  /** Rows in ballot_box: the papers. */
  ballots: number;
  /** Rows in participation: the representatives marked as having voted. */
  participation: number;
  /** The receipts of the papers, sorted. */
  receipts: string[];
}

export function boxFigures(app: FastifyInstance, ballotId: string): BoxFigures {
  const sqlite = app.yishi.sqlite;
  return {
    ballots: sqlite.prepare('SELECT count(*) FROM ballot_box WHERE ballot_id = ?').pluck().get(ballotId) as number,
    participation: sqlite.prepare('SELECT count(*) FROM participation WHERE ballot_id = ?').pluck().get(ballotId) as number,
    receipts: (sqlite.prepare('SELECT receipt FROM ballot_receipt WHERE ballot_id = ?').pluck().all(ballotId) as string[]).sort(),
  };
}

/** Closes the ballot and returns { cast, tallied }: ballots cast as recorded, and the votes counted on its first item. */
export async function closeAndTally(congress: Congress, ballotId: string): Promise<{ cast: number; tallied: number; counts: Record<string, number> }> {
  const { ballot } = await call(congress.app, { method: 'POST', url: `/api/ballots/${ballotId}/close`, headers: { cookie: congress.secretary } });
  const counts = ballot.result.items[0].counts as Record<string, number>;
  return { cast: ballot.result.cast as number, tallied: Object.values(counts).reduce((sum, count) => sum + count, 0), counts };
}
