// Blocks and anchors of a version, the diff between two versions (block level, then character level
// inside a changed block, each change linked to the opinions it answers) and the adoption report,
// on a small pay scheme whose answers are known.
import { describe, expect, it } from 'vitest';
import { buildAdoptionReport, countResponses, type ReportEntry } from '../../src/documents/adoption.js';
import { paragraphsToMarkdown, splitBlocks } from '../../src/documents/blocks.js';
import { diffVersions } from '../../src/documents/diff.js';

const VERSION_1 = `# 第一章 总则

第一条 为规范工资分配,
制定本方案。

第二条 本方案适用于全体职工。

第三条 夜班津贴每班30元。

第四条 高温津贴按月发放。`;

const VERSION_2 = `# 第一章 总则

第一条 为规范工资分配,
制定本方案。

第二条 本方案适用于全体在岗职工。

第三条 夜班津贴每班50元。

第五条 本方案自职工代表大会通过之日起施行。`;

describe('blocks and anchors', () => {
  it('numbers headings, paragraphs and list items in order, and names clauses as people do', () => {
    const blocks = splitBlocks(`${VERSION_1}\n\n（一）基本工资\n（二）绩效工资\n- 附件一`);
    expect(blocks.map((block) => [block.anchor, block.kind, block.label])).toEqual([
      ['b1', 'heading', '第一章'],
      ['b2', 'paragraph', '第一条'],
      ['b3', 'paragraph', '第二条'],
      ['b4', 'paragraph', '第三条'],
      ['b5', 'paragraph', '第四条'],
      ['b6', 'list_item', '（一）基本工资'],
      ['b7', 'list_item', '（二）绩效工资'],
      ['b8', 'list_item', '附件一'],
    ]);
    expect(blocks[1]!.text).toBe('第一条 为规范工资分配,\n制定本方案。');
  });

  it('gives the same anchors to the same text every time, whatever the line endings', () => {
    expect(splitBlocks(VERSION_1.replace(/\n/g, '\r\n'))).toEqual(splitBlocks(VERSION_1));
  });

  it('turns a Word file’s paragraphs into one block each', () => {
    expect(splitBlocks(paragraphsToMarkdown('第一条 总则\n\n\n第二条 适用范围\n  \n第三条 附则\n')).map((block) => block.label)).toEqual(['第一条', '第二条', '第三条']);
  });
});

describe('the diff between two versions', () => {
  const links = [
    { consolidatedId: 'c-scope', anchor: 'b3', outcome: 'adopted' as const, changedAnchors: ['b3'] },
    { consolidatedId: 'c-night', anchor: 'b4', outcome: 'partly_adopted' as const, changedAnchors: ['b4'] },
    { consolidatedId: 'c-heat', anchor: 'b5', outcome: 'adopted' as const, changedAnchors: [] },
    { consolidatedId: 'c-commence', anchor: 'b5', outcome: 'not_adopted' as const, changedAnchors: [] },
    { consolidatedId: 'c-effective', anchor: 'b2', outcome: 'adopted' as const, changedAnchors: ['b5'] },
  ];
  const diff = diffVersions(splitBlocks(VERSION_1), splitBlocks(VERSION_2), links);

  it('keeps unchanged blocks, pairs rewritten clauses and reports what was added and removed', () => {
    expect(diff.changes.map((change) => [change.kind, change.oldAnchor, change.newAnchor])).toEqual([
      ['unchanged', 'b1', 'b1'],
      ['unchanged', 'b2', 'b2'],
      ['changed', 'b3', 'b3'],
      ['changed', 'b4', 'b4'],
      ['changed', 'b5', 'b5'],
    ]);
    expect(diff.counts).toEqual({ unchanged: 2, changed: 3, added: 0, removed: 0 });
  });

  it('shows inside a changed clause exactly which characters went and came', () => {
    expect(diff.changes[2]!.segments).toEqual([
      { op: 'equal', text: '第二条 本方案适用于全体' },
      { op: 'insert', text: '在岗' },
      { op: 'equal', text: '职工。' },
    ]);
    expect(diff.changes[3]!.segments).toEqual([
      { op: 'equal', text: '第三条 夜班津贴每班' },
      { op: 'delete', text: '3' },
      { op: 'insert', text: '5' },
      { op: 'equal', text: '0元。' },
    ]);
  });

  it('links each change to the opinions whose responses say they made it', () => {
    expect(diff.changes.map((change) => change.answers)).toEqual([[], [], ['c-scope'], ['c-night'], ['c-effective']]);
  });

  it('links a removed clause to the adopted opinions on it, never to one not adopted', () => {
    const removal = diffVersions(splitBlocks(VERSION_1), splitBlocks(VERSION_1.replace('\n\n第四条 高温津贴按月发放。', '')), links);
    expect(removal.changes.at(-1)).toMatchObject({ kind: 'removed', oldAnchor: 'b5', newAnchor: null, answers: ['c-heat'] });
    expect(removal.counts).toEqual({ unchanged: 4, changed: 0, added: 0, removed: 1 });
  });

  it('reports a clause added at the end as added, not as a change of the one before', () => {
    const added = diffVersions(splitBlocks(VERSION_2), splitBlocks(`${VERSION_2}\n\n第六条 本方案由人力资源部负责解释。`));
    expect(added.changes.at(-1)).toMatchObject({ kind: 'added', oldAnchor: null, newAnchor: 'b6', segments: [{ op: 'insert', text: '第六条 本方案由人力资源部负责解释。' }] });
    expect(added.counts).toEqual({ unchanged: 5, changed: 0, added: 1, removed: 0 });
  });
});

