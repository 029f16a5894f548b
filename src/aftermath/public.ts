// A session's public notice (公告/公示) as anyone reads it, without signing in (issue 13): what the
// notice published — each published ballot exactly as its own public result shows it (a secret
// ballot: only its published notice), the resolutions and the motions handled — and nothing while
// unpublished. Once taken down it says so and shows nothing more.
import { presentMeetingBallots } from '../ballots/ballot-views.js';
import { publicResult } from '../ballots/service.js';
import type { AppContext, CoreContext } from '../context.js';
import { fail } from '../errors.js';
import { getMeeting } from '../meetings/service.js';
import { sittingMotions } from '../motions/sitting-motions.js';
import { getTerm } from '../roster/service.js';
import { congressBody, getSession, presentSession } from '../sessions/service.js';
import { chinaDay } from './calendar.js';
import * as repository from './repository.js';
import { publishedResolutionsOfBallot } from '../resolutions/voting.js';
import type { OfficialDocument } from '../papers/official-document.js';
import { docxFile, type PaperFile } from '../papers/paper-file.js';
import { noticePaper } from './notice-paper.js';

/** Reading a notice may settle a resolution whose ballot's follow-up failed (a write), hence the core context. */
export type PublicNoticeDeps = CoreContext & Pick<AppContext, 'votes'>;

export async function publicNotice(context: PublicNoticeDeps, sessionId: string) {
  const row = await repository.findAftermath(context.db, sessionId);
  if (!row?.notice_published_at || !row.notice_posted_until) return fail('NOTICE_NOT_FOUND');
  const session = await getSession(context, sessionId);
  const term = await getTerm(context, session.term_id);
  const { meetingIds } = await presentSession(context, session);
  const sittings = await Promise.all(meetingIds.map((meetingId) => getMeeting(context, meetingId)));
  const heading = {
    sessionId,
    title: `${term.title}${congressBody(sittings)}${session.title}`,
    sittings: sittings.map((meeting) => ({ id: meeting.id, title: meeting.title, openedAt: meeting.opened_at, closedAt: meeting.closed_at })),
    closedOn: session.closed_at ? chinaDay(session.closed_at) : null,
    publishedOn: chinaDay(row.notice_published_at),
    postedUntil: row.notice_posted_until,
    takenDownOn: row.notice_taken_down_at ? chinaDay(row.notice_taken_down_at) : null,
  };
  if (row.notice_taken_down_at) return { ...heading, ballots: [], resolutions: [], motions: [] };
  const ballots = [];
  const resolutions = [];
  for (const meetingId of meetingIds) {
    for (const { row: ballot } of await presentMeetingBallots(context.db, meetingId, 'public')) {
      if (ballot.state !== 'published') continue;
      // Each ballot as its own notice shows it, resolutions under their items; the resolutions again as a list.
      const decided = await publishedResolutionsOfBallot(context, ballot.id);
      ballots.push({ ...(await publicResult(context, ballot)), resolutions: decided });
      resolutions.push(...decided);
    }
  }
  const motions = (await sittingMotions(context, meetingIds)).map(({ id: _id, meetingId: _meetingId, ...motion }) => motion);
  return { ...heading, ballots, resolutions, motions };
}

/**
 * The notice as a .docx for the secretary: exactly what the public reads (a notice taken down says
 * so). An unknown session: SESSION_NOT_FOUND; a notice never published: NOTICE_NOT_PUBLISHED.
 */
/** The notice as a paper, once it has been published (the archive keeps it); null before. */
export async function noticeDocument(context: PublicNoticeDeps, sessionId: string): Promise<OfficialDocument | null> {
  const row = await repository.findAftermath(context.db, sessionId);
  return row?.notice_published_at ? noticePaper(await publicNotice(context, sessionId)) : null;
}

export async function noticeDocx(context: PublicNoticeDeps & Pick<AppContext, 'paperWork'>, sessionId: string): Promise<PaperFile> {
  await getSession(context, sessionId);
  const row = await repository.findAftermath(context.db, sessionId);
  if (!row?.notice_published_at) fail('NOTICE_NOT_PUBLISHED');
  return docxFile(context, noticePaper(await publicNotice(context, sessionId)));
}
