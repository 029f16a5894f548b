// Two-person control (双人确认) for the officer signed in: the meeting's setting (the secretary changes
// it while no ballot is open), and the ballots whose next step the other officer has confirmed and
// that await this officer's confirmation, each with its button. A scrutineer's console starts here.
import { api } from '../shared/api.js';
import { html, useState } from '../shared/html.js';
import { t } from '../i18n/i18n.js';
import type { MeetingBallots } from './live-meeting.js';
import { currentAccount, isSecretary } from './session.js';
import { confirmedByLine, confirmLabel, type StepStatus, stepStatus, TWO_PERSON_LABELS, type TwoPersonControl } from './two-person.js';
import type { Ballot, MeetingView } from './types.js';
import { ErrorNote, useAction } from './ui.js';

export function AwaitingYou({ meeting, ballots }: { meeting: MeetingView; ballots: MeetingBallots }) {
  const action = useAction();
  const role = currentAccount()?.role;
  if (meeting.twoPersonControl === 'none' || (role !== 'secretary' && role !== 'scrutineer') || !ballots.ballots) return null;
  const waiting = ballots.ballots.flatMap((ballot) => {
    const status = stepStatus(meeting, ballot, role);
    return status?.controlled && status.other && !status.mine ? [{ ballot, status }] : [];
  });
  const confirm = (ballot: Ballot, status: StepStatus) =>
    action.run(async () => {
      const { ballot: next } = await api.post<{ ballot: Ballot }>(`/api/ballots/${ballot.id}/${status.step}`, status.step === 'open' ? (status.other?.options ?? {}) : {});
      ballots.remember(next);
    });
  return html`<section class="card awaiting-you" aria-labelledby="awaiting-you-heading" data-testid="awaiting-you">
    <h2 id="awaiting-you-heading">${t('tpAwaitingYou')}</h2>
    ${waiting.length === 0 && html`<p class="empty">${t('tpAwaitingYouNone')}</p>`}
    <${ErrorNote} error=${action.error} />
    ${
      waiting.length > 0 &&
      html`<ul class="plain-list">${waiting.map(
        ({ ballot, status }) => html`<li data-ballot=${ballot.id}>
          <p><a href=${`/admin/meetings/${meeting.id}/ballots/${ballot.id}`}><strong>${ballot.title}</strong></a><br />
            <span class="muted">${status.other && confirmedByLine(status.other)}</span></p>
          <button type="button" class="primary" disabled=${action.busy} onClick=${() => confirm(ballot, status)}>${confirmLabel(status.step)}</button>
        </li>`,
      )}</ul>`
    }
  </section>`;
}

/** The meeting's setting: read by every officer, changed by the secretary (refused while a ballot is open). */
export function TwoPersonSetting({ meeting, onMeetingChanged }: { meeting: MeetingView; onMeetingChanged: (meeting: MeetingView) => void }) {
  const [chosen, setChosen] = useState<TwoPersonControl>(meeting.twoPersonControl);
  const [saved, setSaved] = useState(false);
  const action = useAction();
  const save = () =>
    action.run(async () => {
      const { meeting: next } = await api.patch<{ meeting: MeetingView }>(`/api/meetings/${meeting.id}`, { twoPersonControl: chosen });
      onMeetingChanged(next);
      setSaved(true);
    });
  if (!isSecretary() || meeting.state === 'closed') {
    return html`<p data-testid="two-person-setting"><strong>${t('tpSetting')}</strong>: ${t(TWO_PERSON_LABELS[meeting.twoPersonControl])}</p>`;
  }
  return html`<div class="two-person-setting">
    <label for="two-person-control">${t('tpSetting')}</label>
    <div class="input-row">
      <${TwoPersonSelect} id="two-person-control" value=${chosen} onChange=${(value: TwoPersonControl) => {
        setChosen(value);
        setSaved(false);
      }} />
      <button type="button" disabled=${action.busy || chosen === meeting.twoPersonControl} onClick=${save}>${t('tpSave')}</button>
    </div>
    <p class="muted">${t('tpSettingHelp')}</p>
    ${saved && html`<p role="status">${t('tpSaved')}</p>`}
    <${ErrorNote} error=${action.error} />
  </div>`;
}

export function TwoPersonSelect({ id, value, onChange }: { id: string; value: TwoPersonControl; onChange: (value: TwoPersonControl) => void }) {
  return html`<select id=${id} value=${value} onChange=${(event: Event) => onChange((event.target as HTMLSelectElement).value as TwoPersonControl)}>
    ${(Object.keys(TWO_PERSON_LABELS) as TwoPersonControl[]).map((option) => html`<option value=${option}>${t(TWO_PERSON_LABELS[option])}</option>`)}
  </select>`;
}
