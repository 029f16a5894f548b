// The count's seal (issue 14): when a ballot is counted, the digests of what was counted go into a
// `ballot.counted` audit row, and that row's chain hash becomes the ballot's final hash (计票校验码),
// printed on the notice and shown on the projector so scrutineers can sign the paper against it.
// Every digest is order-free (sorted lines), so none of them links a voter to a paper.
import { createHash } from 'node:crypto';
import type { AccountActor } from '../actors.js';
import { recordAudit } from '../audit/service.js';
import type { AppContext } from '../context.js';
import { fail } from '../errors.js';
import * as repository from './repository.js';

export interface CountDigests {
  cast: number;
  /** SHA-256 of ballot.result exactly as stored. */
  resultSha256: string;
  /** SHA-256 of the papers' answers, sorted, each followed by a newline. */
  boxSha256: string;
  /** SHA-256 of the receipts, sorted, each followed by a newline. */
  receiptsSha256: string;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * SHA-256 over lines sorted by their UTF-8 bytes (SQLite's BINARY order, and `LC_ALL=C sort`'s),
 * each ending in a newline: the same set gives the same digest whatever order it was stored in.
 * JSON answers and receipts hold no raw newline, so lines cannot run together.
 */
export function digestOfSet(lines: readonly string[]): string {
  const sorted = lines.map((line) => Buffer.from(line, 'utf8')).sort(Buffer.compare);
  const hash = createHash('sha256');
  for (const line of sorted) hash.update(line).update('\n');
  return hash.digest('hex');
}

/** The digests of a counted ballot as the database holds it now (at sealing, and again when verifying). */
export async function countDigests(context: Pick<AppContext, 'db'>, ballotId: string): Promise<CountDigests> {
  const ballot = (await repository.findBallot(context.db, ballotId)) ?? fail('BALLOT_NOT_FOUND');
  if (ballot.result === null) fail('BALLOT_STATE', { state: ballot.state, reason: 'not counted' });
  const papers = await repository.listBoxAnswers(context.db, ballotId);
  const receipts = await repository.listReceipts(context.db, ballotId);
  return {
    cast: ballot.ballots_cast ?? 0,
    resultSha256: sha256(ballot.result),
    boxSha256: digestOfSet(papers.map((row) => row.answers)),
    receiptsSha256: digestOfSet(receipts),
  };
}

/**
 * Seals a count, inside the caller's transaction, after the result is written: the `ballot.counted`
 * audit row and the ballot's final_hash. Called wherever a count finishes (a close, hand counts,
 * a paper count). Returns the final hash.
 */
export async function sealCount(inside: Pick<AppContext, 'db' | 'clock'>, actor: AccountActor | null, ballotId: string): Promise<string> {
  if (!inside.db.isTransaction) throw new Error('sealCount runs inside the transaction that wrote the result');
  const ballot = (await repository.findBallot(inside.db, ballotId)) ?? fail('BALLOT_NOT_FOUND');
  const digests = await countDigests(inside, ballotId);
  const { hash } = await recordAudit(inside, actor, 'ballot.counted', { meetingId: ballot.meeting_id, ballotId, detail: { ...digests } });
  await repository.setFinalHash(inside.db, ballotId, hash);
  return hash;
}

/** The ballots carrying a final hash, a page at a time (for the audit verification). */
export async function* sealedBallots(context: Pick<AppContext, 'db'>, pageSize = 500) {
  let afterId = '';
  for (;;) {
    const rows = await repository.listSealedBallots(context.db, afterId, pageSize);
    for (const row of rows) yield { ballotId: row.id, finalHash: row.final_hash! };
    if (rows.length < pageSize) return;
    afterId = rows.at(-1)!.id;
  }
}
