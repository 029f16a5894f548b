// A CJK font file in memory without its glyph outlines. NotoSerifCJK-Regular.ttc is 26 MB, and 22 MB
// of it are the CFF CharStrings (the outlines of 65,535 glyphs) of which a document uses a few hundred.
// The file is read into a buffer whose pages are mapped on demand (a resizable ArrayBuffer: V8
// reserves it with mmap, and a page costs memory only once written): every byte except the
// CharStrings' data is read at once; a glyph's outline is read from the file when fontkit asks for it
// (withOutlinesOnDemand). Anything the parser below does not recognise (a CFF2 font, a TrueType font,
// a damaged table) is read whole, as before.
import { closeSync, openSync, readSync, statSync } from 'node:fs';

/** A byte range of the file: [start, end). */
interface Range {
  start: number;
  end: number;
}

export interface FontFile {
  /** The file's bytes; those in `outlines` are zero until `load` reads them. */
  bytes: Buffer;
  /** The CharStrings data of each CFF table: read on demand. Empty when the file was read whole. */
  outlines: readonly Range[];
  /** Reads [offset, offset + length) from the file, once. */
  load(offset: number, length: number): void;
  /** The faces parsed from it, by PostScript name (pdf.ts embeds each in every document). */
  parsed: Map<string, ParsedFont>;
}

interface CharString {
  offset: number;
  length: number;
}

/** What this module reads of a fontkit font (its API is untyped here). */
export interface ParsedFont {
  stream?: { buffer?: unknown };
  'CFF '?: { topDict?: { CharStrings?: CharString[] } };
}

const wrapped = new WeakSet<object>();

/**
 * Makes `font` (fontkit's, parsed from `file.bytes`) read each glyph's outline from the file the first
 * time fontkit reads it. Every read of an outline goes through the CFF table's CharStrings list
 * (fontkit's getCharString and a glyph's path alike), which is wrapped here. If the list is not where
 * openFontFile found it, all the outlines are read at once instead: never a glyph of zeros. Call it
 * before the font's first glyph is drawn; calling it again does nothing.
 */
export function withOutlinesOnDemand(font: ParsedFont, file: FontFile): void {
  if (wrapped.has(font) || file.outlines.length === 0) return;
  wrapped.add(font);
  const topDict = font['CFF ']?.topDict;
  const charStrings = topDict?.CharStrings;
  const first = charStrings?.[0];
  const last = charStrings?.at(-1);
  const matches = first && last && file.outlines.some((outline) => outline.start === first.offset && outline.end === last.offset + last.length);
  if (!topDict || !charStrings || !matches) {
    for (const outline of file.outlines) file.load(outline.start, outline.end - outline.start);
    return;
  }
  topDict.CharStrings = new Proxy(charStrings, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof key === 'string' && typeof value === 'object' && value !== null && 'offset' in value) {
        const { offset, length } = value as CharString;
        file.load(offset, length);
      }
      return value;
    },
  });
}

/** ES2024's resizable ArrayBuffer (Node 20 has it; TypeScript's ES2022 lib does not know the option). */
const ResizableArrayBuffer = ArrayBuffer as unknown as new (size: number, options: { maxByteLength: number }) => ArrayBuffer;

/** Reads [start, end) of the file into the buffer (again, if it was read: the parser's reads are a few hundred bytes). */
type Read = (start: number, end: number) => void;

const tag = (bytes: Buffer, at: number) => bytes.toString('latin1', at, at + 4);

/** A CFF INDEX at `at`: where its data begins, its entries' offsets (CFF counts them from 1) and where it ends. */
function readIndex(bytes: Buffer, read: Read, at: number): { dataStart: number; offsets: number[]; end: number } {
  read(at, at + 3);
  const count = bytes.readUInt16BE(at);
  if (count === 0) return { dataStart: at + 2, offsets: [], end: at + 2 };
  const offSize = bytes.readUInt8(at + 2);
  if (offSize < 1 || offSize > 4) throw new Error(`bad CFF INDEX offset size ${offSize}`);
  read(at + 3, at + 3 + (count + 1) * offSize);
  const offsets = Array.from({ length: count + 1 }, (_, index) => bytes.readUIntBE(at + 3 + index * offSize, offSize));
  const dataStart = at + 3 + (count + 1) * offSize - 1;
  return { dataStart, offsets, end: dataStart + offsets[count]! };
}

