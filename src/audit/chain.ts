// The audit log's hash chain: each row's hash covers the hash of the row before it, so editing,
// deleting or reordering a row breaks every hash after it. The serialisation is fixed here and
// copied once, on purpose, into db/migrations/2026-12-05-017-audit-chain.ts (migrations never import
// from src/); tests/unit/audit-chain.spec.ts proves the two agree.
import { createHash } from 'node:crypto';

/** The SQL function the insert calls, registered on every connection by registerAuditChain. */
export const AUDIT_HASH_FUNCTION = 'audit_row_hash';

export interface ChainedFields {
  prevHash: string | null;
  id: number;
  at: string;
  actorAccountId: string | null;
  actorName: string;
  action: string;
  meetingId: string | null;
  ballotId: string | null;
  /** The stored JSON text, byte for byte: never re-serialised, so key order cannot change a hash. */
  detail: string;
}

/**
 * SHA-256 hex over a JSON array of the fields in a fixed order. The id is included: the hash then
 * says "row 17 read so", and a row moved to another id (or the ids renumbered over a deletion) is
 * caught by the row itself, not only by its neighbour's link. JSON arrays of strings, numbers and
 * nulls have one serialisation, so the text is canonical.
 */
export function auditRowHash(row: ChainedFields): string {
  const fields = [row.prevHash ?? '', row.id, row.at, row.actorAccountId, row.actorName, row.action, row.meetingId, row.ballotId, row.detail];
  return createHash('sha256').update(JSON.stringify(fields), 'utf8').digest('hex');
}

/** The few methods of a better-sqlite3 handle this needs (a test's raw handle qualifies). */
interface FunctionHost {
  function(name: string, options: { deterministic: boolean }, implementation: (...args: never[]) => unknown): unknown;
}

/**
 * Registers audit_row_hash(prev_hash, id, at, actor_account_id, actor_name, action, meeting_id,
 * ballot_id, detail) on a connection, so the insert reads the last hash and writes its own in one
 * statement (src/audit/repository.ts).
 */
export function registerAuditChain(sqlite: FunctionHost): void {
  sqlite.function(
    AUDIT_HASH_FUNCTION,
    { deterministic: true },
    (prevHash: string | null, id: number | bigint, at: string, actorAccountId: string | null, actorName: string, action: string, meetingId: string | null, ballotId: string | null, detail: string) =>
      auditRowHash({ prevHash, id: Number(id), at, actorAccountId, actorName, action, meetingId, ballotId, detail }),
  );
}
