// Who is making a request or holding a socket, and the role checks every route and event uses.
import { fail } from './errors.js';

export type AccountRole = 'secretary' | 'scrutineer' | 'handler' | 'committee';

export interface AccountActor {
  kind: 'account';
  id: string;
  username: string;
  displayName: string;
  role: AccountRole;
}

export interface MemberActor {
  kind: 'member';
  memberId: string;
  termId: string;
  name: string;
  role: 'representative' | 'attendee';
  delegationId: string | null;
}

export interface DisplayActor {
  kind: 'display';
  meetingId: string;
}

export type Actor = { kind: 'anonymous' } | AccountActor | MemberActor | DisplayActor;

export const ANONYMOUS: Actor = { kind: 'anonymous' };

export function requireAccount(actor: Actor, roles: readonly AccountRole[]): AccountActor {
  if (actor.kind === 'anonymous') fail('UNAUTHENTICATED');
  if (actor.kind !== 'account' || !roles.includes(actor.role)) fail('FORBIDDEN');
  return actor;
}

export function requireMember(actor: Actor): MemberActor {
  if (actor.kind === 'anonymous') fail('UNAUTHENTICATED');
  if (actor.kind !== 'member') fail('FORBIDDEN');
  return actor;
}

/** Secretaries run meetings; scrutineers (监票人) watch, close ballots and read the audit log. */
export const SECRETARY = ['secretary'] as const;
export const OFFICERS = ['secretary', 'scrutineer'] as const;
