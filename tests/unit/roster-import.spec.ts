import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { detectFormat, parseRoster } from '../../src/roster/import.js';
import type { RosterImportProblem, RosterImportResult, RosterImportRow } from '../../src/roster/import-types.js';

const TERM = { delegations: ['第一代表团', '机关代表团'], existingStaffNumbers: [] as string[] };
const NO_DELEGATIONS = { delegations: [] as string[], existingStaffNumbers: [] as string[] };
const HEADER = '姓名,工号,代表团,身份,标签';

const csv = (...lines: string[]): Buffer => Buffer.from(lines.join('\n'), 'utf8');

async function xlsx(sheets: unknown[][][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  sheets.forEach((rows, i) => {
    const sheet = workbook.addWorksheet(`名单${i + 1}`);
    rows.forEach((row, line) => {
      sheet.getRow(line + 1).values = row as ExcelJS.CellValue[];
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function rowsOf(result: RosterImportResult): RosterImportRow[] {
  if (!result.ok) throw new Error(`expected a clean roster, got ${result.problems.map((p) => p.en).join('; ')}`);
  return result.rows;
}

function problemsOf(result: RosterImportResult): RosterImportProblem[] {
  if (result.ok) throw new Error('expected the roster to be rejected');
  return result.problems;
}

const summary = (problems: RosterImportProblem[]) => problems.map(({ line, field, code }) => ({ line, field, code }));

/** A fixed pseudo-random sequence, so "random bytes" are the same on every run. */
function noise(length: number, seed: number): Buffer {
  let state = seed;
  return Buffer.from(
    Array.from({ length }, () => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return (state >> 16) & 0xff;
    }),
  );
}

describe('reading a roster from CSV', () => {
  it('reads representatives and attendees under Chinese headers', async () => {
    const file = csv(HEADER, '张三,A001,第一代表团,代表,一线、女', '李四,A002,机关代表团,列席代表,"管理人员, 技术"');
    expect(rowsOf(await parseRoster(file, 'csv', TERM))).toEqual([
      { line: 2, name: '张三', staffNumber: 'A001', delegation: '第一代表团', role: 'representative', tags: ['一线职工', '女职工'] },
      { line: 3, name: '李四', staffNumber: 'A002', delegation: '机关代表团', role: 'attendee', tags: ['管理人员', '工程技术人员'] },
    ]);
  });

  it('reads English headers whatever their case and spacing', async () => {
    const file = csv(' Name ,STAFF NUMBER,Delegation,ROLE,Tags', 'Zhang San,a001,第一代表团,Voting,', 'Li Si,a002,机关代表团,non-voting,union;retired');
    const rows = rowsOf(await parseRoster(file, 'csv', TERM));
    expect(rows.map((row) => [row.name, row.role, row.tags])).toEqual([
      ['Zhang San', 'representative', []],
      ['Li Si', 'attendee', ['union', 'retired']],
    ]);
  });

  it('accepts staff_number and staffNumber as the staff number header', async () => {
    for (const header of ['staff_number', 'staffNumber']) {
      const file = csv(`name,${header},delegation,role`, '王五,B7,第一代表团,representative');
      expect(rowsOf(await parseRoster(file, 'csv', TERM))[0]?.staffNumber).toBe('B7');
    }
  });

  it('accepts the other Chinese headers 职工编号, 代表组 and 类别 (the role when no 身份 column gives it)', async () => {
    const file = csv('姓名,职工编号,代表组,类别', '赵六,C001,第一代表团,正式代表', '钱七,C002,第一代表团,列席');
    expect(rowsOf(await parseRoster(file, 'csv', TERM)).map((row) => row.role)).toEqual(['representative', 'attendee']);
  });

  it('keeps unknown tags as written, reads known spellings as the category tags and drops repeats', async () => {
    const file = csv(HEADER, '张三,A001,第一代表团,代表,"一线 一线，女；劳模|frontline  劳模"');
    expect(rowsOf(await parseRoster(file, 'csv', TERM))[0]?.tags).toEqual(['一线职工', '女职工', '劳模']);
  });

  it('reads several category tags from a 类别 column, separated by 、，,;；', async () => {
    const file = csv('姓名,工号,代表团,身份,类别', '张三,A001,第一代表团,代表,"一线职工、女职工，青年;劳模；中层以上"', '李四,A002,第一代表团,列席,"劳务派遣,技术人员"');
    expect(rowsOf(await parseRoster(file, 'csv', TERM)).map((row) => row.tags)).toEqual([
      ['一线职工', '女职工', '青年', '劳模', '中层以上'],
      ['劳务派遣', '工程技术人员'],
    ]);
  });

  it('reads one column per category (是/Y/1/√) and 性别 女 as 女职工', async () => {
    const file = csv(
      '姓名,工号,代表团,身份,性别,一线职工,工程技术人员,管理人员,中层以上,青年,劳务派遣,女职工',
      '张三,A001,第一代表团,代表,女,是,,,,Y,,',
      '李四,A002,第一代表团,代表,男,,1,√,√,,,',
      '王五,A003,第一代表团,列席,男,否,N,0,,,✓,是',
    );
    expect(rowsOf(await parseRoster(file, 'csv', TERM)).map((row) => row.tags)).toEqual([
      ['一线职工', '青年', '女职工'],
      ['工程技术人员', '管理人员', '中层以上'],
      ['劳务派遣', '女职工'],
    ]);
  });

  it('adds the category columns to the tags column without repeating a tag', async () => {
    const file = csv('姓名,工号,代表团,身份,标签,一线职工(是/否)', '张三,A001,第一代表团,代表,"一线,劳模",是', '李四,A002,第一代表团,代表,劳模,');
    expect(rowsOf(await parseRoster(file, 'csv', TERM)).map((row) => row.tags)).toEqual([['一线职工', '劳模'], ['劳模']]);
  });

  it('trims cells and skips fully blank rows without shifting line numbers', async () => {
    const file = csv(HEADER, '  张三 , A001 ,第一代表团 , 代表 ,', '', ',,,,', '李四,A002,第一代表团,列席,');
    expect(rowsOf(await parseRoster(file, 'csv', TERM)).map((row) => [row.line, row.name, row.staffNumber])).toEqual([
      [2, '张三', 'A001'],
      [5, '李四', 'A002'],
    ]);
  });

  it('strips the UTF-8 byte order mark that Excel writes before the first header', async () => {
    const file = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), csv(HEADER, '张三,A001,第一代表团,代表,')]);
    expect(rowsOf(await parseRoster(file, 'csv', TERM))[0]?.name).toBe('张三');
  });

  it('reads a CSV saved by Chinese Excel in GB18030', async () => {
    const gbk = (hex: string) => Buffer.from(hex.replace(/\s/g, ''), 'hex');
    const header = gbk('d0d5c3fb 2c b9a4bac5 2c b4fab1edcdc5 2c c9edb7dd 0d0a'); // 姓名,工号,代表团,身份\r\n
    const first = gbk('d5c5c8fd 2c 41303031 2c b5dad2bbb4fab1edcdc5 2c b4fab1ed 0d0a'); // 张三,A001,第一代表团,代表\r\n
    const second = gbk('c0eecbc4 2c 41303032 2c b5dad2bbb4fab1edcdc5 2c c1d0cfaf 0d0a'); // 李四,A002,第一代表团,列席\r\n
    const file = Buffer.concat([header, first, second]);
    expect(new TextDecoder('gb18030').decode(header)).toBe('姓名,工号,代表团,身份\r\n');
    expect(rowsOf(await parseRoster(file, 'csv', TERM)).map((row) => [row.line, row.name, row.delegation, row.role])).toEqual([
      [2, '张三', '第一代表团', 'representative'],
      [3, '李四', '第一代表团', 'attendee'],
    ]);
  });

  it('reads Excel "Unicode text": UTF-16 with tabs', async () => {
    const text = '姓名\t工号\t代表团\t身份\r\n张三\tA001\t第一代表团\t代表\r\n';
    const file = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(rowsOf(await parseRoster(file, 'csv', TERM))[0]).toMatchObject({ name: '张三', staffNumber: 'A001' });
  });

  it('counts lines through CRLF endings and a quoted cell that spans two lines', async () => {
    const file = Buffer.from(`${HEADER}\r\n"张\r\n三",A001,第一代表团,代表,\r\n李四,,第一代表团,代表,\r\n`);
    expect(summary(problemsOf(await parseRoster(file, 'csv', TERM)))).toEqual([{ line: 4, field: 'staffNumber', code: 'MISSING_FIELD' }]);
  });

  it('finds the header below a title row and keeps the file line numbers', async () => {
    const file = csv('第三届职工代表名单,,,,', HEADER, '张三,A001,第一代表团,代表,');
    expect(rowsOf(await parseRoster(file, 'csv', TERM))[0]?.line).toBe(3);
  });

  it('leaves the delegation empty when the term has no delegations', async () => {
    const withColumn = csv(HEADER, '张三,A001,,代表,');
    const withoutColumn = csv('姓名,工号,身份', '李四,A002,列席');
    expect(rowsOf(await parseRoster(withColumn, 'csv', NO_DELEGATIONS))[0]?.delegation).toBeNull();
    expect(rowsOf(await parseRoster(withoutColumn, 'csv', NO_DELEGATIONS))[0]?.delegation).toBeNull();
  });

  it("matches a delegation written with stray spaces to the term's spelling", async () => {
    const file = csv(HEADER, '张三,A001,第一 代表团,代表,');
    expect(rowsOf(await parseRoster(file, 'csv', TERM))[0]?.delegation).toBe('第一代表团');
  });
});

describe('rejecting a roster with problems', () => {
  it('rejects the whole file when one staff number repeats, naming both lines', async () => {
    const file = csv(HEADER, '张三,A001,第一代表团,代表,', '李四,A002,第一代表团,代表,', '王五,A003,第一代表团,代表,', '赵六,A001,第一代表团,代表,');
    expect(problemsOf(await parseRoster(file, 'csv', TERM))).toEqual([
      {
        line: 5,
        field: 'staffNumber',
        code: 'DUPLICATE_STAFF_NUMBER',
        zh: '第 5 行:工号 "A001" 与第 2 行重复',
        en: 'Line 5: staff number "A001" duplicates line 2',
      },
    ]);
  });

  it('reports every later repeat of a staff number against its first line, ignoring case and spaces', async () => {
    const file = csv(HEADER, '张三,a001,第一代表团,代表,', '李四, A001 ,第一代表团,代表,', '王五,A001,第一代表团,代表,');
    expect(summary(problemsOf(await parseRoster(file, 'csv', TERM))).map((p) => p.line)).toEqual([3, 4]);
    expect(problemsOf(await parseRoster(file, 'csv', TERM)).map((p) => p.en)).toEqual(['Line 3: staff number "A001" duplicates line 2', 'Line 4: staff number "A001" duplicates line 2']);
  });

  it("refuses a staff number already on the term's roster", async () => {
    const file = csv(HEADER, '张三,a001,第一代表团,代表,');
    const [problem] = problemsOf(await parseRoster(file, 'csv', { ...TERM, existingStaffNumbers: [' A001'] }));
    expect(problem).toMatchObject({ line: 2, code: 'DUPLICATE_STAFF_NUMBER', zh: '第 2 行:工号 "a001" 已在本届名单中' });
    expect(problem?.en).toBe('Line 2: staff number "a001" is already on this term\'s roster');
  });

  it('reports each empty required cell as a missing field', async () => {
    const rows = csv(HEADER, ',A001,第一代表团,代表,', '张三,,第一代表团,代表,', '李四,A003,,代表,', '王五,A004,第一代表团,,');
    const problems = problemsOf(await parseRoster(rows, 'csv', TERM));
    expect(summary(problems)).toEqual([
      { line: 2, field: 'name', code: 'MISSING_FIELD' },
      { line: 3, field: 'staffNumber', code: 'MISSING_FIELD' },
      { line: 4, field: 'delegation', code: 'MISSING_FIELD' },
      { line: 5, field: 'role', code: 'MISSING_FIELD' },
    ]);
    expect(problems[0]).toMatchObject({ zh: '第 2 行:姓名为空', en: 'Line 2: name is empty' });
  });

  it("refuses a delegation that is not one of the term's, naming it", async () => {
    const file = csv(HEADER, '张三,A001,第九代表团,代表,');
    expect(problemsOf(await parseRoster(file, 'csv', TERM))).toEqual([
      {
        line: 2,
        field: 'delegation',
        code: 'UNKNOWN_DELEGATION',
        zh: '第 2 行:代表团 "第九代表团" 不是本届的代表团',
        en: 'Line 2: delegation "第九代表团" is not a delegation of this term',
      },
    ]);
  });

  it('refuses any delegation when the term has none', async () => {
    const file = csv(HEADER, '张三,A001,第一代表团,代表,');
    expect(summary(problemsOf(await parseRoster(file, 'csv', NO_DELEGATIONS)))).toEqual([{ line: 2, field: 'delegation', code: 'UNKNOWN_DELEGATION' }]);
  });

  it('refuses a role that is neither representative nor attendee', async () => {
    const file = csv(HEADER, '张三,A001,第一代表团,特邀,');
    const [problem] = problemsOf(await parseRoster(file, 'csv', TERM));
    expect(problem).toMatchObject({ line: 2, field: 'role', code: 'BAD_ROLE' });
    expect(problem?.zh).toBe('第 2 行:身份 "特邀" 无法识别(应为"代表"或"列席")');
    expect(problem?.en).toBe('Line 2: role "特邀" is not recognised (use "representative" or "attendee")');
  });

  it('accepts names of 60 characters and refuses longer names, staff numbers and delegations', async () => {
    const longDelegation = '代'.repeat(61);
    const ok = csv(HEADER, `${'名'.repeat(60)},${'9'.repeat(40)},第一代表团,代表,`);
    const tooLong = csv(HEADER, `${'名'.repeat(61)},${'9'.repeat(41)},${longDelegation},代表,`);
    expect(rowsOf(await parseRoster(ok, 'csv', TERM))).toHaveLength(1);
    const problems = problemsOf(await parseRoster(tooLong, 'csv', { ...TERM, delegations: [longDelegation] }));
    expect(summary(problems)).toEqual([
      { line: 2, field: 'name', code: 'FIELD_TOO_LONG' },
      { line: 2, field: 'staffNumber', code: 'FIELD_TOO_LONG' },
      { line: 2, field: 'delegation', code: 'FIELD_TOO_LONG' },
    ]);
    expect(problems[1]?.en).toBe(`Line 2: staff number "${'9'.repeat(30)}…" is longer than 40 characters`);
    expect(problems[0]?.zh).toBe(`第 2 行:姓名 "${'名'.repeat(30)}…" 超过 60 个字`);
  });

  it('refuses a tag longer than 40 characters, naming it', async () => {
    const file = csv(HEADER, `张三,A001,第一代表团,代表,一线 ${'长'.repeat(41)}`);
    expect(summary(problemsOf(await parseRoster(file, 'csv', TERM)))).toEqual([{ line: 2, field: 'tags', code: 'FIELD_TOO_LONG' }]);
  });

  it('accepts 20,000 rows and refuses 20,001', async () => {
    const lines = (count: number) => Array.from({ length: count }, (_, i) => `代表${i},S${i},第一代表团,代表,`);
    expect(rowsOf(await parseRoster(csv(HEADER, ...lines(20_000)), 'csv', TERM))).toHaveLength(20_000);
    expect(problemsOf(await parseRoster(csv(HEADER, ...lines(20_001)), 'csv', TERM))).toEqual([expect.objectContaining({ line: 20_002, field: 'file', code: 'TOO_MANY_ROWS' })]);
  });

  it('names every missing required column in one problem on line 1', async () => {
    const problems = problemsOf(await parseRoster(csv('姓名,部门', '张三,车间'), 'csv', TERM));
    expect(problems).toEqual([
      {
        line: 1,
        field: 'file',
        code: 'BAD_FILE',
        zh: '第 1 行:表头缺少必填列:工号、代表团、身份',
        en: 'Line 1: the header lacks the required columns: staff number, delegation, role',
      },
    ]);
  });

  it('reports every problem of every row together, each on its own line', async () => {
    const file = csv(HEADER, '张三,A001,第一代表团,代表,', ',A002,第九代表团,委员,', '', '李四,A001,,列席,', '王五,A005,机关代表团,代表,');
    const problems = problemsOf(await parseRoster(file, 'csv', TERM));
    expect(summary(problems)).toEqual([
      { line: 3, field: 'name', code: 'MISSING_FIELD' },
      { line: 3, field: 'delegation', code: 'UNKNOWN_DELEGATION' },
      { line: 3, field: 'role', code: 'BAD_ROLE' },
      { line: 5, field: 'staffNumber', code: 'DUPLICATE_STAFF_NUMBER' },
      { line: 5, field: 'delegation', code: 'MISSING_FIELD' },
    ]);
    for (const problem of problems) {
      expect(problem.zh).toContain(`第 ${problem.line} 行`);
      expect(problem.en).toContain(`Line ${problem.line}`);
    }
  });
});

describe('refusing files that are not a roster', () => {
  it('refuses a CSV with an unclosed quote instead of failing', async () => {
    const file = csv(HEADER, '张三,"A001,第一代表团,代表,', '李四,A002,第一代表团,代表,');
    expect(summary(problemsOf(await parseRoster(file, 'csv', TERM)))).toEqual([{ line: 3, field: 'file', code: 'BAD_FILE' }]);
  });

  it('refuses random bytes sent as CSV or as Excel', async () => {
    for (const seed of [1, 2, 3, 42]) {
      for (const format of ['csv', 'xlsx'] as const) {
        const problems = problemsOf(await parseRoster(noise(2048, seed), format, TERM));
        expect(problems.map((p) => p.code)).toEqual(['BAD_FILE']);
      }
    }
  });

  it('refuses an empty file and a header without rows', async () => {
    expect(problemsOf(await parseRoster(Buffer.alloc(0), 'csv', TERM))[0]?.en).toBe('The file is empty');
    expect(problemsOf(await parseRoster(csv(HEADER, '', ''), 'csv', TERM))[0]?.code).toBe('BAD_FILE');
  });

  it('asks for .xlsx or CSV when given an old .xls file', async () => {
    const xls = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512)]);
    expect(problemsOf(await parseRoster(xls, 'csv', TERM))[0]?.zh).toContain('.xls');
  });
});

