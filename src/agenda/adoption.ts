// The agenda's adoption (通过议程) by the preparatory meeting, and the rule after it: only a recorded
// vote to amend may change the agenda, each such vote once (src/ballots/uses.ts remembers which served).
import type { AccountActor } from '../actors.js';
import { recordAudit } from '../audit/service.js';
import { type BallotOutcome, type BallotUsePurpose, ballotOutcome, claimPassedApproval } from '../ballots/service.js';
import { type CoreContext, nowIso, transact } from '../context.js';
import type { CongressSessionTable } from '../db/database.js';
import { type ErrorCode, fail } from '../errors.js';
import { getSession } from '../sessions/service.js';
import * as repository from './repository.js';

/**
 * The ballot, checked to be settled at one of `meetingIds`, and its approval item (the one named, or
 * its only one) to have passed and served nothing before: claimed for `purpose` in the caller's
 * transaction. Refused with `code` otherwise.
 */
async function claimPassedBallot(
  context: CoreContext,
  ballotId: string,
  itemId: string | undefined,
  meetingIds: readonly string[],
  code: ErrorCode,
  use: { purpose: BallotUsePurpose; subjectId: string },
): Promise<BallotOutcome> {
  const outcome = await ballotOutcome(context, ballotId);
  if (!meetingIds.includes(outcome.meetingId)) fail(code, { reason: 'the ballot is not of the right sitting', ballotId });
  if (!outcome.settled) fail(code, { reason: 'the ballot has no result yet', ballotId });
  const refusal = await claimPassedApproval(context.db, outcome, itemId, { ...use, at: nowIso(context) });
  if (refusal) fail(code, { reason: refusal, ballotId });
  return outcome;
}

/**
 * Before adoption any change goes through; after it, the change needs `amendmentBallotId`, a passed
 * ballot of one of the session's sittings not used before. Returns that ballot, for the audit row.
 */
export async function amendmentFor(context: CoreContext, session: CongressSessionTable, amendmentBallotId: string | undefined): Promise<string | null> {
  if (!session.agenda_adopted_at) return null;
  if (!amendmentBallotId) fail('AGENDA_ADOPTED', { adoptedAt: session.agenda_adopted_at, adoptedBallotId: session.agenda_adopted_ballot_id });
  const sittings = (await repository.listSittings(context.db, session.id)).map((sitting) => sitting.id);
  await claimPassedBallot(context, amendmentBallotId, undefined, sittings, 'AGENDA_AMENDMENT_INVALID', { purpose: 'agenda_amendment', subjectId: session.id });
  return amendmentBallotId;
}

/** Writes the amendment's own audit row (the ballot's use is in ballot_use). */
export async function recordAmendment(context: CoreContext, actor: AccountActor, session: CongressSessionTable, ballotId: string | null, detail: Record<string, unknown>): Promise<void> {
  if (!ballotId) return;
  await recordAudit(context, actor, 'agenda.amended', { ballotId, detail: { sessionId: session.id, ...detail } });
}

/** 通过议程: by a settled, passed ballot of the session's preparatory meeting. */
export async function adoptAgenda(context: CoreContext, actor: AccountActor, sessionId: string, ballotId: string, itemId?: string): Promise<void> {
  await transact(context, async (inside) => {
    const session = await getSession(inside, sessionId);
    if (session.agenda_adopted_at) fail('AGENDA_ADOPTED', { adoptedAt: session.agenda_adopted_at, adoptedBallotId: session.agenda_adopted_ballot_id });
    const preparatory = (await repository.listSittings(inside.db, sessionId)).filter((sitting) => sitting.sitting === 'preparatory').map((sitting) => sitting.id);
    const outcome = await claimPassedBallot(inside, ballotId, itemId, preparatory, 'AGENDA_ADOPTION_BALLOT_INVALID', { purpose: 'agenda_adoption', subjectId: sessionId });
    await repository.setAgendaAdopted(inside.db, sessionId, nowIso(inside), ballotId);
    await recordAudit(inside, actor, 'agenda.adopted', { meetingId: outcome.meetingId, ballotId, detail: { sessionId, manual: outcome.manual } });
    inside.events.publish({ type: 'agenda.changed', sessionId });
  });
}
