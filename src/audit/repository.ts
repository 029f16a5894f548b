// SQL for the audit log.
import { type Kysely, sql } from 'kysely';
import type { AuditLogTable, Database } from '../db/database.js';
import { AUDIT_HASH_FUNCTION } from './chain.js';

export type AuditEntryInput = Omit<AuditLogTable, 'id' | 'prev_hash' | 'hash'>;

/**
 * Appends a row to the chain in ONE statement: the next id (what AUTOINCREMENT would pick), the last
 * row's hash and this row's hash are read and written by SQLite under the statement's own write lock,
 * so no other insert can come between the read and the write, inside a transaction or outside (where
 * Kysely may interleave two callers' awaits, but never split a statement).
 */
export async function insertAuditEntry(db: Kysely<Database>, entry: AuditEntryInput): Promise<{ id: number; hash: string }> {
  const { at, actor_account_id: actorId, actor_name: actorName, action, meeting_id: meetingId, ballot_id: ballotId, detail } = entry;
  const hashOf = sql.id(AUDIT_HASH_FUNCTION);
  const { rows } = await sql<{ id: number; hash: string }>`
    INSERT INTO audit_log (id, at, actor_account_id, actor_name, action, meeting_id, ballot_id, detail, prev_hash, hash)
    SELECT next.id, ${at}, ${actorId}, ${actorName}, ${action}, ${meetingId}, ${ballotId}, ${detail}, last.hash,
      ${hashOf}(last.hash, next.id, ${at}, ${actorId}, ${actorName}, ${action}, ${meetingId}, ${ballotId}, ${detail})
    FROM (SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'), 0), coalesce((SELECT max(id) FROM audit_log), 0)) + 1 AS id) AS next
    LEFT JOIN (SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1) AS last ON 1
    RETURNING id, hash`.execute(db);
  return rows[0]!;
}

/** One page of the whole log in id order, after a row id: the chain's verification walks it so. */
export function listAuditPage(db: Kysely<Database>, afterId: number, limit: number) {
  return db.selectFrom('audit_log').selectAll().where('id', '>', afterId).orderBy('id').limit(limit).execute();
}

export function listAuditEntries(db: Kysely<Database>, filter: { meetingId?: string; limit: number; before?: number }) {
  let query = db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(filter.limit);
  if (filter.meetingId) query = query.where('meeting_id', '=', filter.meetingId);
  if (filter.before) query = query.where('id', '<', filter.before);
  return query.execute();
}

/** One page of the audit rows of some meetings, oldest first, after a row id (for a streamed export). */
export function listAuditPageOfMeetings(db: Kysely<Database>, meetingIds: readonly string[], afterId: number, limit: number) {
  return db.selectFrom('audit_log').selectAll().where('meeting_id', 'in', meetingIds).where('id', '>', afterId).orderBy('id').limit(limit).execute();
}
