// An OfficialDocument as PDF (pdfkit), on the GB/T 9704-2012 page: A4, top margin 37 mm, left 28 mm,
// a text block of 156 × 225 mm with 22 lines, the page number "— N —" at the foot. The font is an
// embedded CJK serif (Debian's fonts-noto-cjk by default), headings in a bold face or the same face
// made bold, subset by pdfkit. Runs in the PDF worker (src/workers/paper-work.ts): a long table is
// hundreds of pages of text layout.
// First: pdfkit then finds a slim crypto-js in the module cache.
import './pdfkit-crypto.js';
import PDFDocument from 'pdfkit';
import { writtenDate } from './dates.js';
import { type FontFile, openFontFile, type ParsedFont, withOutlinesOnDemand } from './font-file.js';
import type { OfficialDocument, PaperBlock } from './official-document.js';
import { unpackRows } from './packed-rows.js';
import type { PdfFont, PdfFonts } from './pdf-fonts.js';

const MM = 72 / 25.4;
const PAGE = { top: 37 * MM, left: 28 * MM, width: 156 * MM, height: 225 * MM };
/** 22 lines to the text block. */
const LINE = PAGE.height / 22;
/** 2号, 3号, 4号 and 小四 in points. */
const SIZE = { title: 22, body: 16, footer: 14, table: 12 } as const;
const CELL_PADDING = 4;

type Pdf = PDFKit.PDFDocument;

/** The date as a Chinese official date: 2026-12-03 → 2026年12月3日 (the .docx writes it the same way). */
export { writtenDate as chineseDate };

/**
 * Documents whose headings have no face of their own (one font file, the default: the PDF worker then
 * keeps 26 MB instead of 46). Their 'sans' is the serif, filled and stroked: a faux bold.
 */
const oneFace = new WeakSet<Pdf>();
/** The stroke that thickens a faux-bold stroke by about a twentieth of an em each side. */
const FAUX_BOLD_STROKE = 1 / 30;

function useFont(pdf: Pdf, face: 'serif' | 'sans', size: number): number {
  pdf.font(oneFace.has(pdf) ? 'serif' : face).fontSize(size);
  // The gap that makes a line of this size take its share of the 22-line block.
  return Math.max(0, LINE * (size / SIZE.body) - pdf.currentLineHeight());
}

/**
 * pdfkit keeps the layout of every word it has set for the life of the document (EmbeddedFont's
 * layoutCache, not public API): 10,000 names and staff numbers made it ~50 MB. Emptied at each page,
 * it still serves the words a page repeats (代表团, 已签到). Without the cache the same words are laid
 * out again: four times slower.
 */
function forgetLayouts(pdf: Pdf): void {
  for (const font of embeddedFonts(pdf)) if (font.layoutCache) font.layoutCache = Object.create(null);
}

interface PlainGlyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}
interface EmbeddedFontInternals {
  font?: ParsedFont & { glyphsForString?: (text: string) => PlainGlyph[] };
  scale?: number;
  layoutRun?: (text: string, features?: unknown) => unknown;
  layoutCache?: unknown;
}

function embeddedFonts(pdf: Pdf): EmbeddedFontInternals[] {
  const families = (pdf as unknown as { _fontFamilies?: Record<string, EmbeddedFontInternals> })._fontFamilies ?? {};
  return [...new Set(Object.values(families))];
}

/**
 * Chinese text needs no shaping: one glyph a character, each its own advance. pdfkit lays every word
 * out with fontkit's OpenType engine, which parses the CJK font's GSUB/GPOS tables (megabytes of
 * objects in the worker's heap) to change nothing. The font's layoutRun (not public API) is replaced
 * by the cmap lookup and the advance widths alone; features (never asked for here) keep pdfkit's.
 */
