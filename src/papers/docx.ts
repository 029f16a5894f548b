// An OfficialDocument as a .docx in the GB/T 9704-2012 layout (src/papers/layout.ts has the figures).
//
// Why the `docx` package and not a template engine (docxtemplater): the layout is the point of this
// file, and with `docx` every measure of it (page, margins, the 22 × 28 grid, each element's font and
// size) is a line of code that review reads and tests check; a template hides them in a binary that
// drifts when someone re-saves it in Word, and its loops over tables and headings become a template
// language of their own. What a template would give, a unit's own letterhead (红头), we do not
// support yet: these papers go out under the congress or its presidium, not as the unit's
// numbered documents, and a red band (发文机关标志 and the red rule) could be added as optional fields
// of OfficialDocument when a unit asks for it.
//
// Runs in the paper worker (task 'docx-render'), never on the thread that answers votes.
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { writtenDate } from './dates.js';
import { withFontTable } from './font-table.js';
import { CHARACTER, FONTS, type FontRole, GRID, PAGE, SIZE, signatureIndents, TEXT_WIDTH } from './layout.js';
import type { OfficialDocument, PaperBlock } from './official-document.js';
import { unpackRows } from './packed-rows.js';

const BLACK = '000000';

function fontOf(role: FontRole) {
  const { name } = FONTS[role];
  return { eastAsia: name, ascii: name, hAnsi: name, cs: name };
}

function run(text: string, role: FontRole = 'body', options: { size?: number; bold?: boolean } = {}): TextRun {
  return new TextRun({ text, font: fontOf(role), size: options.size ?? SIZE.三号, color: BLACK, ...(options.bold ? { bold: true } : {}) });
}

const blank = () => new Paragraph({ children: [] });
const indented = { firstLineChars: 200 };

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/** 一、 in 黑体, （一） in 楷体, 1. in 仿宋 bold: each indented two characters, like the body. */
function heading(level: 1 | 2 | 3, text: string): Paragraph {
  const role: FontRole = level === 1 ? 'heading1' : level === 2 ? 'heading2' : 'body';
  return new Paragraph({ indent: indented, keepNext: true, children: [run(text, role, { bold: level === 3 })] });
}

const thin = { style: BorderStyle.SINGLE, size: 4, color: BLACK };
const borders = { top: thin, bottom: thin, left: thin, right: thin, insideHorizontal: thin, insideVertical: thin };

function cell(text: string, width: number, header: boolean, columnSpan = 1): TableCell {
  const lines = text.split('\n');
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan,
    children: lines.map((line) => new Paragraph({ alignment: header ? AlignmentType.CENTER : AlignmentType.LEFT, children: [run(line, 'body', { size: SIZE.四号, bold: header })] })),
  });
}

/** Columns share the text block's width in the given proportions (equal when none are given). */
export function columnWidths(columns: number, weights?: readonly number[]): number[] {
  const given = weights && weights.length === columns && weights.every((weight) => weight > 0) ? weights : Array.from({ length: columns }, () => 1);
  const total = given.reduce((sum, weight) => sum + weight, 0);
  const widths = given.map((weight) => Math.floor((TEXT_WIDTH * weight) / total));
  widths[widths.length - 1]! += TEXT_WIDTH - widths.reduce((sum, width) => sum + width, 0);
  return widths;
}

function table(block: Extract<PaperBlock, { kind: 'table' | 'packedTable' }>): Table {
  const widths = columnWidths(block.header.length, block.widths);
  const header = new TableRow({ tableHeader: true, cantSplit: true, children: block.header.map((text, index) => cell(text, widths[index]!, true)) });
  const given = block.kind === 'table' ? block.rows : [...unpackRows(block.packed)];
  const rows = given.length
    ? given.map((row) => new TableRow({ cantSplit: true, children: widths.map((width, index) => cell(row[index] ?? '', width, false)) }))
    : [new TableRow({ children: [cell('（无）', TEXT_WIDTH, false, widths.length)] })];
  return new Table({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, borders, rows: [header, ...rows] });
}

