// The PDF worker's side (the paper pool, PAPER_WORK_DEFAULTS in ./pool.ts): lays out an official paper
// with pdfkit. It loads pdf.ts alone, not the upload readers, so its thread holds the font and little else.
import { fail } from '../errors.js';
import type { OfficialDocument } from '../papers/official-document.js';
import { fontsReadable, type PdfFonts, renderPdf } from '../papers/pdf.js';
import { type HeavyOutcome, settle } from './outcome.js';

export interface PaperTasks {
  /** A paper as PDF, whole: even a 10,000-name attendance list is under a megabyte (fonts subset), so it comes back as bytes. */
  'pdf-render': { input: { document: OfficialDocument; fonts: PdfFonts }; output: Uint8Array };
}
export type PaperTask = { kind: 'pdf-render' } & PaperTasks['pdf-render']['input'];

export default function run(task: PaperTask): Promise<HeavyOutcome> {
  return settle(() => (fontsReadable(task.fonts) ? renderPdf(task.document, task.fonts) : fail('PDF_FONT_MISSING')));
}
