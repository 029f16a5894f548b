// Who may do what: the one table of permissions. HTTP routes name theirs in their config (one hook
// enforces it), socket commands name theirs (one wrapper enforces it), and services that need the
// typed actor ask requireAccount/requireMember with a permission name; all of them read this table,
// with the actor as it is at the moment of use. Rules about one thing (a motion's proposer, a
// department's handlers, a member of this meeting's term) stay in the services, read from the database.
import type { AccountRole, Actor, AccountActor, MemberActor } from '../actors.js';
import { type ErrorCode, fail } from '../errors.js';

export type MemberRole = MemberActor['role'];

export interface Rule {
  /** Officer roles that hold the permission. */
  accounts?: readonly AccountRole[];
  /** Member roles that hold it. */
  members?: readonly MemberRole[];
  /** Whether a meeting's display (大屏) holds it. */
  display?: boolean;
  /** What a member without the right role is told (an attendee asking for a ballot paper: NOT_ELIGIBLE). */
  memberRefusal?: ErrorCode;
  /** Anyone, signed in or not: the route decides the rest itself (sign-in, public results). */
  everyone?: boolean;
}

const ALL_ACCOUNTS: readonly AccountRole[] = ['secretary', 'scrutineer', 'handler', 'committee'];
const SECRETARY: Rule = { accounts: ['secretary'] };
/** Secretaries run meetings; scrutineers (监票人) watch, close ballots and read the audit log. */
const OFFICERS: Rule = { accounts: ['secretary', 'scrutineer'] };
const MEMBERS: Rule = { members: ['representative', 'attendee'] };
/** Whoever follows a meeting: every officer, the term's members (checked by the meeting), its display. */
const FOLLOWERS: Rule = { accounts: ALL_ACCOUNTS, members: ['representative', 'attendee'], display: true };

export const PERMISSIONS = {
  public: { everyone: true },
  'accounts.manage': SECRETARY,
  'roster.read': OFFICERS,
  'roster.manage': SECRETARY,
  'codes.manage': SECRETARY,
  'meetings.list': OFFICERS,
  'meeting.manage': SECRETARY,
  'meeting.follow': FOLLOWERS,
  'meeting.display-token': SECRETARY,
  /** Stepping the projector through a result's pages. */
  'meeting.display-page': SECRETARY,
  'member.own-page': MEMBERS,
  'attendance.read': OFFICERS,
  'attendance.mark': SECRETARY,
  'attendance.check-in': MEMBERS,
  'ballot.read': FOLLOWERS,
  'ballot.manage': SECRETARY,
  'ballot.close': OFFICERS,
  /** Entering and confirming returned paper ballots: the tellers (监票/计票人) only, never the secretary who issued them by name. */
  'ballot.count-papers': { accounts: ['scrutineer'] },
  /** The paper count's figures. */
  'ballot.paper-status': OFFICERS,
  /**
   * Opening and publishing, and withdrawing one's confirmation of a step: officers may call; the
   * ballots service decides (a scrutineer only as one of two under the meeting's two-person control).
   */
  'ballot.confirm': OFFICERS,
  'ballot.cast': { members: ['representative'], memberRefusal: 'NOT_ELIGIBLE' },
  'ballot.verify-receipt': FOLLOWERS,
  'ballot.named-votes': OFFICERS,
  /** The chair's script (主持词): officers, and the representative presiding over the sitting (checked by the service). */
  'script.read': { accounts: ['secretary', 'scrutineer'], members: ['representative'] },
  'audit.read': OFFICERS,
  /** Who stores how much: figures per person and group, never content. */
  'storage.usage': OFFICERS,
  'departments.read': { accounts: ['secretary', 'committee', 'handler'] },
  'departments.manage': SECRETARY,
  'motion-settings.manage': SECRETARY,
  'motions.track': { accounts: ['secretary', 'committee'] },
  /** Motions and documents: who takes part at all; each move's parties come from their state tables. */
  'motions.take-part': { accounts: ['secretary', 'committee', 'handler'], members: ['representative', 'attendee'] },
  /** The agenda (议程): officers, and the term's members and the display (checked by the session). */
  'agenda.read': { accounts: ['secretary', 'scrutineer'], members: ['representative', 'attendee'], display: true },
  /** Moving to the current item: the secretary, or the sitting's presiding chair (checked by the meeting). */
  'agenda.current-item': { accounts: ['secretary'], members: ['representative', 'attendee'] },
  'documents.take-part': { accounts: ['secretary', 'committee', 'handler'], members: ['representative', 'attendee'] },
  /** Extraordinary sessions (临时会议): the secretary records and convenes; the term's members read; representatives sign. */
  'extraordinary.manage': SECRETARY,
  'extraordinary.read': { accounts: ['secretary', 'scrutineer'], members: ['representative', 'attendee'] },
  /** Resolutions (决议): the secretary drafts and puts them to the vote; the scrutineers and the committee read them. */
  'resolutions.read': { accounts: ['secretary', 'scrutineer', 'committee'] },
  'resolutions.manage': SECRETARY,
  'extraordinary.sign': { members: ['representative'], memberRefusal: 'NOT_ELIGIBLE' },
} as const satisfies Record<string, Rule>;

export type Permission = keyof typeof PERMISSIONS;

/** Whether the actor holds the permission, and if not, the error HTTP and sockets alike answer. */
export function refusalFor(actor: Actor, permission: Permission): ErrorCode | null {
  const rule: Rule = PERMISSIONS[permission];
  if (rule.everyone) return null;
  if (actor.kind === 'anonymous') return 'UNAUTHENTICATED';
  if (actor.kind === 'account') return rule.accounts?.includes(actor.role) ? null : 'FORBIDDEN';
  if (actor.kind === 'display') return rule.display ? null : 'FORBIDDEN';
  if (rule.members?.includes(actor.role)) return null;
  return rule.members?.length ? (rule.memberRefusal ?? 'FORBIDDEN') : 'FORBIDDEN';
}

export function authorize(actor: Actor, permission: Permission): void {
  const refusal = refusalFor(actor, permission);
  if (refusal) fail(refusal);
}

export function requireAccount(actor: Actor, permission: Permission): AccountActor {
  authorize(actor, permission);
  return actor.kind === 'account' ? actor : fail('FORBIDDEN');
}

export function requireMember(actor: Actor, permission: Permission): MemberActor {
  authorize(actor, permission);
  return actor.kind === 'member' ? actor : fail('FORBIDDEN');
}
