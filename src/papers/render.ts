// Papers to PDF off the thread that answers votes: the fonts from the config, the layout in the PDF
// worker (context.paperWork). A missing font is PDF_FONT_MISSING (503), found before anything is
// sent; a PDF past the pool's 120 s is PAPER_TOO_SLOW.
import type { AppContext } from '../context.js';
import { fail } from '../errors.js';
import type { OfficialDocument } from './official-document.js';
import { fontsReadable, type PdfFonts } from './pdf-fonts.js';

export type PaperDeps = Pick<AppContext, 'config' | 'paperWork'>;

/** The configured fonts; without PDF_FONT_SANS the headings are the body's face (made bold by pdf.ts). */
export function pdfFonts(config: AppContext['config']): PdfFonts {
  const serif = { path: config.PDF_FONT_SERIF, name: config.PDF_FONT_SERIF_NAME };
  const sans = config.PDF_FONT_SANS && config.PDF_FONT_SANS_NAME ? { path: config.PDF_FONT_SANS, name: config.PDF_FONT_SANS_NAME } : serif;
  return { serif, sans };
}

/** Fails with PDF_FONT_MISSING unless the configured fonts can be read. */
export function assertPdfFonts(config: AppContext['config']): void {
  const fonts = pdfFonts(config);
  if (!fontsReadable(fonts)) fail('PDF_FONT_MISSING', { serif: fonts.serif.path, sans: fonts.sans.path });
}

export async function renderPaperPdf(context: PaperDeps, document: OfficialDocument): Promise<Buffer> {
  assertPdfFonts(context.config);
  const bytes = await context.paperWork.run({ kind: 'pdf-render', document, fonts: pdfFonts(context.config) });
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
