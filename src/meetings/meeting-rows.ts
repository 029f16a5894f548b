// Meeting rows kept in memory between writes to the meeting table: every phone of a reconnecting hall
// asks which meeting is its term's current one, and reads it again for its snapshot.
import type { Kysely } from 'kysely';
import type { Database, MeetingTable } from '../db/database.js';
import { frozen, KeptReads, type TableWatch } from '../db/table-watch.js';
import * as repository from './repository.js';

type Kept = Readonly<MeetingTable> | undefined;

export class MeetingRows {
  readonly #byId: KeptReads<Kept>;
  readonly #currentOfTerm: KeptReads<Kept>;

  constructor(watch: TableWatch) {
    this.#byId = new KeptReads(watch, 'meeting');
    this.#currentOfTerm = new KeptReads(watch, 'meeting');
  }

  find(db: Kysely<Database>, meetingId: string): Promise<Kept> {
    return this.#byId.get(db, meetingId, async (reader) => frozen(await repository.findMeeting(reader, meetingId)));
  }

  /** The term's meeting in session, else its newest one not closed. */
  currentOfTerm(db: Kysely<Database>, termId: string): Promise<Kept> {
    return this.#currentOfTerm.get(db, termId, async (reader) => frozen(await repository.findCurrentMeetingOfTerm(reader, termId)));
  }
}
