// The Chinese and English wording of every roster import problem, in one place, so the
// secretariat reads the same sentence in both languages.
import type { RosterImportProblem } from './import-types.js';

type Field = RosterImportProblem['field'];
type Code = RosterImportProblem['code'];
type ColumnField = Exclude<Field, 'file'>;

const LABEL: Record<Field, { zh: string; en: string }> = {
  name: { zh: '姓名', en: 'name' },
  staffNumber: { zh: '工号', en: 'staff number' },
  delegation: { zh: '代表团', en: 'delegation' },
  role: { zh: '身份', en: 'role' },
  tags: { zh: '标签', en: 'tag' },
  file: { zh: '文件', en: 'file' },
};

const ROLE_HINT = { zh: '(应为"代表"或"列席")', en: ' (use "representative" or "attendee")' };

function problem(line: number, field: Field, code: Code, zh: string, en: string): RosterImportProblem {
  return { line, field, code, zh, en };
}

/** Quotes a cell for a message, shortening very long values so the message stays readable. */
function quoted(value: string): string {
  const chars = [...value];
  return `"${chars.length > 30 ? `${chars.slice(0, 30).join('')}…` : value}"`;
}

function fileProblem(zh: string, en: string, line = 1): RosterImportProblem {
  return problem(line, 'file', 'BAD_FILE', zh, en);
}

export const rosterProblems = {
  missingField(line: number, field: ColumnField): RosterImportProblem {
    const hint = field === 'role' ? ROLE_HINT : { zh: '', en: '' };
    const { zh, en } = LABEL[field];
    return problem(line, field, 'MISSING_FIELD', `第 ${line} 行:${zh}为空${hint.zh}`, `Line ${line}: ${en} is empty${hint.en}`);
  },
  duplicateInFile(line: number, staffNumber: string, firstLine: number): RosterImportProblem {
    return problem(
      line,
      'staffNumber',
      'DUPLICATE_STAFF_NUMBER',
      `第 ${line} 行:工号 ${quoted(staffNumber)} 与第 ${firstLine} 行重复`,
      `Line ${line}: staff number ${quoted(staffNumber)} duplicates line ${firstLine}`,
    );
  },
  alreadyOnRoster(line: number, staffNumber: string): RosterImportProblem {
    return problem(
      line,
      'staffNumber',
      'DUPLICATE_STAFF_NUMBER',
      `第 ${line} 行:工号 ${quoted(staffNumber)} 已在本届名单中`,
      `Line ${line}: staff number ${quoted(staffNumber)} is already on this term's roster`,
    );
  },
  unknownDelegation(line: number, delegation: string, termHasDelegations: boolean): RosterImportProblem {
    const [zh, en] = termHasDelegations ? ['不是本届的代表团', 'is not a delegation of this term'] : ['无效:本届未设代表团,请留空', 'is not allowed: this term has no delegations, leave it empty'];
    return problem(line, 'delegation', 'UNKNOWN_DELEGATION', `第 ${line} 行:代表团 ${quoted(delegation)} ${zh}`, `Line ${line}: delegation ${quoted(delegation)} ${en}`);
  },
  badRole(line: number, role: string): RosterImportProblem {
    return problem(line, 'role', 'BAD_ROLE', `第 ${line} 行:身份 ${quoted(role)} 无法识别${ROLE_HINT.zh}`, `Line ${line}: role ${quoted(role)} is not recognised${ROLE_HINT.en}`);
  },
  fieldTooLong(line: number, field: ColumnField, value: string, max: number): RosterImportProblem {
    const { zh, en } = LABEL[field];
    return problem(line, field, 'FIELD_TOO_LONG', `第 ${line} 行:${zh} ${quoted(value)} 超过 ${max} 个字`, `Line ${line}: ${en} ${quoted(value)} is longer than ${max} characters`);
  },
  tooManyRows(line: number, max: number): RosterImportProblem {
    return problem(line, 'file', 'TOO_MANY_ROWS', `第 ${line} 行:名单超过 ${max} 行的上限,请分批导入`, `Line ${line}: the roster has more than ${max} rows; import it in parts`);
  },
  missingColumns(line: number, columns: ColumnField[]): RosterImportProblem {
    const zh = columns.map((column) => LABEL[column].zh).join('、');
    const en = columns.map((column) => LABEL[column].en).join(', ');
    return fileProblem(`第 ${line} 行:表头缺少必填列:${zh}`, `Line ${line}: the header lacks the required columns: ${en}`, line);
  },
  emptyFile: () => fileProblem('文件中没有内容', 'The file is empty'),
  noRosterRows: (line: number) => fileProblem(`第 ${line} 行表头之后没有名单数据`, `The file has a header on line ${line} but no roster rows`, line),
  notText: () => fileProblem('文件不是文本格式的 CSV,请上传 .csv 或 .xlsx 文件', 'The file is not a text CSV; upload a .csv or .xlsx file'),
  oldExcel: () => fileProblem('这是旧版 Excel (.xls) 文件,请另存为 .xlsx 或 CSV 后再上传', 'This is an old Excel (.xls) file; save it as .xlsx or CSV and upload it again'),
  unreadableCsv: (line: number) => fileProblem(`第 ${line} 行:CSV 格式错误,请检查引号是否成对`, `Line ${line}: the CSV cannot be read; check that every quote is closed`, line),
  unreadableExcel: () => fileProblem('无法读取 Excel 文件,文件可能已损坏', 'The Excel file cannot be read; it may be damaged'),
  noWorksheet: () => fileProblem('Excel 文件中没有工作表', 'The Excel file has no worksheet'),
};
