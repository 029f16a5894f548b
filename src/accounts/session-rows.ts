// Sign-in sessions by their stored hash, kept in memory between writes to the session table: every
// phone and console of a hall that reconnects at once presents its session in its handshake. Exact,
// as every kept read (db/table-watch.ts): a session signed out, replaced or swept is read afresh at
// once.
import type { Kysely } from 'kysely';
import type { AuthSessionTable, Database } from '../db/database.js';
import { frozen, KeptReads, type TableWatch } from '../db/table-watch.js';
import * as repository from './repository.js';

type Kept = Readonly<AuthSessionTable> | undefined;

export class SessionRows {
  readonly #byHash: KeptReads<Kept>;

  constructor(watch: TableWatch) {
    this.#byHash = new KeptReads(watch, 'auth_session');
  }

  find(db: Kysely<Database>, tokenHash: string): Promise<Kept> {
    return this.#byHash.get(db, tokenHash, async (reader) => frozen(await repository.findSession(reader, tokenHash)));
  }
}
