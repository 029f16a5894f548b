// The unique constraints the database enforces, as the domain errors a request that loses a race gets:
// two requests that both pass a check-then-insert meet here, and the second hears what went wrong in
// the domain's words, never a 500. The one place such a violation is translated, over HTTP and sockets.
import { AppError, type ErrorCode } from '../errors.js';

/** SQLite names a violated constraint by its columns ("UNIQUE constraint failed: member.term_id, member.staff_number"). */
const UNIQUE_COLUMNS: Record<string, ErrorCode> = {
  'account.username': 'USERNAME_TAKEN',
  'term.number': 'TERM_EXISTS',
  'congress_session.term_id, congress_session.number': 'SESSION_EXISTS',
  'delegation.term_id, delegation.name': 'DELEGATION_EXISTS',
  'member.term_id, member.staff_number': 'STAFF_NUMBER_TAKEN',
  'department.name': 'DEPARTMENT_EXISTS',
};

/** The domain error a unique or primary-key violation means, or null for any other failure. */
export function constraintError(error: unknown): AppError | null {
  if (!(error instanceof Error) || !('code' in error)) return null;
  const code = String(error.code);
  if (code !== 'SQLITE_CONSTRAINT_UNIQUE' && code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') return null;
  const columns = /constraint failed: (.+)$/.exec(error.message)?.[1] ?? '';
  return new AppError(UNIQUE_COLUMNS[columns] ?? 'CONCURRENT_CHANGE');
}