describe('the adoption report', () => {
  const entry = (id: string, delegationId: string, delegationName: string, label: string, content: string, sourceCount: number, response: ReportEntry['response']): ReportEntry => ({
    consolidatedId: id,
    delegationId,
    delegationName,
    anchor: 'b1',
    label,
    content,
    sourceCount,
    response,
  });
  const entries = [
    entry('c1', 'd1', '第一代表团', '第二条', '适用范围应明确为在岗职工', 2, { outcome: 'adopted', reason: null, changedAnchors: ['b3'] }),
    entry('c2', 'd1', '第一代表团', '第三条', '夜班津贴提高到每班60元', 1, { outcome: 'partly_adopted', reason: '考虑企业承受能力,提高到每班50元', changedAnchors: ['b4'] }),
    entry('c3', 'd2', '第二代表团', '第四条', '取消高温津贴', 1, { outcome: 'not_adopted', reason: '高温津贴是法定待遇,不能取消', changedAnchors: [] }),
  ];
  const report = buildAdoptionReport({ title: '工资分配方案', roundNumber: 1, entries, opinions: 5, dropped: 1 });

  it('counts adopted, partly adopted and not adopted, in all and per delegation', () => {
    expect(report.counts).toEqual({ consolidated: 3, adopted: 1, partlyAdopted: 1, notAdopted: 1, unanswered: 0, opinions: 5, dropped: 1 });
    expect(report.byDelegation).toEqual([
      { delegationId: 'd1', name: '第一代表团', consolidated: 2, adopted: 1, partlyAdopted: 1, notAdopted: 0, unanswered: 0 },
      { delegationId: 'd2', name: '第二代表团', consolidated: 1, adopted: 0, partlyAdopted: 0, notAdopted: 1, unanswered: 0 },
    ]);
  });

  it('writes the 意见采纳情况说明 from the responses', () => {
    expect(report.markdown.split('\n')).toEqual([
      '# 关于《工资分配方案》第一轮征求意见采纳情况的说明',
      '',
      '一下以来,共收到代表意见 5 条,经各代表团汇总(一上)为 3 条。其中采纳 1 条,部分采纳 1 条,不采纳 1 条。',
      '',
      '## 第一代表团(2 条)',
      '',
      '1. 【第二条】适用范围应明确为在岗职工',
      '   处理:采纳',
      '',
      '2. 【第三条】夜班津贴提高到每班60元',
      '   处理:部分采纳。考虑企业承受能力,提高到每班50元',
      '',
      '## 第二代表团(1 条)',
      '',
      '1. 【第四条】取消高温津贴',
      '   处理:不采纳。高温津贴是法定待遇,不能取消',
    ]);
  });

  it('counts an opinion not yet answered as unanswered', () => {
    expect(countResponses([{ response: null }, { response: { outcome: 'adopted', reason: null, changedAnchors: [] } }])).toEqual({
      consolidated: 2,
      adopted: 1,
      partlyAdopted: 0,
      notAdopted: 0,
      unanswered: 1,
    });
  });
});
