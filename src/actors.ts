// Who is making a request or holding a socket. What each may do is in src/access/permissions.ts.

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
