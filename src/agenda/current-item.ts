// Moving a sitting to its current agenda item (当前议程): the secretary, or the sitting's presiding
// chair (执行主席) from their own device. Every screen of the meeting follows at once.
import type { Actor } from '../actors.js';
import { recordAudit } from '../audit/service.js';
import { type CoreContext, transact } from '../context.js';
import { fail } from '../errors.js';
import { getMeeting, presentMeeting } from '../meetings/service.js';
import * as repository from './repository.js';
import { getAgendaItem } from './service.js';

export async function setCurrentItem(context: CoreContext, actor: Actor, meetingId: string, itemId: string | null) {
  return transact(context, async (inside) => {
    const meeting = await getMeeting(inside, meetingId);
    const chair = actor.kind === 'member' && actor.termId === meeting.term_id && actor.memberId === meeting.presiding_chair_member_id;
    if (!(actor.kind === 'account' && actor.role === 'secretary') && !chair) fail('FORBIDDEN');
    if (meeting.state === 'closed') fail('MEETING_STATE', { state: meeting.state });
    if (itemId !== null) {
      const item = await getAgendaItem(inside, itemId);
      if (item.session_id !== meeting.session_id) fail('AGENDA_ITEM_ELSEWHERE', { itemId, meetingId });
    }
    await repository.setCurrentItem(inside.db, meetingId, itemId);
    // A chair has no account: the audit row names them in its detail.
    await recordAudit(inside, actor.kind === 'account' ? actor : null, 'agenda.current-item', {
      meetingId,
      detail: { itemId, previousItemId: meeting.current_agenda_item_id, ...(actor.kind === 'member' ? { presidingChairMemberId: actor.memberId, name: actor.name } : {}) },
    });
    inside.events.publish({ type: 'meeting.updated', meetingId });
    if (meeting.session_id) inside.events.publish({ type: 'agenda.changed', sessionId: meeting.session_id });
    return presentMeeting(await getMeeting(inside, meetingId));
  });
}
