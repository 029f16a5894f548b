// The motions work report (提案工作报告) of an agenda item, written from the tracker when it is read,
// so the figures on the phones and the projector are those of the moment, not of when the item was added.
import type { CoreContext } from '../context.js';
import type { CongressSessionTable } from '../db/database.js';
import { type MotionFacts, motionRates, type Rate } from '../motions/dashboard.js';
import { motionFacts } from '../motions/tracker.js';
import * as repository from './repository.js';

export interface MotionsReportFigures {
  /** Submitted (numbered) motions of the whole term, and of this session's sittings. */
  submitted: number;
  submittedThisSession: number;
  accepted: number;
  replied: number;
  resolved: number;
  rates: ReturnType<typeof motionRates>;
}

const ACCEPTED = new Set(['accepted', 'merged', 'resolution']);

/** Pure: the figures from the term's motions and which of them were raised at this session. */
export function motionsReportFigures(motions: readonly MotionFacts[], thisSession: ReadonlySet<string>, now: Date): MotionsReportFigures {
  return {
    submitted: motions.length,
    submittedThisSession: motions.filter((motion) => thisSession.has(motion.id)).length,
    accepted: motions.filter((motion) => motion.reviewOutcome !== null && ACCEPTED.has(motion.reviewOutcome)).length,
    replied: motions.filter((motion) => motion.firstReplyOnTime !== null).length,
    resolved: motions.filter((motion) => motion.state === 'resolved').length,
    rates: motionRates(motions, now),
  };
}

const percent = (rate: Rate) => (rate.percent === null ? '暂无' : `${rate.percent}%(${rate.count}/${rate.of})`);

/** Pure: the report's text, in the words a presenter reads out. */
export function motionsReportText(session: Pick<CongressSessionTable, 'title'>, figures: MotionsReportFigures, asOf: Date): string {
  return [
    `提案工作报告(${session.title},数据截至 ${asOf.toISOString().slice(0, 16).replace('T', ' ')} UTC)`,
    '',
    `本届共收到提案 ${figures.submitted} 件,其中本次会议提出 ${figures.submittedThisSession} 件。`,
    `经提案委员会审查,立案 ${figures.accepted} 件,立案率 ${percent(figures.rates.acceptance)}。`,
    `承办部门已答复 ${figures.replied} 件,按时答复率 ${percent(figures.rates.onTimeReply)};已办结 ${figures.resolved} 件,办结率 ${percent(figures.rates.resolution)}。`,
    `提案人评价:满意率 ${percent(figures.rates.satisfaction)},满意及基本满意率 ${percent(figures.rates.satisfactionWithBasic)}。`,
  ].join('\n');
}

/** The report for a session, from the motions of its term as they stand now. */
export async function buildMotionsReport(context: Pick<CoreContext, 'db' | 'clock'>, session: CongressSessionTable): Promise<string> {
  const meetings = await repository.listTermMeetingIds(context.db, session.term_id);
  const motions: MotionFacts[] = [];
  const thisSession = new Set<string>();
  for (const meeting of meetings) {
    for (const motion of await motionFacts(context, meeting.id)) {
      motions.push(motion);
      if (meeting.session_id === session.id) thisSession.add(motion.id);
    }
  }
  const now = context.clock();
  return motionsReportText(session, motionsReportFigures(motions, thisSession, now), now);
}
