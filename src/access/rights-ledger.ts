// When someone's rights last changed, kept in memory so an open socket can tell at each command,
// without a query, whether the actor it resolved at connect time is still who the database says.
// The database itself reports every change (temporary triggers calling back into this process), so
// no service, script or hand-written UPDATE can change a role, term, code, session, account,
// department or display token without the open sockets hearing of it.
import type { SqliteHandle } from '../db/connection.js';

/** A change bumps these keys; a socket depends on some of them. */
export const rightsKeys = {
  member: (id: string) => `member:${id}`,
  account: (id: string) => `account:${id}`,
  session: (hash: string) => `session:${hash}`,
  display: (meetingId: string) => `display:${meetingId}`,
  meeting: (meetingId: string) => `meeting:${meetingId}`,
};

/**
 * What each write reports. Only the columns rights depend on: a meeting's state changing (which
 * every phone in the hall follows) must not make ten thousand sockets re-read who they are.
 */
const TRIGGERS: readonly [name: string, event: string, keys: readonly string[]][] = [
  ['member_changed', 'UPDATE ON member', ["'member:' || OLD.id"]],
  ['member_removed', 'DELETE ON member', ["'member:' || OLD.id"]],
  ['code_changed', 'UPDATE ON access_code', ["'member:' || OLD.member_id"]],
  ['code_removed', 'DELETE ON access_code', ["'member:' || OLD.member_id"]],
  ['session_changed', 'UPDATE ON auth_session', ["'session:' || OLD.token_hash"]],
  ['session_removed', 'DELETE ON auth_session', ["'session:' || OLD.token_hash"]],
  ['account_changed', 'UPDATE ON account', ["'account:' || OLD.id"]],
  ['account_removed', 'DELETE ON account', ["'account:' || OLD.id"]],
  ['display_changed', 'UPDATE OF display_token_hash ON meeting', ["'display:' || OLD.id"]],
  // Who may follow a meeting depends on its term: everyone following it is read again (never happens through the API).
  ['meeting_moved', 'UPDATE OF term_id ON meeting', ["'meeting:' || OLD.id", "'display:' || OLD.id"]],
  ['meeting_removed', 'DELETE ON meeting', ["'meeting:' || OLD.id", "'display:' || OLD.id"]],
];

/** Past this many remembered changes, forget them all and treat every socket as stale once. */
const MOST_REMEMBERED = 100_000;

export class RightsLedger {
  #sequence = 0;
  /** Every resolution older than this is stale (set when the map is emptied). */
  #floor = 0;
  readonly #changedAt = new Map<string, number>();
  readonly #listeners = new Set<(keys: ReadonlySet<string>) => void>();
  #pending = new Set<string>();
  #scheduled = false;

  /** Installs the triggers on this connection (TEMP: they live and die with it, and never touch the schema file). */
  attach(sqlite: SqliteHandle): void {
    sqlite.function('yishi_rights_changed', { varargs: false, deterministic: false }, (key: unknown) => {
      this.bump(String(key));
      return null;
    });
    for (const [name, event, keys] of TRIGGERS) {
      const body = keys.map((key) => `SELECT yishi_rights_changed(${key});`).join(' ');
      sqlite.exec(`CREATE TEMP TRIGGER IF NOT EXISTS yishi_${name} AFTER ${event} BEGIN ${body} END`);
    }
  }

  /** The moment to remember before reading someone's rights from the database. */
  now(): number {
    return this.#sequence;
  }

  bump(key: string): void {
    if (this.#changedAt.size >= MOST_REMEMBERED) {
      this.#changedAt.clear();
      this.#floor = this.#sequence + 1;
    }
    this.#changedAt.set(key, ++this.#sequence);
    this.#pending.add(key);
    if (this.#scheduled) return;
    this.#scheduled = true;
    // After the write's own statement (and usually its transaction) is done: listeners read the database.
    setImmediate(() => this.#notify());
  }

  /** Whether anything under `keys` changed after `since` (a value of now()). Map lookups only: the vote path calls it. */
  isStale(keys: readonly string[], since: number): boolean {
    if (since < this.#floor) return true;
    for (const key of keys) if ((this.#changedAt.get(key) ?? 0) > since) return true;
    return false;
  }

  /** Hears each batch of changed keys, soon after the writes. */
  subscribe(listener: (keys: ReadonlySet<string>) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #notify(): void {
    const keys = this.#pending;
    this.#pending = new Set();
    this.#scheduled = false;
    for (const listener of this.#listeners) listener(keys);
  }
}
