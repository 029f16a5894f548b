// The consultation record (征求意见记录) of a document as an official paper: the versions issued, the
// adoption figures, each round's consolidated opinions with the drafters' answers and the originals
// behind them, and the congress's vote; the same content as the console's print view. Pure.
import type { OfficialDocument, PaperBlock } from '../papers/official-document.js';
import { writtenDate } from '../papers/dates.js';
import { chineseNumber } from '../script/numbers.js';
import { responseOutcomeNames } from './adoption.js';
import type { RecordResponse } from './schemas.js';
import { documentStateNames } from './workflow.js';

type Counts = RecordResponse['adoption'];
type Round = RecordResponse['rounds'][number];
type Vote = RecordResponse['votes'][number];

const day = (iso: string | null) => (iso ? writtenDate(iso) : '');
const FATES = { included: '已汇总', dropped: '未采用', pending: '待汇总' } as const;

export const countsSentence = (counts: Counts) =>
  `汇总意见${counts.consolidated}条：采纳${counts.adopted}条，部分采纳${counts.partlyAdopted}条，不采纳${counts.notAdopted}条，未答复${counts.unanswered}条。`;

function round(entry: Round, number: string): PaperBlock[] {
  const closed = entry.closedAt ? `，${day(entry.closedAt)}结束` : '';
  return [
    { kind: 'heading', level: 1, text: `${number}、第${chineseNumber(entry.number)}轮（${entry.names.down}／${entry.names.up}）` },
    {
      kind: 'paragraph',
      text: `第${entry.versionNumber}稿于${day(entry.issuedAt)}下发，截止于${day(entry.deadlineAt)}${closed}，收到代表意见${entry.opinions}条。${countsSentence(entry.report.counts)}`,
    },
    { kind: 'heading', level: 2, text: '（一）汇总意见及答复' },
    {
      kind: 'table',
      header: ['序号', '代表团', '条款', '意见', '原始意见', '答复', '理由'],
      rows: entry.report.entries.map((item, index) => [
        String(index + 1),
        item.delegationName,
        item.label,
        item.content,
        String(item.sourceCount),
        item.response ? responseOutcomeNames[item.response.outcome] : '未答复',
        item.response?.reason ?? '',
      ]),
      widths: [1, 2, 1.6, 5, 1.4, 1.6, 3],
    },
    ...(entry.originals.length > 0
      ? ([
          { kind: 'heading', level: 2, text: '（二）代表原始意见' },
          {
            kind: 'table',
            header: ['条款', '意见', '提出人', '处理'],
            rows: entry.originals.map((opinion) => [opinion.anchor, opinion.content, opinion.memberName ?? '', FATES[opinion.fate]]),
            widths: [2, 6, 2, 1.6],
          },
        ] satisfies PaperBlock[])
      : []),
  ];
}

function voteSentence(vote: Vote): string {
  const item = vote.ballot?.result?.items[vote.itemIndex] as { counts?: { yes: number; no: number; abstain: number }; required?: number; base?: number } | undefined;
  const outcome = vote.outcome ? documentStateNames[vote.outcome] : '尚待结果';
  const counts = item?.counts ? `，赞成${item.counts.yes}票，反对${item.counts.no}票，弃权${item.counts.abstain}票；全体代表${item.base ?? 0}人，通过须${item.required ?? 0}票` : '';
  return `${vote.itemTitle}${vote.settledAt ? `（${day(vote.settledAt)}）` : ''}${counts}，${outcome}。`;
}

export function recordPaper(record: RecordResponse): OfficialDocument {
  const { document } = record;
  const title = `《${document.title}》征求意见记录`;
  return {
    title,
    blocks: [
      { kind: 'paragraph', text: `文件类别：${document.kindName}；起草部门：${document.draftingDepartment.name}；当前状态：${document.stateName}。` },
      { kind: 'heading', level: 1, text: '一、各稿' },
      {
        kind: 'table',
        header: ['稿次', '下发日期', '用途', '段落数', '撰稿人'],
        rows: record.versions.map((version) => [
          `第${version.number}稿`,
          day(version.issuedAt),
          version.issuedFor === 'vote' ? '表决稿' : '征求意见稿',
          String(version.blockCount),
          version.authorName,
        ]),
        widths: [1.5, 3, 2, 1.5, 2],
      },
      { kind: 'heading', level: 1, text: '二、意见采纳情况（各轮合计）' },
      { kind: 'paragraph', text: countsSentence(record.adoption) },
      ...record.rounds.flatMap((entry, index) => round(entry, chineseNumber(index + 3))),
      { kind: 'heading', level: 1, text: `${chineseNumber(record.rounds.length + 3)}、大会表决` },
      ...(record.votes.length === 0 ? [{ kind: 'paragraph', text: '尚未表决。' } as const] : record.votes.map((vote): PaperBlock => ({ kind: 'paragraph', text: voteSentence(vote) }))),
    ],
    signature: '秘书处',
    date: record.generatedAt,
    fileName: title,
  };
}