/** The CharStrings offset (operator 17) in a CFF Top DICT: the operand before it. */
function charStringsOffset(bytes: Buffer, start: number, end: number): number {
  const operands: number[] = [];
  for (let at = start; at < end; ) {
    const b0 = bytes[at]!;
    if (b0 <= 21) {
      const operator = b0 === 12 ? 1200 + bytes[at + 1]! : b0;
      at += b0 === 12 ? 2 : 1;
      if (operator === 17) return operands.at(-1) ?? Number.NaN;
      operands.length = 0;
    } else if (b0 === 28) {
      operands.push(bytes.readInt16BE(at + 1));
      at += 3;
    } else if (b0 === 29) {
      operands.push(bytes.readInt32BE(at + 1));
      at += 5;
    } else if (b0 === 30) {
      // A real, nibble by nibble to the end nibble 0xf: no offset is one, so its value is not needed.
      while (at < end && (bytes[at]! & 0x0f) !== 0x0f && (bytes[at]! & 0xf0) !== 0xf0) at += 1;
      at += 1;
      operands.push(Number.NaN);
    } else if (b0 <= 246) {
      operands.push(b0 - 139);
      at += 1;
    } else if (b0 <= 250) {
      operands.push((b0 - 247) * 256 + bytes[at + 1]! + 108);
      at += 2;
    } else if (b0 <= 254) {
      operands.push(-(b0 - 251) * 256 - bytes[at + 1]! - 108);
      at += 2;
    } else throw new Error('bad CFF DICT operand');
  }
  throw new Error('no CharStrings in the CFF Top DICT');
}

/** The CharStrings data of the CFF table at `cff` (CFF version 1; anything else throws). */
function outlinesOf(bytes: Buffer, read: Read, cff: number): Range {
  read(cff, cff + 4);
  if (bytes.readUInt8(cff) !== 1) throw new Error('not CFF version 1');
  const names = readIndex(bytes, read, cff + bytes.readUInt8(cff + 2));
  const topDicts = readIndex(bytes, read, names.end);
  if (topDicts.offsets.length < 2) throw new Error('no CFF Top DICT');
  const [dictStart, dictEnd] = [topDicts.dataStart + topDicts.offsets[0]!, topDicts.dataStart + topDicts.offsets[1]!];
  read(dictStart, dictEnd);
  const offset = charStringsOffset(bytes, dictStart, dictEnd);
  if (!Number.isInteger(offset) || offset <= 0) throw new Error('bad CharStrings offset');
  const charStrings = readIndex(bytes, read, cff + offset);
  return { start: charStrings.dataStart + charStrings.offsets[0]!, end: charStrings.end };
}

/** The CharStrings data of every CFF table in the file (a .ttc's faces share theirs), in file order; throws on anything unexpected. */
function outlineRanges(bytes: Buffer, read: Read): Range[] {
  const size = bytes.length;
  read(0, 12);
  const collection = tag(bytes, 0) === 'ttcf';
  const faces = collection ? bytes.readUInt32BE(8) : 1;
  if (collection) read(12, 12 + 4 * faces);
  const directories = collection ? Array.from({ length: faces }, (_, index) => bytes.readUInt32BE(12 + index * 4)) : [0];
  const cffTables = new Map<number, number>();
  for (const directory of directories) {
    read(directory, directory + 12);
    const count = bytes.readUInt16BE(directory + 4);
    read(directory + 12, directory + 12 + count * 16);
    for (let index = 0; index < count; index++) {
      const record = directory + 12 + index * 16;
      const start = bytes.readUInt32BE(record + 8);
      const end = start + bytes.readUInt32BE(record + 12);
      if (end > size) throw new Error('a table past the end of the file');
      if (tag(bytes, record) === 'CFF ') cffTables.set(start, end);
    }
  }
  const outlines = [...cffTables].map(([start, end]) => {
    const range = outlinesOf(bytes, read, start);
    if (range.start < start || range.end > end || range.end < range.start) throw new Error('CharStrings outside their table');
    return range;
  });
  return outlines.sort((a, b) => a.start - b.start);
}

/** The file as one buffer, its glyph outlines read on demand (see the top of this file). */
export function openFontFile(path: string): FontFile {
  const size = statSync(path).size;
  const bytes = Buffer.from(new ResizableArrayBuffer(size, { maxByteLength: size }));
  // Each read opens the file: a worker thread that exits idle leaves no descriptor behind.
  const read: Read = (start, end) => {
    if (start < 0 || end > size) throw new Error(`${path}: bytes ${start}–${end} outside its ${size}`);
    const descriptor = openSync(path, 'r');
    try {
      for (let at = start; at < end; ) {
        const count = readSync(descriptor, bytes, at, end - at, at);
        if (count === 0) throw new Error(`${path} ended at ${at} of ${size} bytes`);
        at += count;
      }
    } finally {
      closeSync(descriptor);
    }
  };
  let outlines: Range[];
  try {
    outlines = outlineRanges(bytes, read);
  } catch {
    outlines = [];
  }
  if (outlines.length === 0) {
    // Not a CFF font this parser knows: the whole file, as pdfkit would read it.
    read(0, size);
    return { bytes, outlines: [], load: () => {}, parsed: new Map() };
  }
  // Everything but the outlines (the bytes between tables too: they cost nothing).
  let from = 0;
  for (const range of outlines) {
    if (range.start > from) read(from, range.start);
    from = Math.max(from, range.end);
  }
  if (from < size) read(from, size);
  const loaded = new Set<number>();
  return {
    bytes,
    outlines,
    load(offset, length) {
      if (loaded.has(offset)) return;
      read(offset, offset + length);
      loaded.add(offset);
    },
    parsed: new Map(),
  };
}
