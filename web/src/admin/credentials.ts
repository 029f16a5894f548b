// The credentials report (代表资格审查报告) of a session, printable on A4 in the 公文 manner: its
// paragraphs, the table by delegation and category, each rule met ✓ or not ✗ with its numbers; and
// its adoption at the preparatory meeting by a ballot already settled there (a show of hands will do).
import type { components } from '../generated/api.js';
import { api } from '../shared/api.js';
import { signingDate } from '../shared/dates.js';
import { html, useState } from '../shared/html.js';
import { t } from '../i18n/i18n.js';
import { approvalChoices } from './approval-choices.js';
import { CATEGORY_TAGS, categoryLabel } from './categories.js';
import { dateTime } from './format.js';
import { TermHeader, useTerm } from './term-page.js';
import type { Ballot } from './types.js';
import { ErrorNote, Loading, useAction, useResource, useTitle } from './ui.js';
import './credentials.css';

type Report = components['schemas']['CredentialsReport'];
type Figures = components['schemas']['CredentialsFigures'];
type Check = components['schemas']['CredentialsRuleCheck'];
type Session = components['schemas']['Session'];

function requirement(check: Check): string {
  const bound = check.bound === 'atLeast' ? t('credAtLeast') : t('credAtMost');
  if (check.share === null) return `${bound} ${t('credPeople', { count: check.required })}`;
  return `${bound} ${check.shareText}（${t('credPeople', { count: check.required })}）`;
}

function ChecksTable({ checks }: { checks: Check[] }) {
  return html`<table class="data compact gongwen-table" data-testid="credentials-checks">
    <thead><tr><th scope="col">${t('credRule')}</th><th scope="col">${t('credRequired')}</th><th scope="col">${t('credActual')}</th><th scope="col">${t('credVerdict')}</th></tr></thead>
    <tbody>${checks.map(
      (check) => html`<tr data-testid=${`check-${check.rule}`}>
        <th scope="row">${check.subject}<div class="rule-source">${check.wording}（${check.source}）</div></th>
        <td>${requirement(check)}</td>
        <td>${t('credPeople', { count: check.actual })}</td>
        <td class=${check.met ? 'check-met' : 'check-unmet'}>${check.met ? `✓ ${t('credMet')}` : `✗ ${t('credNotMet')}`}</td>
      </tr>`,
    )}</tbody></table>`;
}

function CompositionTables({ figures }: { figures: Figures }) {
  return html`<table class="data compact gongwen-table" data-testid="credentials-categories">
      <thead><tr><th scope="col">${t('credCategory')}</th><th scope="col">${t('credRepresentatives')}</th><th scope="col">${t('credShare')}</th><th scope="col">${t('credAttendees')}</th></tr></thead>
      <tbody>${figures.categories.map((row) => html`<tr><th scope="row">${categoryLabel(row.tag)}</th><td>${row.representatives}</td><td>${row.percent}</td><td>${row.attendees}</td></tr>`)}</tbody>
    </table>
    <table class="data compact gongwen-table" data-testid="credentials-delegations">
      <thead><tr><th scope="col">${t('credDelegation')}</th><th scope="col">${t('credRepresentatives')}</th><th scope="col">${t('credAttendees')}</th>
        ${CATEGORY_TAGS.map((tag) => html`<th scope="col">${categoryLabel(tag)}</th>`)}</tr></thead>
      <tbody>${figures.delegations.map(
        (row) => html`<tr><th scope="row">${row.name}</th><td>${row.representatives}</td><td>${row.attendees}</td>${CATEGORY_TAGS.map((tag) => html`<td>${row.categories[tag]}</td>`)}</tr>`,
      )}
        <tr class="total"><th scope="row">${t('credTotal')}</th><td>${figures.representatives}</td><td>${figures.attendees}</td>
          ${figures.categories.map((row) => html`<td>${row.representatives}</td>`)}</tr></tbody>
    </table>`;
}

