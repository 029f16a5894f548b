// Each representative's own attendance at a meeting, kept in memory between writes to the attendance
// table: every phone of a reconnecting hall reads its own for its snapshot, and a point query per
// phone (9 µs) cost more than the rest of the snapshot's reads together. Exact, as every kept read
// (db/table-watch.ts): any write to the table, whoever makes it, forgets every kept status.
import type { AttendanceStatus } from './workflow.js';
import type { SqliteHandle } from '../db/connection.js';
import type { TableWatch } from '../db/table-watch.js';
import { readAttendanceOutsideTransaction } from './repository.js';

/** Statuses kept at most, over every meeting: anyone may ask for any member. */
const MOST_KEPT = 50_000;

export class AttendanceRows {
  /** By meeting, then member: null for a member with no row (not checked in). */
  readonly #kept = new Map<string, Map<string, AttendanceStatus | null>>();
  #size = 0;

  constructor(watch: TableWatch) {
    watch.onWrite('attendance', () => this.#forget());
  }

  /**
   * The member's status as committed, or null for no row. Outside a transaction only (the caller's
   * to check): inside one the handle would see writes not yet committed, which must never be kept.
   */
  statusOf(sqlite: SqliteHandle, meetingId: string, memberId: string): AttendanceStatus | null {
    let meeting = this.#kept.get(meetingId);
    const known = meeting?.get(memberId);
    if (known !== undefined) return known;
    const status = readAttendanceOutsideTransaction(sqlite, meetingId, memberId)?.status ?? null;
    if (this.#size >= MOST_KEPT) this.#forget();
    meeting = this.#kept.get(meetingId);
    if (!meeting) {
      meeting = new Map();
      this.#kept.set(meetingId, meeting);
    }
    meeting.set(memberId, status);
    this.#size++;
    return status;
  }

  #forget(): void {
    this.#kept.clear();
    this.#size = 0;
  }
}
