// The report to the higher-level union (职代会召开情况报告, issue 13): written from the session's own
// figures — each sitting's attendance, the credentials report, the agenda, every settled ballot's
// result in the chair's words, the resolutions and the motions by state — as structured paper
// (title, headings, paragraphs) that the console prints and the .docx renderer lays out.
import { listAgendaItems } from '../agenda/service.js';
import { presentMeetingBallots } from '../ballots/ballot-views.js';
import { viewBallot } from '../ballots/service.js';
import type { AppContext, CoreContext } from '../context.js';
import { getCredentialsReport } from '../credentials/service.js';
import { attendanceCounts, getMeeting } from '../meetings/service.js';
import { sittingMotions } from '../motions/sitting-motions.js';
import type { OfficialDocument, PaperBlock } from '../papers/official-document.js';
import { docxFile, type PaperFile } from '../papers/paper-file.js';
import { getTerm } from '../roster/service.js';
import { ballotProgressLines } from '../script/ballot-lines.js';
import { chineseNumber } from '../script/numbers.js';
import { attendanceLines } from '../script/wording.js';
import { congressBody, getSession, presentSession } from '../sessions/service.js';
import { writtenDate } from '../papers/dates.js';
import { chinaDay } from './calendar.js';
import { listSessionResolutions } from '../resolutions/service.js';
import { getAftermath } from './service.js';

export type ReportDeps = CoreContext & Pick<AppContext, 'votes'>;

const SITTING_NAMES = { preparatory: '预备会议', plenary: '全体会议', extraordinary: '临时会议', joint: '联席会议' } as const;

async function sittingFigures(context: ReportDeps, meetingIds: readonly string[]) {
  return Promise.all(
    meetingIds.map(async (meetingId) => {
      const meeting = await getMeeting(context, meetingId);
      const counts = await attendanceCounts(context, meeting);
      const facts = { title: meeting.title, kind: meeting.kind, sitting: meeting.sitting };
      const words = attendanceLines(facts, counts)
        .filter((line) => line.kind === 'speech')
        .map((line) => line.text.replace(/^本次[^应]*应/, '应'))
        .join('');
      return {
        meetingId,
        title: meeting.title,
        sitting: meeting.sitting,
        heldOn: meeting.opened_at ? chinaDay(meeting.opened_at) : null,
        eligible: counts.eligible,
        onLeave: counts.onLeave,
        present: counts.present,
        quorumReached: counts.quorum.reached,
        words,
      };
    }),
  );
}

/** Every ballot of the sittings with a result (closed or published), in the chair's words of its result. */
async function ballotResults(context: ReportDeps, sittings: readonly { meetingId: string; title: string; sitting: string }[]) {
  const results = [];
  for (const sitting of sittings) {
    const meeting = await getMeeting(context, sitting.meetingId);
    const facts = { kind: meeting.kind, sitting: meeting.sitting };
    for (const { row } of await presentMeetingBallots(context.db, sitting.meetingId, 'officer')) {
      if (row.state !== 'closed' && row.state !== 'published') continue;
      const view = await viewBallot(context, row, 'officer');
      const lines = ballotProgressLines(view, facts)
        .filter((line) => line.kind === 'speech')
        .map((line) => line.text.replace(/^现在宣布表决结果：/, ''));
      results.push({ ballotId: row.id, meetingId: sitting.meetingId, title: row.title, published: row.state === 'published', lines });
    }
  }
  return results;
}

function countByState(motions: Awaited<ReturnType<typeof sittingMotions>>) {
  const counts = new Map<string, { state: string; stateName: string; count: number }>();
  for (const motion of motions) {
    const entry = counts.get(motion.state) ?? { state: motion.state, stateName: motion.stateName, count: 0 };
    entry.count += 1;
    counts.set(motion.state, entry);
  }
  return [...counts.values()];
}

/** A resolution's state as the report words it. */
const RESOLUTION_STATE_WORDS = { draft: '未付表决', on_ballot: '待表决', voting: '表决中', adopted: '通过', not_adopted: '未通过' } as const;

