// Which font files the PDFs are set in, and whether they can be read: what the main thread needs to
// know before it hands a paper to the paper worker. Kept apart from pdf.ts so that the main thread
// never loads pdfkit (with fontkit and crypto-js, some 25 MB of a process's memory); only the worker does.
import { accessSync, constants } from 'node:fs';

/** A font file and, for a collection (.ttc), the PostScript name of the face inside it. */
export interface PdfFont {
  path: string;
  name: string;
}

/** Body text (仿宋's stand-in) and headings (黑体 / 小标宋's stand-in). */
export interface PdfFonts {
  serif: PdfFont;
  sans: PdfFont;
}

/** Whether both font files can be read (checked before any byte of an answer is sent). */
export function fontsReadable(fonts: PdfFonts): boolean {
  try {
    accessSync(fonts.serif.path, constants.R_OK);
    accessSync(fonts.sans.path, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}
