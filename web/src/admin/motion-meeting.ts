// A meeting's motions tab: the collection window and rules (提案征集), a paper motion entered on a
// representative's behalf (代录), and the meeting's motions with a link to the full tracker.
import { api } from '../shared/api.js';
import { html, useState } from '../shared/html.js';
import { t } from '../i18n/i18n.js';
import { categoryLabel } from './motion-format.js';
import { type MotionCategory, motionCategories, type MotionDetail, type MotionSettings, type MotionSummary } from '../shared/motion-types.js';
import { MotionTable } from './motions.js';
import { navigate } from './router.js';
import { isSecretary } from './session.js';
import type { MeetingView, Member } from './types.js';
import { Badge, ErrorNote, Loading, useAction, useResource } from './ui.js';

const value = (event: Event) => (event.target as HTMLInputElement).value;

/** ISO → the value of a datetime-local input, in the browser's time zone. */
function localInput(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

function SettingsForm({ meetingId, settings, onSaved }: { meetingId: string; settings: MotionSettings; onSaved: (next: MotionSettings) => void }) {
  const [form, setForm] = useState({
    opensAt: localInput(settings.opensAt),
    closesAt: localInput(settings.closesAt),
    requiredSeconders: String(settings.requiredSeconders),
    declineWindowDays: String(settings.declineWindowDays),
    replyDeadlineDays: String(settings.replyDeadlineDays),
    extensionMaxDays: String(settings.extensionMaxDays),
    numberYear: settings.numberYear === null ? '' : String(settings.numberYear),
  });
  const [saved, setSaved] = useState(false);
  const action = useAction();
  const field = (key: keyof typeof form) => (event: Event) => {
    setSaved(false);
    setForm({ ...form, [key]: value(event) });
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    const body = {
      opensAt: form.opensAt ? new Date(form.opensAt).toISOString() : null,
      closesAt: form.closesAt ? new Date(form.closesAt).toISOString() : null,
      requiredSeconders: Number(form.requiredSeconders),
      declineWindowDays: Number(form.declineWindowDays),
      replyDeadlineDays: Number(form.replyDeadlineDays),
      extensionMaxDays: Number(form.extensionMaxDays),
      numberYear: form.numberYear ? Number(form.numberYear) : null,
    };
    await action.run(async () => {
      const { settings: next } = await api.put<{ settings: MotionSettings }>(`/api/meetings/${meetingId}/motion-settings`, body);
      onSaved(next);
      setSaved(true);
    });
  };
  const numberField = (key: keyof typeof form, label: string, min: number, max: number) => html`<div><label for=${`ms-${key}`}>${label}</label>
    <input id=${`ms-${key}`} type="number" min=${min} max=${max} value=${form[key]} onInput=${field(key)} /></div>`;
  return html`<form class="card form" onSubmit=${submit} aria-labelledby="motion-settings-title">
    <h2 id="motion-settings-title">${t('moSettingsHeading')} <${Badge} tone=${settings.collecting ? 'live' : 'neutral'}>${t(settings.collecting ? 'moCollecting' : 'moNotCollecting')}<//></h2>
    <fieldset disabled=${!isSecretary()} class="plain-fieldset">
      <div class="form-grid two">
        <div><label for="ms-opens">${t('moCollectionOpens')}</label><input id="ms-opens" type="datetime-local" value=${form.opensAt} onInput=${field('opensAt')} /></div>
        <div><label for="ms-closes">${t('moCollectionCloses')}</label><input id="ms-closes" type="datetime-local" value=${form.closesAt} onInput=${field('closesAt')} /></div>
        ${numberField('requiredSeconders', t('moRequiredSeconders'), 0, 50)}
        ${numberField('declineWindowDays', t('moDeclineWindow'), 1, 60)}
        ${numberField('replyDeadlineDays', t('moReplyDays'), 1, 365)}
        ${numberField('extensionMaxDays', t('moExtensionDays'), 1, 365)}
        ${numberField('numberYear', t('moNumberYear'), 1949, 2999)}
      </div>
      <${ErrorNote} error=${action.error} />
      ${saved && html`<p class="notice" role="status">${t('moSaved')}</p>`}
      <div class="actions"><button type="submit" class="primary" disabled=${action.busy}>${t('moSave')}</button></div>
    </fieldset>
  </form>`;
}

function PaperMotionForm({ meeting }: { meeting: MeetingView }) {
  const members = useResource(
    () => api.get<{ members: Member[] }>(`/api/terms/${meeting.termId}/members`).then((body) => body.members.filter((member) => member.role === 'representative')),
    [meeting.termId],
  );
  const [form, setForm] = useState({ proposerMemberId: '', subject: '', reasons: '', measures: '', category: 'welfare' as MotionCategory });
  const action = useAction();
  const field = (key: keyof typeof form) => (event: Event) => setForm({ ...form, [key]: value(event) });
  const submit = async (event: Event) => {
    event.preventDefault();
    await action.run(async () => {
      const { motion } = await api.post<{ motion: MotionDetail }>(`/api/meetings/${meeting.id}/motions`, form);
      navigate(`/admin/motions/${motion.id}`);
    });
  };
  return html`<form class="card form" onSubmit=${submit} aria-labelledby="paper-motion-title">
    <h2 id="paper-motion-title">${t('moPaperMotion')}</h2>
    <label for="pm-proposer">${t('moPaperProposer')}</label>
    <select id="pm-proposer" required value=${form.proposerMemberId} onChange=${field('proposerMemberId')}>
      <option value="">${t('moChoose')}</option>${(members.value ?? []).map((member) => html`<option value=${member.id}>${member.name}(${member.staffNumber})</option>`)}</select>
    <label for="pm-subject">${t('moSubject')}</label><input id="pm-subject" required maxlength="120" value=${form.subject} onInput=${field('subject')} />
    <label for="pm-category">${t('moCategory')}</label>
    <select id="pm-category" value=${form.category} onChange=${field('category')}>${motionCategories.map((category) => html`<option value=${category}>${categoryLabel(category)}</option>`)}</select>
    <label for="pm-reasons">${t('moReasons')}</label><textarea id="pm-reasons" required rows="4" maxlength="10000" value=${form.reasons} onInput=${field('reasons')}></textarea>
    <label for="pm-measures">${t('moMeasures')}</label><textarea id="pm-measures" required rows="4" maxlength="10000" value=${form.measures} onInput=${field('measures')}></textarea>
    <${ErrorNote} error=${action.error} />
    <div class="actions"><button type="submit" class="primary" disabled=${action.busy}>${t('moCreatePaper')}</button></div>
  </form>`;
}

export function MeetingMotions({ meeting }: { meeting: MeetingView }) {
  const settings = useResource(() => api.get<{ settings: MotionSettings }>(`/api/meetings/${meeting.id}/motion-settings`).then((body) => body.settings), [meeting.id]);
  const motions = useResource(() => api.get<{ motions: MotionSummary[] }>(`/api/motions?meetingId=${meeting.id}`).then((body) => body.motions), [meeting.id]);
  return html`<div class="columns narrow-side">
    <section class="card">
      <h2>${t('moMeetingMotions')}</h2>
      <p><a class="button-link" href="/admin/motions">${t('moTrackerHeading')} →</a></p>
      <${ErrorNote} error=${motions.error} />
      ${motions.value ? html`<${MotionTable} motions=${motions.value} />` : html`<${Loading} />`}
    </section>
    <div>
      <${ErrorNote} error=${settings.error} />
      ${settings.value ? html`<${SettingsForm} meetingId=${meeting.id} settings=${settings.value} onSaved=${settings.set} />` : html`<${Loading} />`}
      ${isSecretary() && html`<${PaperMotionForm} meeting=${meeting} />`}
    </div>
  </div>`;
}
