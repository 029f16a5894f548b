// Forms on the meetings page: a new term (届) and a new meeting with its kind, session number, quorum
// and two-person control (双人确认).
import { api } from '../shared/api.js';
import { html, useState } from '../shared/html.js';
import { t } from '../i18n/i18n.js';
import { chineseNumber } from './format.js';
import { navigate } from './router.js';
import type { MeetingView, Term } from './types.js';
import { ErrorNote, useAction } from './ui.js';
import { TwoPersonSelect } from './awaiting-confirmation.js';
import type { TwoPersonControl } from './two-person.js';

const value = (event: Event) => (event.target as HTMLInputElement).value;

export function NewTermForm({ terms, onCreated, onCancel }: { terms: Term[]; onCreated: () => void; onCancel: () => void }) {
  const [number, setNumber] = useState(String(Math.max(0, ...terms.map((term) => term.number)) + 1));
  const [title, setTitle] = useState('');
  const action = useAction();
  const parsed = Number(number);
  const suggested = Number.isInteger(parsed) && parsed > 0 ? `第${chineseNumber(parsed)}届` : '';

  const submit = async (event: Event) => {
    event.preventDefault();
    const ok = await action.run(() => api.post('/api/terms', { number: parsed, title: title.trim() || suggested }));
    if (ok) onCreated();
  };

  return html`<form class="card form" onSubmit=${submit} aria-labelledby="new-term-title">
    <h3 id="new-term-title">${t('adminNewTerm')}</h3>
    <div class="form-grid">
      <div><label for="term-number">${t('adminTermNumber')}</label>
        <input id="term-number" type="number" min="1" max="999" required value=${number} onInput=${(e: Event) => setNumber(value(e))} /></div>
      <div><label for="term-title">${t('adminTermTitle')}</label>
        <input id="term-title" maxlength="100" placeholder=${suggested} value=${title} onInput=${(e: Event) => setTitle(value(e))} /></div>
    </div>
    <${ErrorNote} error=${action.error} />
    <div class="actions">
      <button type="button" onClick=${onCancel}>${t('adminCancel')}</button>
      <button type="submit" class="primary" disabled=${action.busy}>${t('adminCreateTerm')}</button>
    </div>
  </form>`;
}

/** The official name, in Chinese whatever the page language: "第三届第二次职工代表大会", "第三届职工代表大会联席会议". */
function suggestTitle(term: Term | undefined, session: number, kind: MeetingView['kind'], sitting: Sitting): string {
  if (!term) return '';
  const body = kind === 'congress' ? '职工代表大会' : '职工大会';
  if (sitting === 'joint') return `第${chineseNumber(term.number)}届${body}联席会议`;
  if (!Number.isInteger(session) || session < 1) return '';
  return `第${chineseNumber(term.number)}届第${chineseNumber(session)}次${body}`;
}

/** A meeting made here is a plenary sitting or a joint meeting (联席会议, between sessions); a session's preparatory meeting and sittings are made on its 会次与议程 page. */
type Sitting = 'plenary' | 'joint';

