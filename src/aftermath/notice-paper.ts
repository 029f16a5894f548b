// A session's public notice (公告/公示) as an official paper: exactly what the public notice page
// shows (GET /api/public/sessions/:sessionId, web/src/results/session-notice.ts, in its Chinese
// wording) — the dates, each published ballot's figures and each item's counts, rule and result in
// the ballot's own explanation, the resolutions in full, the motions handled — signed by the
// session's secretariat on the day of publication. Pure: the caller passes the notice's view.
import type { BallotView } from '../ballots/api-schemas.js';
import type { BallotItem, ItemResult } from '../ballots/kinds/index.js';
import { writtenDate } from '../papers/dates.js';
import type { OfficialDocument, PaperBlock } from '../papers/official-document.js';
import type { PublicResolution } from '../resolutions/schemas.js';
import { chineseNumber } from '../script/numbers.js';
import type { sittingMotion } from './schemas.js';
import type { z } from 'zod';

type MeetingKind = 'congress' | 'general_assembly';
type Result = NonNullable<BallotView['result']>;

/** The notice as the public route answers it (src/aftermath/public.ts). */
export interface NoticeView {
  title: string;
  closedOn: string | null;
  publishedOn: string;
  postedUntil: string;
  takenDownOn: string | null;
  ballots: { ballot: BallotView; meeting: { title: string; kind: MeetingKind } }[];
  resolutions: PublicResolution[];
  motions: z.infer<typeof sittingMotion>[];
}

const WRITE_IN_PREFIX = 'write-in:';

/** The server writes explanations with ASCII punctuation; the notice sets Chinese full-width, as the page does. */
export function fullWidth(text: string): string {
  const marks: Record<string, string> = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）' };
  return text.replace(/[,;:()]/g, (mark) => marks[mark] ?? mark);
}

function methodOf(ballot: BallotView, result: Result): string {
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

const votes = (count: number) => `${count} 票`;

/** Each kind's counts as the page's table draws them. */
function countsTable(item: BallotItem, result: ItemResult): PaperBlock | null {
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
      return { kind: 'table', header, rows: result.subjects.map((subject) => [subject.name, ...item.grades.map((grade) => String(subject.counts[grade.id] ?? 0)), String(subject.abstain)]) };
    }
  }
}

function itemBlocks(item: BallotItem, result: ItemResult, index: number, count: number, meetingKind: MeetingKind): PaperBlock[] {
  const title = count > 1 ? `${index + 1}. ${item.title}` : item.title;
  const verdict = result.kind === 'approval' ? (result.passed ? '　通过' : '　未通过') : '';
  const blocks: PaperBlock[] = [{ kind: 'heading', level: 3, text: `${title}${verdict}` }];
  const table = item.kind === result.kind ? countsTable(item, result) : null;
  if (table) blocks.push(table);
  if ('blankBallots' in result && result.blankBallots > 0) blocks.push({ kind: 'paragraph', text: `空白票（弃权）${result.blankBallots} 张` });
  const rule = ruleInWords(item, meetingKind);
  if (rule) blocks.push({ kind: 'paragraph', text: `通过规则：${rule}` });
  if ('explanation' in result) blocks.push({ kind: 'paragraph', text: `表决结果：${fullWidth(result.explanation.zh)}` });
  return blocks;
}

function ballotBlocks({ ballot, meeting }: NoticeView['ballots'][number], index: number): PaperBlock[] {
  const result = ballot.result;
  if (!result) return [];
  const hands = result.manual && result.manualMethod !== 'paper';
  return [
    { kind: 'heading', level: 2, text: `（${chineseNumber(index + 1)}）${ballot.title}` },
    { kind: 'paragraph', text: `表决方式：${methodOf(ballot, result)}` },
    {
      kind: 'table',
      header: ['应到人数', '实到人数', hands ? '参加表决' : '收回选票'],
      rows: [[`${result.eligible} 人`, `${result.present} 人`, hands ? `${result.cast} 人` : `${result.cast} 张`]],
    },
    ...ballot.items.flatMap((item, itemIndex) => {
      const itemResult = result.items[itemIndex];
      return itemResult ? itemBlocks(item, itemResult, itemIndex, ballot.items.length, meeting.kind) : [];
    }),
  ];
}

function resolutionBlocks(resolution: PublicResolution, index: number): PaperBlock[] {
  const lines = resolution.text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return [{ kind: 'heading', level: 2, text: `（${chineseNumber(index + 1)}）${resolution.title}` }, ...lines.map((text): PaperBlock => ({ kind: 'paragraph', text }))];
}

function motionBlocks(motions: NoticeView['motions']): PaperBlock[] {
  if (motions.length === 0) return [{ kind: 'paragraph', text: '本次会议没有提案。' }];
  return [
    {
      kind: 'table',
      header: ['编号', '案由', '状态', '主办部门'],
      rows: motions.map((motion) => [motion.number ?? '—', motion.subject, motion.stateName, motion.leadDepartment ?? '—']),
      widths: [1.5, 5, 1.5, 2.5],
    },
  ];
}

export function noticePaper(notice: NoticeView): OfficialDocument {
  const blocks: PaperBlock[] = [{ kind: 'paragraph', text: `发布日期：${writtenDate(notice.publishedOn)}　公示至：${writtenDate(notice.postedUntil)}`, indent: false, align: 'center' }];
  if (notice.takenDownOn) {
    blocks.push({ kind: 'paragraph', text: `本公告已于${writtenDate(notice.takenDownOn)}撤下。` });
  } else {
    const closed = notice.closedOn ? `已于${writtenDate(notice.closedOn)}闭幕` : '已闭幕';
    blocks.push({ kind: 'paragraph', text: `${notice.title}${closed}。现将会议表决和选举结果、决议及提案办理情况公告如下：` });
    blocks.push({ kind: 'heading', level: 1, text: '一、表决和选举结果' });
    if (notice.ballots.length === 0) blocks.push({ kind: 'paragraph', text: '本次会议没有公布的表决结果。' });
    blocks.push(...notice.ballots.flatMap(ballotBlocks));
    blocks.push({ kind: 'heading', level: 1, text: '二、决议' });
    if (notice.resolutions.length === 0) blocks.push({ kind: 'paragraph', text: '本次会议没有公布的决议。' });
    blocks.push(...notice.resolutions.flatMap(resolutionBlocks));
    blocks.push({ kind: 'heading', level: 1, text: '三、提案及办理情况' }, ...motionBlocks(notice.motions));
    blocks.push({ kind: 'paragraph', text: '特此公告。' });
  }
  return {
    title: `${notice.title}公告`,
    blocks,
    signature: `${notice.title}秘书处`,
    date: notice.publishedOn,
    fileName: `${notice.title}公告`,
  };
}
