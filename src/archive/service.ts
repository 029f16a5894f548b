// The session archive (归档): one zip of what the session leaves on record, written file by file into
// an ArchiveWriter, manifest.json last. Only what may be published goes in: result notices of
// published ballots (a secret ballot's counts, nothing per voter), attendance by status without
// times, no receipts, codes or tokens.
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import type { AccountActor } from '../actors.js';
import { listAgendaItems, listSessionSittings } from '../agenda/service.js';
import { auditRowsOfMeetings } from '../audit/service.js';
import { listBallotsFor, publishedNotice } from '../ballots/service.js';
import type { AppContext } from '../context.js';
import { credentialsPaper } from '../credentials/paper.js';
import { getCredentialsReport } from '../credentials/service.js';
import { recordPaper } from '../documents/record-paper.js';
import { consultationRecord, listDocumentsFor } from '../documents/service.js';
import { attendanceCounts, attendancePages } from '../meetings/service.js';
import { exportRegister } from '../motions/tracker.js';
import { docxFile } from '../papers/paper-file.js';
import { renderPaperPdf } from '../papers/render.js';
import { noticeDocument } from '../aftermath/public.js';
import { sessionReport } from '../aftermath/report.js';
import { publishedResolutionsPaper } from '../resolutions/service.js';
import { getSession } from '../sessions/service.js';
import { safeName } from './manifest.js';
import { packRows } from '../papers/packed-rows.js';
import { ATTENDANCE_HEADER, agendaPaper, attendanceCells, attendancePaper, packAttendancePage } from './papers.js';
import type { ArchiveWriter } from './writer.js';

export type ArchiveDeps = AppContext;

/** A cell a spreadsheet would run as a formula is written as text (CSV injection). */
function inert(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/**
 * A CSV file (UTF-8 with BOM) from its rows a page at a time: each page becomes one Buffer, so a
 * 10,000-row list is a few dozen chunks in flight to the zip, not 10,000 records and their strings.
 */
function csvOf(header: string[], pages: AsyncIterable<readonly string[][]>): Readable {
  async function* chunks() {
    yield Buffer.from(`\ufeff${stringify([header])}`);
    for await (const rows of pages) yield Buffer.from(stringify(rows.map((row) => row.map(inert))));
  }
  return Readable.from(chunks(), { objectMode: false });
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
    const attendanceFigures = {
      eligible: counts.eligible,
      present: counts.present,
      onLeave: counts.onLeave,
      absent: counts.absent,
      attendees: counts.attendees,
      attendeesPresent: counts.attendeesPresent,
    };
    // A 10,000-name list is read a page at a time for each copy, never held as rows (./papers.ts).
    const pages: string[] = [];
    let listed = 0;
    for await (const page of attendancePages(context, sitting.id)) {
      pages.push(packAttendancePage(page, listed + 1));
      listed += page.length;
    }
    await writer.add(`${folder}/签到表.pdf`, await pdf(attendancePaper(sitting, packRows(pages), attendanceFigures)), attendanceFigures);
    const csvPages = async function* () {
      for await (const page of attendancePages(context, sitting.id)) yield page.map(attendanceCells);
    };
    await writer.add(`${folder}/签到表.csv`, csvOf(ATTENDANCE_HEADER, csvPages()), attendanceFigures);

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

  const auditPages = async function* () {
    let page: string[][] = [];
    for await (const row of auditRowsOfMeetings(
      context,
      sittings.map((sitting) => sitting.id),
    )) {
      page.push([String(row.id), row.at, row.actor, row.action, (row.meetingId && sittingTitles.get(row.meetingId)) ?? '', row.ballotId ?? '', row.detail, row.prevHash ?? '', row.hash ?? '']);
      if (page.length === 1000) {
        yield page;
        page = [];
      }
    }
    if (page.length > 0) yield page;
  };
  // The chain's two hashes (src/audit/chain.ts): the session's rows are a part of the whole log, so
  // a row's prev_hash names a row of the log, perhaps not in this file; the hashes let each row be
  // matched with `npm run admin -- audit-verify` on the server's own database.
  await writer.add('审计日志.csv', csvOf(['编号', '时间', '操作人', '操作', '会议', '表决', '详情', '上一条哈希 prev_hash', '本条哈希 hash'], auditPages()));
  writer.finish({ session: { id: session.id, title: session.title }, generatedAt: context.clock().toISOString(), unpublishedBallots });
}
