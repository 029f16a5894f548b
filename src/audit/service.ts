// The audit log of secretary and scrutineer actions: who, what, when; never a voter's choice.
import type { AccountActor } from '../actors.js';
import { type AppContext, nowIso } from '../context.js';
import { insertAuditEntry, listAuditEntries, listAuditPageOfMeetings } from './repository.js';

export interface AuditTarget {
  meetingId?: string | null;
  ballotId?: string | null;
  detail?: Record<string, unknown>;
}

/** Appends a row to the audit chain; returns its id and chain hash (a counted ballot keeps the hash). */
export async function recordAudit(context: Pick<AppContext, 'db' | 'clock'>, actor: AccountActor | null, action: string, target: AuditTarget = {}): Promise<{ id: number; hash: string }> {
  return insertAuditEntry(context.db, {
    at: nowIso(context),
    actor_account_id: actor?.id ?? null,
    actor_name: actor ? actor.username : 'system',
    action,
    meeting_id: target.meetingId ?? null,
    ballot_id: target.ballotId ?? null,
    detail: JSON.stringify(target.detail ?? {}),
  });
}

export async function readAuditLog(context: Pick<AppContext, 'db'>, filter: { meetingId?: string; limit: number; before?: number }) {
  const rows = await listAuditEntries(context.db, filter);
  return rows.map((row) => ({
    id: row.id,
    at: row.at,
    actor: row.actor_name,
    action: row.action,
    meetingId: row.meeting_id,
    ballotId: row.ballot_id,
    detail: JSON.parse(row.detail) as Record<string, unknown>,
  }));
}

/** The audit rows of some meetings, oldest first, a page at a time: a long log is never held whole. */
export async function* auditRowsOfMeetings(context: Pick<AppContext, 'db'>, meetingIds: readonly string[], pageSize = 1000) {
  if (meetingIds.length === 0) return;
  let afterId = 0;
  for (;;) {
    const rows = await listAuditPageOfMeetings(context.db, meetingIds, afterId, pageSize);
    for (const row of rows)
      yield { id: row.id, at: row.at, actor: row.actor_name, action: row.action, meetingId: row.meeting_id, ballotId: row.ballot_id, detail: row.detail, prevHash: row.prev_hash, hash: row.hash };
    if (rows.length < pageSize) return;
    afterId = rows.at(-1)!.id;
  }
}
