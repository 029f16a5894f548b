// Who sits on each joint meeting (联席会议), kept in memory: every vote cast in a joint meeting asks
// whether its voter is on the roll, so the roll is read once per change, not once per vote. Exact:
// the database reports every write to joint_roll (src/db/table-watch.ts), a cascade from a deleted
// member or meeting included, and a write forgets every kept roll.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { KeptReads, type TableWatch } from '../db/table-watch.js';
import * as repository from './repository.js';

export class JointRolls {
  readonly #kept: KeptReads<ReadonlySet<string>>;

  constructor(watch: TableWatch) {
    this.#kept = new KeptReads(watch, 'joint_roll');
  }

  membersOf(db: Kysely<Database>, meetingId: string): Promise<ReadonlySet<string>> {
    return this.#kept.get(db, meetingId, async (reader) => new Set(await repository.rollMemberIds(reader, meetingId)));
  }

  async includes(db: Kysely<Database>, meetingId: string, memberId: string): Promise<boolean> {
    return (await this.membersOf(db, meetingId)).has(memberId);
  }
}
