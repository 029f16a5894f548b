// Who is making a request or holding a socket. What each may do is in src/access/permissions.ts.
// ACCOUNT_ROLES and MEMBER_ROLES are the one declaration of those enums (a test compares them with
// the migrations' CHECKs).

export const ACCOUNT_ROLES = ['secretary', 'scrutineer', 'handler', 'committee'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

/** A representative (正式代表) votes; an attendee (列席代表) follows and may speak. */
export const MEMBER_ROLES = ['representative', 'attendee'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

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
  role: MemberRole;
  delegationId: string | null;
}

export interface DisplayActor {
  kind: 'display';
  meetingId: string;
}

export type Actor = { kind: 'anonymous' } | AccountActor | MemberActor | DisplayActor;

export const ANONYMOUS: Actor = { kind: 'anonymous' };