function AdoptForm({ report, onAdopted }: { report: Report; onAdopted: (next: Report) => void }) {
  const meetingId = report.preparatoryMeetingId;
  const ballots = useResource(
    () =>
      meetingId
        ? api.get<{ ballots: Ballot[] }>(`/api/meetings/${meetingId}/ballots`).then((body) => body.ballots.filter((ballot) => ballot.state === 'closed' || ballot.state === 'published'))
        : Promise.resolve([]),
    [meetingId],
  );
  const [ballotId, setBallotId] = useState('');
  const action = useAction();
  if (!meetingId) return html`<p class="notice">${t('credNoPreparatory')}</p>`;
  const settled = approvalChoices(ballots.value ?? []);
  const chosen = settled.find((choice) => choice.value === ballotId) ?? settled[0];
  const submit = async (event: Event) => {
    event.preventDefault();
    let answer: { report: Report } | undefined;
    const ok = await action.run(async () => {
      if (chosen) answer = await api.post<{ report: Report }>(`/api/sessions/${report.sessionId}/credentials/adopt`, chosen.body);
    });
    if (ok && answer) onAdopted(answer.report);
  };
  return html`<form class="card form no-print" onSubmit=${submit} aria-labelledby="adopt-title">
    <h2 id="adopt-title">${t('credAdoptTitle')}</h2>
    <p class="hint">${t('credAdoptHelp')}</p>
    ${ballots.error && html`<${ErrorNote} error=${ballots.error} />`}
    ${
      settled.length === 0
        ? html`<p class="muted">${t('credNoSettledBallot')} <a href=${`/admin/meetings/${meetingId}`}>${t('credOpenPreparatory')}</a></p>`
        : html`<label for="adopt-ballot">${t('credAdoptBallot')}</label>
          <select id="adopt-ballot" value=${chosen?.value ?? ''} onChange=${(e: Event) => setBallotId((e.target as HTMLSelectElement).value)}>
            ${settled.map((choice) => html`<option value=${choice.value}>${choice.label}</option>`)}
          </select>
          <${ErrorNote} error=${action.error} />
          <div class="actions"><button type="submit" class="primary" disabled=${action.busy || !chosen}>${t('credAdopt')}</button></div>`
    }
  </form>`;
}

export function CredentialsScreen({ sessionId }: { sessionId: string }) {
  const loaded = useResource(() => api.get<{ report: Report }>(`/api/sessions/${sessionId}/credentials`).then((body) => body.report), [sessionId]);
  const [showCurrent, setShowCurrent] = useState(false);
  useTitle(loaded.value?.title ?? t('credTitle'));
  if (loaded.error) return html`<${ErrorNote} error=${loaded.error} />`;
  const report = loaded.value;
  if (!report) return html`<${Loading} />`;
  const adopted = report.adopted;
  const figures = adopted && !showCurrent ? adopted.report : report.current;
  return html`<div class="credentials-page">
    <p class="breadcrumb no-print"><a href=${`/admin/terms/${report.termId}/credentials`}>← ${t('credBack')}</a>
      <button type="button" class="primary" onClick=${() => window.print()}>${t('credPrint')}</button>
      <a class="button-link" download href=${`/api/sessions/${sessionId}/credentials/docx`} title=${t('paperDownloadDocxTitle')}>${t('paperDownloadDocx')}</a></p>
    <div class="no-print" data-testid="credentials-status">
      ${
        adopted
          ? html`<p class="notice">${t('credAdoptedAt', { at: dateTime(adopted.at), ballot: adopted.ballotTitle })}</p>
            ${adopted.rosterChanged && html`<p class="notice notice-error" role="alert">${t('credRosterChanged')}</p>`}
            <span class="checkbox inline"><input id="show-current" type="checkbox" checked=${showCurrent} onChange=${(e: Event) => setShowCurrent((e.target as HTMLInputElement).checked)} />
              <label for="show-current">${t('credShowCurrent')}</label></span>`
          : html`<p class="notice">${t('credNotAdopted')}</p>`
      }
    </div>
    <article class="gongwen" data-testid="credentials-report">
      <h1 class="gongwen-title">${report.title}</h1>
      ${figures.paragraphs.map((paragraph) => html`<p class="gongwen-body">${paragraph}</p>`)}
      <h2 class="gongwen-heading">${t('credComposition')}</h2>
      <${CompositionTables} figures=${figures} />
      <h2 class="gongwen-heading">${t('credChecks')}</h2>
      <${ChecksTable} checks=${figures.checks} />
      <p class="gongwen-sign">${t('credCommittee')}<br />${adopted && !showCurrent ? signingDate(adopted.at) : ''}</p>
    </article>
    <${AdoptForm} report=${report} onAdopted=${(next: Report) => loaded.set(next)} />
  </div>`;
}

/** The term's sessions, each with a link to its credentials report. */
export function TermCredentialsScreen({ termId }: { termId: string }) {
  const term = useTerm(termId);
  const sessions = useResource(() => api.get<{ sessions: Session[] }>(`/api/terms/${termId}/sessions`).then((body) => body.sessions), [termId]);
  const header = html`<${TermHeader} term=${term.value} termId=${termId} section="credentials" title=${t('credTitle')} />`;
  if (sessions.error) return html`${header}<${ErrorNote} error=${sessions.error} />`;
  if (!sessions.value) return html`${header}<${Loading} />`;
  return html`${header}
    <p class="muted">${t('credIntro')}</p>
    ${sessions.value.length === 0 ? html`<p>${t('credNoSessions')}</p>` : ''}
    <ul class="session-links">${sessions.value.map((session) => html`<li><a href=${`/admin/sessions/${session.id}/credentials`}>${t('credOfSession', { session: session.title })}</a></li>`)}</ul>`;
}
