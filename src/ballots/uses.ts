// What a ballot item decided for the session, once: a passed vote adopts the thing it was put for and
// nothing else (issue 12). Agenda adoption and amendment, the credentials report, the presidium and
// the confirmation of joint decisions each claim the item they rely on, in their own transaction; an
// item already claimed, or carrying a document's vote, serves nothing more.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import * as repository from './repository.js';
import type { BallotUsePurpose } from './use-purposes.js';

export { BALLOT_USE_PURPOSES, type BallotUsePurpose } from './use-purposes.js';

/** What the item already served (a purpose, or 'document' for a document's vote), or null if it is free. */
export async function ballotItemUse(db: Kysely<Database>, ballotId: string, itemId: string): Promise<BallotUsePurpose | 'document' | null> {
  const used = await repository.findBallotUse(db, ballotId, itemId);
  if (used) return used.purpose;
  return (await repository.carriesDocumentVote(db, ballotId, itemId)) ? 'document' : null;
}

/** Claims the item for its purpose (the primary key refuses a second claim, even a racing one). */
export async function recordBallotUse(db: Kysely<Database>, use: { ballotId: string; itemId: string; purpose: BallotUsePurpose; subjectId: string; at: string }): Promise<void> {
  await repository.insertBallotUse(db, { ballot_id: use.ballotId, item_id: use.itemId, purpose: use.purpose, subject_id: use.subjectId, used_at: use.at });
}

/** Releases the claim on an item of a draft ballot that left its sheet (the caller checks it is a draft). */
export async function releaseBallotUse(db: Kysely<Database>, ballotId: string, itemId: string): Promise<void> {
  await repository.deleteBallotUse(db, ballotId, itemId);
}

interface OutcomeItem {
  id: string;
  kind: string;
  passed: boolean | null;
}

/**
 * Claims the approval item a settled ballot decided by, if it passed and served nothing before: the
 * item named, else the ballot's only approval item (a sheet of several must name one). Returns null
 * when claimed, else why not, for the caller's own refusal.
 */
export async function claimPassedApproval(
  db: Kysely<Database>,
  outcome: { ballotId: string; items: readonly OutcomeItem[] },
  itemId: string | undefined,
  use: { purpose: BallotUsePurpose; subjectId: string; at: string },
): Promise<string | null> {
  const approvals = outcome.items.filter((item) => item.kind === 'approval');
  const item = itemId === undefined ? (approvals.length === 1 ? approvals[0] : undefined) : approvals.find((entry) => entry.id === itemId);
  if (!item) return itemId === undefined && approvals.length > 1 ? 'the ballot has several approval items: name one (itemId)' : 'no such approval item on the ballot';
  if (item.passed !== true) return 'the ballot did not pass';
  const used = await ballotItemUse(db, outcome.ballotId, item.id);
  if (used) return `the ballot item has already served (${used})`;
  await recordBallotUse(db, { ballotId: outcome.ballotId, itemId: item.id, ...use });
  return null;
}
