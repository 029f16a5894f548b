// The .docx of an official paper (GB/T 9704-2012): a synthetic document with every kind of block,
// opened as Word would read it. And the small pure pieces: the date in words, the signature's indents.
import { describe, expect, it } from 'vitest';
import { chinaDay, writtenDate } from '../../src/papers/dates.js';
import { columnWidths, renderDocx } from '../../src/papers/docx.js';
import { signatureIndents } from '../../src/papers/layout.js';
import type { OfficialDocument } from '../../src/papers/official-document.js';
import { expectOfficialLayout, readDocx } from '../support/read-docx.js';

const paper: OfficialDocument = {
  title: '第三届第二次职工代表大会关于《集体合同（草案）》的决议',
  subtitle: '（2026年12月3日第三届第二次职工代表大会通过）',
  recipient: '市总工会：',
  blocks: [
    { kind: 'heading', level: 1, text: '一、会议概况' },
    { kind: 'paragraph', text: '应到代表73人，实到60人，超过全体代表的三分之二，会议合法有效。' },
    { kind: 'heading', level: 2, text: '（一）表决情况' },
    { kind: 'heading', level: 3, text: '1．集体合同' },
    { kind: 'paragraph', text: '赞成50票，反对6票，弃权4票。', indent: false },
    { kind: 'paragraph', text: '居中的一段', align: 'center' },
    {
      kind: 'table',
      header: ['项目', '人数'],
      rows: [
        ['应到', '73'],
        ['实到', '60'],
      ],
      widths: [3, 1],
    },
    { kind: 'pageBreak' },
    { kind: 'paragraph', text: '第二页的正文。' },
  ],
  attachments: ['代表名单', '表决结果'],
  signature: '第三届第二次职工代表大会主席团',
  date: '2026-12-03',
  fileName: '决议',
};

describe('the date as a 公文 writes it', () => {
  it('writes year, month and day without leading zeros', () => {
    expect(writtenDate('2026-12-03')).toBe('2026年12月3日');
    expect(writtenDate('2027-01-09')).toBe('2027年1月9日');
  });
  it('takes a moment on the calendar of China Standard Time', () => {
    expect(chinaDay('2026-12-02T16:30:00.000Z')).toBe('2026-12-03');
    expect(writtenDate('2026-12-02T15:59:00Z')).toBe('2026年12月2日');
  });
  it('refuses what is not a date', () => {
    expect(() => writtenDate('yesterday')).toThrow(RangeError);
  });
});

describe('the signing body and the date', () => {
  it('puts the date four characters from the right and centres the shorter line on the longer', () => {
    // 2026年12月3日: three characters and seven half-width digits, 6.5 characters wide.
    expect(signatureIndents('主席团', '2026年12月3日')).toEqual({ signature: 5.75, date: 4 });
    expect(signatureIndents('第三届第二次职工代表大会主席团', '2026年12月3日')).toEqual({ signature: 4, date: 8.25 });
  });
});

describe('table columns', () => {
  it('share the text block in the given proportions, to the twip', () => {
    const widths = columnWidths(3, [2, 1, 1]);
    expect(widths.reduce((sum, width) => sum + width, 0)).toBe(8845);
    expect(widths[0]).toBe(4422);
    expect(columnWidths(2, [1])).toEqual([4422, 4423]);
  });
});

