// The heaviest files the limits let through, and a few they must not: a Word file whose
// document.xml is tens of MB of tiny paragraphs (what mammoth is slowest on), a zip bomb, a zip of
// too many entries, and two versions whose one long clause is rewritten from end to end.
import { deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
const TAIL = '</w:body></w:document>';

/** mulberry32: the same numbers in [0, 1) run after run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Text of `length` CJK characters drawn from a few thousand: nothing for a diff or a compressor to hold on to. */
export function randomChinese(length: number, seed: number): string {
  const random = seededRandom(seed);
  return Array.from({ length }, () => String.fromCharCode(0x4e00 + Math.floor(random() * 3000))).join('');
}

/** About `xmlBytes` of document.xml in paragraphs of a few characters with styled runs, compressed just enough to pass the ratio limit. */
export async function makeHeavyDocx(xmlBytes: number, seed = 7): Promise<Buffer> {
  const random = seededRandom(seed);
  const parts: string[] = [HEAD];
  let size = HEAD.length + TAIL.length;
  while (size < xmlBytes) {
    const text = String.fromCharCode(0x4e00 + Math.floor(random() * 3000), 0x4e00 + Math.floor(random() * 3000));
    const paragraph = `<w:p><w:pPr><w:pStyle w:val="s${Math.floor(random() * 90)}"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>${text}</w:t></w:r></w:p>`;
    parts.push(paragraph);
    size += Buffer.byteLength(paragraph);
  }
  parts.push(TAIL);
  const zip = new JSZip();
  zip.file('[Content_Types].xml', CONTENT_TYPES);
  zip.file('_rels/.rels', RELS);
  zip.file('word/document.xml', parts.join(''));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/** A Word file whose document.xml inflates from a few kB to `xmlBytes` of one repeated paragraph. */
export async function makeZipBomb(xmlBytes: number): Promise<Buffer> {
  const paragraph = '<w:p><w:r><w:t>炸</w:t></w:r></w:p>';
  const zip = new JSZip();
  zip.file('[Content_Types].xml', CONTENT_TYPES);
  zip.file('_rels/.rels', RELS);
  zip.file('word/document.xml', HEAD + paragraph.repeat(Math.ceil(xmlBytes / paragraph.length)) + TAIL);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/** A Word file with `count` extra empty entries. */
export async function makeManyEntries(count: number): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', CONTENT_TYPES);
  zip.file('_rels/.rels', RELS);
  zip.file('word/document.xml', `${HEAD}<w:p><w:r><w:t>正文</w:t></w:r></w:p>${TAIL}`);
  for (let index = 0; index < count; index++) zip.file(`word/media/e${index}.xml`, '');
  return zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
}

/**
 * A Word file whose document.xml says it is small (central directory and local header) but
 * inflates to `xmlBytes`: built by hand, since a zip library writes the true sizes.
 */
export function makeLyingZip(xmlBytes: number, declaredBytes = 1000): Buffer {
  const name = Buffer.from('word/document.xml');
  const data = Buffer.from(HEAD + '<w:p><w:r><w:t>谎</w:t></w:r></w:p>'.repeat(Math.ceil(xmlBytes / 36)) + TAIL);
  const compressed = deflateRawSync(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(0, 14); // CRC: never reached, the size check stops it first
  local.writeUInt32LE(compressed.length, 18);
  local.writeUInt32LE(declaredBytes, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(0, 16);
  central.writeUInt32LE(compressed.length, 20);
  central.writeUInt32LE(declaredBytes, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(0, 42);
  const directoryOffset = local.length + name.length + compressed.length;
  const directorySize = central.length + name.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(directoryOffset, 16);
  return Buffer.concat([local, name, compressed, central, name, end]);
}

/** Two versions whose `clauses` clauses of `length` characters are each rewritten from end to end (what froze the preview for 17 s at 6,000). */
export function rewrittenClauses(clauses: number, length: number): { before: string; after: string } {
  const clause = (index: number, seed: number) => `第${index + 1}条 ${randomChinese(length, seed)}`;
  const version = (seed: number) => ['# 总则', ...Array.from({ length: clauses }, (_, index) => clause(index, seed * 100 + index))].join('\n\n');
  return { before: version(1), after: version(2) };
}
