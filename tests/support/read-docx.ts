// Opens a .docx the server wrote and reads what the official layout (GB/T 9704-2012) is checked by:
// the page and its margins, the document grid, each paragraph with its alignment, indent, fonts and
// sizes, the footers and the font table. Written against the WordprocessingML itself, not against
// the renderer's code, so a test reads what Word would. jszip and @xmldom/xmldom come with mammoth.
import { DOMParser } from '@xmldom/xmldom';
import JSZip from 'jszip';
import { expect } from 'vitest';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export interface DocxRun {
  text: string;
  /** w:rFonts of the run, else of the document defaults. */
  fonts: { eastAsia: string | null; ascii: string | null; hAnsi: string | null };
  /** Half-points (w:sz): 44 is 2号, 32 is 3号, 28 is 4号. */
  size: number | null;
  bold: boolean;
  color: string | null;
}

export interface DocxParagraph {
  text: string;
  /** w:jc: left, center, right, both; null when not set (left). */
  align: string | null;
  indent: { firstLineChars: number | null; right: number | null; left: number | null };
  runs: DocxRun[];
  inTable: boolean;
}

export interface DocxTable {
  rows: string[][];
  headerRepeats: boolean;
  bordered: boolean;
}

export interface DocxSection {
  page: { width: number; height: number };
  margins: { top: number; right: number; bottom: number; left: number; header: number; footer: number };
  grid: { type: string | null; linePitch: number; charSpace: number };
}

export interface ReadDocx {
  /** Every paragraph's text, one line each (table cells included). */
  text: string;
  paragraphs: DocxParagraph[];
  tables: DocxTable[];
  sectionProperties: DocxSection;
  /** The document defaults (styles.xml w:docDefaults). */
  defaults: { fonts: DocxRun['fonts']; size: number | null; color: string | null };
  /** The font table: each name with its w:altName. */
  fonts: { name: string; altName: string | null }[];
  /** The footers' text and whether each holds a PAGE field. */
  footers: { name: string; text: string; pageField: boolean; align: string | null }[];
  /** Whether odd and even pages have footers of their own (settings.xml w:evenAndOddHeaders). */
  evenAndOddFooters: boolean;
  /** The parts of the package, to read anything else. */
  parts: Map<string, string>;
}

const attribute = (element: Element | undefined | null, name: string): string | null => (element ? element.getAttributeNS(W, name) || element.getAttribute(`w:${name}`) || null : null);
const numberOf = (value: string | null): number | null => (value === null ? null : Number(value));

function children(element: Element, name: string): Element[] {
  const found: Element[] = [];
  for (let node = element.firstChild; node; node = node.nextSibling) if (node.nodeType === 1 && (node as Element).localName === name) found.push(node as Element);
  return found;
}
const child = (element: Element | undefined | null, name: string): Element | undefined => (element ? children(element, name)[0] : undefined);
const descendants = (element: Element, name: string): Element[] => Array.from(element.getElementsByTagNameNS(W, name) as unknown as ArrayLike<Element>);

function isInTable(element: Element): boolean {
  for (let node = element.parentNode; node; node = node.parentNode) if ((node as Element).localName === 'tc') return true;
  return false;
}

function fontsOf(properties: Element | undefined): DocxRun['fonts'] {
  const fonts = child(properties, 'rFonts');
  return { eastAsia: attribute(fonts, 'eastAsia'), ascii: attribute(fonts, 'ascii'), hAnsi: attribute(fonts, 'hAnsi') };
}

function readRun(run: Element, defaults: ReadDocx['defaults']): DocxRun {
  const properties = child(run, 'rPr');
  const own = fontsOf(properties);
  const bold = child(properties, 'b');
  return {
    text: descendants(run, 't')
      .map((node) => node.textContent ?? '')
      .join(''),
    fonts: own.eastAsia || own.ascii ? own : defaults.fonts,
    size: numberOf(attribute(child(properties, 'sz'), 'val')) ?? defaults.size,
    bold: bold !== undefined && attribute(bold, 'val') !== 'false' && attribute(bold, 'val') !== '0',
    color: attribute(child(properties, 'color'), 'val') ?? defaults.color,
  };
}

function readParagraph(paragraph: Element, defaults: ReadDocx['defaults']): DocxParagraph {
  const properties = child(paragraph, 'pPr');
  const indent = child(properties, 'ind');
  const runs = descendants(paragraph, 'r').map((run) => readRun(run, defaults));
  return {
    text: runs.map((run) => run.text).join(''),
    align: attribute(child(properties, 'jc'), 'val'),
    indent: { firstLineChars: numberOf(attribute(indent, 'firstLineChars')), right: numberOf(attribute(indent, 'right')), left: numberOf(attribute(indent, 'left')) },
    runs,
    inTable: isInTable(paragraph),
  };
}

function readTable(table: Element): DocxTable {
  const rows = children(table, 'tr');
  const borders = child(child(table, 'tblPr'), 'tblBorders');
  return {
    rows: rows.map((row) =>
      children(row, 'tc').map((cell) =>
        descendants(cell, 'p')
          .map((paragraph) =>
            descendants(paragraph, 't')
              .map((node) => node.textContent ?? '')
              .join(''),
          )
          .join('\n'),
      ),
    ),
    headerRepeats: rows[0] !== undefined && child(child(rows[0], 'trPr'), 'tblHeader') !== undefined,
    bordered: borders !== undefined && ['top', 'bottom', 'insideH', 'insideV'].every((side) => attribute(child(borders, side), 'val') === 'single'),
  };
}

