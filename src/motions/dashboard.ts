// The tracker's figures (提案工作统计), pure: counts by status, category and department, the four
// rates the implementation report (提案落实情况报告) quotes, and the overdue (超期) and due-soon
// lists. The dashboard, the CSV and the XLSX report all come from this one function, so they agree.
import type { Dashboard, MotionCategory } from './schemas.js';
import { MOTION_CATEGORIES, motionCategoryNames } from './schemas.js';
import { handlingStates, MOTION_STATES, type MotionState, type Rating } from './workflow.js';

const DAY_MS = 86_400_000;

/** One submitted motion as the figures need it (drafts never reach here). */
export interface MotionFacts {
  id: string;
  number: string | null;
  subject: string;
  category: MotionCategory;
  state: MotionState;
  reviewOutcome: 'accepted' | 'merged' | 'resolution' | 'not_accepted' | null;
  leadDepartment: { id: string; name: string } | null;
  dueAt: string | null;
  /** The first reply (答复): null while there is none. */
  firstReplyOnTime: boolean | null;
  /** The proposer's latest rating, after any re-handling. */
  latestRating: Rating | null;
}

export interface Rate {
  count: number;
  of: number;
  percent: number | null;
}

export function rate(count: number, of: number): Rate {
  return { count, of, percent: of === 0 ? null : Math.round((count * 1000) / of) / 10 };
}

/** Being handled, with a deadline that has passed. */
export function isOverdue(motion: Pick<MotionFacts, 'state' | 'dueAt'>, now: Date): boolean {
  return handlingStates.includes(motion.state) && motion.dueAt !== null && Date.parse(motion.dueAt) < now.getTime();
}

function isDueSoon(motion: MotionFacts, now: Date, dueSoonDays: number): boolean {
  if (!handlingStates.includes(motion.state) || motion.dueAt === null) return false;
  const left = Date.parse(motion.dueAt) - now.getTime();
  return left >= 0 && left <= dueSoonDays * DAY_MS;
}

const ACCEPTED_OUTCOMES = new Set(['accepted', 'merged', 'resolution']);

/**
 * 立案率: accepted, merged (合并立案) or made a resolution motion, of those the committee has decided.
 * 按时答复率: first replies made by the deadline, of motions replied to or overdue without a reply.
 * 办结率: resolved, of motions accepted for handling. 满意率: satisfied (and satisfied or basically
 * satisfied) of motions whose reply has been rated, by the latest rating.
 */
export function motionRates(motions: readonly MotionFacts[], now: Date): Dashboard['rates'] {
  const decided = motions.filter((motion) => motion.reviewOutcome !== null);
  const replyDue = motions.filter((motion) => motion.firstReplyOnTime !== null || isOverdue(motion, now));
  const handled = motions.filter((motion) => motion.reviewOutcome === 'accepted');
  const rated = motions.filter((motion) => motion.latestRating !== null);
  const satisfied = rated.filter((motion) => motion.latestRating === 'satisfied').length;
  const basically = rated.filter((motion) => motion.latestRating === 'basically_satisfied').length;
  return {
    acceptance: rate(decided.filter((motion) => ACCEPTED_OUTCOMES.has(motion.reviewOutcome!)).length, decided.length),
    onTimeReply: rate(replyDue.filter((motion) => motion.firstReplyOnTime === true).length, replyDue.length),
    resolution: rate(handled.filter((motion) => motion.state === 'resolved').length, handled.length),
    satisfaction: rate(satisfied, rated.length),
    satisfactionWithBasic: rate(satisfied + basically, rated.length),
  };
}

function deadlineEntry(motion: MotionFacts, now: Date) {
  const dueAt = motion.dueAt!;
  return {
    id: motion.id,
    number: motion.number,
    subject: motion.subject,
    state: motion.state,
    leadDepartment: motion.leadDepartment,
    dueAt,
    daysLeft: Math.floor((Date.parse(dueAt) - now.getTime()) / DAY_MS),
  };
}

interface DepartmentRow {
  id: string;
  name: string;
  disabled: boolean;
}

/** Every department in use, and a disabled one only while it still leads a motion. */
function byDepartment(motions: readonly MotionFacts[], departments: readonly DepartmentRow[], now: Date): Dashboard['byDepartment'] {
  return departments
    .filter((department) => !department.disabled || motions.some((motion) => motion.leadDepartment?.id === department.id))
    .map((department) => {
      const led = motions.filter((motion) => motion.leadDepartment?.id === department.id);
      const ratedAs = (value: Rating) => led.filter((motion) => motion.latestRating === value).length;
      return {
        department: { id: department.id, name: department.name },
        assigned: led.length,
        replied: led.filter((motion) => motion.firstReplyOnTime !== null).length,
        repliedOnTime: led.filter((motion) => motion.firstReplyOnTime === true).length,
        overdue: led.filter((motion) => isOverdue(motion, now)).length,
        resolved: led.filter((motion) => motion.state === 'resolved').length,
        satisfied: ratedAs('satisfied'),
        basicallySatisfied: ratedAs('basically_satisfied'),
        dissatisfied: ratedAs('dissatisfied'),
      };
    });
}

export interface DashboardInput {
  motions: readonly MotionFacts[];
  departments: readonly DepartmentRow[];
  now: Date;
  dueSoonDays: number;
  meetingId: string | null;
}

export function motionDashboard({ motions, departments, now, dueSoonDays, meetingId }: DashboardInput): Dashboard {
  const byStatus = Object.fromEntries(MOTION_STATES.map((state) => [state, motions.filter((motion) => motion.state === state).length])) as Record<MotionState, number>;
  const byCategory = MOTION_CATEGORIES.map((category) => {
    const inCategory = motions.filter((motion) => motion.category === category);
    return {
      category,
      name: motionCategoryNames[category],
      submitted: inCategory.length,
      accepted: inCategory.filter((motion) => motion.reviewOutcome !== null && ACCEPTED_OUTCOMES.has(motion.reviewOutcome)).length,
      resolved: inCategory.filter((motion) => motion.state === 'resolved').length,
    };
  });
  const byDue = (left: MotionFacts, right: MotionFacts) => Date.parse(left.dueAt!) - Date.parse(right.dueAt!);
  return {
    asOf: now.toISOString(),
    meetingId,
    submitted: motions.length,
    byStatus,
    byCategory,
    byDepartment: byDepartment(motions, departments, now),
    rates: motionRates(motions, now),
    overdue: motions
      .filter((motion) => isOverdue(motion, now))
      .sort(byDue)
      .map((motion) => deadlineEntry(motion, now)),
    dueSoon: motions
      .filter((motion) => isDueSoon(motion, now, dueSoonDays))
      .sort(byDue)
      .map((motion) => deadlineEntry(motion, now)),
  };
}
