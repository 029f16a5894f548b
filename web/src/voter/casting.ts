// Sending a vote so that it is never silently lost: the receipt is stored before the vote leaves,
// a lost acknowledgement is followed by asking whether that receipt is in the box, and every
// refusal says plainly that the vote was not recorded.
import type { Envelope, LiveMeeting } from '../shared/live.js';
import { findReceipt, forgetReceipt, newReceipt, saveReceipt } from './receipts.js';

/** How long a vote may wait for its acknowledgement, offline included (socket.io buffers it meanwhile). */
export const CAST_TIMEOUT_MS = 20_000;

export type Outcome =
  /** Counted: acknowledged, or its receipt found in the box. */
  | { kind: 'recorded'; receipt: string; verified: boolean }
  /** Not known yet (no acknowledgement): ask again once connected. */
  | { kind: 'unknown' }
  /** ALREADY_VOTED and this device's receipt is not in the box: the vote came from another device. */
  | { kind: 'other-device' }
  /** Refused or not in the box: nothing was recorded. */
  | { kind: 'refused'; code: string; messageZh: string; messageEn: string; canRetry: boolean };

/** These mean the answers themselves, or the ballot, refuse the vote: sending again cannot help. */
const FINAL_REFUSALS = new Set([
  'BALLOT_CLOSED',
  'BALLOT_NOT_OPEN',
  'BALLOT_NOT_FOUND',
  'NOT_ELIGIBLE',
  'FORBIDDEN',
  'INVALID_ANSWER',
  'TOO_MANY_CHOICES',
  'UNKNOWN_OPTION',
  'DUPLICATE_CHOICE',
  'WRITE_IN_NOT_ALLOWED',
  'VALIDATION_FAILED',
]);

function refused(error: NonNullable<Envelope<unknown>['error']>, canRetry: boolean): Outcome {
  return { kind: 'refused', code: error.code, messageZh: error.messageZh, messageEn: error.messageEn, canRetry };
}

export interface VoteTarget {
  live: LiveMeeting;
  memberId: string;
  ballotId: string;
}

/** Is the receipt this device stored for the ballot in the box? */
export async function verifyStoredReceipt(target: VoteTarget, votedHere: boolean): Promise<Outcome> {
  const stored = findReceipt(target.memberId, target.ballotId);
  if (!stored) return votedHere ? { kind: 'other-device' } : { kind: 'refused', code: 'NOT_RECORDED', messageZh: '', messageEn: '', canRetry: true };
  const envelope = await target.live.command<{ counted: boolean }>('ballot:verify-receipt', { ballotId: target.ballotId, receipt: stored.receipt });
  if (envelope.error) return { kind: 'unknown' };
  if (envelope.data.counted) {
    saveReceipt({ ...stored, confirmed: true });
    return { kind: 'recorded', receipt: stored.receipt, verified: true };
  }
  if (votedHere) return { kind: 'other-device' };
  return { kind: 'refused', code: 'NOT_RECORDED', messageZh: '', messageEn: '', canRetry: true };
}

/**
 * Casts with the receipt already stored for this ballot (a retry) or a new one. The socket holds
 * the vote while offline and sends it on reconnecting; past the timeout it is dropped unsent.
 */
export async function castVote(target: VoteTarget, answers: unknown[]): Promise<Outcome> {
  const { live, memberId, ballotId } = target;
  const receipt = findReceipt(memberId, ballotId)?.receipt ?? newReceipt();
  saveReceipt({ memberId, ballotId, receipt, confirmed: false });
  const envelope = await live.command<{ receipt: string; voted: number }>('ballot:cast', { ballotId, answers, receipt }, CAST_TIMEOUT_MS);
  if (envelope.data) {
    saveReceipt({ memberId, ballotId, receipt: envelope.data.receipt, confirmed: true });
    live.countTurnout(ballotId, envelope.data.voted);
    return { kind: 'recorded', receipt: envelope.data.receipt, verified: false };
  }
  const { error } = envelope;
  if (error.code === 'TIMEOUT') return { kind: 'unknown' };
  if (error.code === 'ALREADY_VOTED') return verifyStoredReceipt(target, true);
  if (error.code === 'RECEIPT_CONFLICT') {
    forgetReceipt(memberId, ballotId);
    return refused(error, true);
  }
  if (FINAL_REFUSALS.has(error.code)) {
    forgetReceipt(memberId, ballotId);
    return refused(error, false);
  }
  // Busy, restarting, out of storage, rate limited: not recorded, the same receipt may try again.
  return refused(error, true);
}
