// Papers to PDF off the thread that answers votes: the fonts from the config, the layout in the
// heavy-work worker. A missing font is PDF_FONT_MISSING (503), found before anything is sent.
import type { AppContext } from '../context.js';
import { fail } from '../errors.js';
import type { OfficialDocument } from './official-document.js';
import { fontsReadable, type PdfFonts } from './pdf.js';

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
  const bytes = await context.heavyWork.run({ kind: 'pdf-render', document, fonts: pdfFonts(context.config) });
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
