// Reads kept in memory between writes to the tables they come from. The database itself reports every
// write to a watched table (temporary triggers calling back into this process, as the rights ledger
// does), whoever makes it, so no service, script or hand-made UPDATE can leave a kept read stale.
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Database } from './database.js';

/** The tables whose reads a whole hall repeats: every reconnecting phone reads its meeting, ballots and agenda. */
export type WatchedTable =
  | 'meeting'
  | 'attendance'
  | 'ballot'
  | 'ballot_confirmation'
  | 'agenda_item'
  | 'congress_session'
  | 'document'
  | 'joint_roll'
  | 'access_code'
  | 'member'
  | 'delegation'
  | 'auth_session';
/**
 * joint_roll: who may vote in a joint meeting, asked at every vote cast there (src/joint/rolls.ts).
 * ballot_confirmation: the halves of two-person control that the officers' ballot list shows.
 * access_code, member, delegation, auth_session: who a phone's code or session names, asked at
 * every handshake (src/roster/code-holders.ts, src/accounts/session-rows.ts).
 * attendance: each representative's own, in the snapshot of every phone (src/meetings/attendance-rows.ts).
 */
const WATCHED: readonly WatchedTable[] = [
  'meeting',
  'attendance',
  'ballot',
  'ballot_confirmation',
  'agenda_item',
  'congress_session',
  'document',
  'joint_roll',
  'access_code',
  'member',
  'delegation',
  'auth_session',
];

/** Keys a kept read holds at most: reads of keys that name nothing are kept too, and anyone may ask for any key. */
const MOST_KEPT = 50_000;

export class TableWatch {
  readonly #listeners = new Map<WatchedTable, Set<() => void>>(WATCHED.map((table) => [table, new Set()]));

  /** One per connection: SQLite keeps one function of a name per connection, and the triggers are TEMP. */
  constructor(sqlite: BetterSqlite3.Database) {
    sqlite.function('yishi_table_changed', { varargs: false, deterministic: false }, (table: unknown) => {
      for (const listener of this.#listeners.get(table as WatchedTable) ?? []) listener();
      return null;
    });
    for (const table of WATCHED) {
      for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
        sqlite.exec(`CREATE TEMP TRIGGER IF NOT EXISTS yishi_watch_${table}_${event.toLowerCase()} AFTER ${event} ON ${table} BEGIN SELECT yishi_table_changed('${table}'); END`);
      }
    }
  }

  /** Called during each write to `table`, inside its statement: it must only forget, never read. */
  onWrite(table: WatchedTable, listener: () => void): void {
    this.#listeners.get(table)!.add(listener);
  }
}

/** A kept row, shared by every caller until the next write: nobody may change it in place. */
export function frozen<T extends object>(row: T | undefined): Readonly<T> | undefined {
  return row && Object.freeze(row);
}

/**
 * Reads by key, kept until a write to their table. Exact, not eventually right: a write forgets every
 * kept read (the one in flight too, so a read that may have seen the old rows is never kept after
 * it), and a read inside a transaction, whose rows may yet be rolled back, is never kept.
 */
export class KeptReads<T> {
  readonly #kept = new Map<string, Promise<T>>();

  constructor(watch: TableWatch, tables: WatchedTable | readonly WatchedTable[]) {
    for (const table of typeof tables === 'string' ? [tables] : tables) watch.onWrite(table, () => this.#kept.clear());
  }

  get(db: Kysely<Database>, key: string, read: (db: Kysely<Database>) => Promise<T>): Promise<T> {
    if (db.isTransaction) return read(db);
    const known = this.#kept.get(key);
    if (known) return known;
    if (this.#kept.size >= MOST_KEPT) this.#kept.clear();
    const reading = read(db);
    this.#kept.set(key, reading);
    // A failed read is not kept: the next caller reads again.
    reading.catch(() => this.#kept.get(key) === reading && this.#kept.delete(key));
    return reading;
  }
}
