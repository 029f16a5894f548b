// The resolutions as one paper (src/resolutions/paper.ts): which go in, the subtitle that says who
// adopted each and when, and several bound into one file — each under its own title after a page
// break, each signed and dated — as the .docx renderer lays the further titles and signatures out.
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../src/papers/docx.js';
import { resolutionSubtitle, resolutionsPaper } from '../../src/resolutions/paper.js';
import { inPaper } from '../../src/resolutions/rules.js';
import type { ResolutionView } from '../../src/resolutions/schemas.js';
import { expectOfficialLayout, readDocx } from '../support/read-docx.js';

const CONGRESS = '第三届第二次职工代表大会';

function resolution(title: string, state: ResolutionView['state'], votedAt: string | null, text: string): ResolutionView {
  return {
    id: title,
    sessionId: 's',
    documentId: null,
    subject: title,
    title,
    body: text,
    state,
    frozenAt: null,
    textSha256: null,
    ballot: null,
    resultClause: null,
    votedAt,
    text,
    createdAt: '2026-12-01T00:00:00Z',
    updatedAt: '2026-12-01T00:00:00Z',
  };
}

const adopted = resolution('关于厂长工作报告的决议', 'adopted', '2026-12-02T17:30:00Z', '会议审议了厂长工作报告。\n\n经无记名投票表决，赞成50票，本决议通过。');
const rejected = resolution('关于财务工作报告的决议', 'not_adopted', '2026-12-03T02:00:00Z', '会议审议了财务工作报告。\n经举手表决，本决议未通过。');

describe('which resolutions go into the paper', () => {
  it('takes the adopted ones, and those voted down only when asked', () => {
    expect(inPaper('adopted', 'adopted')).toBe(true);
    expect(inPaper('not_adopted', 'adopted')).toBe(false);
    expect(inPaper('not_adopted', 'voted')).toBe(true);
    for (const state of ['draft', 'on_ballot', 'voting'] as const) expect(inPaper(state, 'voted')).toBe(false);
  });
});

describe('the subtitle', () => {
  it('names the day in China and the congress that adopted it, or that voted it down', () => {
    expect(resolutionSubtitle(adopted, CONGRESS)).toBe('（2026年12月3日第三届第二次职工代表大会通过）');
    expect(resolutionSubtitle(rejected, CONGRESS)).toBe('（2026年12月3日第三届第二次职工代表大会表决，未通过）');
    expect(resolutionSubtitle(resolution('草稿', 'voting', null, ''), CONGRESS)).toBe('（草案）');
  });
});

describe('several resolutions in one paper', () => {
  const paper = resolutionsPaper([adopted, rejected], CONGRESS, '决议');

  it('opens with the first, signs it, breaks the page and titles the next; the last is the document’s signature', () => {
    expect(paper).toMatchObject({ title: adopted.title, subtitle: '（2026年12月3日第三届第二次职工代表大会通过）', signature: CONGRESS, date: rejected.votedAt, fileName: '决议' });
    expect(paper.blocks).toEqual([
      { kind: 'paragraph', text: '会议审议了厂长工作报告。' },
      { kind: 'paragraph', text: '经无记名投票表决，赞成50票，本决议通过。' },
      { kind: 'signature', signature: CONGRESS, date: adopted.votedAt },
      { kind: 'pageBreak' },
      { kind: 'title', text: rejected.title, subtitle: '（2026年12月3日第三届第二次职工代表大会表决，未通过）' },
      { kind: 'paragraph', text: '会议审议了财务工作报告。' },
      { kind: 'paragraph', text: '经举手表决，本决议未通过。' },
    ]);
  });

  it('sets the further title as the first (2号小标宋, subtitle in 楷体) and the signature right-aligned', async () => {
    const docx = await readDocx(await renderDocx(paper));
    expectOfficialLayout(docx);
    const second = docx.paragraphs.findIndex((paragraph) => paragraph.text === rejected.title);
    expect(docx.paragraphs[second]).toMatchObject({ align: 'center', runs: [{ size: 44, fonts: { eastAsia: '方正小标宋简体' } }] });
    expect(docx.paragraphs[second + 1]).toMatchObject({ align: 'center', runs: [{ fonts: { eastAsia: '楷体_GB2312' } }] });
    const firstSigned = docx.paragraphs.findIndex((paragraph) => paragraph.text === CONGRESS);
    expect(firstSigned).toBeLessThan(second);
    expect(docx.paragraphs[firstSigned]).toMatchObject({ align: 'right' });
    expect(docx.paragraphs[firstSigned + 1]).toMatchObject({ text: '2026年12月3日', align: 'right' });
  });

  it('refuses to make a paper of none', () => {
    expect(() => resolutionsPaper([], CONGRESS, '决议')).toThrow(RangeError);
  });
});
