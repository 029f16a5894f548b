// Issue 14: the audit log becomes a hash chain (prev_hash, hash on every row), and a counted ballot
// keeps its final hash (ballot.final_hash, the hash of its `ballot.counted` audit row). Existing rows
// are chained here in id order, a page at a time.
import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';

/**
 * A copy of auditRowHash in src/audit/chain.ts: migrations never import from src/ (a landed migration
 * must not change when src/ does). tests/unit/audit-chain.spec.ts proves the two agree.
 */
export function chainHash(
  prevHash: string | null,
  id: number,
  at: string,
  actorAccountId: string | null,
  actorName: string,
  action: string,
  meetingId: string | null,
  ballotId: string | null,
  detail: string,
): string {
  const fields = [prevHash ?? '', id, at, actorAccountId, actorName, action, meetingId, ballotId, detail];
  return createHash('sha256').update(JSON.stringify(fields), 'utf8').digest('hex');
}

interface LegacyRow {
  id: number;
  at: string;
  actor_account_id: string | null;
  actor_name: string;
  action: string;
  meeting_id: string | null;
  ballot_id: string | null;
  detail: string;
}

const PAGE = 1000;

/**
 * In one transaction (Kysely runs SQLite migrations outside one): a crash halfway leaves no column
 * added without its migration recorded, and the rows' updates are synced once, not one by one.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`ALTER TABLE audit_log ADD COLUMN prev_hash TEXT`.execute(trx);
    await sql`ALTER TABLE audit_log ADD COLUMN hash TEXT`.execute(trx);
    await sql`ALTER TABLE ballot ADD COLUMN final_hash TEXT`.execute(trx);
    await chainExistingRows(trx);
  });
}

async function chainExistingRows(db: Kysely<unknown>): Promise<void> {
  let previous: string | null = null;
  let afterId = 0;
  for (;;) {
    const { rows } = await sql<LegacyRow>`SELECT id, at, actor_account_id, actor_name, action, meeting_id, ballot_id, detail FROM audit_log WHERE id > ${afterId} ORDER BY id LIMIT ${PAGE}`.execute(
      db,
    );
    for (const row of rows) {
      const hash = chainHash(previous, row.id, row.at, row.actor_account_id, row.actor_name, row.action, row.meeting_id, row.ballot_id, row.detail);
      await sql`UPDATE audit_log SET prev_hash = ${previous}, hash = ${hash} WHERE id = ${row.id}`.execute(db);
      previous = hash;
    }
    if (rows.length < PAGE) return;
    afterId = rows.at(-1)!.id;
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE ballot DROP COLUMN final_hash`.execute(db);
  await sql`ALTER TABLE audit_log DROP COLUMN hash`.execute(db);
  await sql`ALTER TABLE audit_log DROP COLUMN prev_hash`.execute(db);
}