describe('reading a roster from Excel', () => {
  it('reads numbers, rich text, hyperlinks and formula results as text', async () => {
    const file = await xlsx([
      [
        ['姓名', '工号', '代表团', '身份', '标签'],
        [{ richText: [{ text: '张' }, { text: '三', font: { bold: true } }] }, 1001, '第一代表团', '代表', '一线,女'],
        [{ text: '李四', hyperlink: 'mailto:lisi@example.com' }, { formula: '"A"&"002"', result: 'A002' }, '机关代表团', 'attendee', null],
      ],
    ]);
    expect(rowsOf(await parseRoster(file, 'xlsx', TERM))).toEqual([
      { line: 2, name: '张三', staffNumber: '1001', delegation: '第一代表团', role: 'representative', tags: ['一线职工', '女职工'] },
      { line: 3, name: '李四', staffNumber: 'A002', delegation: '机关代表团', role: 'attendee', tags: [] },
    ]);
  });

  it('reads only the first worksheet', async () => {
    const file = await xlsx([
      [
        ['姓名', '工号', '代表团', '身份'],
        ['张三', 'A001', '第一代表团', '代表'],
      ],
      [
        ['姓名', '工号', '代表团', '身份'],
        ['李四', 'A002', '第九代表团', '??'],
      ],
    ]);
    expect(rowsOf(await parseRoster(file, 'xlsx', TERM)).map((row) => row.name)).toEqual(['张三']);
  });

  it('reports problems on the Excel row numbers, past blank rows', async () => {
    const file = await xlsx([[['姓名', '工号', '代表团', '身份'], ['张三', 'A001', '第一代表团', '代表'], [], [], ['李四', 'a001', '第一代表团', '代表']]]);
    expect(problemsOf(await parseRoster(file, 'xlsx', TERM))[0]?.en).toBe('Line 5: staff number "a001" duplicates line 2');
  });

  it('refuses a damaged Excel file instead of failing', async () => {
    const whole = await xlsx([
      [
        ['姓名', '工号', '代表团', '身份'],
        ['张三', 'A001', '第一代表团', '代表'],
      ],
    ]);
    const problems = problemsOf(await parseRoster(whole.subarray(0, whole.length / 2), 'xlsx', TERM));
    expect(problems).toEqual([expect.objectContaining({ line: 1, field: 'file', code: 'BAD_FILE', en: 'The Excel file cannot be read; it may be damaged' })]);
  });
});

