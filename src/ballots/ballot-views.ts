// A meeting's ballot sheets as every phone sees them, kept in memory between writes to the ballot
// table. A hall of a thousand phones reconnecting at once read and presented the same fifteen ballot
// rows a thousand times; now a change reads them once and every phone reuses the result, with
// turnout (which moves with every vote, in memory) added fresh.
import type { Kysely } from 'kysely';
import type { BallotTable, Database } from '../db/database.js';
import { KeptReads, type TableWatch } from '../db/table-watch.js';
import type { BallotView } from './api-schemas.js';
import * as repository from './repository.js';
import { type Audience, presentBallot } from './results.js';

/** A ballot row with its view as presented before turnout is added. */
export interface ListedBallot {
  row: Readonly<BallotTable>;
  view: Readonly<BallotView>;
}

export class BallotViews {
  readonly #lists: KeptReads<ListedBallot[]>;

  constructor(watch: TableWatch) {
    this.#lists = new KeptReads(watch, 'ballot');
  }

  /** The meeting's ballots in order, each with its view for `audience` (turnout left null). */
  listOf(db: Kysely<Database>, meetingId: string, audience: Audience): Promise<ListedBallot[]> {
    return this.#lists.get(db, `${audience}:${meetingId}`, (reader) => presentMeetingBallots(reader, meetingId, audience));
  }
}

/** The meeting's ballots read and presented now, kept nowhere. */
export async function presentMeetingBallots(db: Kysely<Database>, meetingId: string, audience: Audience): Promise<ListedBallot[]> {
  const rows = await repository.listBallots(db, meetingId);
  return rows.map((row) => ({ row: Object.freeze(row), view: Object.freeze(presentBallot(row, audience, null)) }));
}
