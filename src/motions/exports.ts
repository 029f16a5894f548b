// The motion register (提案汇编) and the implementation report (提案落实情况报告) as tables, and
// those tables as CSV or XLSX. The report's tables are made from the dashboard's figures, so the
// numbers in the file are the numbers on the screen.
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { Dashboard } from './schemas.js';
import { motionStateNames } from './workflow.js';

export type Cell = string | number | null;

export interface Table {
  title: string;
  header: string[];
  rows: Cell[][];
}

export interface RegisterEntry {
  number: string | null;
  subject: string;
  categoryName: string;
  proposer: string;
  seconders: string[];
  stateName: string;
  reasons: string;
  measures: string;
  leadDepartment: string | null;
  coDepartments: string[];
  dueAt: string | null;
  grade: string | null;
  rating: string | null;
  reviewNote: string | null;
  submittedAt: string | null;
}

export const ratingNames = { satisfied: '满意', basically_satisfied: '基本满意', dissatisfied: '不满意' } as const;

/** Dates as the secretariat writes them (China Standard Time): 2026-03-01. */
export function chinaDate(iso: string | null): string {
  if (!iso) return '';
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
}

export function registerTable(entries: readonly RegisterEntry[]): Table {
  return {
    title: '提案汇编',
    header: ['编号', '案由', '类别', '提案人', '附议人', '状态', '理由', '建议措施', '主办单位', '协办单位', '答复期限', '答复等级', '满意度', '审查意见', '提交时间'],
    rows: entries.map((entry) => [
      entry.number ?? '',
      entry.subject,
      entry.categoryName,
      entry.proposer,
      entry.seconders.join('、'),
      entry.stateName,
      entry.reasons,
      entry.measures,
      entry.leadDepartment ?? '',
      entry.coDepartments.join('、'),
      chinaDate(entry.dueAt),
      entry.grade ?? '',
      entry.rating ?? '',
      entry.reviewNote ?? '',
      chinaDate(entry.submittedAt),
    ]),
  };
}

const RATE_HEADER = ['指标', '件数', '基数', '比率(%)'];

/** The report: overall figures, by category, by department, and the overdue motions. */
export function reportTables(figures: Dashboard): Table[] {
  const { rates } = figures;
  const rateRow = (name: string, value: { count: number; of: number; percent: number | null }): Cell[] => [name, value.count, value.of, value.percent];
  return [
    {
      title: '总体情况',
      header: RATE_HEADER,
      rows: [
        ['提案总数', figures.submitted, null, null],
        rateRow('立案率', rates.acceptance),
        rateRow('按时答复率', rates.onTimeReply),
        rateRow('办结率', rates.resolution),
        rateRow('满意率(满意)', rates.satisfaction),
        rateRow('满意率(满意与基本满意)', rates.satisfactionWithBasic),
        ['超期件数', figures.overdue.length, null, null],
        ...Object.entries(figures.byStatus).map(([state, count]): Cell[] => [`状态:${motionStateNames[state as keyof typeof motionStateNames]}`, count, null, null]),
      ],
    },
    {
      title: '按类别',
      header: ['类别', '提案数', '立案数', '办结数'],
      rows: figures.byCategory.map((row) => [row.name, row.submitted, row.accepted, row.resolved]),
    },
    {
      title: '按承办单位',
      header: ['承办单位', '主办件数', '已答复', '按时答复', '超期', '已办结', '满意', '基本满意', '不满意'],
      rows: figures.byDepartment.map((row) => [row.department.name, row.assigned, row.replied, row.repliedOnTime, row.overdue, row.resolved, row.satisfied, row.basicallySatisfied, row.dissatisfied]),
    },
    {
      title: '超期提案',
      header: ['编号', '案由', '主办单位', '答复期限', '超期天数'],
      rows: figures.overdue.map((entry) => [entry.number ?? '', entry.subject, entry.leadDepartment?.name ?? '', chinaDate(entry.dueAt), -entry.daysLeft]),
    },
  ];
}

/** A cell a spreadsheet would run as a formula (=, +, -, @) is written as text (CSV injection). */
function inert(cell: Cell): Cell {
  return typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** UTF-8 with a byte-order mark, so Excel opens the Chinese right; several tables are separated by a blank line. */
export function tablesToCsv(tables: readonly Table[]): Buffer {
  const records: Cell[][] = [];
  tables.forEach((table, index) => {
    if (index > 0) records.push([]);
    if (tables.length > 1) records.push([table.title]);
    records.push(table.header, ...table.rows.map((row) => row.map(inert)));
  });
  return Buffer.from(stringify(records, { bom: true, cast: { number: (value) => String(value) } }), 'utf8');
}

export async function tablesToXlsx(tables: readonly Table[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Yishi 议事';
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.title);
    sheet.addRow(table.header).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row);
    sheet.columns.forEach((column, index) => {
      column.width = Math.min(60, Math.max(8, ...[table.header, ...table.rows].map((row) => String(row[index] ?? '').length * 2)));
    });
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
