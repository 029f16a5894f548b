// Two-person control (双人确认) in the ballot's life: the gate each of open, close and publish passes
// inside its transaction, withdrawing one's own half, and pending halves as officers see them. The
// rule (which steps need whom) is src/ballots/two-person.ts; the setting is the meeting's.
import type { AccountActor } from '../actors.js';
import { recordAudit } from '../audit/service.js';
import { type CoreContext, nowIso, transact } from '../context.js';
import type { BallotTable, MeetingTable } from '../db/database.js';
import { fail } from '../errors.js';
import { getMeeting } from '../meetings/service.js';
import * as repository from './confirmation-repository.js';
import { type PendingConfirmation, presentConfirmation } from './confirmation-views.js';
import { findBallot } from './repository.js';

export type { PendingConfirmation } from './confirmation-views.js';
import { type ConfirmationStep, type ConfirmingRole, isConfirmingRole, needsBoth, stillNeeded } from './two-person.js';

export interface Awaiting {
  step: ConfirmationStep;
  confirmedBy: { role: ConfirmingRole; name: string; at: string }[];
  needed: ConfirmingRole[];
}

/**
 * What the gate decided: perform the step now (with the first half's options, when there was one,
 * and who confirmed it), or the half just recorded and what it waits for.
 */
export type Gate = { perform: true; first: PendingConfirmation | null; confirmedBy: { role: ConfirmingRole; accountId: string; name: string }[] } | { perform: false; awaiting: Awaiting };

function awaitingOf(step: ConfirmationStep, rows: readonly PendingConfirmation[]): Awaiting {
  return { step, confirmedBy: rows.map(({ role, name, at }) => ({ role, name, at })), needed: stillNeeded(rows.map((row) => row.role)) };
}

/** Whether the step of this ballot needs both officers under its meeting's setting. */
export function isControlled(meeting: Pick<MeetingTable, 'two_person_control'>, ballot: Pick<BallotTable, 'secrecy' | 'method'>, step: ConfirmationStep): boolean {
  return needsBoth(meeting.two_person_control, ballot, step);
}

/**
 * Inside the step's transaction, with the ballot just re-read and the step's own checks passed: if
 * the step is controlled and the other role has confirmed it, it is performed now (the caller moves
 * the ballot, which drops the halves); if not, this officer's half is recorded (once per role: the
 * same role again changes nothing) and audited, and the step waits. Transactions run one at a time,
 * so of two simultaneous second halves only one finds the ballot still in its state.
 */
export async function passGate(inside: CoreContext, actor: AccountActor, ballot: BallotTable, meeting: MeetingTable, step: ConfirmationStep, options: object = {}): Promise<Gate> {
  if (!isControlled(meeting, ballot, step)) return { perform: true, first: null, confirmedBy: [] };
  if (!isConfirmingRole(actor.role)) fail('FORBIDDEN');
  const pending = (await repository.listConfirmations(inside.db, ballot.id)).map(presentConfirmation).filter((row) => row.step === step);
  const other = pending.find((row) => row.role !== actor.role);
  if (other) {
    return {
      perform: true,
      first: other,
      confirmedBy: [
        { role: other.role, accountId: other.accountId, name: other.name },
        { role: actor.role, accountId: actor.id, name: actor.displayName },
      ],
    };
  }
  if (pending.length === 0) {
    const at = nowIso(inside);
    await repository.insertConfirmation(inside.db, { ballot_id: ballot.id, step, role: actor.role, account_id: actor.id, at, options: JSON.stringify(options) });
    await recordAudit(inside, actor, 'ballot.confirmation-recorded', { meetingId: meeting.id, ballotId: ballot.id, detail: { step, role: actor.role, options } });
    inside.events.publish({ type: 'ballot.updated', meetingId: meeting.id, ballotId: ballot.id });
    pending.push({ step, role: actor.role, accountId: actor.id, name: actor.displayName, at, options: options as Record<string, unknown> });
  }
  return { perform: false, awaiting: awaitingOf(step, pending) };
}

/** Withdraws the officer's own pending half of a step (撤回确认); nothing to withdraw is no error. */
export async function withdrawConfirmation(context: CoreContext, actor: AccountActor, ballotId: string, step: ConfirmationStep) {
  return transact(context, async (inside) => {
    const ballot = (await findBallot(inside.db, ballotId)) ?? fail('BALLOT_NOT_FOUND');
    const meeting = await getMeeting(inside, ballot.meeting_id);
    const withdrawn = isConfirmingRole(actor.role) && (await repository.deleteOwnConfirmation(inside.db, ballotId, step, actor.role, actor.id));
    if (withdrawn) {
      await recordAudit(inside, actor, 'ballot.confirmation-withdrawn', { meetingId: meeting.id, ballotId, detail: { step, role: actor.role } });
      inside.events.publish({ type: 'ballot.updated', meetingId: meeting.id, ballotId });
    }
    return { withdrawn, ballot };
  });
}

/** A ballot's pending halves, for the officers' view of it. */
export async function pendingConfirmations(context: Pick<CoreContext, 'db'>, ballotId: string): Promise<PendingConfirmation[]> {
  return (await repository.listConfirmations(context.db, ballotId)).map(presentConfirmation);
}
