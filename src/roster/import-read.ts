// Turns an uploaded CSV or XLSX file into rows of trimmed text, each with its line in the file,
// reporting an unreadable file as a problem instead of throwing.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { RosterImportProblem } from './import-types.js';
import { rosterProblems } from './import-problems.js';

export interface SheetRow {
  line: number;
  cells: string[];
}
export type SheetReadResult = { ok: true; rows: SheetRow[] } | { ok: false; problem: RosterImportProblem };

interface CsvRecord {
  record: string[];
  info: { lines: number };
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(file: Buffer, magic: number[]): boolean {
  return file.length >= magic.length && magic.every((byte, i) => file[i] === byte);
}

export const isZip = (file: Buffer): boolean => startsWith(file, ZIP_MAGIC);
export const isOldExcel = (file: Buffer): boolean => startsWith(file, OLE_MAGIC);
const utf16Encoding = (file: Buffer): 'utf-16le' | 'utf-16be' | null => (startsWith(file, [0xff, 0xfe]) ? 'utf-16le' : startsWith(file, [0xfe, 0xff]) ? 'utf-16be' : null);

/** Text has no NUL and hardly any other control bytes (UTF-16 is recognised by its BOM). */
export function looksLikeText(file: Buffer): boolean {
  if (utf16Encoding(file)) return true;
  const head = file.subarray(0, 8192);
  const control = head.filter((byte) => byte < 0x09 || (byte > 0x0d && byte < 0x20)).length;
  return !head.includes(0) && control <= head.length / 100;
}

/** UTF-8 when the bytes are valid UTF-8, else GB18030: what Chinese Excel writes for "CSV". */
function decodeText(file: Buffer): string {
  const utf16 = utf16Encoding(file);
  if (utf16) return new TextDecoder(utf16).decode(file);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(file);
  } catch {
    text = new TextDecoder('gb18030', { ignoreBOM: true }).decode(file);
  }
  return text.replace(/^\uFEFF/, '');
}

/** Excel's "Unicode text" export is tab-separated; everything else here uses commas. */
function delimiterOf(text: string): string {
  const end = text.indexOf('\n');
  const firstLine = end === -1 ? text : text.slice(0, end);
  const count = (character: string) => firstLine.split(character).length - 1;
  return count('\t') > count(',') ? '\t' : ',';
}

/** csv-parse reports where a record ends; it starts on the line after the previous one. */
function csvRows(records: CsvRecord[]): SheetRow[] {
  let previousEnd = 0;
  return records.map(({ record, info }) => {
    const row = { line: previousEnd + 1, cells: record.map((cell) => cell.trim()) };
    previousEnd = info.lines;
    return row;
  });
}

function errorLine(error: unknown): number {
  const lines = (error as { lines?: unknown } | null)?.lines;
  return typeof lines === 'number' && lines > 0 ? lines : 1;
}

export function readCsv(file: Buffer): SheetReadResult {
  if (isOldExcel(file)) return { ok: false, problem: rosterProblems.oldExcel() };
  if (!looksLikeText(file)) return { ok: false, problem: rosterProblems.notText() };
  // One line ending throughout, so line numbers stay right in files with mixed endings.
  const text = decodeText(file).replace(/\r\n?/g, '\n');
  try {
    const records = parse(text, {
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      record_delimiter: '\n',
      delimiter: delimiterOf(text),
    }) as unknown as CsvRecord[];
    return { ok: true, rows: csvRows(records) };
  } catch (error) {
    return { ok: false, problem: rosterProblems.unreadableCsv(errorLine(error)) };
  }
}

/** Numbers, dates, rich text, hyperlinks and formula results all become plain text. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('hyperlink' in value) return cellText(value.text as ExcelJS.CellValue);
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result ?? null);
  return ''; // An error value (#N/A, #REF!) reads as empty, so the row reports a missing field.
}

function rowCells(row: ExcelJS.Row): string[] {
  const values = Array.isArray(row.values) ? row.values : [];
  // row.values is 1-based and sparse: index 0 is always empty.
  return Array.from({ length: Math.max(values.length - 1, 0) }, (_, i) => cellText(values[i + 1]).trim());
}

export async function readXlsx(file: Buffer): Promise<SheetReadResult> {
  try {
    const workbook = new ExcelJS.Workbook();
    // exceljs types its input as its own ArrayBuffer-like Buffer; a Node Buffer is what it reads.
    await workbook.xlsx.load(file as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
    const sheet = workbook.worksheets[0];
    if (!sheet) return { ok: false, problem: rosterProblems.noWorksheet() };
    const rows: SheetRow[] = [];
    sheet.eachRow((row, line) => rows.push({ line, cells: rowCells(row) }));
    return { ok: true, rows };
  } catch {
    return { ok: false, problem: rosterProblems.unreadableExcel() };
  }
}