describe('detecting the format of an upload', () => {
  const text = csv(HEADER);

  it('takes a zip as Excel whatever its name', async () => {
    const file = await xlsx([[['姓名']]]);
    expect(detectFormat('名单.csv', 'text/csv', file)).toBe('xlsx');
    expect(detectFormat(undefined, undefined, file)).toBe('xlsx');
  });

  it('takes text named .csv, or sent as CSV by a Windows browser, as CSV', () => {
    expect(detectFormat('名单.CSV', undefined, text)).toBe('csv');
    expect(detectFormat(undefined, 'application/vnd.ms-excel', text)).toBe('csv');
    expect(detectFormat(undefined, 'text/csv; charset=utf-8', text)).toBe('csv');
    expect(detectFormat(undefined, undefined, text)).toBe('csv');
  });

  it('lets a damaged .xlsx through so the parser can say it is damaged', () => {
    expect(detectFormat('名单.xlsx', undefined, noise(64, 7))).toBe('xlsx');
  });

  it('recognises nothing in an old .xls, a PDF or nameless binary', () => {
    expect(detectFormat('名单.xls', 'application/vnd.ms-excel', Buffer.from('d0cf11e0a1b11ae1', 'hex'))).toBeNull();
    expect(detectFormat('名单.pdf', 'application/pdf', Buffer.from('%PDF-1.7'))).toBeNull();
    expect(detectFormat(undefined, 'application/octet-stream', noise(256, 9))).toBeNull();
  });
});