export function NewMeetingForm({ terms, meetings, onCancel }: { terms: Term[]; meetings: MeetingView[]; onCancel: () => void }) {
  const latest = [...terms].sort((a, b) => b.number - a.number)[0];
  const [termId, setTermId] = useState(latest?.id ?? '');
  const nextSession = (id: string) => String(meetings.filter((meeting) => meeting.termId === id).length + 1);
  const [session, setSession] = useState(nextSession(termId));
  const [kind, setKind] = useState<MeetingView['kind']>('congress');
  const [sitting, setSitting] = useState<Sitting>('plenary');
  const [title, setTitle] = useState<string | null>(null);
  const [numerator, setNumerator] = useState('2');
  const [denominator, setDenominator] = useState('3');
  const [twoPersonControl, setTwoPersonControl] = useState<TwoPersonControl>('none');
  const action = useAction();
  const term = terms.find((entry) => entry.id === termId);
  const shownTitle = title ?? suggestTitle(term, Number(session), kind, sitting);
  const joint = sitting === 'joint';

  const submit = async (event: Event) => {
    event.preventDefault();
    await action.run(async () => {
      const body = {
        termId,
        title: shownTitle.trim(),
        kind,
        sitting,
        sessionNumber: !joint && session ? Number(session) : null,
        twoPersonControl,
        // A joint meeting's quorum is the term's joint quorum (规则设置) unless changed here.
        ...(joint && numerator === '2' && denominator === '3' ? {} : { quorum: { numerator: Number(numerator), denominator: Number(denominator) } }),
      };
      const { meeting } = await api.post<{ meeting: MeetingView }>('/api/meetings', body);
      navigate(`/admin/meetings/${meeting.id}`);
    });
  };

  return html`<form class="card form" onSubmit=${submit} aria-labelledby="new-meeting-title">
    <h3 id="new-meeting-title">${t('adminNewMeeting')}</h3>
    <div class="form-grid">
      <div><label for="meeting-term">${t('adminTerm')}</label>
        <select id="meeting-term" required value=${termId} onChange=${(e: Event) => {
          setTermId(value(e));
          setSession(nextSession(value(e)));
        }}>
          ${terms.map((entry) => html`<option value=${entry.id}>${entry.title}</option>`)}
        </select></div>
      <div><label for="meeting-sitting">${t('adminMeetingSitting')}</label>
        <select id="meeting-sitting" value=${sitting} onChange=${(e: Event) => setSitting(value(e) as Sitting)}>
          <option value="plenary">${t('agSittingPlenary')}</option>
          <option value="joint">${t('agSittingJoint')}</option>
        </select></div>
      ${
        !joint &&
        html`<div><label for="meeting-session">${t('adminSessionNumber')}</label>
        <input id="meeting-session" type="number" min="1" max="99" value=${session} onInput=${(e: Event) => setSession(value(e))} /></div>`
      }
      <div><label for="meeting-kind">${t('adminMeetingKind')}</label>
        <select id="meeting-kind" value=${kind} onChange=${(e: Event) => setKind(value(e) as MeetingView['kind'])}>
          <option value="congress">${t('kindCongress')}</option>
          <option value="general_assembly">${t('kindGeneralAssembly')}</option>
        </select></div>
    </div>
    <label for="meeting-title">${t('adminMeetingTitle')}</label>
    <input id="meeting-title" class="wide" required maxlength="120" value=${shownTitle} onInput=${(e: Event) => setTitle(value(e))} />
    <fieldset class="inline-fieldset">
      <legend>${t('adminQuorumFraction')}</legend>
      <label class="visually-hidden" for="quorum-numerator">${t('adminQuorumNumerator')}</label>
      <input id="quorum-numerator" class="narrow" type="number" min="1" max="100" required value=${numerator} onInput=${(e: Event) => setNumerator(value(e))} />
      <span aria-hidden="true">/</span>
      <label class="visually-hidden" for="quorum-denominator">${t('adminQuorumDenominator')}</label>
      <input id="quorum-denominator" class="narrow" type="number" min="1" max="100" required value=${denominator} onInput=${(e: Event) => setDenominator(value(e))} />
      <span class="muted">${t('adminQuorumHelp')}</span>
    </fieldset>
    <label for="meeting-two-person">${t('tpSetting')}</label>
    <${TwoPersonSelect} id="meeting-two-person" value=${twoPersonControl} onChange=${setTwoPersonControl} />
    <p class="muted">${t('tpSettingHelp')}</p>
    <${ErrorNote} error=${action.error} />
    <div class="actions">
      <button type="button" onClick=${onCancel}>${t('adminCancel')}</button>
      <button type="submit" class="primary" disabled=${action.busy || !termId}>${t('adminCreateMeeting')}</button>
    </div>
  </form>`;
}