function layOutPlainly(embedded: EmbeddedFontInternals): void {
  const { font, scale, layoutRun } = embedded;
  if (!font?.glyphsForString || scale === undefined || !layoutRun) return;
  const original = layoutRun.bind(embedded);
  embedded.layoutRun = (text: string, features?: unknown) => {
    if (features) return original(text, features);
    const glyphs = font.glyphsForString!(text);
    const positions = glyphs.map((glyph) => ({ xAdvance: glyph.advanceWidth * scale, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: glyph.advanceWidth * scale }));
    return { glyphs, positions, advanceWidth: positions.reduce((sum, position) => sum + position.xAdvance, 0) };
  };
}

/** "— N —" centred 7 mm under the text block; drawn with the bottom margin lifted, so it makes no new page. */
function drawPageNumber(pdf: Pdf, number: number): void {
  const { x, y } = pdf;
  const bottom = pdf.page.margins.bottom;
  pdf.page.margins.bottom = 0;
  useFont(pdf, 'serif', SIZE.footer);
  pdf.text(`— ${number} —`, PAGE.left, PAGE.top + PAGE.height + 7 * MM, { width: PAGE.width, align: 'center', lineBreak: false });
  pdf.page.margins.bottom = bottom;
  pdf.x = x;
  pdf.y = y;
}

/** For text in `face`: a faux bold where headings have no face of their own, nothing otherwise. */
function boldOptions(pdf: Pdf, face: 'serif' | 'sans', size: number): PDFKit.Mixins.TextOptions {
  if (face === 'serif' || !oneFace.has(pdf)) return {};
  pdf.lineWidth(size * FAUX_BOLD_STROKE);
  return { fill: true, stroke: true };
}

function writeLine(pdf: Pdf, text: string, face: 'serif' | 'sans', size: number, options: PDFKit.Mixins.TextOptions): void {
  const lineGap = useFont(pdf, face, size);
  pdf.text(text, PAGE.left, pdf.y, { width: PAGE.width, lineGap, ...boldOptions(pdf, face, size), ...options });
}

function writeBlock(pdf: Pdf, block: PaperBlock): void {
  switch (block.kind) {
    case 'heading':
      writeLine(pdf, block.text, block.level === 1 ? 'sans' : 'serif', SIZE.body, { indent: SIZE.body * 2 });
      return;
    case 'paragraph':
      writeLine(pdf, block.text, 'serif', SIZE.body, { indent: block.indent === false ? 0 : SIZE.body * 2, align: block.align ?? 'justify' });
      return;
    case 'table':
    case 'packedTable':
      writeTable(pdf, block);
      return;
    case 'hash':
      writeHash(pdf, block);
      return;
    case 'pageBreak':
      pdf.addPage();
      return;
    case 'title':
      writeTitle(pdf, block.text, block.subtitle);
      return;
    case 'signature':
      writeSigning(pdf, block);
      return;
    default:
      block satisfies never;
  }
}

/** The label in the body face, then the value in Courier (one of PDF's standard fonts: nothing embedded), 小四. */
function writeHash(pdf: Pdf, block: Extract<PaperBlock, { kind: 'hash' }>): void {
  writeLine(pdf, `${block.label}：`, 'serif', SIZE.table, { indent: SIZE.body * 2 });
  pdf.font('Courier').fontSize(SIZE.table);
  for (const line of block.lines) pdf.text(line, PAGE.left + SIZE.body * 2, pdf.y, { width: PAGE.width - SIZE.body * 2, lineGap: 2 });
  pdf.y += LINE / 4;
}

function writeTitle(pdf: Pdf, title: string, subtitle: string | undefined): void {
  writeLine(pdf, title, 'sans', SIZE.title, { align: 'center' });
  if (subtitle) writeLine(pdf, subtitle, 'serif', SIZE.body, { align: 'center' });
  pdf.y += LINE;
}

/** The signing body and the date, right-aligned, four characters in from the edge (GB/T 9704 §7.3.5.1). */
function writeSigning(pdf: Pdf, { signature, date }: { signature?: string; date?: string }): void {
  if (!signature && !date) return;
  pdf.y += LINE;
  const signing = { align: 'right' as const, width: PAGE.width - SIZE.body * 4 };
  if (signature) writeLine(pdf, signature, 'serif', SIZE.body, signing);
  if (date) writeLine(pdf, writtenDate(date), 'serif', SIZE.body, signing);
}

