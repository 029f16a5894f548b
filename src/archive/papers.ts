// The session's records as papers for the archive: the agenda and each sitting's attendance list (the
// credentials report, the consultation records and the resolutions are their domains' own papers). Pure: words and structure from the
// figures the domains give; the PDF engine decides the rest.
import type { AgendaItem } from '../agenda/service.js';
import type { OfficialDocument } from '../papers/official-document.js';
import { packRow, packRows } from '../papers/packed-rows.js';

const agendaKindNames: Record<AgendaItem['kind'], string> = {
  report: '报告',
  document: '审议文件',
  ballot: '表决',
  election: '选举',
  motions_report: '提案工作报告',
  joint_confirmation: '确认联席会议决定',
  other: '其他',
};

export function agendaPaper(session: { title: string }, items: readonly AgendaItem[], sittingTitles: ReadonlyMap<string, string>, adoptedAt: string | null): OfficialDocument {
  return {
    title: `${session.title}议程`,
    subtitle: adoptedAt ? `（${adoptedAt.slice(0, 10)}预备会议通过）` : '（草案，尚未通过）',
    blocks: [
      {
        kind: 'table',
        header: ['序号', '议题', '类别', '报告人', '会议'],
        rows: items.map((item, index) => [String(index + 1), item.title, agendaKindNames[item.kind], item.presenter ?? '', item.meetingId ? (sittingTitles.get(item.meetingId) ?? '') : '未安排']),
        widths: [1, 5, 2, 2, 3],
      },
    ],
    fileName: `议程-${session.title}`,
  };
}

export interface AttendanceRow {
  name: string;
  staffNumber: string;
  role: 'representative' | 'attendee';
  delegationName: string | null;
  status: 'present' | 'absent' | 'on_leave' | 'not_checked_in';
}

export interface AttendanceFigures {
  eligible: number;
  present: number;
  onLeave: number;
  absent: number;
  attendees: number;
  attendeesPresent: number;
}

export const attendanceStatusNames: Record<AttendanceRow['status'], string> = { present: '已签到', absent: '缺席', on_leave: '请假', not_checked_in: '未签到' };
const roleNames: Record<AttendanceRow['role'], string> = { representative: '代表', attendee: '列席' };

/** One line per person: status only, never the time of check-in (it could be matched against votes). */
export function attendanceCells(row: AttendanceRow): string[] {
  return [row.name, row.staffNumber, row.delegationName ?? '', roleNames[row.role], attendanceStatusNames[row.status]];
}
export const ATTENDANCE_HEADER = ['姓名', '工号', '代表团', '身份', '签到情况'];

/** A page of the list as the paper's packed rows (src/papers/packed-rows.ts), numbered on from `first`. */
export function packAttendancePage(rows: readonly AttendanceRow[], first: number): string {
  return packRows(rows.map((row, index) => packRow([String(first + index), ...attendanceCells(row)])));
}

/** `packed`: the list's rows, packed a page at a time by packAttendancePage and those joined by packRows. */
export function attendancePaper(sitting: { title: string }, packed: string, figures: AttendanceFigures): OfficialDocument {
  return {
    title: `${sitting.title}签到表`,
    blocks: [
      {
        kind: 'paragraph',
        text: `应到代表${figures.eligible}人，实到${figures.present}人，请假${figures.onLeave}人，缺席${figures.absent}人；列席代表${figures.attendees}人，到会${figures.attendeesPresent}人。`,
      },
      { kind: 'packedTable', header: ['序号', ...ATTENDANCE_HEADER], packed, widths: [1.2, 2, 2, 3, 1.2, 1.6] },
    ],
    fileName: `签到表-${sitting.title}`,
  };
}
