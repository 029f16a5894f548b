// Joint meetings (联席会议): the roll editor with its own quorum, and a term's decisions awaiting the
// next plenary's confirmation (待大会确认 / 已确认 / 未确认), with the button that makes the confirmation ballot.
import { api } from '../shared/api.js';
import type { ResponseOf } from '../shared/api-types.js';
import { html, useEffect, useState } from '../shared/html.js';
import { type MessageKey, t } from '../i18n/i18n.js';
import { navigate } from './router.js';
import { isSecretary } from './session.js';
import type { AttendanceCounts, Member, MeetingView } from './types.js';
import { Badge, ErrorNote, Loading, useAction, useResource, useTitle } from './ui.js';

type Roll = ResponseOf<'/api/meetings/{id}/roll', 'get'>['roll'];
type Capacity = Roll['members'][number]['capacity'];
type Decisions = ResponseOf<'/api/terms/{termId}/joint-decisions', 'get'>;
type DecisionState = Decisions['decisions'][number]['state'];

const CAPACITIES: [Capacity, MessageKey][] = [
  ['delegation_leader', 'jointCapacityDelegationLeader'],
  ['presidium', 'jointCapacityPresidium'],
  ['committee_chair', 'jointCapacityCommitteeChair'],
  ['union_committee', 'jointCapacityUnionCommittee'],
  ['other', 'jointCapacityOther'],
];
const STATE_LABEL: Record<DecisionState, [MessageKey, string]> = {
  pending: ['jointStatePending', 'warn'],
  confirmed: ['jointStateConfirmed', 'live'],
  not_confirmed: ['jointStateNotConfirmed', 'neutral'],
};