export async function sessionReport(context: ReportDeps, sessionId: string) {
  const session = await getSession(context, sessionId);
  const term = await getTerm(context, session.term_id);
  const { meetingIds } = await presentSession(context, session);
  const [aftermath, sittings, credentials, agenda, resolutions, motions] = await Promise.all([
    getAftermath(context, sessionId),
    sittingFigures(context, meetingIds),
    getCredentialsReport(context, sessionId),
    listAgendaItems(context, sessionId),
    listSessionResolutions(context, sessionId),
    sittingMotions(context, meetingIds),
  ]);
  const ballots = await ballotResults(context, sittings);
  const motionStates = countByState(motions);
  const body = congressBody(await Promise.all(meetingIds.map((meetingId) => getMeeting(context, meetingId))));
  const congress = `${term.title}${body}${session.title}`;
  const blocks: PaperBlock[] = [];
  const paragraph = (text: string): void => {
    blocks.push({ kind: 'paragraph', text });
  };
  const heading = (level: 1 | 2, text: string): void => {
    blocks.push({ kind: 'heading', level, text });
  };
  let section = 0;
  const nextSection = (text: string) => heading(1, `${chineseNumber(++section)}、${text}`);

  const held = sittings
    .map((sitting) => sitting.heldOn)
    .filter((day): day is string => day !== null)
    .sort();
  const span = held.length === 0 ? '' : held[0] === held.at(-1) ? `于${writtenDate(held[0]!)}` : `于${writtenDate(held[0]!)}至${writtenDate(held.at(-1)!)}`;
  const closing = aftermath.closedOn ? `，${writtenDate(aftermath.closedOn)}闭幕` : '';
  paragraph(`${congress}${span}召开，共举行会议${sittings.length}次${closing}。现将会议召开情况报告如下：`);

  nextSection('会议出席情况');
  for (const sitting of sittings) paragraph(`${sitting.title}（${SITTING_NAMES[sitting.sitting]}${sitting.heldOn ? `，${writtenDate(sitting.heldOn)}` : ''}）：${sitting.words}`);

  nextSection('代表资格审查情况');
  const figures = credentials.adopted?.report ?? credentials.current;
  if (credentials.adopted) paragraph(`代表资格审查报告经${credentials.adopted.ballotTitle}通过。`);
  else paragraph('代表资格审查报告尚未经预备会议通过，以下为按现有名册统计的情况。');
  for (const text of figures.paragraphs) paragraph(text);

  nextSection('会议议程');
  if (agenda.length === 0) paragraph('本次会议未列议程。');
  for (const [index, item] of agenda.entries()) paragraph(`${index + 1}. ${item.title}${item.presenter ? `（${item.presenter}）` : ''}`);

  nextSection('表决和选举结果');
  if (ballots.length === 0) paragraph('本次会议没有已有结果的表决。');
  for (const [index, ballot] of ballots.entries()) {
    heading(2, `（${chineseNumber(index + 1)}）${ballot.title}`);
    for (const line of ballot.lines) paragraph(line);
  }

  nextSection('会议决议');
  if (resolutions.length === 0) paragraph('本次会议没有列入的决议。');
  for (const [index, resolution] of resolutions.entries()) paragraph(`${index + 1}. ${resolution.title}（${RESOLUTION_STATE_WORDS[resolution.state]}）`);

  nextSection('提案情况');
  const byState = motionStates.map((entry) => `${entry.stateName}${entry.count}件`).join('，');
  paragraph(motions.length === 0 ? '本次会议未收到提案。' : `本次会议共收到提案${motions.length}件，其中${byState}。`);

  paragraph('特此报告。');
  const document: OfficialDocument = {
    title: `关于召开${congress}的情况报告`,
    recipient: `${aftermath.report.sentTo ?? '上级工会'}：`,
    blocks,
    signature: `${term.title}${body}`,
    date: chinaDay(context.clock()),
    fileName: `${congress}召开情况报告`,
  };
  return {
    sessionId,
    termId: session.term_id,
    title: document.title,
    closedOn: aftermath.closedOn,
    report: aftermath.report,
    sittings: sittings.map(({ words: _words, ...sitting }) => sitting),
    credentials: { representatives: figures.representatives, attendees: figures.attendees, adopted: credentials.adopted !== null, allMet: figures.allMet },
    agenda: agenda.map((item) => ({ id: item.id, title: item.title })),
    ballots,
    resolutions,
    motions: { total: motions.length, byState: motionStates },
    document,
  };
}

/** The report's document as a .docx in the official layout, with the figures as they are now. */
export async function reportDocx(context: ReportDeps & Pick<AppContext, 'paperWork'>, sessionId: string): Promise<PaperFile> {
  return docxFile(context, (await sessionReport(context, sessionId)).document);
}