/** A grid in 小四; a row that does not fit goes to the next page under a repeated header. */
function writeTable(pdf: Pdf, table: Extract<PaperBlock, { kind: 'table' | 'packedTable' }>): void {
  const relative = table.widths ?? table.header.map(() => 1);
  const total = relative.reduce((sum, width) => sum + width, 0);
  const widths = relative.map((width) => (width / total) * PAGE.width);
  const lineGap = useFont(pdf, 'serif', SIZE.table) / 2;
  const oneLine = pdf.currentLineHeight(true) + lineGap;
  const bottom = PAGE.top + PAGE.height;
  // No glyph is wider than 1 em: a cell of n characters in n em fits on one line without laying it
  // out (most cells: names, numbers, statuses), which halves the time of a 10,000-row list.
  const fitsOneLine = (cell: string, index: number) => cell.length * SIZE.table <= widths[index]! - 2 * CELL_PADDING && !cell.includes('\n');
  const heightOf = (cells: readonly string[]) =>
    Math.max(...cells.map((cell, index) => (fitsOneLine(cell, index) ? oneLine : pdf.heightOfString(cell, { width: widths[index]! - 2 * CELL_PADDING, lineGap })))) + 2 * CELL_PADDING;
  const drawRow = (cells: readonly string[], height: number, face: 'serif' | 'sans') => {
    pdf.font(oneFace.has(pdf) ? 'serif' : face);
    let x = PAGE.left;
    const y = pdf.y;
    cells.forEach((cell, index) => {
      const width = widths[index]!;
      pdf.rect(x, y, width, height).lineWidth(0.5).stroke();
      const bold = boldOptions(pdf, face, SIZE.table);
      pdf.text(cell, x + CELL_PADDING, y + CELL_PADDING, { width: width - 2 * CELL_PADDING, lineGap, lineBreak: !fitsOneLine(cell, index), ...bold });
      x += width;
    });
    pdf.x = PAGE.left;
    pdf.y = y + height;
  };
  const headerHeight = heightOf(table.header);
  pdf.y += LINE / 4;
  if (pdf.y + headerHeight + oneLine > bottom) pdf.addPage();
  drawRow(table.header, headerHeight, 'sans');
  for (const row of table.kind === 'table' ? table.rows : unpackRows(table.packed)) {
    const cells = table.header.map((_, index) => row[index] ?? '');
    const height = heightOf(cells);
    if (pdf.y + height > bottom) {
      pdf.addPage();
      drawRow(table.header, headerHeight, 'sans');
    }
    drawRow(cells, height, 'serif');
  }
  pdf.y += LINE / 2;
}

function writeDocument(pdf: Pdf, document: OfficialDocument): void {
  writeTitle(pdf, document.title, document.subtitle);
  if (document.recipient) writeLine(pdf, document.recipient, 'serif', SIZE.body, {});
  for (const block of document.blocks) writeBlock(pdf, block);
  if (document.attachments?.length) {
    pdf.y += LINE;
    document.attachments.forEach((attachment, index) => {
      const label = index === 0 ? '附件：' : '　　　';
      writeLine(pdf, `${label}${document.attachments!.length > 1 ? `${index + 1}. ` : ''}${attachment}`, 'serif', SIZE.body, { indent: SIZE.body * 2 });
    });
  }
  writeSigning(pdf, { ...(document.signature ? { signature: document.signature } : {}), ...(document.date ? { date: document.date } : {}) });
}

interface PdfkitInternals {
  _fontFamilies?: Record<string, EmbeddedFontInternals>;
  _fontCount?: number;
}
/** pdfkit's EmbeddedFont (not exported): taken from the first face pdfkit embeds itself. */
type EmbeddedFontClass = new (pdf: Pdf, font: ParsedFont, id: string) => EmbeddedFontInternals;
let EmbeddedFont: EmbeddedFontClass | undefined;

