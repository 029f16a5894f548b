// An uploaded Word file (.docx) turned into a version's text with mammoth (a well-kept converter
// that reads the document's paragraphs and nothing executable). The original file is kept too.
// docxToMarkdown runs in the worker (src/workers/heavy-work.ts), after the zip passed its limits; it
// loads mammoth there, when first asked: the main thread imports this module for its checks and would
// otherwise keep mammoth and its dependencies (some 15 MB) in memory for nothing.
import { fail } from '../errors.js';
import { checkZip } from '../workers/zip-limits.js';
import { paragraphsToMarkdown } from './blocks.js';
import { MAX_TEXT } from './schemas.js';

export const MAX_DOCX_BYTES = 5 * 1024 * 1024;
export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** A .docx is a zip; anything else is refused by its bytes, whatever it is called. */
export function checkDocx(file: Buffer): void {
  if (file.length > MAX_DOCX_BYTES) fail('PAYLOAD_TOO_LARGE', { maxBytes: MAX_DOCX_BYTES });
  if (file.length < ZIP_MAGIC.length || !ZIP_MAGIC.every((byte, index) => file[index] === byte)) fail('DOCUMENT_FILE_TYPE');
}

export async function docxToMarkdown(file: Buffer): Promise<string> {
  checkDocx(file);
  await checkZip(file);
  const { default: mammoth } = await import('mammoth');
  let raw: string;
  try {
    raw = (await mammoth.extractRawText({ buffer: file })).value;
  } catch {
    return fail('DOCUMENT_FILE_UNREADABLE');
  }
  const markdown = paragraphsToMarkdown(raw);
  if (!markdown || markdown.length > MAX_TEXT) fail('DOCUMENT_FILE_UNREADABLE', { characters: markdown.length, max: MAX_TEXT });
  return markdown;
}

/** A file name safe to store and show. */
export function cleanDocxName(name: string): string {
  const base = (name.split(/[\\/]/).at(-1) ?? '').normalize('NFC');
  const cleaned = base
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this strips from a file name
    .replace(/[\u0000-\u001f\u007f"<>|*?:]/g, '')
    .trim()
    .slice(-120);
  return cleaned || '文件.docx';
}