function readSection(section: Element): DocxSection {
  const size = child(section, 'pgSz');
  const margin = child(section, 'pgMar');
  const grid = child(section, 'docGrid');
  const read = (element: Element | undefined, name: string) => Number(attribute(element, name) ?? Number.NaN);
  return {
    page: { width: read(size, 'w'), height: read(size, 'h') },
    margins: { top: read(margin, 'top'), right: read(margin, 'right'), bottom: read(margin, 'bottom'), left: read(margin, 'left'), header: read(margin, 'header'), footer: read(margin, 'footer') },
    grid: { type: attribute(grid, 'type'), linePitch: read(grid, 'linePitch'), charSpace: read(grid, 'charSpace') },
  };
}

const parse = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml').documentElement as unknown as Element;

export async function readDocx(buffer: Buffer | Uint8Array): Promise<ReadDocx> {
  const zip = await JSZip.loadAsync(buffer);
  const parts = new Map<string, string>();
  for (const [name, file] of Object.entries(zip.files)) if (!file.dir && /\.(xml|rels)$/.test(name)) parts.set(name, await file.async('string'));
  const document = parse(parts.get('word/document.xml') ?? '');
  const stylesDefaults = child(child(child(parts.has('word/styles.xml') ? parse(parts.get('word/styles.xml')!) : undefined, 'docDefaults'), 'rPrDefault'), 'rPr');
  const defaults = { fonts: fontsOf(stylesDefaults), size: numberOf(attribute(child(stylesDefaults, 'sz'), 'val')), color: attribute(child(stylesDefaults, 'color'), 'val') };
  const paragraphs = descendants(document, 'p').map((paragraph) => readParagraph(paragraph, defaults));
  const section = descendants(document, 'sectPr').at(-1);
  if (!section) throw new Error('word/document.xml has no section properties');
  const fontTable = parts.has('word/fontTable.xml') ? descendants(parse(parts.get('word/fontTable.xml')!), 'font') : [];
  const footers = [...parts.entries()]
    .filter(([name]) => /^word\/footer\d*\.xml$/.test(name))
    .map(([name, xml]) => {
      const root = parse(xml);
      const paragraph = descendants(root, 'p')[0];
      return {
        name,
        text: descendants(root, 't')
          .map((node) => node.textContent ?? '')
          .join(''),
        pageField:
          descendants(root, 'instrText').some((node) => /\bPAGE\b/.test(node.textContent ?? '')) || descendants(root, 'fldSimple').some((node) => /\bPAGE\b/.test(attribute(node, 'instr') ?? '')),
        align: paragraph ? attribute(child(child(paragraph, 'pPr'), 'jc'), 'val') : null,
      };
    });
  const settings = parts.has('word/settings.xml') ? parse(parts.get('word/settings.xml')!) : undefined;
  return {
    text: paragraphs.map((paragraph) => paragraph.text).join('\n'),
    paragraphs,
    tables: descendants(document, 'tbl').map(readTable),
    sectionProperties: readSection(section),
    defaults,
    fonts: fontTable.map((font) => ({ name: attribute(font, 'name') ?? '', altName: attribute(child(font, 'altName'), 'val') })),
    footers,
    evenAndOddFooters: settings !== undefined && child(settings, 'evenAndOddHeaders') !== undefined,
    parts,
  };
}

/** Millimetres of a length in twips (1/1440 inch). */
export const millimetres = (twips: number): number => (twips * 25.4) / 1440;

/**
 * The page setup every paper shares, checked against GB/T 9704-2012 in its own units: A4, top margin
 * 37 ± 1 mm, left 28 ± 1 mm, a text block of 156 × 225 mm, a grid of 22 lines of 28 characters, 3号
 * (16 pt) 仿宋 by default in black, and a PAGE field in the footers.
 */
export function expectOfficialLayout(docx: ReadDocx): void {
  const { page, margins, grid } = docx.sectionProperties;
  expect(page).toEqual({ width: 11906, height: 16838 });
  expect(Math.abs(margins.top - 2098)).toBeLessThanOrEqual(57);
  expect(Math.abs(margins.left - 1587)).toBeLessThanOrEqual(57);
  const width = page.width - margins.left - margins.right;
  const height = page.height - margins.top - margins.bottom;
  expect(millimetres(width)).toBeCloseTo(156, 0);
  expect(millimetres(height)).toBeCloseTo(225, 0);
  expect(grid.type).toBe('linesAndChars');
  // 22 lines fill the block (the pitch is the largest that fits 22)…
  expect(Math.floor(height / grid.linePitch)).toBe(22);
  expect(millimetres(grid.linePitch * 22)).toBeGreaterThan(224);
  // …and 28 characters the line: the pitch is the default size (16 pt) plus charSpace/4096 pt.
  expect(docx.defaults.size).toBe(32);
  const characterPitch = (docx.defaults.size! / 2 + grid.charSpace / 4096) * 20;
  expect(Math.floor(width / characterPitch)).toBe(28);
  expect(docx.defaults.fonts.eastAsia).toBe('仿宋_GB2312');
  expect(docx.defaults.color).toBe('000000');
  expect(docx.footers.length).toBeGreaterThan(0);
  for (const footer of docx.footers) expect(footer.pageField).toBe(true);
}
