// What a roster import yields: its rows, or every problem found, shared by the import's steps.
import type { MemberRole } from '../actors.js';

export interface RosterImportRow {
  line: number;
  name: string;
  staffNumber: string;
  delegation: string | null;
  role: MemberRole;
  tags: string[];
}

export interface RosterImportProblem {
  line: number;
  field: 'name' | 'staffNumber' | 'delegation' | 'role' | 'tags' | 'file';
  code: 'MISSING_FIELD' | 'DUPLICATE_STAFF_NUMBER' | 'UNKNOWN_DELEGATION' | 'BAD_ROLE' | 'BAD_FILE' | 'TOO_MANY_ROWS' | 'FIELD_TOO_LONG';
  zh: string;
  en: string;
}

export type RosterImportResult = { ok: true; rows: RosterImportRow[] } | { ok: false; problems: RosterImportProblem[] };
