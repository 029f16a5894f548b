// A meeting's ballot sheets as every phone sees them, kept in memory between writes to the ballot
// table. A hall of a thousand phones reconnecting at once read and presented the same fifteen ballot
// rows a thousand times; now a change reads them once and every phone reuses the result, with
// turnout (which moves with every vote, in memory) added fresh.
import type { Kysely } from 'kysely';
import type { BallotTable, Database } from '../db/database.js';
import { KeptReads, type TableWatch } from '../db/table-watch.js';
import type { BallotView } from './api-schemas.js';
import * as repository from './repository.js';
import { listMeetingConfirmations } from './confirmation-repository.js';
import { type PendingConfirmation, presentConfirmation } from './confirmation-views.js';
import { type Audience, presentBallot } from './results.js';

/** A ballot row with its view as presented before turnout is added. */
export interface ListedBallot {
  row: Readonly<BallotTable>;
  view: Readonly<BallotView>;
}

export class BallotViews {
  readonly #lists: KeptReads<ListedBallot[]>;

  constructor(watch: TableWatch) {
    this.#lists = new KeptReads(watch, ['ballot', 'ballot_confirmation']);
  }

  /** The meeting's ballots in order, each with its view for `audience` (turnout left null). */
  listOf(db: Kysely<Database>, meetingId: string, audience: Audience): Promise<ListedBallot[]> {
    return this.#lists.get(db, `${audience}:${meetingId}`, (reader) => presentMeetingBallots(reader, meetingId, audience));
  }
}

/** The meeting's ballots read and presented now, kept nowhere; officers' with the pending halves of two-person control. */
export async function presentMeetingBallots(db: Kysely<Database>, meetingId: string, audience: Audience): Promise<ListedBallot[]> {
  const rows = await repository.listBallots(db, meetingId);
  if (audience !== 'officer') return rows.map((row) => ({ row: Object.freeze(row), view: Object.freeze(presentBallot(row, audience, null)) }));
  const pending = new Map<string, PendingConfirmation[]>();
  for (const row of await listMeetingConfirmations(db, meetingId)) pending.set(row.ballot_id, [...(pending.get(row.ballot_id) ?? []), presentConfirmation(row)]);
  return rows.map((row) => ({
    row: Object.freeze(row),
    view: Object.freeze({ ...presentBallot(row, audience, null), pendingConfirmations: pending.get(row.id) ?? [] }),
  }));
}
