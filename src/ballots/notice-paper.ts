// The result notice (表决结果公告) as a paper: exactly what the public result page shows
// (web/src/results/, in its Chinese wording) for a published ballot, nothing more. A secret ballot
// shows its counts only, as it does there. Pure: the caller passes the public view.
import { voidSentence } from './paper-rules.js';
import { chinaDay } from '../papers/dates.js';
import type { OfficialDocument, PaperBlock } from '../papers/official-document.js';
import type { BallotView } from './api-schemas.js';
import type { BallotItem, ItemResult } from './kinds/index.js';

type MeetingKind = 'congress' | 'general_assembly';
type Result = NonNullable<BallotView['result']>;

/** What the notice states, for the archive's manifest. */
export interface NoticeFigures {
  ballotId: string;
  title: string;
  secrecy: BallotView['secrecy'];
  eligible: number;
  present: number;
  cast: number;
  items: { title: string; kind: ItemResult['kind']; passed?: boolean; counts?: { yes: number; no: number; abstain: number }; elected?: string[] }[];
}

const WRITE_IN_PREFIX = 'write-in:';

/** The server writes explanations with ASCII punctuation; the notice sets Chinese full-width. */
export function fullWidth(text: string): string {
  const marks: Record<string, string> = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）' };
  return text.replace(/[,;:()]/g, (mark) => marks[mark] ?? mark);
}

export function methodOf(ballot: BallotView, result: Result): string {
  if (result.manual) return `人工录入（${result.manualMethod === 'paper' ? '纸质计票' : '举手表决'}）`;
  return `${ballot.secrecy === 'secret' ? '无记名投票' : '记名投票'}（电子表决）`;
}

/** 赞成票须超过全体代表的半数: the rule without numbers, as web/src/shared/rule-words.ts words it. */
function ruleInWords(item: BallotItem, meetingKind: MeetingKind): string | null {
  if (item.kind !== 'approval' && item.kind !== 'election') return null;
  const body = meetingKind === 'general_assembly' ? '职工' : '代表';
  const base = item.passingRule === 'present_majority' ? `出席${body}` : item.passingRule === 'cast_majority' ? '投票总数' : `全体${body}`;
  const subject = item.kind === 'approval' ? '赞成票' : '候选人得票';
  if (item.passingRule === 'all_two_thirds') return `${subject}须达到${base}的三分之二`;
  return item.majorityWording === 'majorityInclusive' ? `${subject}须达到${base}的半数以上` : `${subject}须超过${base}的半数`;
}

function countsTable(item: BallotItem, result: ItemResult): PaperBlock | null {
  const votes = (count: number) => `${count} 票`;
  switch (result.kind) {
    case 'approval':
      return { kind: 'table', header: ['赞成', '反对', '弃权'], rows: [[votes(result.counts.yes), votes(result.counts.no), votes(result.counts.abstain)]] };
    case 'election': {
      const mark = (key: string) => (result.elected.includes(key) ? '当选' : result.runoff?.candidateIds.includes(key) ? '另行选举' : '');
      const rows = [
        ...result.candidates.map((candidate) => [candidate.name, votes(candidate.votes), mark(candidate.id)]),
        ...result.writeIns.map((writeIn) => [`${writeIn.name}（另选）`, votes(writeIn.votes), mark(WRITE_IN_PREFIX + writeIn.name)]),
      ];
      return { kind: 'table', header: ['候选人', '得票', '结果'], rows, widths: [3, 2, 2] };
    }
    case 'choice':
      return { kind: 'table', header: ['选项', '得票'], rows: result.options.map((option) => [option.label, votes(option.votes)]), widths: [3, 2] };
    case 'rating': {
      if (item.kind !== 'rating') return null;
      const header = ['评议对象', ...item.grades.map((grade) => grade.label), '弃权'];
      const rows = result.subjects.map((subject) => [subject.name, ...item.grades.map((grade) => String(subject.counts[grade.id] ?? 0)), String(subject.abstain)]);
      return { kind: 'table', header, rows };
    }
  }
}

/** How an item is headed: alone on its notice (第 2 项：…, level 1), or within a session's notice (2. …, level 3). */
export interface ItemHeading {
  level: 1 | 2 | 3;
  numbered: (index: number, title: string) => string;
}
const NOTICE_ITEM: ItemHeading = { level: 1, numbered: (index, title) => `第 ${index + 1} 项：${title}` };

