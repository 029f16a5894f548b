// A CJK font read without its outlines (src/papers/font-file.ts): the bytes it holds are the file's,
// the outlines come from the file when fontkit reads them, and what pdfkit embeds is byte for byte
// what the whole file gives. Then the PDF engine's reuse of one parsed face across documents.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { openFontFile, withOutlinesOnDemand } from '../../src/papers/font-file.js';
import type { OfficialDocument } from '../../src/papers/official-document.js';
import { renderPdf } from '../../src/papers/pdf.js';
import { pdfFonts } from '../../src/papers/render.js';
import { pdfCanSay, stablePdf } from '../support/pdf-text.js';

const fonts = pdfFonts(testConfig());
const { path, name } = fonts.serif;

interface Font {
  glyphsForString(text: string): { id: number; path: { toSVG(): string } }[];
  createSubset(): { includeGlyph(glyph: number): number; encode(): Uint8Array };
}
/** fontkit as pdfkit loads it. */
const fontkit = createRequire(createRequire(import.meta.url).resolve('pdfkit'))('fontkit') as { create(bytes: Uint8Array, name: string): Font };

const TEXT = '第三届第二次职工代表大会关于《集体合同（草案）》的决议：经无记名投票表决，应到代表73人，实到60人，赞成50票，通过。䶮龑𠀀ABCxyz123';

describe('a CJK font read without its outlines', () => {
  it('holds every byte of the file but the outlines, which it reads from the file on demand', () => {
    const whole = readFileSync(path);
    const file = openFontFile(path);
    expect(file.bytes.length).toBe(whole.length);
    expect(file.outlines.length).toBeGreaterThan(0);
    const outlineBytes = file.outlines.reduce((sum, range) => sum + range.end - range.start, 0);
    // Most of the file is outlines: that is what is left out.
    expect(outlineBytes / whole.length).toBeGreaterThan(0.5);
    let from = 0;
    for (const range of file.outlines) {
      expect(file.bytes.subarray(from, range.start).equals(whole.subarray(from, range.start))).toBe(true);
      from = range.end;
    }
    expect(file.bytes.subarray(from).equals(whole.subarray(from))).toBe(true);
    const [first] = file.outlines;
    expect(file.bytes.subarray(first!.start, first!.start + 4096).every((byte) => byte === 0)).toBe(true);
    file.load(first!.start, 4096);
    expect(file.bytes.subarray(first!.start, first!.start + 4096).equals(whole.subarray(first!.start, first!.start + 4096))).toBe(true);
  });

  it('gives fontkit the same glyphs and the same embedded subset as the whole file', () => {
    const file = openFontFile(path);
    const lazy = fontkit.create(file.bytes, name);
    withOutlinesOnDemand(lazy as never, file);
    const whole = fontkit.create(readFileSync(path), name);
    const glyphs = (font: Font) => font.glyphsForString(TEXT);
    expect(glyphs(lazy).map((glyph) => glyph.id)).toEqual(glyphs(whole).map((glyph) => glyph.id));
    expect(glyphs(lazy).map((glyph) => glyph.path.toSVG())).toEqual(glyphs(whole).map((glyph) => glyph.path.toSVG()));
    const subset = (font: Font) => {
      const made = font.createSubset();
      for (const glyph of glyphs(font)) made.includeGlyph(glyph.id);
      return Buffer.from(made.encode());
    };
    const lazySubset = subset(lazy);
    expect(lazySubset.length).toBeGreaterThan(1000);
    expect(lazySubset.equals(subset(whole))).toBe(true);
    // Unwrapped, the same bytes hold outlines of zeros, which fontkit refuses: the test above can tell.
    const unread = fontkit.create(openFontFile(path).bytes, name);
    expect(() => glyphs(unread).map((glyph) => glyph.path.toSVG())).toThrow();
  });

  it('reads a file it cannot take apart (a TrueType font, or here not even a font) whole, as before', () => {
    const file = openFontFile(new URL('../../node_modules/pdfkit/js/data/Helvetica.afm', import.meta.url).pathname);
    expect(file.outlines).toEqual([]);
    expect(file.bytes.equals(readFileSync(new URL('../../node_modules/pdfkit/js/data/Helvetica.afm', import.meta.url)))).toBe(true);
  });
});

describe('the PDF engine with one parsed face for every document', () => {
  const paper = (title: string): OfficialDocument => ({
    title,
    blocks: [
      { kind: 'heading', level: 1, text: '一、表决情况' },
      { kind: 'paragraph', text: TEXT },
      {
        kind: 'table',
        header: ['姓名', '签到'],
        rows: [
          ['张三', '已签到'],
          ['李四', '请假'],
        ],
      },
    ],
    fileName: title,
  });

  it('makes the same PDF the first time and the next, and each with its own glyphs', async () => {
    const first = await renderPdf(paper('第一份文件'), fonts);
    const again = await renderPdf(paper('第一份文件'), fonts);
    expect(stablePdf(again)).toBe(stablePdf(first));
    // A later document with characters the first did not use gets their outlines too.
    const other = await renderPdf(paper('议程龘靐齉'), fonts);
    expect(pdfCanSay(other, '议程龘靐齉')).toBe(true);
    expect(pdfCanSay(first, '第一份文件')).toBe(true);
  });

  it('embeds a second face for headings (PDF_FONT_SANS) the same way', async () => {
    const twoFaces = { ...fonts, sans: { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', name: 'NotoSansCJKsc-Regular' } };
    const first = await renderPdf(paper('两种字体'), twoFaces);
    const again = await renderPdf(paper('两种字体'), twoFaces);
    expect(stablePdf(again)).toBe(stablePdf(first));
    const raw = again.toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansCJKsc-Regular/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSerifCJKsc-Regular/);
    expect(pdfCanSay(again, '一、表决情况两种字体')).toBe(true);
  });
});