/** The joint meeting's own tab: who sits on it (its electorate), its quorum over them and its decision rule. */
export function JointRollScreen({ meeting, attendance }: { meeting: MeetingView; attendance: AttendanceCounts }) {
  const roll = useResource(() => api.get<{ roll: Roll }>(`/api/meetings/${meeting.id}/roll`).then((body) => body.roll), [meeting.id]);
  const members = useResource(
    () => api.get<{ members: Member[] }>(`/api/terms/${meeting.termId}/members`).then((body) => body.members.filter((member) => member.role === 'representative')),
    [meeting.termId],
  );
  const [chosen, setChosen] = useState<Map<string, Capacity>>(new Map());
  const [query, setQuery] = useState('');
  const save = useAction();
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (roll.value) setChosen(new Map(roll.value.members.map((member) => [member.memberId, member.capacity])));
  }, [roll.value]);
  useEffect(() => {
    // The quorum follows check-ins live.
    void roll.reload();
  }, [attendance.present, attendance.eligible]);

  if (roll.error || members.error) return html`<${ErrorNote} error=${roll.error ?? members.error} />`;
  if (!roll.value || !members.value) return html`<${Loading} />`;
  const editable = isSecretary() && meeting.state !== 'closed';
  const { quorum, decisionRule, delegationLeaderIds } = roll.value;
  const set = (memberId: string, capacity: Capacity | null) => {
    const next = new Map(chosen);
    if (capacity) next.set(memberId, capacity);
    else next.delete(memberId);
    setChosen(next);
    setSaved(false);
  };
  const pickLeaders = () => {
    const next = new Map(chosen);
    for (const id of delegationLeaderIds) if (!next.has(id)) next.set(id, 'delegation_leader');
    setChosen(next);
    setSaved(false);
  };
  const clearRoll = () => {
    setChosen(new Map());
    setSaved(false);
  };
  const submit = () =>
    save.run(async () => {
      const body = { members: [...chosen.entries()].map(([memberId, capacity]) => ({ memberId, capacity })) };
      roll.set((await api.put<{ roll: Roll }>(`/api/meetings/${meeting.id}/roll`, body)).roll);
      setSaved(true);
    });
  const needle = query.trim().toLowerCase();
  const shown = members.value.filter((member) => !needle || chosen.has(member.id) || member.name.toLowerCase().includes(needle) || member.staffNumber.toLowerCase().includes(needle));

  return html`<section aria-labelledby="joint-roll-heading">
    <h2 id="joint-roll-heading">${t('jointRollHeading')}</h2>
    <p class="muted">${t('jointRollHelp')}</p>
    <div class="card">
      <p class=${`quorum ${quorum.reached ? 'quorum-reached' : 'quorum-missing'}`} role="status" data-testid="joint-quorum">
        <strong>${t(quorum.reached ? 'quorumReached' : 'quorumNotReached')}</strong>
        <span>${t('jointQuorumLine', { eligible: quorum.eligible, present: quorum.present, required: quorum.required, numerator: quorum.numerator, denominator: quorum.denominator })}</span>
      </p>
      <p data-testid="joint-decision-rule">${t(decisionRule === 'present_majority' ? 'jointRulePresentMajority' : 'jointRuleAllMajority')}</p>
      <p><a href=${`/admin/terms/${meeting.termId}/joint-decisions`}>${t('jointDecisionsLink')}</a></p>
    </div>
    ${
      editable &&
      html`<div class="toolbar">
        <button type="button" class="small" onClick=${pickLeaders} disabled=${delegationLeaderIds.length === 0}>${t('jointPickLeaders', { count: delegationLeaderIds.length })}</button>
        <button type="button" class="small" onClick=${clearRoll}>${t('jointClearRoll')}</button>
        <label class="search"><span class="visually-hidden">${t('adminSearchPeople')}</span>
          <input type="search" placeholder=${t('adminSearchPeople')} value=${query} onInput=${(e: Event) => setQuery((e.target as HTMLInputElement).value)} /></label>
      </div>`
    }
    <table class="data compact" data-testid="joint-roll">
      <thead><tr><th scope="col">${t('adminName')}</th><th scope="col">${t('adminStaffNumber')}</th><th scope="col">${t('jointDelegation')}</th><th scope="col">${t('jointCapacity')}</th></tr></thead>
      <tbody>${(editable ? shown : members.value.filter((member) => chosen.has(member.id))).map((member) => {
        const capacity = chosen.get(member.id);
        return html`<tr data-member=${member.id}>
          <th scope="row">${member.name}</th>
          <td class="mono">${member.staffNumber}</td>
          <td>${member.delegationName ?? ''}</td>
          <td>${
            editable
              ? html`<select aria-label=${t('jointCapacityFor', { name: member.name })} value=${capacity ?? ''} onChange=${(e: Event) => set(member.id, ((e.target as HTMLSelectElement).value || null) as Capacity | null)}>
                <option value="">${t('jointNotOnRoll')}</option>
                ${CAPACITIES.map(([value, key]) => html`<option value=${value}>${t(key)}</option>`)}
              </select>`
              : capacity && t(CAPACITIES.find(([value]) => value === capacity)![1])
          }</td>
        </tr>`;
      })}</tbody>
    </table>
    ${
      editable &&
      html`<div class="actions form-submit">
        <span class="muted" role="status">${saved ? t('jointRollSaved', { count: chosen.size }) : t('jointRollCount', { count: chosen.size })}</span>
        <button type="button" class="primary" disabled=${save.busy} onClick=${submit}>${t('jointSaveRoll')}</button>
      </div>`
    }
    <${ErrorNote} error=${save.error} />
  </section>`;
}

