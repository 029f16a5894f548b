// The paper worker's side (the paper pool, PAPER_WORK_DEFAULTS in ./pool.ts): lays out an official
// paper as PDF (pdfkit, with the CJK font) or as .docx (the `docx` package). It loads those two and not
// the upload readers, so its thread holds the font and little else; and a job that makes both kinds
// (the session archive) runs in this one worker instead of bringing a second one into memory.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
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

/**
 * V8's full collection, run after each paper. Left to itself, the worker's heap grew from paper to
 * paper with the garbage of the last (32 to 48 MB over a 10,000-member archive, which makes a dozen
 * papers one after another): collected after each, the archive raised the server's RSS by 89 MB from
 * an idle server instead of 98–104. It costs the worker some 10 ms a paper. Reached by exposing it to
 * a new context; a no-op where that fails.
 */
export const collectGarbage: () => void = (() => {
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : () => {};
  } catch {
    return () => {};
  }
})();

export default async function run(task: PaperTask): Promise<HeavyOutcome> {
  const outcome = await settle(() => perform(task));
  collectGarbage();
  return outcome;
}
