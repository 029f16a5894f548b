// The hall's figures every snapshot and turnout update needs (who is present, who may vote), kept in
// memory per meeting. Counted over the whole roster for each phone, a hall of 10,000 reconnecting
// at once cost 10,000 roster scans; now a change counts once and every phone reuses the result.
import type { Kysely } from 'kysely';
import type { Database, MeetingTable } from '../db/database.js';
import type { DomainEvents } from '../events.js';
import { type AttendanceCountsRow, countAttendance } from './repository.js';

interface Entry {
  termId: string;
  /** Shared by everyone who asks while the count runs: one count per change, however many phones. */
  counts: Promise<AttendanceCountsRow>;
}

/**
 * Exact, not eventually right: an entry is forgotten by the domain events that follow every write to
 * attendance or the roster (`attendance.changed` from check-in, marking, the vote batch and a joint meeting's roll;
 * `roster.changed` from the roster service). Those events come after the commit, and an entry is
 * stored before its count reads the database, so a count that may have read the old rows is always
 * forgotten after it was stored, never before.
 */
export class HallFigures {
  readonly #byMeeting = new Map<string, Entry>();

  constructor(events: DomainEvents) {
    events.subscribe((event) => {
      if (event.type === 'attendance.changed') this.#byMeeting.delete(event.meetingId);
      if (event.type === 'roster.changed') this.#forgetTerm(event.termId);
    });
  }

  /** The meeting's attendance counts (representatives eligible, present, on leave; attendees). */
  countsOf(db: Kysely<Database>, meeting: Pick<MeetingTable, 'id' | 'term_id' | 'sitting'>): Promise<AttendanceCountsRow> {
    const known = this.#byMeeting.get(meeting.id);
    if (known) return known.counts;
    const entry: Entry = { termId: meeting.term_id, counts: countAttendance(db, meeting.id, meeting.term_id, meeting.sitting) };
    this.#byMeeting.set(meeting.id, entry);
    // A failed count is not kept: the next phone counts again.
    entry.counts.catch(() => this.#byMeeting.get(meeting.id) === entry && this.#byMeeting.delete(meeting.id));
    return entry.counts;
  }

  #forgetTerm(termId: string): void {
    for (const [meetingId, entry] of this.#byMeeting) if (entry.termId === termId) this.#byMeeting.delete(meetingId);
  }
}