function block(entry: PaperBlock): (Paragraph | Table)[] {
  switch (entry.kind) {
    case 'heading':
      return [heading(entry.level, entry.text)];
    case 'paragraph':
      return [
        new Paragraph({
          alignment: entry.align ? ALIGN[entry.align] : AlignmentType.JUSTIFIED,
          ...(entry.indent === false ? {} : { indent: indented }),
          children: [run(entry.text)],
        }),
      ];
    case 'table':
    case 'packedTable':
      // A paragraph after the table keeps Word from joining it to a table that follows.
      return [table(entry), blank()];
    case 'hash':
      return [
        new Paragraph({ indent: indented, children: [run(`${entry.label}：`, 'body', { size: SIZE.四号 })] }),
        ...entry.lines.map((line) => new Paragraph({ indent: indented, children: [new TextRun({ text: line, font: 'Courier New', size: SIZE.四号, color: BLACK })] })),
      ];
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
    case 'title':
      return titleLines(entry.text, entry.subtitle);
    case 'signature':
      return signing(entry);
  }
}

/** The title in 2号小标宋 and the subtitle (题注) in 3号楷体, centred, then a blank line. */
function titleLines(title: string, subtitle: string | undefined): Paragraph[] {
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run(title, 'title', { size: SIZE.二号 })] }),
    ...(subtitle ? [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(subtitle, 'heading2')] })] : []),
    blank(),
  ];
}

/** 附件：1．… with the later ones under the first's name (GB/T 9704 7.3.4). */
function attachments(names: readonly string[]): Paragraph[] {
  if (names.length === 0) return [];
  if (names.length === 1) return [blank(), new Paragraph({ indent: indented, children: [run(`附件：${names[0]}`)] })];
  return [blank(), ...names.map((name, index) => new Paragraph({ indent: { firstLineChars: index === 0 ? 200 : 500 }, children: [run(`${index === 0 ? '附件：' : ''}${index + 1}．${name}`)] }))];
}

function signing(document: Pick<OfficialDocument, 'signature' | 'date'>): Paragraph[] {
  const date = document.date ? writtenDate(document.date) : '';
  if (!document.signature && !date) return [];
  const indents = signatureIndents(document.signature ?? '', date);
  const line = (text: string, chars: number) => new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: Math.round(chars * CHARACTER) }, children: [run(text)] });
  return [blank(), ...(document.signature ? [line(document.signature, indents.signature)] : []), ...(date ? [line(date, indents.date)] : [])];
}

/** Page numbers in 4号宋体 between dashes: odd pages on the right, even pages on the left, one character in (GB/T 9704 7.5). */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const children: ParagraphChild[] = [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: fontOf('pageNumber'), size: SIZE.四号, color: BLACK })];
  const oneCharacter = SIZE.四号 * 10;
  return new Footer({
    children: [new Paragraph({ alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT, indent: side === 'odd' ? { right: oneCharacter } : { left: oneCharacter }, children })],
  });
}

function body(document: OfficialDocument): (Paragraph | Table)[] {
  return [
    ...titleLines(document.title, document.subtitle),
    ...(document.recipient ? [new Paragraph({ children: [run(document.recipient)] })] : []),
    ...document.blocks.flatMap(block),
    ...attachments(document.attachments ?? []),
    ...signing(document),
  ];
}

export async function renderDocx(document: OfficialDocument): Promise<Buffer> {
  const file = new Document({
    creator: 'Yishi 议事',
    title: document.title,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: fontOf('body'), size: SIZE.三号, color: BLACK } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, left: PAGE.left, right: PAGE.right, bottom: PAGE.bottom, header: PAGE.header, footer: PAGE.footer },
          },
          grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: GRID.linePitch, charSpace: GRID.charSpace },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children: body(document),
      },
    ],
  });
  return withFontTable(await Packer.toBuffer(file));
}
