// Recognises the roster's header row and reads role and tag cells, written in Chinese or English.
// Category tags come from a tags column (类别/标签/tags, several per cell), from one column per
// category (一线职工, 女职工, … holding 是/Y/1/√), and from 性别 (女 → 女职工).
import type { RosterImportRow } from './import-types.js';
import { canonicalTag, isCategoryTag, isYes, tagsFromText } from './tags.js';

export type RosterColumn = 'name' | 'staffNumber' | 'delegation' | 'role' | 'tags';
export type ColumnIndex = Partial<Record<RosterColumn, number>> & {
  /** Columns named for one category tag, each cell a yes or not. */
  categories?: { position: number; tag: string }[];
  /** 性别: 女 adds 女职工. */
  gender?: number;
};

/** Header spellings after headerKey(): lower case, no spaces, underscores or required-marks. */
const HEADER_ALIASES: Record<RosterColumn, readonly string[]> = {
  name: ['姓名', 'name'],
  staffNumber: ['工号', '职工编号', 'staffnumber'],
  delegation: ['代表团', '代表组', 'delegation'],
  role: ['身份', '代表身份', 'role'],
  tags: ['类别', '标签', '人员类别', '代表类别', 'tags', 'tag', 'category', 'categories'],
};

const GENDER_HEADERS = ['性别', 'gender', 'sex'];
const WOMAN = ['女', 'female', 'f', 'woman'];

const ROLE_ALIASES: Record<RosterImportRow['role'], readonly string[]> = {
  representative: ['代表', '正式代表', 'representative', 'voting'],
  attendee: ['列席', '列席代表', 'attendee', 'nonvoting'],
};

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

/**
 * Where each known column sits; the first of two columns with the same meaning wins. Older templates
 * wrote the role under 类别: with no 身份/role column, a 类别 column is the role.
 */
export function matchColumns(cells: string[]): ColumnIndex {
  const index: ColumnIndex = {};
  const categories: { position: number; tag: string }[] = [];
  cells.forEach((cell, position) => {
    const column = columnOf(cell);
    if (column && index[column] === undefined) index[column] = position;
    else if (!column && GENDER_HEADERS.includes(headerKey(cell)) && index.gender === undefined) index.gender = position;
    else if (!column) {
      const tag = canonicalTag(headerKey(cell));
      if (isCategoryTag(tag)) categories.push({ position, tag });
    }
  });
  if (index.role === undefined && index.tags !== undefined && headerKey(cells[index.tags] ?? '') === '类别') {
    index.role = index.tags;
    delete index.tags;
  }
  if (categories.length > 0) index.categories = categories;
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

/** A row's tags: the tags cell, then a yes in each category column, then 女 under 性别; repeats dropped. */
export function tagsOf(cells: string[], columns: ColumnIndex): string[] {
  const tags = tagsFromText(columns.tags === undefined ? '' : (cells[columns.tags] ?? ''));
  for (const { position, tag } of columns.categories ?? []) if (isYes(cells[position] ?? '')) tags.push(tag);
  const gender = columns.gender === undefined ? '' : (cells[columns.gender] ?? '').normalize('NFKC').trim().toLowerCase();
  if (WOMAN.includes(gender)) tags.push('女职工');
  return [...new Set(tags)];
}