describe('a paper in the official layout', async () => {
  const docx = await readDocx(await renderDocx(paper));
  const paragraph = (text: string) => {
    const found = docx.paragraphs.find((entry) => entry.text === text);
    if (!found) throw new Error(`no paragraph "${text}" in:\n${docx.text}`);
    return found;
  };

  it('is A4 with the margins, text block and 22 × 28 grid of GB/T 9704', () => {
    expectOfficialLayout(docx);
    expect(docx.sectionProperties.margins).toMatchObject({ top: 2098, left: 1587, right: 1474, bottom: 1984 });
    expect(docx.sectionProperties.grid).toEqual({ type: 'linesAndChars', linePitch: 579, charSpace: -842 });
  });

  it('sets the title in 2号小标宋, centred, and the subtitle in 楷体', () => {
    const title = paragraph(paper.title);
    expect(title.align).toBe('center');
    expect(title.runs[0]).toMatchObject({ size: 44, fonts: { eastAsia: '方正小标宋简体' } });
    expect(paragraph(paper.subtitle!).runs[0]).toMatchObject({ size: 32, fonts: { eastAsia: '楷体_GB2312' } });
  });

  it('sets headings in 3号黑体, 楷体 and bold 仿宋, indented two characters', () => {
    expect(paragraph('一、会议概况')).toMatchObject({ indent: { firstLineChars: 200 }, runs: [{ size: 32, bold: false, fonts: { eastAsia: '黑体' } }] });
    expect(paragraph('（一）表决情况')).toMatchObject({ indent: { firstLineChars: 200 }, runs: [{ size: 32, fonts: { eastAsia: '楷体_GB2312' } }] });
    expect(paragraph('1．集体合同')).toMatchObject({ runs: [{ size: 32, bold: true, fonts: { eastAsia: '仿宋_GB2312' } }] });
  });

  it('sets the body in 3号仿宋, black, indented two characters unless told otherwise', () => {
    const body = paragraph('应到代表73人，实到60人，超过全体代表的三分之二，会议合法有效。');
    expect(body.indent.firstLineChars).toBe(200);
    expect(body.runs[0]).toMatchObject({ size: 32, color: '000000', fonts: { eastAsia: '仿宋_GB2312', ascii: '仿宋_GB2312', hAnsi: '仿宋_GB2312' } });
    expect(paragraph('赞成50票，反对6票，弃权4票。').indent.firstLineChars).toBeNull();
    expect(paragraph('居中的一段').align).toBe('center');
    expect(paragraph('市总工会：').indent.firstLineChars).toBeNull();
  });

  it('draws the table with borders and a header row repeated on each page, in 4号', () => {
    expect(docx.tables).toEqual([
      {
        rows: [
          ['项目', '人数'],
          ['应到', '73'],
          ['实到', '60'],
        ],
        headerRepeats: true,
        bordered: true,
      },
    ]);
    const cell = docx.paragraphs.find((entry) => entry.inTable && entry.text === '应到');
    expect(cell?.runs[0]).toMatchObject({ size: 28, fonts: { eastAsia: '仿宋_GB2312' } });
    expect(docx.paragraphs.find((entry) => entry.inTable && entry.text === '项目')?.runs[0]?.bold).toBe(true);
  });

  it('breaks the page where asked', () => {
    expect(docx.parts.get('word/document.xml')).toMatch(/<w:br w:type="page"\/>/);
  });

  it('notes the attachments after the body, the later ones under the first name', () => {
    expect(paragraph('附件：1．代表名单').indent.firstLineChars).toBe(200);
    expect(paragraph('2．表决结果').indent.firstLineChars).toBe(500);
  });

  it('signs right-aligned with the date written out under the signing body', () => {
    const lines = docx.paragraphs.map((entry) => entry.text);
    expect(lines.at(-2)).toBe('第三届第二次职工代表大会主席团');
    expect(lines.at(-1)).toBe('2026年12月3日');
    expect(paragraph('2026年12月3日').align).toBe('right');
    expect(paragraph('第三届第二次职工代表大会主席团').align).toBe('right');
    expect(paragraph('2026年12月3日').indent.right).toBeGreaterThan(paragraph('第三届第二次职工代表大会主席团').indent.right!);
  });

  it('numbers the pages at the foot, "— 1 —" in 宋体, outside edge on odd and even pages', () => {
    expect(docx.evenAndOddFooters).toBe(true);
    expect(docx.footers.map((footer) => footer.align).sort()).toEqual(['left', 'right']);
    for (const footer of docx.footers) expect(footer.text).toBe('—  —');
    expect([...docx.parts.entries()].find(([name]) => name.startsWith('word/footer'))?.[1]).toMatch(/w:eastAsia="宋体"/);
  });

  it('names a fallback for each font in the font table', () => {
    expect(docx.fonts).toEqual(
      expect.arrayContaining([
        { name: '仿宋_GB2312', altName: '仿宋' },
        { name: '方正小标宋简体', altName: '华文中宋' },
        { name: '黑体', altName: 'SimHei' },
        { name: '楷体_GB2312', altName: '楷体' },
      ]),
    );
  });
});

describe('an empty table', () => {
  it('says so in one row across the columns', async () => {
    const docx = await readDocx(await renderDocx({ title: '提案汇编', blocks: [{ kind: 'table', header: ['编号', '案由'], rows: [] }], fileName: 'x' }));
    expect(docx.tables[0]?.rows).toEqual([['编号', '案由'], ['（无）']]);
  });
});