/**
 * Makes `face` the document's font of that name, before any text is set with it. pdfkit would parse
 * the font file for each document (fontkit.create: 16 MB of objects for a CJK face, garbage a
 * document later); a face is parsed once per thread instead, the first time, and later documents
 * embed the same parsed face (fontkit's objects are only read, and each document makes its own
 * subset). Either way the face reads its outlines on demand (font-file.ts) and lays text out plainly.
 */
function embedFace(pdf: Pdf, face: 'serif' | 'sans', font: PdfFont): void {
  const file = fontFile(font.path);
  const internals = pdf as unknown as PdfkitInternals;
  const parsed = file.parsed.get(font.name);
  pdf.registerFont(face, file.bytes, font.name);
  if (parsed && EmbeddedFont && internals._fontFamilies && internals._fontCount !== undefined) {
    // Where pdfkit's font() would put the face it parses (its cache by the registered name).
    internals._fontFamilies[face] = new EmbeddedFont(pdf, parsed, `F${++internals._fontCount}`);
  }
  pdf.font(face);
  const embedded = internals._fontFamilies?.[face];
  if (!embedded?.font) return;
  // Were pdfkit's parse not the one in file.parsed, it is wrapped here: still before any glyph is read.
  withOutlinesOnDemand(embedded.font, file);
  if (!parsed && embedded.font.stream?.buffer === file.bytes) {
    file.parsed.set(font.name, embedded.font);
    EmbeddedFont ??= embedded.constructor as unknown as EmbeddedFontClass;
  }
  layOutPlainly(embedded);
}

/**
 * The font files, read once per thread: pdfkit would read each (20–27 MB) again for every document,
 * and an archive makes dozens. The worker that keeps them exits when idle (PAPER_WORK_DEFAULTS).
 */
const fontFiles = new Map<string, FontFile>();
function fontFile(path: string): FontFile {
  let file = fontFiles.get(path);
  if (!file) {
    file = openFontFile(path);
    fontFiles.set(path, file);
  }
  return file;
}

/** The PDF's bytes. Throws if a font cannot be read (the caller checks the files first: PDF_FONT_MISSING). */
export function renderPdf(document: OfficialDocument, fonts: PdfFonts): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    autoFirstPage: false,
    margins: { top: PAGE.top, left: PAGE.left, right: 210 * MM - PAGE.left - PAGE.width, bottom: 297 * MM - PAGE.top - PAGE.height },
    info: { Title: document.title, Creator: 'Yishi 议事' },
    lang: 'zh-CN',
  });
  // The same face registered twice would be parsed and embedded twice: it is used as 'serif' instead.
  if (fonts.sans.path === fonts.serif.path && fonts.sans.name === fonts.serif.name) oneFace.add(pdf);
  embedFace(pdf, 'serif', fonts.serif);
  if (!oneFace.has(pdf)) embedFace(pdf, 'sans', fonts.sans);
  // The output is read as it is made, at each new page (the last page's objects are written by then)
  // and whenever the stream has more, not through 'data' events: the layout is synchronous, so the
  // stream would hold every chunk until it ends, and a page's compressed content is a slice of zlib's
  // 16 KB output buffer (7 MB of them for a 450-page list). A slice is copied out of its buffer.
  const chunks: Buffer[] = [];
  const drain = () => {
    for (let chunk: Buffer | null = pdf.read(); chunk !== null; chunk = pdf.read()) chunks.push(chunk.byteLength * 2 < chunk.buffer.byteLength ? Buffer.from(chunk) : chunk);
  };
  let pages = 0;
  pdf.on('pageAdded', () => {
    drain();
    forgetLayouts(pdf);
    drawPageNumber(pdf, ++pages);
  });
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('readable', drain);
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  pdf.addPage();
  writeDocument(pdf, document);
  pdf.end();
  return done;
}
