// A meeting's ballot sheets as every phone sees them, kept in memory between changes. A hall of a
// thousand phones reconnecting at once read and presented the same fifteen ballot rows a thousand
// times; now a change reads them once and every phone reuses the result, with turnout added fresh.
import type { Kysely } from 'kysely';
import type { SqliteHandle } from '../db/connection.js';
import type { BallotTable, Database } from '../db/database.js';
import * as repository from './repository.js';
import type { BallotView } from './api-schemas.js';
import { type Audience, presentBallot } from './results.js';

/** A ballot row with its view as presented before turnout (which changes with every vote) is added. */
export interface ListedBallot {
  row: BallotTable;
  view: Readonly<BallotView>;
}

interface Entry {
  version: number;
  listed: Promise<ListedBallot[]>;
}

/**
 * Exact, not eventually right: the database itself reports every write to the ballot table (a
 * temporary trigger calling back into this process, as the rights ledger does), whoever makes it, so
 * no service can forget to. A list is kept only if no write happened while it was read, and never
 * when read inside a transaction, whose rows may yet be rolled back.
 */
export class BallotViews {
  #version = 0;
  readonly #byMeeting = new Map<string, Entry>();

  constructor(sqlite: SqliteHandle) {
    sqlite.function('yishi_ballots_changed', { varargs: false, deterministic: false }, () => {
      this.#version += 1;
      this.#byMeeting.clear();
      return null;
    });
    for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
      sqlite.exec(`CREATE TEMP TRIGGER IF NOT EXISTS yishi_ballot_${event.toLowerCase()} AFTER ${event} ON ballot BEGIN SELECT yishi_ballots_changed(); END`);
    }
  }

  /** The meeting's ballots in order, each with its view for `audience` (turnout left null). */
  listOf(db: Kysely<Database>, meetingId: string, audience: Audience): Promise<ListedBallot[]> {
    if (db.isTransaction) return presentMeetingBallots(db, meetingId, audience);
    const key = `${audience}:${meetingId}`;
    const known = this.#byMeeting.get(key);
    if (known?.version === this.#version) return known.listed;
    const entry: Entry = { version: this.#version, listed: presentMeetingBallots(db, meetingId, audience) };
    this.#byMeeting.set(key, entry);
    // A failed read is not kept: the next phone reads again.
    entry.listed.catch(() => this.#byMeeting.get(key) === entry && this.#byMeeting.delete(key));
    return entry.listed;
  }
}

/** The meeting's ballots read and presented now, kept nowhere. */
export async function presentMeetingBallots(db: Kysely<Database>, meetingId: string, audience: Audience): Promise<ListedBallot[]> {
  const rows = await repository.listBallots(db, meetingId);
  return rows.map((row) => ({ row, view: Object.freeze(presentBallot(row, audience, null)) }));
}
