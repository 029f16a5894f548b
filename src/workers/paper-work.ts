// The paper worker's side (the paper pool, PAPER_WORK_DEFAULTS in ./pool.ts): lays out an official
// paper as PDF (pdfkit, with the CJK font) or as .docx (the `docx` package). It loads those two and not
// the upload readers, so its thread holds the font and little else; and a job that makes both kinds
// (the session archive) runs in this one worker instead of bringing a second one into memory.
import { fail } from '../errors.js';
import { renderDocx } from '../papers/docx.js';
import type { OfficialDocument } from '../papers/official-document.js';
import { renderPdf } from '../papers/pdf.js';
import { fontsReadable, type PdfFonts } from '../papers/pdf-fonts.js';
import { type HeavyOutcome, settle } from './outcome.js';

export interface PaperTasks {
  /** A paper as PDF, whole: even a 10,000-name attendance list is under a megabyte (fonts subset), so it comes back as bytes. */
  'pdf-render': { input: { document: OfficialDocument; fonts: PdfFonts }; output: Uint8Array };
  /** A paper in the GB/T 9704 layout; the Buffer arrives on the main thread as a Uint8Array. */
  'docx-render': { input: { document: OfficialDocument }; output: Uint8Array };
}
export type PaperTask = { [K in keyof PaperTasks]: { kind: K } & PaperTasks[K]['input'] }[keyof PaperTasks];

function perform(task: PaperTask): Promise<unknown> | unknown {
  switch (task.kind) {
    case 'pdf-render':
      return fontsReadable(task.fonts) ? renderPdf(task.document, task.fonts) : fail('PDF_FONT_MISSING');
    case 'docx-render':
      return renderDocx(task.document);
  }
}

export default function run(task: PaperTask): Promise<HeavyOutcome> {
  return settle(() => perform(task));
}