/** The counts table of every kind, the blank ballots, the rule in words and the ballot's own explanation. */
export function itemBlocks(item: BallotItem, result: ItemResult, index: number, count: number, meetingKind: MeetingKind, heading: ItemHeading = NOTICE_ITEM): PaperBlock[] {
  const title = count > 1 ? heading.numbered(index, item.title) : item.title;
  const verdict = result.kind === 'approval' ? (result.passed ? '　通过' : '　未通过') : '';
  const blocks: PaperBlock[] = [{ kind: 'heading', level: heading.level, text: `${title}${verdict}` }];
  const table = item.kind === result.kind ? countsTable(item, result) : null;
  if (table) blocks.push(table);
  if ('blankBallots' in result && result.blankBallots > 0) blocks.push({ kind: 'paragraph', text: `空白票（弃权）${result.blankBallots} 张` });
  const rule = ruleInWords(item, meetingKind);
  if (rule) blocks.push({ kind: 'paragraph', text: `通过规则：${rule}` });
  if ('explanation' in result) blocks.push({ kind: 'paragraph', text: `表决结果：${fullWidth(result.explanation.zh)}` });
  return blocks;
}

function itemFigures(item: BallotItem, result: ItemResult): NoticeFigures['items'][number] {
  if (result.kind === 'approval') return { title: item.title, kind: result.kind, passed: result.passed, counts: result.counts };
  if (result.kind === 'election') {
    const names = new Map(result.candidates.map((candidate) => [candidate.id, candidate.name]));
    return { title: item.title, kind: result.kind, elected: result.elected.map((key) => names.get(key) ?? key.replace(WRITE_IN_PREFIX, '')) };
  }
  return { title: item.title, kind: result.kind };
}

/** 应到 / 实到 / 收回选票 (or, for a show of hands, 参加表决) in one row. */
export function attendanceTable(result: Result): PaperBlock {
  const hands = result.manual && result.manualMethod !== 'paper';
  return {
    kind: 'table',
    header: ['应到人数', '实到人数', hands ? '参加表决' : '收回选票'],
    rows: [[`${result.eligible} 人`, `${result.present} 人`, hands ? `${result.cast} 人` : `${result.cast} 张`]],
  };
}

/**
 * The count hash (计票校验码, src/ballots/seal.ts) as the web pages show it: groups of four, here eight
 * groups to a line, so the printed notice can be compared with the projector and the signed printout.
 */
export function countHashBlock(finalHash: string | null): PaperBlock[] {
  if (!finalHash) return [];
  const groups = finalHash.match(/.{1,4}/g) ?? [];
  return [{ kind: 'hash', label: '计票校验码', lines: [groups.slice(0, 8).join(' '), groups.slice(8).join(' ')].filter((line) => line !== '') }];
}

/** The notice of a published ballot (its public view), signed by the meeting's secretariat on the day of publication. */
export function resultNotice(ballot: BallotView, meeting: { title: string; kind: MeetingKind }): { document: OfficialDocument; figures: NoticeFigures } {
  const result = ballot.result;
  if (!result) throw new Error('a notice is made of a published result');
  const blocks: PaperBlock[] = [
    { kind: 'paragraph', text: `表决事项：${ballot.title}`, indent: false },
    { kind: 'paragraph', text: `表决方式：${methodOf(ballot, result)}`, indent: false },
    attendanceTable(result),
    ...countHashBlock(ballot.finalHash),
  ];
  // Paper and phones in one ballot: how many of each, and the invalid papers; a void round says so.
  if (result.papers) {
    const { issued, returned, invalid } = result.papers;
    blocks.push({ kind: 'paragraph', text: `其中电子票${result.electronic ?? 0}张，纸质票${returned}张（发出${issued}张，废票${invalid}张）。`, indent: false });
    if (result.void) blocks.push({ kind: 'paragraph', text: voidSentence(result.papers), indent: false });
  }
  ballot.items.forEach((item, index) => {
    const itemResult = result.items[index];
    if (itemResult) blocks.push(...itemBlocks(item, itemResult, index, ballot.items.length, meeting.kind));
  });
  blocks.push({ kind: 'paragraph', text: '特此公告。' });
  const document: OfficialDocument = {
    title: '表决结果公告',
    subtitle: meeting.title,
    blocks,
    signature: `${meeting.title}秘书处`,
    ...(ballot.publishedAt ? { date: chinaDay(ballot.publishedAt) } : {}),
    fileName: `表决结果公告-${ballot.title}`,
  };
  const figures: NoticeFigures = {
    ballotId: ballot.id,
    title: ballot.title,
    secrecy: ballot.secrecy,
    eligible: result.eligible,
    present: result.present,
    cast: result.cast,
    items: ballot.items.flatMap((item, index) => (result.items[index] ? [itemFigures(item, result.items[index])] : [])),
  };
  return { document, figures };
}
