// The secretariat's tracker: the dashboard figures and the two exports, loaded for one meeting's
// motions (or all of them) at the context's clock, so tests can set the time.
import type { Actor } from '../actors.js';
import type { AppContext, CoreContext } from '../context.js';
import { getMeeting } from '../meetings/service.js';
import { listDepartments } from '../departments/service.js';
import { askerOf, requireOfficer } from './access.js';
import { contentDisposition } from '../http/content-disposition.js';
import { type MotionFacts, motionDashboard } from './dashboard.js';
import { type RegisterEntry, ratingNames, registerTable, reportTables, type Table, tablesToCsv, tablesToXlsx } from './exports.js';
import * as handling from './handling-repository.js';
import * as repository from './repository.js';
import { type Dashboard, motionCategoryNames } from './schemas.js';
import { motionStateNames } from './workflow.js';
import { docxFile } from '../papers/paper-file.js';
import { registerPaper, reportPaper } from './papers.js';

interface TrackerQuery {
  meetingId?: string | undefined;
  dueSoonDays: number;
}

async function scopeOf(context: CoreContext, actor: Actor, meetingId: string | undefined) {
  requireOfficer(await askerOf(context, actor));
  return meetingId ? await getMeeting(context, meetingId) : null;
}

export async function dashboardFor(context: CoreContext, actor: Actor, query: TrackerQuery): Promise<Dashboard> {
  const meeting = await scopeOf(context, actor, query.meetingId);
  return figures(context, meeting?.id, query.dueSoonDays);
}

async function figures(context: CoreContext, meetingId: string | undefined, dueSoonDays: number): Promise<Dashboard> {
  const [motions, departments] = await Promise.all([motionFacts(context, meetingId), listDepartments(context)]);
  return motionDashboard({
    motions,
    departments: departments.map((department) => ({ id: department.id, name: department.name, disabled: department.disabled })),
    now: context.clock(),
    dueSoonDays,
    meetingId: meetingId ?? null,
  });
}

/** Every submitted motion of a meeting (or of all) as the dashboard counts it; the agenda's motions work report counts them too. */
export async function motionFacts(context: Pick<CoreContext, 'db'>, meetingId: string | undefined): Promise<MotionFacts[]> {
  const rows = await handling.listMotionFacts(context.db, meetingId);
  return rows.map((row) => ({
    id: row.id,
    number: row.number,
    subject: row.subject,
    category: row.category,
    state: row.state,
    reviewOutcome: row.review_outcome,
    leadDepartment: row.department_id && row.department_name ? { id: row.department_id, name: row.department_name } : null,
    dueAt: row.due_at,
    firstReplyOnTime: row.first_reply_on_time === null || row.first_reply_on_time === undefined ? null : row.first_reply_on_time === 1,
    latestRating: row.latest_rating ?? null,
  }));
}

async function registerEntries(context: CoreContext, meetingId: string | undefined): Promise<RegisterEntry[]> {
  const rows = await repository.listMotions(context.db, { visibility: { kind: 'officer' }, meetingId, submittedOnly: true, limit: 100_000, offset: 0 });
  const ids = rows.map((row) => row.id);
  const [seconders, assignments] = await Promise.all([repository.listSeconders(context.db, ids), handling.listAssignments(context.db, ids)]);
  const numbers = new Map(rows.map((row) => [row.id, row.number]));
  return rows.map((row) => {
    const active = assignments.filter((assignment) => assignment.motion_id === row.id && assignment.active === 1);
    const reviewNote = row.merged_into_id
      ? `合并至 ${numbers.get(row.merged_into_id) ?? ''}`.trim()
      : row.rejection_reason
        ? `${row.rejection_reason}${row.converted_to_suggestion ? '(转为意见建议)' : ''}`
        : null;
    return {
      number: row.number,
      subject: row.subject,
      categoryName: motionCategoryNames[row.category],
      proposer: row.proposer_name,
      seconders: seconders.filter((seconder) => seconder.motion_id === row.id).map((seconder) => seconder.name),
      stateName: motionStateNames[row.state],
      reasons: row.reasons,
      measures: row.measures,
      leadDepartment: active.find((assignment) => assignment.role === 'lead')?.department_name ?? null,
      coDepartments: active.filter((assignment) => assignment.role === 'co').map((assignment) => assignment.department_name),
      dueAt: row.due_at,
      grade: row.latest_grade ?? null,
      rating: row.latest_rating ? ratingNames[row.latest_rating] : null,
      reviewNote,
      submittedAt: row.submitted_at,
    };
  });
}

export interface ExportFile {
  body: Buffer;
  contentType: string;
  contentDisposition: string;
}

type ExportFormat = 'csv' | 'xlsx' | 'docx';
type ExportDeps = CoreContext & Pick<AppContext, 'paperWork'>;

async function asFile(tables: Table[], format: 'csv' | 'xlsx', name: string): Promise<ExportFile> {
  if (format === 'csv') return { body: tablesToCsv(tables), contentType: 'text/csv; charset=utf-8', contentDisposition: contentDisposition(`${name}.csv`) };
  return { body: await tablesToXlsx(tables), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', contentDisposition: contentDisposition(`${name}.xlsx`) };
}

export async function exportRegister(context: ExportDeps, actor: Actor, query: TrackerQuery & { format: ExportFormat }): Promise<ExportFile> {
  const meeting = await scopeOf(context, actor, query.meetingId);
  const entries = await registerEntries(context, meeting?.id);
  const name = `提案汇编-${meeting?.title ?? '全部'}`;
  if (query.format === 'docx') return docxFile(context, registerPaper(entries, meeting?.title ?? null, name));
  return asFile([registerTable(entries)], query.format, name);
}

export async function exportReport(context: ExportDeps, actor: Actor, query: TrackerQuery & { format: ExportFormat }): Promise<ExportFile> {
  const meeting = await scopeOf(context, actor, query.meetingId);
  const tables = reportTables(await figures(context, meeting?.id, query.dueSoonDays));
  const name = `提案落实情况报告-${meeting?.title ?? '全部'}`;
  if (query.format === 'docx') return docxFile(context, reportPaper(tables, meeting?.title ?? null, name));
  return asFile(tables, query.format, name);
}
