// What the console reads from the API, named as in the glossary: every shape is the API's own, from
// the types generated from the OpenAPI document (see ../shared/api-types.ts), never copied by hand.
import type { components } from '../generated/api.js';
import type { AttendanceCounts, Ballot, BallotItem } from '../shared/live.js';

type Schemas = components['schemas'];

export type { AttendanceCounts, Ballot, BallotItem };

export type Account = Schemas['Account'];
export type AccountRole = Account['role'];
export type Term = Schemas['Term'];
export type Delegation = Schemas['Delegation'];
export type Member = Schemas['Member'];
export type MemberRole = Member['role'];
export type MeetingView = Schemas['Meeting'];
export type AttendanceEntry = Schemas['AttendanceEntry'];
export type AttendanceStatus = AttendanceEntry['status'];
export type IssuedCode = Schemas['IssuedCode'];
export type AuditEntry = Schemas['AuditEntry'];

/** One refused row of a roster import: the `details.problems` of ROSTER_IMPORT_FAILED (src/roster/import-problems.ts). */
export interface ImportProblem {
  line: number;
  field: 'name' | 'staffNumber' | 'delegation' | 'role' | 'tags' | 'file';
  code: string;
  zh: string;
  en: string;
}
