// Reads what a PDF from pdfkit says without a PDF library: its page size, its embedded fonts, and the
// characters its fonts' ToUnicode maps hold (pdfkit writes text as glyph ids, so the maps are where
// the characters are: a character on the page is in one of them).
import { inflateSync } from 'node:zlib';

/** Every stream of the file, inflated where it is Flate-compressed. */
export function pdfStreams(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  const streams: string[] = [];
  const pattern = /<<([\s\S]*?)>>\s*stream\r?\n/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    const raw = pdf.subarray(start, end);
    streams.push(match[1]!.includes('/FlateDecode') ? safeInflate(raw) : raw.toString('latin1'));
  }
  return streams;
}

function safeInflate(raw: Buffer): string {
  try {
    return inflateSync(raw).toString('latin1');
  } catch {
    return '';
  }
}

/** The characters the ToUnicode maps of all fonts in the file give. */
export function mappedCharacters(pdf: Buffer): Set<string> {
  const characters = new Set<string>();
  for (const stream of pdfStreams(pdf)) {
    if (!stream.includes('begincmap')) continue;
    for (const hex of stream.matchAll(/<([0-9a-fA-F]{4,})>\s*(?:<[0-9a-fA-F]+>\s*)?\[?\s*<([0-9a-fA-F]+)>/g)) decode(hex[2]!, characters);
    for (const array of stream.matchAll(/\[((?:\s*<[0-9a-fA-F]+>)+)\s*\]/g)) for (const hex of array[1]!.matchAll(/<([0-9a-fA-F]+)>/g)) decode(hex[1]!, characters);
  }
  return characters;
}

function decode(hex: string, into: Set<string>): void {
  const units = hex.match(/.{4}/g)?.map((unit) => Number.parseInt(unit, 16)) ?? [];
  for (const character of String.fromCharCode(...units)) into.add(character);
}

/** Whether every character of `text` (spaces aside) is in the file's fonts. */
export function pdfCanSay(pdf: Buffer, text: string): boolean {
  const characters = mappedCharacters(pdf);
  return [...text.replace(/\s/g, '')].every((character) => characters.has(character));
}

export function mediaBoxes(pdf: Buffer): string[] {
  return [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[([^\]]+)\]/g)].map((match) => match[1]!.trim().split(/\s+/).join(' '));
}

/** A PDF's bytes without what differs between two runs of the same document: dates, the ID, the subset's random tag. */
export function stablePdf(pdf: Buffer): string {
  return pdf
    .toString('latin1')
    .replace(/\(D:\d{14}Z\)/g, '(D:)')
    .replace(/\/ID \[[^\]]*\]/g, '')
    .replace(/\/[A-Z]{6}\+/g, '/TAG+');
}
