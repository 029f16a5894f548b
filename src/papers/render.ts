// Papers to PDF off the thread that answers votes: the fonts from the config, the layout in the
// heavy-work worker. A missing font is PDF_FONT_MISSING (503), found before anything is sent.
import type { AppContext } from '../context.js';
import { fail } from '../errors.js';
import type { OfficialDocument } from './official-document.js';
import { fontsReadable, type PdfFonts } from './pdf.js';

/**
 * Laying out text is ~1 ms a table row on this machine (fontkit's shaping of a CJK font): a 10,000-name
 * attendance list takes 10–15 s, past the pool's 10 s meant for uploads.
 */
const PDF_TIMEOUT_MS = 120_000;

export type PaperDeps = Pick<AppContext, 'config' | 'heavyWork'>;

export function pdfFonts(config: AppContext['config']): PdfFonts {
  return { serif: { path: config.PDF_FONT_SERIF, name: config.PDF_FONT_SERIF_NAME }, sans: { path: config.PDF_FONT_SANS, name: config.PDF_FONT_SANS_NAME } };
}

/** Fails with PDF_FONT_MISSING unless both configured fonts can be read. */
export function assertPdfFonts(config: AppContext['config']): void {
  if (!fontsReadable(pdfFonts(config))) fail('PDF_FONT_MISSING', { serif: config.PDF_FONT_SERIF, sans: config.PDF_FONT_SANS });
}

export async function renderPaperPdf(context: PaperDeps, document: OfficialDocument): Promise<Buffer> {
  assertPdfFonts(context.config);
  const bytes = await context.heavyWork.run({ kind: 'pdf-render', document, fonts: pdfFonts(context.config) }, { timeoutMs: PDF_TIMEOUT_MS });
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
