// The PDF engine (src/papers/pdf.ts): A4 pages, the CJK fonts embedded and subset, the text in them,
// a long table across pages with its header repeated, page numbers at the foot.
import { describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import type { OfficialDocument } from '../../src/papers/official-document.js';
import { chineseDate, renderPdf } from '../../src/papers/pdf.js';
import { fontsReadable } from '../../src/papers/pdf-fonts.js';
import { pdfkitCryptoJs } from '../../src/papers/pdfkit-crypto.js';
import { renderDocx } from '../../src/papers/docx.js';
import { packRow, packRows } from '../../src/papers/packed-rows.js';
import { pdfFonts } from '../../src/papers/render.js';
import { readDocx } from '../support/read-docx.js';
import { mappedCharacters, mediaBoxes, pdfCanSay, stablePdf } from '../support/pdf-text.js';

const fonts = pdfFonts(testConfig());

const resolution: OfficialDocument = {
  title: '第三届第二次职工代表大会关于《集体合同(草案)》的决议',
  subtitle: '（2026年12月3日第三届第二次职工代表大会通过）',
  blocks: [
    { kind: 'heading', level: 1, text: '一、表决情况' },
    { kind: 'paragraph', text: '经无记名投票表决，应到代表73人，实到60人，赞成50票，通过。' },
    { kind: 'table', header: ['赞成', '反对', '弃权'], rows: [['50 票', '6 票', '4 票']] },
  ],
  signature: '第三届第二次职工代表大会秘书处',
  date: '2026-12-03',
  fileName: '决议',
};

describe('the PDF engine', () => {
  it('finds the configured fonts, and says so when one is missing', () => {
    expect(fontsReadable(fonts)).toBe(true);
    expect(fontsReadable({ ...fonts, sans: { path: '/nonexistent/font.ttc', name: 'x' } })).toBe(false);
  });

  it('writes an A4 PDF with the CJK fonts embedded and the text in them', async () => {
    const pdf = await renderPdf(resolution, fonts);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(mediaBoxes(pdf)).toEqual(['0 0 595.28 841.89']);
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/FontFile[23]?/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSerifCJKsc-Regular/);
    // One font file by default: headings are the serif made bold, not a second embedded face.
    expect(raw).not.toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSans/);
    expect(pdfCanSay(pdf, '集体合同草案的决议赞成反对弃权表决情况秘书处')).toBe(true);
    expect(pdfCanSay(pdf, chineseDate('2026-12-03'))).toBe(true);
    expect(pdfCanSay(pdf, '— 1 —')).toBe(true);
    // Subset: only the characters used, not the whole font.
    expect(mappedCharacters(pdf).size).toBeLessThan(200);
    expect(pdf.length).toBeLessThan(200_000);
  });

  it('embeds a heading face of its own when one is configured', async () => {
    const withSans = pdfFonts(testConfig({ PDF_FONT_SANS: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc', PDF_FONT_SANS_NAME: 'NotoSansCJKsc-Bold' }));
    const pdf = await renderPdf(resolution, withSans);
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSerifCJKsc-Regular/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansCJKsc-Bold/);
    expect(pdfCanSay(pdf, '集体合同草案的决议赞成反对弃权表决情况秘书处')).toBe(true);
  });

  it('breaks a long table across pages, numbering each page', async () => {
    const rows = Array.from({ length: 200 }, (_, index) => [String(index + 1), `代表${index + 1}`, '第一代表团', index % 2 ? '已签到' : '未签到']);
    const pdf = await renderPdf({ title: '签到表', blocks: [{ kind: 'table', header: ['序号', '姓名', '代表团', '签到情况'], rows }], fileName: '签到表' }, fonts);
    const pages = mediaBoxes(pdf).length;
    expect(pages).toBeGreaterThan(5);
    // 小四 rows of one line, ruled and padded: at least 18 to a page of the 225 mm block.
    expect(pages).toBeLessThanOrEqual(Math.ceil(200 / 18) + 1);
    expect(pdfCanSay(pdf, `— ${pages} —`)).toBe(true);
  });

  it('lays out a packed table (the archive’s long lists) exactly as the same rows given as a table', async () => {
    const header = ['序号', '姓名', '代表团', '签到情况'];
    const rows = Array.from({ length: 60 }, (_, index) => [String(index + 1), `代表${index + 1}`, index % 3 ? '第一代表团' : '', index % 2 ? '已签到' : '未签到']);
    const table = await renderPdf({ title: '签到表', blocks: [{ kind: 'table', header, rows }], fileName: '签到表' }, fonts);
    const packed = await renderPdf({ title: '签到表', blocks: [{ kind: 'packedTable', header, packed: packRows(rows.map(packRow)) }], fileName: '签到表' }, fonts);
    expect(stablePdf(packed)).toBe(stablePdf(table));
    const docx = async (document: OfficialDocument) => (await readDocx(await renderDocx(document))).tables;
    expect(await docx({ title: '签到表', blocks: [{ kind: 'packedTable', header, packed: packRows(rows.map(packRow)) }], fileName: '签到表' })).toEqual(
      await docx({ title: '签到表', blocks: [{ kind: 'table', header, rows }], fileName: '签到表' }),
    );
  });

  it('gives pdfkit crypto-js’s core with its MD5 only, and pdfkit still writes the file’s ID from it', async () => {
    const cryptoJs = pdfkitCryptoJs() as Record<string, unknown>;
    expect(typeof cryptoJs.MD5).toBe('function');
    expect(cryptoJs.AES).toBeUndefined();
    const raw = (await renderPdf(resolution, fonts)).toString('latin1');
    // The trailer's /ID: two 16-byte strings, the MD5 of the document's info.
    expect(raw).toMatch(/\/ID \[<[0-9a-f]{32}> <[0-9a-f]{32}>\]/);
  });

  it('writes the date as a Chinese official date', () => {
    expect(chineseDate('2026-01-09')).toBe('2026年1月9日');
  });
});
