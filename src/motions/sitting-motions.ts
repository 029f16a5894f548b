// The motions filed to a session's sittings, as the session's public notice and its report to the
// higher union show them (issue 13): number, subject, category, state and the lead department
// handling it. No people: who proposed or seconded a motion is not shown to every staff member.
import type { AppContext } from '../context.js';
import * as repository from './repository.js';
import { type MotionCategory, motionCategoryNames } from './schemas.js';
import { type MotionState, motionStateNames } from './workflow.js';

export interface SittingMotion {
  id: string;
  meetingId: string;
  number: string | null;
  subject: string;
  category: MotionCategory;
  categoryName: string;
  state: MotionState;
  stateName: string;
  leadDepartment: string | null;
  resolvedAt: string | null;
}

/** Submitted motions (a number given, or entered on paper) of these sittings, in their register's order. */
export async function sittingMotions(context: Pick<AppContext, 'db'>, meetingIds: readonly string[]): Promise<SittingMotion[]> {
  const motions: SittingMotion[] = [];
  for (const meetingId of meetingIds) {
    const rows = await repository.listMotions(context.db, { visibility: { kind: 'officer' }, meetingId, submittedOnly: true, limit: 100_000, offset: 0 });
    for (const row of rows) {
      motions.push({
        id: row.id,
        meetingId: row.meeting_id,
        number: row.number,
        subject: row.subject,
        category: row.category,
        categoryName: motionCategoryNames[row.category],
        state: row.state,
        stateName: motionStateNames[row.state],
        leadDepartment: row.lead_department_name ?? null,
        resolvedAt: row.resolved_at,
      });
    }
  }
  return motions;
}
