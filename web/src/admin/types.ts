// What the console reads from the API (shapes of src/*/schemas.ts), named as in the glossary.
import type { AttendanceCounts, Ballot, BallotItem } from '../shared/live.js';

export type { AttendanceCounts, Ballot, BallotItem };

export type AccountRole = 'secretary' | 'scrutineer' | 'handler' | 'committee';

export interface Account {
  id: string;
  username: string;
  displayName: string;
  role: AccountRole;
}

export interface Term {
  id: string;
  number: number;
  title: string;
  createdAt: string;
}

export interface Delegation {
  id: string;
  termId: string;
  name: string;
  leaderMemberId: string | null;
}

export type MemberRole = 'representative' | 'attendee';

export interface Member {
  id: string;
  termId: string;
  name: string;
  staffNumber: string;
  delegationId: string | null;
  delegationName: string | null;
  role: MemberRole;
  tags: string[];
  hasCode?: boolean;
}

export interface MeetingView {
  id: string;
  termId: string;
  title: string;
  kind: 'congress' | 'general_assembly';
  sessionNumber: number | null;
  state: 'draft' | 'in_session' | 'closed';
  quorum: { numerator: number; denominator: number };
  hasDisplayToken: boolean;
  createdAt: string;
  openedAt: string | null;
  closedAt: string | null;
}

export type AttendanceStatus = 'present' | 'absent' | 'on_leave' | 'not_checked_in';

export interface AttendanceEntry {
  memberId: string;
  name: string;
  staffNumber: string;
  role: MemberRole;
  delegationId: string | null;
  delegationName: string | null;
  status: AttendanceStatus;
}

export interface IssuedCode {
  memberId: string;
  name: string;
  staffNumber: string;
  delegationName: string | null;
  code: string;
  joinUrl: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  meetingId: string | null;
  ballotId: string | null;
  detail: Record<string, unknown>;
}

export interface ImportProblem {
  line: number;
  field: 'name' | 'staffNumber' | 'delegation' | 'role' | 'tags' | 'file';
  code: string;
  zh: string;
  en: string;
}
