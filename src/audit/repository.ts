// SQL for the audit log.
import type { Insertable, Kysely } from 'kysely';
import type { AuditLogTable, Database } from '../db/database.js';

export async function insertAuditEntry(db: Kysely<Database>, entry: Insertable<AuditLogTable>): Promise<void> {
  await db.insertInto('audit_log').values(entry).execute();
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
