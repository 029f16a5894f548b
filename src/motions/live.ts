// Live updates of motions: every change reaches the secretariat and the motions committee (a room
// not tied to any meeting), the departments handling the motion, and its proposer and seconders.
import type { Server } from 'socket.io';
import { departmentOfAccount } from '../accounts/service.js';
import type { Actor } from '../actors.js';
import type { CoreContext } from '../context.js';
import type { DomainEvent } from '../events.js';
import * as handling from './handling-repository.js';
import * as repository from './repository.js';
import { presentSummary } from './views.js';

export const motionRooms = {
  officers: 'officers',
  department: (id: string) => `d:${id}`,
};

/** Rooms an account joins on connecting, whether or not it follows a meeting. */
export async function motionRoomsFor(context: CoreContext, actor: Actor): Promise<string[]> {
  if (actor.kind !== 'account') return [];
  if (actor.role === 'secretary' || actor.role === 'committee') return [motionRooms.officers];
  if (actor.role !== 'handler') return [];
  const departmentId = await departmentOfAccount(context, actor.id);
  return departmentId ? [motionRooms.department(departmentId)] : [];
}

/** Moves that open or end a motion's seconding: every representative of the term may second it. */
const SECONDING_EVENTS = new Set(['submit', 'second', 'secondersReached', 'withdraw', 'reject']);

export interface MemberRooms {
  member: (memberId: string) => string;
  /** Everyone following the motion's meeting or its term (representatives who may second it). */
  followers: (meetingId: string, termId: string) => string[];
}

/**
 * `motion:updated` with the motion's summary and the move that changed it; drafts stay with their
 * proposer. While a motion seeks seconders, the whole term hears of it, so the 待附议 list is live.
 */
export async function broadcastMotion(io: Server, context: CoreContext, event: Extract<DomainEvent, { type: 'motion.changed' }>, memberRooms: MemberRooms): Promise<void> {
  const memberRoom = memberRooms.member;
  const row = await repository.findMotion(context.db, event.motionId);
  if (!row) return;
  const payload = { event: event.event, motion: presentSummary(row, context.clock()) };
  const [seconders, assignments] = await Promise.all([repository.listSeconders(context.db, [row.id]), handling.listAssignments(context.db, [row.id])]);
  const rooms = [memberRoom(row.proposer_member_id), ...seconders.map((seconder) => memberRoom(seconder.member_id))];
  if (row.number !== null || row.entered_by_name !== null) rooms.push(motionRooms.officers);
  for (const assignment of assignments) if (assignment.active) rooms.push(motionRooms.department(assignment.department_id));
  if (row.number !== null && (row.state === 'seconding' || SECONDING_EVENTS.has(event.event))) rooms.push(...memberRooms.followers(row.meeting_id, row.term_id));
  io.to(rooms).emit('motion:updated', payload);
}
