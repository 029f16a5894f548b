// The paper ballots to print (纸质选票), one A4 page per paper issued: a stub (存根) carrying the serial
// and the holder, which the secretariat tears off and keeps when handing the paper over, and the
// ballot itself, which carries neither: once in the box a paper says nothing of whose it was.
import { api } from '../shared/api.js';
import { html } from '../shared/html.js';
import { t } from '../i18n/i18n.js';
import type { Ballot, BallotItem, MeetingView } from './types.js';
import { ErrorNote, Loading, useResource, useTitle } from './ui.js';
import type { components } from '../generated/api.js';

type IssuedPapers = components['schemas']['IssuedPapers'];

const BOX = '□';

function ItemOnPaper({ item, index, count }: { item: BallotItem; index: number; count: number }) {
  const heading = count > 1 ? `${index + 1}. ${item.title}` : item.title;
  if (item.kind === 'approval')
    return html`<section class="paper-item"><h2>${heading}</h2><p class="paper-boxes">${['yes', 'no', 'abstain'].map((answer) => html`<span>${t(answer as 'yes')} ${BOX}</span>`)}</p></section>`;
  if (item.kind === 'election')
    return html`<section class="paper-item"><h2>${heading}</h2>
      <p class="paper-rule">${t('paperPrintSeats', { seats: item.seats })}</p>
      <table class="gongwen-table paper-table"><tbody>
        ${item.candidates.map((candidate) => html`<tr><td>${candidate.name}</td><td class="paper-box">${BOX}</td></tr>`)}
        ${item.allowWriteIn ? Array.from({ length: item.seats }, () => html`<tr><td class="paper-write-in">${t('paperPrintWriteIn')}</td><td class="paper-box">${BOX}</td></tr>`) : null}
      </tbody></table></section>`;
  if (item.kind === 'choice')
    return html`<section class="paper-item"><h2>${heading}</h2>
      <p class="paper-rule">${t('paperPrintChoices', { count: item.maxChoices })}</p>
      <table class="gongwen-table paper-table"><tbody>${item.options.map((option) => html`<tr><td>${option.label}</td><td class="paper-box">${BOX}</td></tr>`)}</tbody></table></section>`;
  return html`<section class="paper-item"><h2>${heading}</h2>
    <table class="gongwen-table paper-table">
      <thead><tr><th></th>${item.grades.map((grade) => html`<th>${grade.label}</th>`)}</tr></thead>
      <tbody>${item.subjects.map((subject) => html`<tr><td>${subject.name}</td>${item.grades.map(() => html`<td class="paper-box">${BOX}</td>`)}</tr>`)}</tbody>
    </table></section>`;
}

export function PaperBallotsPrint({ ballotId }: { ballotId: string }) {
  const loaded = useResource(async () => {
    const [{ ballot }, issued] = await Promise.all([api.get<{ ballot: Ballot }>(`/api/ballots/${ballotId}`), api.get<IssuedPapers>(`/api/ballots/${ballotId}/papers`)]);
    const { meeting } = await api.get<{ meeting: MeetingView }>(`/api/meetings/${ballot.meetingId}`);
    return { ballot, meeting, papers: issued.papers };
  }, [ballotId]);
  useTitle(t('paperPrintTitle'));
  if (loaded.error) return html`<${ErrorNote} error=${loaded.error} />`;
  if (!loaded.value) return html`<${Loading} />`;
  const { ballot, meeting, papers } = loaded.value;
  return html`<div class="credentials-page paper-print">
    <p class="breadcrumb no-print"><a href=${`/admin/meetings/${meeting.id}/ballots/${ballot.id}`}>← ${ballot.title}</a>
      <button type="button" class="primary" onClick=${() => window.print()}>${t('credPrint')}</button></p>
    ${papers.length === 0 ? html`<p class="empty">${t('paperPrintNone')}</p>` : ''}
    ${papers.map(
      (paper) => html`<article class="gongwen paper-sheet" data-testid="paper-sheet">
        <p class="paper-stub">${t('paperPrintStub', { serial: String(paper.serial).padStart(3, '0'), name: paper.name, staffNumber: paper.staffNumber })}</p>
        <p class="paper-tear">${t('paperPrintTear')}</p>
        <h1 class="gongwen-title">${meeting.title}<br />${ballot.title}</h1>
        <p class="paper-rule">${t('paperPrintHow')}</p>
        ${ballot.items.map((item, index) => html`<${ItemOnPaper} item=${item} index=${index} count=${ballot.items.length} />`)}
      </article>`,
    )}
  </div>`;
}
