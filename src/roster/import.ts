// Reads a term's roster of representatives and attendees from an uploaded CSV or Excel file:
// all or nothing, every problem of every row reported together in Chinese and English.
import { checkZip } from '../workers/zip-limits.js';
import { checkSheet, type RosterTermContext } from './import-rows.js';
import { isOldExcel, isZip, looksLikeText, readCsv, readXlsx } from './import-read.js';
import type { RosterImportResult } from './import-types.js';

export { MAX_ROSTER_ROWS } from './import-rows.js';

/** Never throws: an unreadable file comes back as a BAD_FILE problem. */
export async function parseRoster(file: Buffer, format: 'csv' | 'xlsx', context: RosterTermContext): Promise<RosterImportResult> {
  const sheet = format === 'xlsx' ? await readXlsx(file) : readCsv(file);
  if (!sheet.ok) return { ok: false, problems: [sheet.problem] };
  return checkSheet(sheet.rows, context);
}

/** What the worker runs: an .xlsx must keep the zip limits (their error codes are thrown) before exceljs opens it. */
export async function parseRosterChecked(file: Buffer, format: 'csv' | 'xlsx', context: RosterTermContext): Promise<RosterImportResult> {
  if (format === 'xlsx' && isZip(file)) await checkZip(file);
  return parseRoster(file, format, context);
}

const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
// Browsers on Windows send application/vnd.ms-excel for .csv files when Excel is installed.
const CSV_CONTENT_TYPES = ['text/csv', 'text/plain', 'text/tab-separated-values', 'application/csv', 'application/vnd.ms-excel'];
const CSV_EXTENSIONS = ['csv', 'txt', 'tsv'];

function extensionOf(filename: string | undefined): string | undefined {
  const match = /\.([^./\\]+)$/.exec(filename ?? '');
  return match?.[1]?.toLowerCase();
}

function formatFromHints(filename: string | undefined, contentType: string | undefined): 'csv' | 'xlsx' | null | undefined {
  const extension = extensionOf(filename);
  if (extension === 'xlsx') return 'xlsx';
  if (extension && CSV_EXTENSIONS.includes(extension)) return 'csv';
  if (extension) return null;
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  if (type === XLSX_CONTENT_TYPE) return 'xlsx';
  if (type && CSV_CONTENT_TYPES.includes(type)) return 'csv';
  return undefined;
}

/**
 * The bytes decide first (xlsx is a zip: PK\x03\x04; an old .xls is not supported), then the
 * file name, then the content type; a nameless text file is taken as CSV. A misnamed or damaged
 * ".xlsx" still returns 'xlsx' so that parseRoster can say what is wrong with it.
 */
export function detectFormat(filename: string | undefined, contentType: string | undefined, file: Buffer): 'csv' | 'xlsx' | null {
  if (isZip(file)) return 'xlsx';
  if (isOldExcel(file)) return null;
  const hinted = formatFromHints(filename, contentType);
  if (hinted !== undefined) return hinted;
  return looksLikeText(file) ? 'csv' : null;
}
