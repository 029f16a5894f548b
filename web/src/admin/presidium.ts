// The presidium (主席团) of a session: the proposed list with its composition checked against the
// term's rules (met or not, with numbers and source), and its election confirmed from a ballot of the
// preparatory meeting (选举结果确认). Also each sitting's presiding chair (执行主席) and a ballot's
// tellers (总监票人, 监票人, 计票人), which live on the meeting and ballot pages.
import { api } from '../shared/api.js';
import type { ResponseOf } from '../shared/api-types.js';
import { html, useState } from '../shared/html.js';
import { t } from '../i18n/i18n.js';
import type { components } from '../generated/api.js';
import { dateTime } from './format.js';
import { isSecretary } from './session.js';
import type { Ballot, MeetingView, Member } from './types.js';
import { Badge, ErrorNote, Loading, useAction, useResource, useTitle } from './ui.js';

type Presidium = components['schemas']['Presidium'];
type RuleCheck = Presidium['checks'][number];
type Teller = components['schemas']['Teller'];
type TellerRole = Teller['role'];
type SessionResponse = ResponseOf<'/api/sessions/{sessionId}', 'get'>;

const TELLER_ROLES: TellerRole[] = ['chief_scrutineer', 'scrutineer', 'counter'];
const roleLabel = (role: TellerRole) => t(role === 'chief_scrutineer' ? 'prChiefScrutineer' : role === 'scrutineer' ? 'prScrutineer' : 'prCounter');
const settled = (ballot: Ballot) => ballot.state === 'closed' || ballot.state === 'published';

function CheckRow({ check }: { check: RuleCheck }) {
  const tone = check.met === null ? 'plain' : check.met ? 'done' : 'warn';
  const verdict = check.met === null ? t('prRuleNotApplicable') : check.met ? t('prRuleMet') : t('prRuleNotMet');
  return html`<li class="rule-check" data-testid=${`presidium-check-${check.rule}`} data-met=${String(check.met)}>
    <${Badge} tone=${tone}>${verdict}<//> <span>${check.text}</span>
    <br /><span class="muted small">${check.sourceZh}（${check.source}）</span>
  </li>`;
}

async function loadPresidiumPage(sessionId: string) {
  const [{ presidium }, { session }] = await Promise.all([api.get<{ presidium: Presidium }>(`/api/sessions/${sessionId}/presidium`), api.get<SessionResponse>(`/api/sessions/${sessionId}`)]);
  const [{ members }, meetings] = await Promise.all([
    api.get<{ members: Member[] }>(`/api/terms/${session.termId}/members`),
    Promise.all(session.meetingIds.map((id) => api.get<{ meeting: MeetingView }>(`/api/meetings/${id}`).then((body) => body.meeting))),
  ]);
  const preparatory = meetings.find((meeting) => meeting.sitting === 'preparatory') ?? null;
  const ballots = preparatory ? (await api.get<{ ballots: Ballot[] }>(`/api/meetings/${preparatory.id}/ballots`)).ballots : [];
  return { presidium, session, members, meetings, preparatory, ballots };
}

