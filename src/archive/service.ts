// The session archive (归档): one zip of what the session leaves on record, written file by file into
// an ArchiveWriter, manifest.json last. Only what may be published goes in: result notices of
// published ballots (a secret ballot's counts, nothing per voter), attendance by status without
// times, no receipts, codes or tokens.
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { AccountActor } from '../actors.js';
import { listAgendaItems, listSessionSittings } from '../agenda/service.js';
import { auditRowsOfMeetings } from '../audit/service.js';
import { listBallotsFor, publishedNotice } from '../ballots/service.js';
import type { AppContext } from '../context.js';
import { credentialsPaper } from '../credentials/paper.js';
import { getCredentialsReport } from '../credentials/service.js';
import { recordPaper } from '../documents/record-paper.js';
import { consultationRecord, listDocumentsFor } from '../documents/service.js';
import { attendanceCounts, listAttendance } from '../meetings/service.js';
import { exportRegister } from '../motions/tracker.js';
import { docxFile } from '../papers/paper-file.js';
import { renderPaperPdf } from '../papers/render.js';
import { noticeDocument } from '../aftermath/public.js';
import { sessionReport } from '../aftermath/report.js';
import { publishedResolutionsPaper } from '../resolutions/service.js';
import { getSession } from '../sessions/service.js';
import { safeName } from './manifest.js';
import { ATTENDANCE_HEADER, agendaPaper, attendanceCells, attendancePaper } from './papers.js';
import type { ArchiveWriter } from './writer.js';

export type ArchiveDeps = AppContext;

/** A cell a spreadsheet would run as a formula is written as text (CSV injection). */
function inert(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

function csvOf(header: string[], rows: Iterable<string[]> | AsyncIterable<string[]>): Readable {
  async function* records() {
    yield header;
    for await (const row of rows) yield row.map(inert);
  }
  return Readable.from(records()).pipe(stringify({ bom: true }));
}

export async function writeSessionArchive(context: ArchiveDeps, actor: AccountActor, sessionId: string, writer: ArchiveWriter): Promise<void> {
  const session = await getSession(context, sessionId);
  const sittings = await listSessionSittings(context, sessionId);
  const sittingTitles = new Map(sittings.map((sitting) => [sitting.id, sitting.title]));
  const pdf = (document: Parameters<typeof renderPaperPdf>[1]) => renderPaperPdf(context, document);

  // What the session decided and reported, each as .docx (the official layout) and as PDF, all made
  // in the one paper worker. The heavy-work worker, idle once an import is read, is let go first: it
  // would otherwise stay in memory beside the paper worker (each costs ~50 MB) until its idle time.
  context.heavyWork.release();
  const resolutions = await publishedResolutionsPaper(context, sessionId);
  const notice = await noticeDocument(context, sessionId);
  const report = await sessionReport(context, sessionId);
  const papers = [
    ...(resolutions ? [{ name: '决议', paper: resolutions.paper, figures: { adopted: resolutions.adopted, notAdopted: resolutions.notAdopted } }] : []),
    ...(notice ? [{ name: '会议公告', paper: notice, figures: { published: true } }] : []),
    { name: '职代会召开情况报告', paper: report.document, figures: { sittings: report.sittings.length, ballots: report.ballots.length, resolutions: report.resolutions.length } },
  ];
  const agenda = await listAgendaItems(context, sessionId);
  await writer.add('议程.pdf', await pdf(agendaPaper(session, agenda, sittingTitles, session.agenda_adopted_at)), { items: agenda.length, adopted: session.agenda_adopted_at !== null });

  const credentials = await getCredentialsReport(context, sessionId);
  const stated = credentials.adopted?.report ?? credentials.current;
  await writer.add('代表资格审查报告.pdf', await pdf(credentialsPaper(credentials)), {
    adopted: credentials.adopted !== null,
    representatives: stated.representatives,
    attendees: stated.attendees,
    allMet: stated.allMet,
  });

  for (const { name, paper, figures } of papers) {
    await writer.add(`${name}.docx`, (await docxFile(context, paper)).body, figures);
    await writer.add(`${name}.pdf`, await pdf(paper), figures);
  }

  const unpublishedBallots: { id: string; title: string; state: string }[] = [];
  for (const [index, sitting] of sittings.entries()) {
    const folder = `${String(index + 1).padStart(2, '0')}-${safeName(sitting.title)}`;
    const counts = await attendanceCounts(context, sitting);
    const attendance = await listAttendance(context, sitting.id);
    const attendanceFigures = {
      eligible: counts.eligible,
      present: counts.present,
      onLeave: counts.onLeave,
      absent: counts.absent,
      attendees: counts.attendees,
      attendeesPresent: counts.attendeesPresent,
    };
    await writer.add(`${folder}/签到表.pdf`, await pdf(attendancePaper(sitting, attendance, attendanceFigures)), attendanceFigures);
    await writer.add(`${folder}/签到表.csv`, csvOf(ATTENDANCE_HEADER, attendance.map(attendanceCells)), attendanceFigures);

    for (const ballot of await listBallotsFor(context, actor, sitting)) {
      if (ballot.state !== 'published') {
        unpublishedBallots.push({ id: ballot.id, title: ballot.title, state: ballot.state });
        continue;
      }
      const notice = await publishedNotice(context, ballot.id);
      await writer.add(`${folder}/表决结果/${safeName(ballot.title)}-${ballot.id.slice(0, 8)}.pdf`, await pdf(notice.document), { ...notice.figures });
    }

    for (const document of await listDocumentsFor(context, actor, sitting.id)) {
      const record = await consultationRecord(context, actor, document.id);
      await writer.add(`${folder}/征求意见记录/${safeName(document.title)}-${document.id.slice(0, 8)}.pdf`, await pdf(recordPaper(record)), { ...record.adoption, rounds: record.rounds.length });
    }

    const register = await exportRegister(context, actor, { meetingId: sitting.id, dueSoonDays: 7, format: 'xlsx' });
    await writer.add(`${folder}/提案汇编.xlsx`, register.body);
  }

  const auditRows = async function* () {
    for await (const row of auditRowsOfMeetings(
      context,
      sittings.map((sitting) => sitting.id),
    ))
      yield [String(row.id), row.at, row.actor, row.action, (row.meetingId && sittingTitles.get(row.meetingId)) ?? '', row.ballotId ?? '', row.detail, row.prevHash ?? '', row.hash ?? ''];
  };
  // The chain's two hashes (src/audit/chain.ts): the session's rows are a part of the whole log, so
  // a row's prev_hash names a row of the log, perhaps not in this file; the hashes let each row be
  // matched with `npm run admin -- audit-verify` on the server's own database.
  await writer.add('审计日志.csv', csvOf(['编号', '时间', '操作人', '操作', '会议', '表决', '详情', '上一条哈希 prev_hash', '本条哈希 hash'], auditRows()));

  writer.finish({ session: { id: session.id, title: session.title }, generatedAt: context.clock().toISOString(), unpublishedBallots });
}
