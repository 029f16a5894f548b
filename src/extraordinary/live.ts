// Live counts of a proposal for an extraordinary session: every change reaches the term's phones (those
// following one of its meetings or the term itself) and the secretariat's consoles at once. The payload
// is what everyone may see (the count, never the names); a console reloads the signers list itself.
import type { Server } from 'socket.io';
import type { CoreContext } from '../context.js';
import type { DomainEvent } from '../events.js';
import * as repository from './repository.js';
import { proposalReached, termThreshold } from './service.js';

export interface ProposalRooms {
  /** Phones following the term, or one of its meetings (officers following a meeting are in its room too). */
  followers: (termId: string, meetingIds: string[]) => string[];
  /** Secretaries' consoles, whether or not they follow a meeting. */
  officers: string;
}

/** `extraordinary:updated { proposalId, termId, proposer, state, signatures, threshold, reached }`. */
export async function broadcastProposal(io: Server, context: Pick<CoreContext, 'db'>, event: Extract<DomainEvent, { type: 'extraordinary.changed' }>, proposalRooms: ProposalRooms): Promise<void> {
  const row = await repository.findProposal(context.db, event.proposalId);
  if (!row) return;
  const [{ threshold, representatives }, counts, meetings] = await Promise.all([
    termThreshold(context, row.term_id),
    repository.countSignatures(context.db, [row.id]),
    repository.openMeetingsOfTerm(context.db, row.term_id),
  ]);
  const signatures = counts.get(row.id) ?? 0;
  io.to([
    ...proposalRooms.followers(
      row.term_id,
      meetings.map((meeting) => meeting.id),
    ),
    proposalRooms.officers,
  ]).emit('extraordinary:updated', {
    proposalId: row.id,
    termId: row.term_id,
    proposer: row.proposer,
    state: row.state,
    signatures,
    threshold,
    representatives,
    reached: proposalReached(row.proposer, signatures, threshold),
  });
}
