// Who is asking about motions, which motions they may see, and which parties of the state table
// they fill for one motion: officers (secretary, motions committee), a department's handlers, and
// representatives (their own motions, those they seconded, and those open for seconding in their term).
import { authorize } from '../access/permissions.js';
import { departmentOfAccount } from '../accounts/service.js';
import type { AccountActor, Actor, MemberActor } from '../actors.js';
import type { CoreContext } from '../context.js';
import { fail } from '../errors.js';
import type { MotionVisibility, MotionRow } from './repository.js';
import { type MotionParty, type PartyFacts, partiesOf } from './workflow.js';

export type Asker = { kind: 'officer'; actor: AccountActor } | { kind: 'handler'; actor: AccountActor; departmentId: string } | { kind: 'member'; actor: MemberActor };

/** The people around one motion, loaded with it. */
export interface MotionPeople {
  seconderMemberIds: readonly string[];
  /** Proposers and seconders of motions merged into this one: they still follow it. */
  mergedMemberIds: readonly string[];
  assignments: readonly { id: string; departmentId: string; role: 'lead' | 'co'; active: boolean; assignedAt: string }[];
}

/** Secretary and committee read every motion; a handler needs a department; scrutineers and displays see none. */
export async function askerOf(context: CoreContext, actor: Actor): Promise<Asker> {
  authorize(actor, 'motions.take-part');
  if (actor.kind !== 'account' && actor.kind !== 'member') return fail('FORBIDDEN');
  if (actor.kind === 'member') return { kind: 'member', actor };
  if (actor.role === 'secretary' || actor.role === 'committee') return { kind: 'officer', actor };
  if (actor.role === 'handler') {
    const departmentId = await departmentOfAccount(context, actor.id);
    if (departmentId) return { kind: 'handler', actor, departmentId };
  }
  return fail('FORBIDDEN');
}

export function requireOfficer(asker: Asker, roles: readonly ('secretary' | 'committee')[] = ['secretary', 'committee']): AccountActor {
  if (asker.kind !== 'officer' || !roles.includes(asker.actor.role as 'secretary' | 'committee')) fail('FORBIDDEN');
  return asker.actor;
}

export function activeAssignment(people: MotionPeople, role: 'lead' | 'co', departmentId?: string) {
  return people.assignments.find((assignment) => assignment.active && assignment.role === role && (departmentId === undefined || assignment.departmentId === departmentId));
}

export function canSee(asker: Asker, motion: MotionRow, people: MotionPeople): boolean {
  if (asker.kind === 'officer') return motion.number !== null || motion.entered_by_name !== null;
  if (asker.kind === 'handler') return people.assignments.some((assignment) => assignment.active && assignment.departmentId === asker.departmentId);
  const me = asker.actor.memberId;
  if (motion.proposer_member_id === me || people.seconderMemberIds.includes(me) || people.mergedMemberIds.includes(me)) return true;
  return motion.state === 'seconding' && motion.term_id === asker.actor.termId;
}

export function partyFactsOf(asker: Asker, motion: MotionRow, people: MotionPeople): PartyFacts {
  const askerFacts: PartyFacts['asker'] =
    asker.kind === 'officer'
      ? { kind: 'account', role: asker.actor.role as 'secretary' | 'committee' }
      : asker.kind === 'handler'
        ? { kind: 'handler', departmentId: asker.departmentId }
        : { kind: 'member', memberId: asker.actor.memberId, role: asker.actor.role, termId: asker.actor.termId };
  return {
    asker: askerFacts,
    motion: {
      termId: motion.term_id,
      proposerMemberId: motion.proposer_member_id,
      seconderMemberIds: people.seconderMemberIds,
      onPaper: motion.entered_by_name !== null,
      leadDepartmentId: activeAssignment(people, 'lead')?.departmentId ?? null,
      coDepartmentIds: people.assignments.filter((assignment) => assignment.active && assignment.role === 'co').map((assignment) => assignment.departmentId),
    },
  };
}

export function partiesFor(asker: Asker, motion: MotionRow, people: MotionPeople): MotionParty[] {
  return partiesOf(partyFactsOf(asker, motion, people));
}

/** The list filter that matches canSee for lists. */
export function visibilityOf(asker: Asker, scope: 'mine' | 'seconded' | 'seconding' | undefined): MotionVisibility {
  if (asker.kind === 'officer') return { kind: 'officer' };
  if (asker.kind === 'handler') return { kind: 'department', departmentId: asker.departmentId };
  return { kind: 'member', memberId: asker.actor.memberId, termId: asker.actor.termId, scope: scope ?? 'own_and_seconded' };
}

export function actorName(asker: Asker): string {
  return asker.kind === 'member' ? asker.actor.name : asker.actor.displayName;
}
