// Verifies the audit chain (src/audit/chain.ts) and each counted ballot's seal (src/ballots/seal.ts):
// `npm run admin -- audit-verify` and GET /api/audit/verify. The log is walked a page at a time.
import { countDigests, sealedBallots } from '../ballots/seal.js';
import type { AppContext } from '../context.js';
import type { Selectable } from 'kysely';
import type { AuditLogTable } from '../db/database.js';
import { auditRowHash } from './chain.js';
import { listAuditPage } from './repository.js';

export interface ChainVerdict {
  ok: boolean;
  /** Rows walked (the whole log). */
  rows: number;
  /** The first row found wrong: edited, moved, or the one after a deletion. */
  firstBrokenId?: number;
  /** A counted ballot whose stored count no longer matches its seal. */
  ballotId?: string;
  reason?: string;
}

type ChainRow = Pick<Selectable<AuditLogTable>, 'id' | 'at' | 'actor_account_id' | 'actor_name' | 'action' | 'meeting_id' | 'ballot_id' | 'detail' | 'prev_hash' | 'hash'>;

/**
 * What is wrong with a row given the row before it (null for the first), or null when it holds.
 * Ids must follow on: the app never deletes an audit row and its insert takes the next id, so a gap
 * is a deleted row, even the last one's once another is written after it.
 */
export function brokenLink(previous: { id: number; hash: string | null } | null, row: ChainRow): string | null {
  if (row.hash === null) return 'the row has no hash';
  if (previous === null && row.prev_hash !== null) return 'the first row links to a row before it (rows deleted)';
  if (previous !== null && row.id !== previous.id + 1) return `rows ${previous.id + 1}–${row.id - 1} are missing`;
  if (previous !== null && row.prev_hash !== previous.hash) return `the row does not link to row ${previous.id} (rows deleted or reordered)`;
  const recomputed = auditRowHash({
    prevHash: row.prev_hash,
    id: row.id,
    at: row.at,
    actorAccountId: row.actor_account_id,
    actorName: row.actor_name,
    action: row.action,
    meetingId: row.meeting_id,
    ballotId: row.ballot_id,
    detail: row.detail,
  });
  if (recomputed !== row.hash) return 'the row was changed after it was written (its hash differs)';
  return null;
}

/** Walks rows in id order, as pages come; keeps only the previous row and the first fault. */
export async function verifyChain(pages: AsyncIterable<readonly ChainRow[]>): Promise<ChainVerdict> {
  let previous: { id: number; hash: string | null } | null = null;
  let rows = 0;
  let broken: { id: number; reason: string } | undefined;
  for await (const page of pages) {
    for (const row of page) {
      rows += 1;
      const reason = broken ? null : brokenLink(previous, row);
      if (reason) broken = { id: row.id, reason };
      previous = { id: row.id, hash: row.hash };
    }
  }
  return broken ? { ok: false, rows, firstBrokenId: broken.id, reason: broken.reason } : { ok: true, rows };
}

async function* logPages(context: Pick<AppContext, 'db'>, pageSize: number) {
  let afterId = 0;
  for (;;) {
    const page = await listAuditPage(context.db, afterId, pageSize);
    yield page;
    if (page.length < pageSize) return;
    afterId = page.at(-1)!.id;
  }
}

/** The `ballot.counted` rows by ballot (the last, for a ballot counted again), read in pages. */
async function countedRows(context: Pick<AppContext, 'db'>, pageSize: number): Promise<Map<string, ChainRow>> {
  const latest = new Map<string, ChainRow>();
  for await (const page of logPages(context, pageSize)) {
    for (const row of page) if (row.action === 'ballot.counted' && row.ballot_id) latest.set(row.ballot_id, row);
  }
  return latest;
}

const DIGEST_KEYS = ['cast', 'resultSha256', 'boxSha256', 'receiptsSha256'] as const;

/**
 * Each sealed ballot's digests recomputed from the database and compared with its seal. The sealed
 * ballots are listed before the log is read: a seal and its row commit together, so every ballot
 * listed has its row in what is read after, even while ballots are being counted meanwhile.
 */
async function verifySeals(context: Pick<AppContext, 'db'>, pageSize: number): Promise<Omit<ChainVerdict, 'rows'> | null> {
  const sealed = [];
  for await (const ballot of sealedBallots(context)) sealed.push(ballot);
  const counted = await countedRows(context, pageSize);
  for (const { ballotId, finalHash } of sealed) {
    const row = counted.get(ballotId);
    if (!row) return { ok: false, ballotId, reason: `ballot ${ballotId} has a count hash but no ballot.counted row` };
    if (row.hash !== finalHash) return { ok: false, firstBrokenId: row.id, ballotId, reason: `ballot ${ballotId}'s count hash differs from its ballot.counted row` };
    const sealed = JSON.parse(row.detail) as Record<string, unknown>;
    const now = await countDigests(context, ballotId);
    const differing = DIGEST_KEYS.filter((key) => sealed[key] !== now[key]);
    if (differing.length > 0) return { ok: false, firstBrokenId: row.id, ballotId, reason: `ballot ${ballotId}'s stored count differs from its seal: ${differing.join(', ')}` };
  }
  return null;
}

/** The whole check: the chain first, then the seals. */
export async function verifyAuditLog(context: Pick<AppContext, 'db'>, pageSize = 1000): Promise<ChainVerdict> {
  const chain = await verifyChain(logPages(context, pageSize));
  if (!chain.ok) return chain;
  const seals = await verifySeals(context, pageSize);
  return seals ? { ...seals, rows: chain.rows } : chain;
}
