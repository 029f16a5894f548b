// Recognises the roster's header row and reads role and tag cells, written in Chinese or English.
import type { RosterImportRow } from './import-types.js';

export type RosterColumn = 'name' | 'staffNumber' | 'delegation' | 'role' | 'tags';
export type ColumnIndex = Partial<Record<RosterColumn, number>>;

/** Header spellings after headerKey(): lower case, no spaces, underscores or required-marks. */
const HEADER_ALIASES: Record<RosterColumn, readonly string[]> = {
  name: ['姓名', 'name'],
  staffNumber: ['工号', '职工编号', 'staffnumber'],
  delegation: ['代表团', '代表组', 'delegation'],
  role: ['身份', '类别', 'role'],
  tags: ['标签', 'tags', 'tag'],
};

const ROLE_ALIASES: Record<RosterImportRow['role'], readonly string[]> = {
  representative: ['代表', '正式代表', 'representative', 'voting'],
  attendee: ['列席', '列席代表', 'attendee', 'nonvoting'],
};

const KNOWN_TAGS: Readonly<Record<string, string>> = {
  一线: 'frontline',
  女: 'female',
  管理: 'management',
  管理人员: 'management',
  技术: 'technician',
};

const TAG_SEPARATORS = /[,;，；、|\s]+/;

/** Templates often write "姓名*" or "工号(必填)"; NFKC folds full-width forms first. */
function headerKey(cell: string): string {
  return cell
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\(.*?\)/g, '')
    .replace(/[\s_\-*:]/g, '');
}

function columnOf(cell: string): RosterColumn | undefined {
  const key = headerKey(cell);
  const columns = Object.keys(HEADER_ALIASES) as RosterColumn[];
  return columns.find((column) => HEADER_ALIASES[column].includes(key));
}

/** Where each known column sits; the first of two columns with the same meaning wins. */
export function matchColumns(cells: string[]): ColumnIndex {
  const index: ColumnIndex = {};
  cells.forEach((cell, position) => {
    const column = columnOf(cell);
    if (column && index[column] === undefined) index[column] = position;
  });
  return index;
}

/** Delegation is required only when the term has delegations; tags are always optional. */
export function missingColumns(index: ColumnIndex, termHasDelegations: boolean): RosterColumn[] {
  const required: RosterColumn[] = ['name', 'staffNumber', 'role'];
  if (termHasDelegations) required.splice(2, 0, 'delegation');
  return required.filter((column) => index[column] === undefined);
}

export function roleOf(cell: string): RosterImportRow['role'] | null {
  const key = cell
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_-]/g, '');
  if (ROLE_ALIASES.representative.includes(key)) return 'representative';
  if (ROLE_ALIASES.attendee.includes(key)) return 'attendee';
  return null;
}

export function tagsOf(cell: string): string[] {
  const tags = cell.split(TAG_SEPARATORS).filter((tag) => tag !== '');
  return [...new Set(tags.map((tag) => KNOWN_TAGS[tag] ?? tag))];
}
