// The agenda live (issue 12): a phone's snapshot carries the session's agenda, and a move of the
// current item or a change of the agenda reaches the phones and the projector at once.
import { afterEach, describe, expect, it } from 'vitest';
import { call, createCongress } from '../support/congress.js';
import { Hall, nextEvent } from '../support/sockets.js';

let hall: Hall | undefined;
afterEach(async () => {
  await hall?.close();
  hall = undefined;
});

describe('the agenda on the screens', () => {
  it('is in a phone’s snapshot, and a move of the current item reaches the phone and the projector', async () => {
    hall = await Hall.start();
    const congress = await createCongress(hall.app, { representatives: 3 });
    const as = { cookie: congress.secretary };
    const { sessions } = await call(hall.app, { method: 'GET', url: `/api/terms/${congress.termId}/sessions`, headers: as });
    const agendaUrl = `/api/sessions/${sessions[0].id}/agenda`;
    const report = (await call(hall.app, { method: 'POST', url: agendaUrl, headers: as, payload: { kind: 'report', title: '工作报告', presenter: '厂长 王明', material: '工作报告全文' } }, 201)).item;
    const { token } = await call(hall.app, { method: 'POST', url: `/api/meetings/${congress.meetingId}/display-token`, headers: as }, 201);
    const [phone, projector] = await Promise.all([hall.connect({ token: congress.representatives[0]!.token }), hall.connect({ displayToken: token })]);
    expect(phone!.snapshot.agenda.items).toEqual([expect.objectContaining({ id: report.id, title: '工作报告', presenter: '厂长 王明', materials: [{ kind: 'text', title: '工作报告全文' }] })]);
    expect(phone!.snapshot.meeting.currentAgendaItemId).toBeNull();

    const phoneSees = nextEvent(phone!.socket, 'meeting:updated', (payload) => payload.meeting.currentAgendaItemId === report.id);
    const projectorSees = nextEvent(projector!.socket, 'agenda:updated', (payload) => payload.currentAgendaItemId === report.id);
    await call(hall.app, { method: 'PUT', url: `/api/meetings/${congress.meetingId}/current-item`, headers: as, payload: { itemId: report.id } });
    await phoneSees;
    expect((await projectorSees).agenda.items[0].title).toBe('工作报告');

    const added = nextEvent(phone!.socket, 'agenda:updated', (payload) => payload.agenda.items.length === 2);
    await call(hall.app, { method: 'POST', url: agendaUrl, headers: as, payload: { kind: 'motions_report', title: '提案工作报告' } }, 201);
    expect((await added).agenda.items[1]).toMatchObject({ title: '提案工作报告', materials: [{ kind: 'report', title: '提案工作报告' }] });
    // A phone that reconnects now gets the new agenda in its snapshot (the kept agenda was forgotten on the write).
    const again = await hall.connect({ token: congress.representatives[1]!.token });
    expect(again!.snapshot.agenda.items).toHaveLength(2);
    expect(again!.snapshot.meeting.currentAgendaItemId).toBe(report.id);
  });
});
