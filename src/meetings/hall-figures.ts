// The hall's figures every snapshot and turnout update needs (who is present, who may vote), kept in
// memory per meeting. Counted over the whole roster for each phone, a hall of 10,000 reconnecting
// at once cost 10,000 roster scans; now a change counts once and every phone reuses the result.
import type { Kysely } from 'kysely';
import type { Database, MeetingTable } from '../db/database.js';
import type { TableWatch } from '../db/table-watch.js';
import { type AttendanceCountsRow, countAttendance } from './repository.js';

/**
 * Exact, not eventually right: every write to a table the counts read (attendance, the roster, a
 * joint meeting's roll) forgets every kept count, whoever makes it (db/table-watch.ts), a hand-made
 * UPDATE too. An entry is stored before its count reads the database, and the count waits for any
 * transaction in flight (Kysely's one connection), so a count that may have read the old rows is
 * always forgotten after it was stored, never before.
 */
export class HallFigures {
  /** Per meeting, shared by everyone who asks while the count runs: one count per change, however many phones. */
  readonly #byMeeting = new Map<string, Promise<AttendanceCountsRow>>();

  constructor(watch: TableWatch) {
    for (const table of ['attendance', 'member', 'joint_roll'] as const) watch.onWrite(table, () => this.#byMeeting.clear());
  }

  /** The meeting's attendance counts (representatives eligible, present, on leave; attendees). */
  countsOf(db: Kysely<Database>, meeting: Pick<MeetingTable, 'id' | 'term_id' | 'sitting'>): Promise<AttendanceCountsRow> {
    const known = this.#byMeeting.get(meeting.id);
    if (known) return known;
    const counts = countAttendance(db, meeting.id, meeting.term_id, meeting.sitting);
    this.#byMeeting.set(meeting.id, counts);
    // A failed count is not kept: the next phone counts again.
    counts.catch(() => this.#byMeeting.get(meeting.id) === counts && this.#byMeeting.delete(meeting.id));
    return counts;
  }
}
