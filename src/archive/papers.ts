// The session's records as papers for the archive: the agenda, each sitting's attendance list, the
// credentials report and each document's consultation record. Pure: words and structure from the
// figures the domains give; the PDF engine decides the rest.
import type { AgendaItem } from '../agenda/service.js';
import type { CredentialsReport } from '../credentials/schemas.js';
import type { RecordResponse } from '../documents/schemas.js';
import type { OfficialDocument } from '../papers/official-document.js';

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

export function attendancePaper(sitting: { title: string }, rows: readonly AttendanceRow[], figures: AttendanceFigures): OfficialDocument {
  return {
    title: `${sitting.title}签到表`,
    blocks: [
      {
        kind: 'paragraph',
        text: `应到代表${figures.eligible}人，实到${figures.present}人，请假${figures.onLeave}人，缺席${figures.absent}人；列席代表${figures.attendees}人，到会${figures.attendeesPresent}人。`,
      },
      { kind: 'table', header: ['序号', ...ATTENDANCE_HEADER], rows: rows.map((row, index) => [String(index + 1), ...attendanceCells(row)]), widths: [1.2, 2, 2, 3, 1.2, 1.6] },
    ],
    fileName: `签到表-${sitting.title}`,
  };
}

export function credentialsPaper(report: CredentialsReport): OfficialDocument {
  const adopted = report.adopted;
  const figures = adopted?.report ?? report.current;
  return {
    title: report.title,
    subtitle: adopted ? `（${adopted.at.slice(0, 10)}经“${adopted.ballotTitle}”通过）` : '（尚未通过，按当前名册计算）',
    blocks: [
      ...figures.paragraphs.map((text) => ({ kind: 'paragraph' as const, text })),
      { kind: 'heading', level: 1, text: '一、各代表团代表人数' },
      {
        kind: 'table',
        header: ['代表团', '代表', '列席代表'],
        rows: figures.delegations.map((delegation) => [delegation.name, String(delegation.representatives), String(delegation.attendees)]),
        widths: [4, 2, 2],
      },
      { kind: 'heading', level: 1, text: '二、构成审查' },
      {
        kind: 'table',
        header: ['规定', '要求', '实际', '结果'],
        rows: figures.checks.map((check) => [check.wording, String(check.required), String(check.actual), check.met ? '符合' : '不符合']),
        widths: [6, 1.5, 1.5, 1.5],
      },
    ],
    fileName: `代表资格审查报告-${report.title}`,
  };
}

const responseNames: Record<string, string> = { adopted: '采纳', partly_adopted: '部分采纳', not_adopted: '不采纳' };

/**
 * The consultation record (征求意见记录): rounds, each consolidated opinion and its answer, adoption
 * figures. A vote is named with its outcome only once its ballot is published.
 */
export function recordPaper(record: RecordResponse): OfficialDocument {
  const { document, adoption } = record;
  const blocks: OfficialDocument['blocks'] = [
    { kind: 'paragraph', text: `文件类别：${document.kindName}；起草部门：${document.draftingDepartment.name}；状态：${document.stateName}；计划轮次：${document.roundsPlanned}。` },
    {
      kind: 'paragraph',
      text: `汇总意见${adoption.consolidated}条，采纳${adoption.adopted}条，部分采纳${adoption.partlyAdopted}条，不采纳${adoption.notAdopted}条，未答复${adoption.unanswered}条。`,
    },
  ];
  for (const round of record.rounds) {
    blocks.push({ kind: 'heading', level: 1, text: `第${round.number}轮（${round.names.down}／${round.names.up}）` });
    blocks.push({ kind: 'paragraph', text: `第${round.versionNumber}稿，${round.issuedAt.slice(0, 10)}下发，截止${round.deadlineAt.slice(0, 10)}，收到意见${round.opinions}条。` });
    if (round.report.entries.length > 0) {
      blocks.push({
        kind: 'table',
        header: ['代表团', '条款', '意见', '答复'],
        rows: round.report.entries.map((entry) => [
          entry.delegationName,
          entry.label,
          entry.content,
          entry.response ? `${responseNames[entry.response.outcome] ?? entry.response.outcome}${entry.response.reason ? `：${entry.response.reason}` : ''}` : '未答复',
        ]),
        widths: [2, 2, 5, 4],
      });
    }
  }
  if (record.votes.length > 0) {
    blocks.push({ kind: 'heading', level: 1, text: '表决' });
    for (const vote of record.votes) {
      const published = vote.ballot?.state === 'published';
      const outcome = !published ? '结果尚未公布' : vote.outcome === 'approved' ? '通过' : vote.outcome === 'rejected' ? '未通过' : '未定';
      blocks.push({ kind: 'paragraph', text: `${vote.itemTitle}：${outcome}` });
    }
  }
  return { title: `《${document.title}》征求意见记录`, blocks, fileName: `征求意见记录-${document.title}` };
}