/** A term's joint meeting decisions and their confirmation by the next plenary. */
export function JointDecisionsScreen({ termId }: { termId: string }) {
  useTitle(t('jointDecisionsHeading'));
  const decisions = useResource(() => api.get<Decisions>(`/api/terms/${termId}/joint-decisions`), [termId]);
  const meetings = useResource(() => api.get<{ meetings: MeetingView[] }>(`/api/meetings?termId=${termId}`).then((body) => body.meetings), [termId]);
  const [plenaryId, setPlenaryId] = useState('');
  const make = useAction();
  if (decisions.error) return html`<h1>${t('jointDecisionsHeading')}</h1><${ErrorNote} error=${decisions.error} />`;
  if (!decisions.value) return html`<h1>${t('jointDecisionsHeading')}</h1><${Loading} />`;
  const { confirmationItem } = decisions.value;
  const list = decisions.value.decisions;
  const waiting = list.filter((decision) => decision.state === 'pending' && decision.confirmationBallotId === null);
  const plenaries = (meetings.value ?? []).filter((meeting) => confirmationItem && meeting.sessionId === confirmationItem.sessionId && meeting.sitting === 'plenary' && meeting.state !== 'closed');
  const target = plenaryId || plenaries[0]?.id || '';
  const create = () =>
    make.run(async () => {
      if (!confirmationItem) return;
      const { ballot } = await api.post<{ ballot: { id: string; meetingId: string } }>(`/api/agenda-items/${confirmationItem.agendaItemId}/confirmation-ballot`, { meetingId: target });
      navigate(`/admin/meetings/${ballot.meetingId}/ballots/${ballot.id}`);
    });

  return html`<p class="breadcrumb"><a href="/admin">← ${t('adminBackToMeetings')}</a></p>
    <h1>${t('jointDecisionsHeading')}</h1>
    <p class="muted">${t('jointDecisionsHelp')}</p>
    ${list.length === 0 && html`<p class="empty">${t('jointNoDecisions')}</p>`}
    ${
      list.length > 0 &&
      html`<table class="data" data-testid="joint-decisions">
      <thead><tr><th scope="col">${t('jointDecisionTitle')}</th><th scope="col">${t('jointDecisionMeeting')}</th><th scope="col">${t('jointDecidedAt')}</th><th scope="col">${t('adminState')}</th></tr></thead>
      <tbody>${list.map((decision) => {
        const [key, tone] = STATE_LABEL[decision.state];
        return html`<tr data-decision=${decision.id}>
          <th scope="row">${decision.title}</th>
          <td><a href=${`/admin/meetings/${decision.meetingId}/ballots/${decision.ballotId}`}>${decision.meetingTitle}</a></td>
          <td>${decision.decidedAt.slice(0, 10)}</td>
          <td><${Badge} tone=${tone}>${t(key)}<//>${decision.state === 'pending' && decision.confirmationBallotId ? html` <span class="muted">${t('jointPutToVote')}</span>` : ''}</td>
        </tr>`;
      })}</tbody>
    </table>`
    }
    <section class="card" aria-labelledby="joint-confirm-heading">
      <h2 id="joint-confirm-heading">${t('jointConfirmHeading')}</h2>
      ${!confirmationItem && html`<p>${t(waiting.length ? 'jointNoNextSession' : 'jointNothingWaiting')}</p>`}
      ${confirmationItem && html`<p>${t('jointOnAgenda', { number: confirmationItem.sessionNumber })}</p>`}
      ${
        confirmationItem &&
        isSecretary() &&
        waiting.length > 0 &&
        html`${
          plenaries.length === 0
            ? html`<p class="muted">${t('jointNoPlenary')}</p>`
            : html`<label for="joint-plenary">${t('jointPlenary')}</label>
              <select id="joint-plenary" value=${target} onChange=${(e: Event) => setPlenaryId((e.target as HTMLSelectElement).value)}>
                ${plenaries.map((meeting) => html`<option value=${meeting.id}>${meeting.title}</option>`)}
              </select>
              <button type="button" class="primary" disabled=${make.busy || !target} onClick=${create}>${t('jointMakeConfirmation', { count: waiting.length })}</button>`
        }`
      }
      <${ErrorNote} error=${make.error ?? meetings.error} />
    </section>`;
}