/** The page of a session's presidium: /admin/sessions/:sessionId/presidium. */
export function PresidiumScreen({ sessionId }: { sessionId: string }) {
  const page = useResource(() => loadPresidiumPage(sessionId), [sessionId]);
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [ballotId, setBallotId] = useState('');
  const [itemId, setItemId] = useState('');
  const save = useAction();
  const elect = useAction();
  const value = page.value;
  useTitle(value ? `${value.session.title} · ${t('prTitle')}` : t('prTitle'));
  if (page.error) return html`<h1>${t('prTitle')}</h1><${ErrorNote} error=${page.error} />`;
  if (!value) return html`<h1>${t('prTitle')}</h1><${Loading} />`;
  const { presidium, session, members, meetings, preparatory, ballots } = value;
  const selected = chosen ?? presidium.members.map((member) => member.memberId);
  const representatives = members.filter((member) => member.role === 'representative');
  const editable = isSecretary() && presidium.elected === null;
  const electionBallot = presidium.elected ? ballots.find((ballot) => ballot.id === presidium.elected!.ballotId) : undefined;

  // A preparatory meeting often votes several things on one sheet (议程, 主席团名单 …): then say which item.
  const deciding = (ballots.find((ballot) => ballot.id === ballotId)?.items ?? []).filter((item) => item.kind === 'election' || item.kind === 'approval');
  const toggle = (memberId: string, on: boolean) => setChosen(on ? [...selected, memberId] : selected.filter((id) => id !== memberId));
  const saveList = () =>
    save.run(async () => {
      await api.put(`/api/sessions/${sessionId}/presidium`, { memberIds: selected });
      setChosen(null);
      await page.reload();
    });
  const confirmElection = () =>
    elect.run(async () => {
      await api.post(`/api/sessions/${sessionId}/presidium/elect`, { ballotId, ...(deciding.length > 1 && itemId ? { itemId } : {}) });
      await page.reload();
    });

  return html`<div class="meeting-head">
      <p class="breadcrumb">${meetings.map((meeting) => html`<a href=${`/admin/meetings/${meeting.id}`}>← ${meeting.title}</a> `)}</p>
      <div class="page-head"><h1>${session.title} · ${t('prTitle')}</h1></div>
    </div>
    <div class="columns narrow-side">
      <section class="card" aria-labelledby="presidium-members-heading">
        <h2 id="presidium-members-heading">${presidium.elected ? t('prElectedList') : t('prProposedList')}</h2>
        <p data-testid="presidium-status">
          ${
            presidium.elected
              ? html`<${Badge} tone="done">${t('prElected')}<//> ${t('prElectedBy', {
                  ballot: electionBallot?.title ?? presidium.elected.ballotId,
                  how: presidium.elected.by === 'election' ? t('prByElection') : t('prByApproval'),
                  at: dateTime(presidium.elected.at),
                })}${presidium.elected.manual ? `（${t('prManual')}）` : ''}`
              : html`<${Badge} tone="plain">${t('prNotElected')}<//>`
          }
        </p>
        <ol data-testid="presidium-members">
          ${presidium.members.map((member) => html`<li>${member.name} <span class="muted">${member.delegationName ?? ''} ${member.tags.join('、')}</span></li>`)}
        </ol>
        ${presidium.members.length === 0 && html`<p class="muted">${t('prEmpty')}</p>`}
        ${
          editable &&
          html`<fieldset class="item-editor">
            <legend>${t('prPickMembers')}</legend>
            <ul class="presidium-picks">
              ${representatives.map(
                (member) => html`<li class="checkbox"><input id=${`pick-${member.id}`} type="checkbox" checked=${selected.includes(member.id)}
                  onChange=${(event: Event) => toggle(member.id, (event.target as HTMLInputElement).checked)} />
                  <label for=${`pick-${member.id}`}>${member.name} <span class="muted">${member.delegationName ?? ''} ${member.tags.join('、')}</span></label></li>`,
              )}
            </ul>
            <${ErrorNote} error=${save.error} />
            <div class="actions"><button type="button" class="primary" disabled=${save.busy} onClick=${saveList}>${t('prSaveList')}</button></div>
          </fieldset>`
        }
      </section>
      <div>
        <section class="card" aria-labelledby="presidium-checks-heading">
          <h2 id="presidium-checks-heading">${t('prComposition')}</h2>
          <p class="muted">${t('prRepresentatives', { count: presidium.representatives })}</p>
          <ul class="rule-checks" data-testid="presidium-checks">${presidium.checks.map((check) => html`<${CheckRow} check=${check} />`)}</ul>
        </section>
        ${
          editable &&
          html`<section class="card" aria-labelledby="presidium-elect-heading">
            <h2 id="presidium-elect-heading">${t('prConfirmElection')}</h2>
            ${
              preparatory
                ? html`<p class="muted">${t('prConfirmHelp', { meeting: preparatory.title })}</p>
                  <label for="presidium-ballot">${t('prElectionBallot')}</label>
                  <select id="presidium-ballot" value=${ballotId} onChange=${(event: Event) => {
                    setBallotId((event.target as HTMLSelectElement).value);
                    setItemId('');
                  }}>
                    <option value="">${t('prChooseBallot')}</option>
                    ${ballots.filter(settled).map((ballot) => html`<option value=${ballot.id}>${ballot.title}</option>`)}
                  </select>
                  ${
                    deciding.length > 1 &&
                    html`<label for="presidium-item">${t('prElectionItem')}</label>
                      <select id="presidium-item" value=${itemId} onChange=${(event: Event) => setItemId((event.target as HTMLSelectElement).value)}>
                        <option value="">${t('prChooseItem')}</option>
                        ${deciding.map((item) => html`<option value=${item.id}>${item.title}</option>`)}
                      </select>`
                  }
                  <${ErrorNote} error=${elect.error} />
                  <div class="actions"><button type="button" class="primary" disabled=${elect.busy || !ballotId || (deciding.length > 1 && !itemId)} onClick=${confirmElection}>${t('prConfirmElection')}</button></div>`
                : html`<p class="muted">${t('prNoPreparatory')}</p>`
            }
          </section>`
        }
      </div>
    </div>`;
}

async function loadChairChoices(meeting: MeetingView) {
  const { members } = await api.get<{ members: Member[] }>(`/api/terms/${meeting.termId}/members`);
  const needsPresidium = meeting.sitting === 'plenary' || meeting.sitting === 'extraordinary';
  if (!needsPresidium) return { choices: members, presidium: null as Presidium | null };
  if (!meeting.sessionId) return { choices: [], presidium: null };
  const { presidium } = await api.get<{ presidium: Presidium }>(`/api/sessions/${meeting.sessionId}/presidium`);
  const inPresidium = new Set(presidium.members.map((member) => member.memberId));
  return { choices: presidium.elected ? members.filter((member) => inPresidium.has(member.id)) : [], presidium };
}

/** The sitting's presiding chair (执行主席), and the way to the session's presidium page. */
export function PresidingChairPanel({ meeting, onMeetingChanged }: { meeting: MeetingView; onMeetingChanged: (meeting: MeetingView) => void }) {
  const choices = useResource(() => loadChairChoices(meeting), [meeting.id, meeting.sessionId, meeting.sitting]);
  const [memberId, setMemberId] = useState<string | null>(null);
  const action = useAction();
  const current = meeting.presidingChairMemberId;
  const picked = memberId ?? current ?? '';
  const chairName = choices.value?.choices.find((member) => member.id === current)?.name;
  const save = () =>
    action.run(async () => {
      const { meeting: saved } = await api.put<{ meeting: MeetingView }>(`/api/meetings/${meeting.id}/presiding-chair`, { memberId: picked || null });
      setMemberId(null);
      onMeetingChanged(saved);
    });
  return html`<section class="card" aria-labelledby="presiding-chair-heading">
    <h2 id="presiding-chair-heading">${t('prPresidingChair')}</h2>
    ${meeting.sessionId && html`<p><a href=${`/admin/sessions/${meeting.sessionId}/presidium`}>${t('prOpenPresidium')}</a></p>`}
    <p data-testid="presiding-chair">${current ? (chairName ?? current) : t('prNoChair')}</p>
    ${choices.error && html`<${ErrorNote} error=${choices.error} />`}
    ${
      isSecretary() &&
      choices.value &&
      html`${(meeting.sitting === 'plenary' || meeting.sitting === 'extraordinary') && !choices.value.presidium?.elected ? html`<p class="notice notice-warn">${t('prChairNeedsPresidium')}</p>` : null}
        <label for="presiding-chair-select">${t('prPickChair')}</label>
        <select id="presiding-chair-select" value=${picked} onChange=${(event: Event) => setMemberId((event.target as HTMLSelectElement).value)}>
          <option value="">${t('prNoChair')}</option>
          ${choices.value.choices.map((member) => html`<option value=${member.id}>${member.name}${member.delegationName ? `（${member.delegationName}）` : ''}</option>`)}
        </select>
        <${ErrorNote} error=${action.error} />
        <div class="actions"><button type="button" class="primary" disabled=${action.busy} onClick=${save}>${t('prSaveChair')}</button></div>`
    }
  </section>`;
}

interface TellerRow {
  memberId: string;
  role: TellerRole;
}

/** A ballot's tellers: shown always, edited by the secretariat while the ballot is a draft. */
export function BallotTellers({ ballot, meeting, ballots }: { ballot: Ballot; meeting: MeetingView; ballots: Ballot[] }) {
  const loaded = useResource(
    () =>
      Promise.all([api.get<{ tellers: Teller[] }>(`/api/ballots/${ballot.id}/tellers`), api.get<{ members: Member[] }>(`/api/terms/${meeting.termId}/members`)]).then(([tellers, roster]) => ({
        tellers: tellers.tellers,
        members: roster.members,
      })),
    [ballot.id, meeting.termId],
  );
  const [rows, setRows] = useState<TellerRow[] | null>(null);
  const [electedBy, setElectedBy] = useState('');
  const action = useAction();
  if (loaded.error) return html`<${ErrorNote} error=${loaded.error} />`;
  if (!loaded.value) return html`<${Loading} />`;
  const { tellers, members } = loaded.value;
  const editing = rows ?? tellers.map((teller) => ({ memberId: teller.memberId, role: teller.role }));
  const editable = isSecretary() && ballot.state === 'draft';
  const elections = ballots.filter((other) => other.id !== ballot.id && settled(other) && other.items.some((item) => item.kind === 'election'));
  const update = (index: number, patch: Partial<TellerRow>) => setRows(editing.map((row, position) => (position === index ? { ...row, ...patch } : row)));
  const save = () =>
    action.run(async () => {
      await api.put(`/api/ballots/${ballot.id}/tellers`, { tellers: editing.filter((row) => row.memberId), ...(electedBy ? { electedByBallotId: electedBy } : {}) });
      setRows(null);
      await loaded.reload();
    });

  return html`<section class="tellers" aria-labelledby="tellers-heading">
    <h3 id="tellers-heading">${t('prTellers')}</h3>
    <ul class="rule-checks" data-testid="ballot-tellers">
      ${tellers.map((teller) => html`<li>${roleLabel(teller.role)}：${teller.name} <span class="muted">${teller.chosenBy === 'elected' ? t('prTellerElected') : t('prTellerNamed')}</span></li>`)}
    </ul>
    ${tellers.length === 0 && html`<p class="muted">${t('prNoTellers')}</p>`}
    ${
      editable &&
      html`<fieldset class="item-editor">
        <legend>${t('prEditTellers')}</legend>
        <p class="muted small">${t('prTellerRule')}</p>
        ${editing.map(
          (row, index) => html`<div class="form-grid">
            <div><label for=${`teller-member-${index}`}>${t('prTellerPerson', { number: index + 1 })}</label>
              <select id=${`teller-member-${index}`} value=${row.memberId} onChange=${(event: Event) => update(index, { memberId: (event.target as HTMLSelectElement).value })}>
                <option value="">—</option>
                ${members.map((member) => html`<option value=${member.id}>${member.name}${member.delegationName ? `（${member.delegationName}）` : ''}</option>`)}
              </select></div>
            <div><label for=${`teller-role-${index}`}>${t('prTellerRole', { number: index + 1 })}</label>
              <select id=${`teller-role-${index}`} value=${row.role} onChange=${(event: Event) => update(index, { role: (event.target as HTMLSelectElement).value as TellerRole })}>
                ${TELLER_ROLES.map((role) => html`<option value=${role}>${roleLabel(role)}</option>`)}
              </select></div>
            <div><button type="button" class="quiet small" onClick=${() => setRows(editing.filter((_, position) => position !== index))}>${t('prRemoveTeller', { number: index + 1 })}</button></div>
          </div>`,
        )}
        <div class="actions"><button type="button" onClick=${() => setRows([...editing, { memberId: '', role: 'scrutineer' }])}>${t('prAddTeller')}</button></div>
        <label for="tellers-elected-by">${t('prTellersElectedBy')}</label>
        <select id="tellers-elected-by" value=${electedBy} onChange=${(event: Event) => setElectedBy((event.target as HTMLSelectElement).value)}>
          <option value="">${t('prTellersNamedOption')}</option>
          ${elections.map((other) => html`<option value=${other.id}>${other.title}</option>`)}
        </select>
        <${ErrorNote} error=${action.error} />
        <div class="actions"><button type="button" class="primary" disabled=${action.busy} onClick=${save}>${t('prSaveTellers')}</button></div>
      </fieldset>`
    }
  </section>`;
}
