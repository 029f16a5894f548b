// Checks every roster row against the term (its delegations and the staff already on it),
// collecting every problem of every row so the secretariat can fix the file in one pass.
import type { RosterImportProblem, RosterImportResult, RosterImportRow } from './import-types.js';
import { matchColumns, missingColumns, roleOf, tagsOf, type ColumnIndex, type RosterColumn } from './import-columns.js';
import { rosterProblems } from './import-problems.js';
import type { SheetRow } from './import-read.js';

export interface RosterTermContext {
  delegations: string[];
  existingStaffNumbers: string[];
}

export const MAX_ROSTER_ROWS = 20_000;
const MAX_LENGTH = { name: 60, staffNumber: 40, delegation: 60, tags: 40 } as const;
/** A title such as "第三届职工代表名单" may sit above the header; look this far down for it. */
const HEADER_SEARCH_ROWS = 5;

interface RowCheck {
  columns: ColumnIndex;
  delegations: Map<string, string>;
  termHasDelegations: boolean;
  existing: Set<string>;
  firstLineOf: Map<string, number>;
  problems: RosterImportProblem[];
}

/** Staff numbers match trimmed, case-insensitively and with full-width letters folded. */
const staffNumberKey = (staffNumber: string): string => staffNumber.trim().normalize('NFKC').toLowerCase();
const delegationKey = (name: string): string => name.normalize('NFKC').toLowerCase().replace(/\s/g, '');
const length = (value: string): number => [...value].length;
const fail = (problems: RosterImportProblem[]): RosterImportResult => ({ ok: false, problems });

function cell(row: SheetRow, columns: ColumnIndex, column: RosterColumn): string {
  const position = columns[column];
  return position === undefined ? '' : (row.cells[position] ?? '');
}

/** A required text cell: empty or too long is a problem; returns null after reporting one. */
function requiredText(row: SheetRow, check: RowCheck, column: 'name' | 'staffNumber'): string | null {
  const value = cell(row, check.columns, column);
  if (value === '') check.problems.push(rosterProblems.missingField(row.line, column));
  else if (length(value) > MAX_LENGTH[column]) {
    check.problems.push(rosterProblems.fieldTooLong(row.line, column, value, MAX_LENGTH[column]));
  } else return value;
  return null;
}

function checkDuplicate(row: SheetRow, check: RowCheck, staffNumber: string): void {
  const key = staffNumberKey(staffNumber);
  const firstLine = check.firstLineOf.get(key);
  if (check.existing.has(key)) check.problems.push(rosterProblems.alreadyOnRoster(row.line, staffNumber));
  else if (firstLine !== undefined) check.problems.push(rosterProblems.duplicateInFile(row.line, staffNumber, firstLine));
  if (firstLine === undefined) check.firstLineOf.set(key, row.line);
}

function delegationProblem(line: number, value: string, check: RowCheck): RosterImportProblem | undefined {
  if (value === '') return check.termHasDelegations ? rosterProblems.missingField(line, 'delegation') : undefined;
  if (length(value) > MAX_LENGTH.delegation) return rosterProblems.fieldTooLong(line, 'delegation', value, MAX_LENGTH.delegation);
  if (!check.delegations.has(delegationKey(value))) return rosterProblems.unknownDelegation(line, value, check.termHasDelegations);
  return undefined;
}

/** The term's own spelling of the delegation; null when none is given and none is needed. */
function readDelegation(row: SheetRow, check: RowCheck): string | null | undefined {
  const value = cell(row, check.columns, 'delegation');
  const problem = delegationProblem(row.line, value, check);
  if (problem) check.problems.push(problem);
  if (problem) return undefined;
  return value === '' ? null : check.delegations.get(delegationKey(value));
}

function readRole(row: SheetRow, check: RowCheck): RosterImportRow['role'] | undefined {
  const value = cell(row, check.columns, 'role');
  const role = roleOf(value);
  if (role) return role;
  check.problems.push(value === '' ? rosterProblems.missingField(row.line, 'role') : rosterProblems.badRole(row.line, value));
  return undefined;
}

function readTags(row: SheetRow, check: RowCheck): string[] {
  const tags = tagsOf(row.cells, check.columns);
  const tooLong = tags.filter((tag) => length(tag) > MAX_LENGTH.tags);
  for (const tag of tooLong) check.problems.push(rosterProblems.fieldTooLong(row.line, 'tags', tag, MAX_LENGTH.tags));
  return tags;
}

function checkRow(row: SheetRow, check: RowCheck): RosterImportRow | undefined {
  const before = check.problems.length;
  const name = requiredText(row, check, 'name');
  const staffNumber = requiredText(row, check, 'staffNumber');
  if (staffNumber !== null) checkDuplicate(row, check, staffNumber);
  const delegation = readDelegation(row, check);
  const role = readRole(row, check);
  const tags = readTags(row, check);
  const complete = name !== null && staffNumber !== null && delegation !== undefined && role !== undefined;
  if (!complete || check.problems.length > before) return undefined;
  return { line: row.line, name, staffNumber, delegation, role, tags };
}

/** The header is the first of the top rows naming both name and staff number, else the top row. */
function findHeader(rows: SheetRow[]): number {
  const found = rows.slice(0, HEADER_SEARCH_ROWS).findIndex((row) => {
    const columns = matchColumns(row.cells);
    return columns.name !== undefined && columns.staffNumber !== undefined;
  });
  return Math.max(found, 0);
}

function newCheck(columns: ColumnIndex, context: RosterTermContext): RowCheck {
  return {
    columns,
    delegations: new Map(context.delegations.map((name) => [delegationKey(name), name])),
    termHasDelegations: context.delegations.length > 0,
    existing: new Set(context.existingStaffNumbers.map(staffNumberKey)),
    firstLineOf: new Map(),
    problems: [],
  };
}

export function checkSheet(sheet: SheetRow[], context: RosterTermContext): RosterImportResult {
  const rows = sheet.filter((row) => row.cells.some((value) => value !== ''));
  if (rows.length === 0) return fail([rosterProblems.emptyFile()]);
  const headerAt = findHeader(rows);
  const header = rows[headerAt]!;
  const columns = matchColumns(header.cells);
  const missing = missingColumns(columns, context.delegations.length > 0);
  if (missing.length > 0) return fail([rosterProblems.missingColumns(header.line, missing)]);
  const body = rows.slice(headerAt + 1);
  if (body.length === 0) return fail([rosterProblems.noRosterRows(header.line)]);
  if (body.length > MAX_ROSTER_ROWS) return fail([rosterProblems.tooManyRows(body[MAX_ROSTER_ROWS]!.line, MAX_ROSTER_ROWS)]);
  const check = newCheck(columns, context);
  const roster = body.map((row) => checkRow(row, check));
  return check.problems.length > 0 ? fail(check.problems) : { ok: true, rows: roster as RosterImportRow[] };
}
