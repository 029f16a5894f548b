// A session's public notice (公告/公示) as an official paper: exactly what the public notice page
// shows (GET /api/public/sessions/:sessionId, web/src/results/session-notice.ts, in its Chinese
// wording) — the dates, each published ballot's figures and each item's counts, rule and result in
// the ballot's own explanation, the resolutions in full, the motions handled — signed by the
// session's secretariat on the day of publication. Pure: the caller passes the notice's view.
import type { BallotView } from '../ballots/api-schemas.js';
import { attendanceTable, countHashBlock, type ItemHeading, itemBlocks, methodOf } from '../ballots/notice-paper.js';
import { writtenDate } from '../papers/dates.js';
import type { OfficialDocument, PaperBlock } from '../papers/official-document.js';
import type { PublicResolution } from '../resolutions/schemas.js';
import { chineseNumber } from '../script/numbers.js';
import type { sittingMotion } from './schemas.js';
import type { z } from 'zod';

type MeetingKind = 'congress' | 'general_assembly';

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

/** Items within a session's notice: 1. …, under the ballot's own heading. */
const SESSION_ITEM: ItemHeading = { level: 3, numbered: (index, title) => `${index + 1}. ${title}` };

function ballotBlocks({ ballot, meeting }: NoticeView['ballots'][number], index: number): PaperBlock[] {
  const result = ballot.result;
  if (!result) return [];
  return [
    { kind: 'heading', level: 2, text: `（${chineseNumber(index + 1)}）${ballot.title}` },
    { kind: 'paragraph', text: `表决方式：${methodOf(ballot, result)}` },
    attendanceTable(result),
    ...countHashBlock(ballot.finalHash),
    ...ballot.items.flatMap((item, itemIndex) => {
      const itemResult = result.items[itemIndex];
      return itemResult ? itemBlocks(item, itemResult, itemIndex, ballot.items.length, meeting.kind, SESSION_ITEM) : [];
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
