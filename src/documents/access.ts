// Who is asking about documents, which documents and opinions they may see, and which parties of
// the state table they fill: the secretariat and the motions committee read all; handlers of the
// drafting department read and answer theirs; representatives and attendees of the term read
// what has been issued, their own opinions, and (a delegation leader) their delegation's.
import { authorize } from '../access/permissions.js';
import { departmentOfAccount } from '../accounts/service.js';
import type { AccountActor, Actor, MemberActor } from '../actors.js';
import type { AppContext } from '../context.js';
import type { DocumentTable } from '../db/database.js';
import { fail } from '../errors.js';
import * as repository from './repository.js';
import type { DocumentFilter } from './repository.js';
import { type DocumentParty, type DocumentPartyFacts, documentPartiesOf } from './workflow.js';

export type Asker = { kind: 'officer'; actor: AccountActor } | { kind: 'drafter'; actor: AccountActor; departmentId: string } | { kind: 'member'; actor: MemberActor; leads: string[] };

type Executor = AppContext['db'];

/** Scrutineers and displays have nothing to do with consultation drafts. */
export async function askerOf(db: Executor, actor: Actor): Promise<Asker> {
  authorize(actor, 'documents.take-part');
  if (actor.kind !== 'account' && actor.kind !== 'member') return fail('FORBIDDEN');
  if (actor.kind === 'member') return { kind: 'member', actor, leads: await repository.listDelegationIdsLedBy(db, actor.memberId) };
  if (actor.role === 'secretary' || actor.role === 'committee') return { kind: 'officer', actor };
  if (actor.role === 'handler') {
    const departmentId = await departmentOfAccount({ db }, actor.id);
    if (departmentId) return { kind: 'drafter', actor, departmentId };
  }
  return fail('FORBIDDEN');
}

export function canSee(asker: Asker, document: DocumentTable): boolean {
  if (asker.kind === 'officer') return true;
  if (asker.kind === 'drafter') return document.drafting_department_id === asker.departmentId;
  return asker.actor.termId === document.term_id && document.state !== 'drafting';
}

export function filterOf(asker: Asker): DocumentFilter {
  if (asker.kind === 'officer') return { kind: 'all' };
  if (asker.kind === 'drafter') return { kind: 'department', departmentId: asker.departmentId };
  return { kind: 'term', termId: asker.actor.termId };
}

export function partiesFor(asker: Asker, document: DocumentTable): DocumentParty[] {
  const facts: DocumentPartyFacts['asker'] =
    asker.kind === 'member'
      ? { kind: 'member', role: asker.actor.role, termId: asker.actor.termId, leadsDelegation: asker.leads.length > 0 }
      : { kind: 'account', role: asker.actor.role, departmentId: asker.kind === 'drafter' ? asker.departmentId : null };
  return documentPartiesOf({ asker: facts, document: { termId: document.term_id, draftingDepartmentId: document.drafting_department_id } });
}

/** Officers and drafters see every original opinion with its author; a leader their delegation's; others their own. */
export function seesOpinion(asker: Asker, opinion: { member_id: string; delegation_id: string }): 'named' | 'hidden' {
  if (asker.kind !== 'member') return 'named';
  if (opinion.member_id === asker.actor.memberId || asker.leads.includes(opinion.delegation_id)) return 'named';
  return 'hidden';
}

export function actorName(asker: Asker): string {
  return asker.kind === 'member' ? asker.actor.name : asker.actor.displayName;
}

export function requireAccountAsker(asker: Asker): AccountActor {
  return asker.kind === 'member' ? fail('FORBIDDEN') : asker.actor;
}
