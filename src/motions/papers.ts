// The motion register (提案汇编) and the implementation report (提案落实情况报告) as official papers
// (.docx, GB/T 9704-2012). The register on paper keeps the columns a reader scans (the full text of
// reasons and measures stays in the XLSX); the report has the same tables as the file and the screen.
import type { OfficialDocument, PaperBlock } from '../papers/official-document.js';
import { chineseNumber } from '../script/numbers.js';
import { type Cell, chinaDate, type RegisterEntry, type Table } from './exports.js';

const text = (cell: Cell): string => (cell === null ? '' : String(cell));

export function registerPaper(entries: readonly RegisterEntry[], meetingTitle: string | null, fileName: string): OfficialDocument {
  return {
    title: `${meetingTitle ?? ''}提案汇编`,
    blocks: [
      { kind: 'paragraph', text: `共收到提案${entries.length}件。` },
      {
        kind: 'table',
        header: ['编号', '案由', '类别', '提案人', '状态', '主办单位', '答复期限', '答复等级', '满意度'],
        rows: entries.map((entry) => [
          entry.number ?? '',
          entry.subject,
          entry.categoryName,
          entry.proposer,
          entry.stateName,
          entry.leadDepartment ?? '',
          chinaDate(entry.dueAt),
          entry.grade ?? '',
          entry.rating ?? '',
        ]),
        widths: [1.6, 4, 1.6, 1.4, 1.4, 2, 2, 1, 1.4],
      },
    ],
    fileName,
  };
}

export function reportPaper(tables: readonly Table[], meetingTitle: string | null, fileName: string): OfficialDocument {
  return {
    title: `${meetingTitle ?? ''}提案落实情况报告`,
    blocks: tables.flatMap((table, index): PaperBlock[] => [
      { kind: 'heading', level: 1, text: `${chineseNumber(index + 1)}、${table.title}` },
      { kind: 'table', header: table.header, rows: table.rows.map((row) => row.map(text)) },
    ]),
    fileName,
  };
}
