// The Database interface types every table as SQLite returns it (0/1, ISO strings, T | null).
import type { Generated } from 'kysely';

export interface AccountTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  role: 'secretary' | 'scrutineer' | 'handler' | 'committee';
  disabled: number;
  created_at: string;
}

export interface AuthSessionTable {
  token_hash: string;
  account_id: string | null;
  member_id: string | null;
  code_hash: string | null;
  expires_at: string;
}

export interface TermTable {
  id: string;
  number: number;
  title: string;
  created_at: string;
}

export interface DelegationTable {
  id: string;
  term_id: string;
  name: string;
  leader_member_id: string | null;
}

export interface MemberTable {
  id: string;
  term_id: string;
  name: string;
  staff_number: string;
  delegation_id: string | null;
  role: 'representative' | 'attendee';
  tags: string;
}

export interface AccessCodeTable {
  code_hash: string;
  member_id: string;
  issued_at: string;
  revoked_at: string | null;
}

export interface MeetingTable {
  id: string;
  term_id: string;
  title: string;
  kind: 'congress' | 'general_assembly';
  session_number: number | null;
  state: 'draft' | 'in_session' | 'closed';
  quorum_numerator: number;
  quorum_denominator: number;
  display_token_hash: string | null;
  created_at: string;
  opened_at: string | null;
  closed_at: string | null;
}

export interface AttendanceTable {
  meeting_id: string;
  member_id: string;
  status: 'present' | 'absent' | 'on_leave';
}

export interface BallotTable {
  id: string;
  meeting_id: string;
  title: string;
  secrecy: 'secret' | 'named';
  method: 'electronic' | 'manual';
  state: 'draft' | 'open' | 'closed' | 'published';
  items: string;
  deadline_at: string | null;
  revote_of: string | null;
  quorum_overridden: number;
  eligible: number | null;
  present: number | null;
  ballots_cast: number | null;
  result: string | null;
  created_at: string;
  opened_at: string | null;
  closed_at: string | null;
  published_at: string | null;
}

export interface ParticipationTable {
  ballot_id: string;
  member_id: string;
}

export interface BallotBoxTable {
  ballot_id: string;
  ballot_key: string;
  receipt: string;
  answers: string;
  named_member_id: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_account_id: string | null;
  actor_name: string;
  action: string;
  meeting_id: string | null;
  ballot_id: string | null;
  detail: string;
}

export interface Database {
  account: AccountTable;
  auth_session: AuthSessionTable;
  term: TermTable;
  delegation: DelegationTable;
  member: MemberTable;
  access_code: AccessCodeTable;
  meeting: MeetingTable;
  attendance: AttendanceTable;
  ballot: BallotTable;
  participation: ParticipationTable;
  ballot_box: BallotBoxTable;
  audit_log: AuditLogTable;
}
