// Who an active code names, kept in memory between writes to the tables it is read from: every phone
// of a hall that reconnects at once asks it in its handshake (by its code, or through its sign-in
// session), and a hall reconnects many times in a day. Exact, as every kept read (db/table-watch.ts):
// a revoked code, a moved or deleted member, a renamed delegation is read afresh at once, whoever
// wrote it.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { frozen, KeptReads, type TableWatch } from '../db/table-watch.js';
import * as repository from './repository.js';

export type CodeHolder = Readonly<NonNullable<Awaited<ReturnType<typeof repository.findMemberOfActiveCode>>>> | undefined;

export class CodeHolders {
  readonly #byCode: KeptReads<CodeHolder>;

  constructor(watch: TableWatch) {
    this.#byCode = new KeptReads(watch, ['access_code', 'member', 'delegation']);
  }

  find(db: Kysely<Database>, codeHash: string): Promise<CodeHolder> {
    return this.#byCode.get(db, codeHash, async (reader) => frozen(await repository.findMemberOfActiveCode(reader, codeHash)));
  }
}
