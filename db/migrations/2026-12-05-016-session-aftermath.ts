// What follows a session's close (issue 13): the session is closed (闭幕) at a date; its public
// notice (公告/公示) is published, posted until a date and perhaps taken down early; its report to the
// higher-level union (职代会召开情况报告) is sent on a date to a body. One row per session once any
// of these happened; dates are ISO days (2026-12-03), instants ISO strings.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE congress_session ADD COLUMN closed_at TEXT`.execute(db);
  await sql
    .raw(`CREATE TABLE session_aftermath (
    session_id TEXT PRIMARY KEY REFERENCES congress_session(id) ON DELETE CASCADE,
    notice_published_at TEXT,
    notice_posted_until TEXT,
    notice_taken_down_at TEXT,
    notice_take_down_reason TEXT,
    report_sent_on TEXT,
    report_sent_to TEXT,
    report_recorded_at TEXT,
    CHECK (notice_posted_until IS NULL OR notice_published_at IS NOT NULL),
    CHECK (notice_taken_down_at IS NULL OR notice_take_down_reason IS NOT NULL),
    CHECK ((report_sent_on IS NULL) = (report_sent_to IS NULL))
  )`)
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('DROP TABLE session_aftermath').execute(db);
  await sql`ALTER TABLE congress_session DROP COLUMN closed_at`.execute(db);
}
