// The printable consultation record (征求意见记录) of one document, for the file: the versions
// issued, each round's opinions-and-responses table with the originals behind them, the adoption
// figures and the vote, on A4.
import { api } from '../shared/api.js';
import { html } from '../shared/html.js';
import { t } from '../i18n/i18n.js';
import { dateTime } from './format.js';
import { documentKindLabel, documentStateLabel, outcomeLabel } from './document-format.js';
import type { ConsultationRecord } from '../shared/api-types.js';
import { AdoptionFigures } from './document-version.js';
import { ErrorNote, Loading, useResource, useTitle } from './ui.js';

export function DocumentRecord({ documentId }: { documentId: string }) {
  const record = useResource(() => api.get<{ record: ConsultationRecord }>(`/api/documents/${documentId}/record`).then((body) => body.record), [documentId]);
  useTitle(record.value ? t('docRecordTitleOf', { title: record.value.document.title }) : t('docRecordTitle'));
  if (record.error) return html`<${ErrorNote} error=${record.error} />`;
  const value = record.value;
  if (!value) return html`<${Loading} />`;
  const { document } = value;
  return html`<article class="doc-record" data-testid="document-record">
    <p class="breadcrumb no-print"><a href=${`/admin/documents/${document.id}`}>← ${t('docBackToDocument')}</a> <button type="button" class="primary" onClick=${() => window.print()}>${t('moPrint')}</button>
      <a class="button-link" download href=${`/api/documents/${documentId}/record/docx`} title=${t('paperDownloadDocxTitle')}>${t('paperDownloadDocx')}</a></p>
    <h1>${t('docRecordTitleOf', { title: document.title })}</h1>
    <p class="muted">${documentKindLabel(document.kind)} · ${t('docRecordDepartment', { name: document.draftingDepartment.name })} · ${documentStateLabel(document.state)} · ${t('docRecordGenerated', { date: dateTime(value.generatedAt) })}</p>

    <h2>${t('docRecordVersions')}</h2>
    <table class="data compact"><thead><tr><th scope="col">${t('docVersion')}</th><th scope="col">${t('docIssued')}</th><th scope="col">${t('docPurpose')}</th><th scope="col">${t('docBlocks')}</th><th scope="col">${t('docVersionAuthor')}</th></tr></thead>
      <tbody>${value.versions.map((version) => html`<tr><td>${t('docVersionNumber', { number: version.number })}</td><td>${dateTime(version.issuedAt)}</td><td>${t(version.issuedFor === 'vote' ? 'docForVote' : 'docForRound')}</td><td>${version.blockCount}</td><td>${version.authorName}</td></tr>`)}</tbody></table>

    <h2>${t('docAdoptionAll')}</h2>
    <${AdoptionFigures} counts=${value.adoption} />

    ${value.rounds.map(
      (round) => html`<section class="record-round">
      <h2>${t('docRoundHeading', { round: round.number, down: round.names.down, up: round.names.up })}</h2>
      <p class="muted">${t('docRecordRoundLine', { version: round.versionNumber, issued: dateTime(round.issuedAt), deadline: dateTime(round.deadlineAt), opinions: round.opinions })}${round.closedAt ? ` · ${t('docRoundClosedAt', { date: dateTime(round.closedAt) })}` : ''}</p>
      <table class="data compact record-table"><thead><tr><th scope="col">#</th><th scope="col">${t('docDelegation')}</th><th scope="col">${t('docBlock')}</th><th scope="col">${t('docOpinion')}</th><th scope="col">${t('docSources')}</th><th scope="col">${t('docResponse')}</th><th scope="col">${t('docReason')}</th></tr></thead>
        <tbody>${
          round.report.entries.length === 0
            ? html`<tr><td colspan="7" class="muted">${t('docRecordNoOpinions')}</td></tr>`
            : round.report.entries.map(
                (entry, index) =>
                  html`<tr><td>${index + 1}</td><td>${entry.delegationName}</td><td class="nowrap">${entry.label}</td><td>${entry.content}</td><td class="num">${entry.sourceCount}</td><td class="nowrap">${entry.response ? outcomeLabel(entry.response.outcome) : t('docUnanswered')}</td><td>${entry.response?.reason ?? ''}</td></tr>`,
              )
        }</tbody></table>
      ${
        round.originals.length > 0 &&
        html`<h3>${t('docRecordOriginals')}</h3>
        <table class="data compact record-table"><thead><tr><th scope="col">${t('docBlock')}</th><th scope="col">${t('docOpinion')}</th><th scope="col">${t('docAuthor')}</th><th scope="col">${t('docFate')}</th></tr></thead>
          <tbody>${round.originals.map((opinion) => html`<tr><td class="nowrap mono">${opinion.anchor}</td><td>${opinion.content}</td><td class="nowrap">${opinion.memberName ?? ''}</td><td class="nowrap">${t(opinion.fate === 'included' ? 'docFateIncluded' : opinion.fate === 'dropped' ? 'docDropped' : 'docFatePending')}</td></tr>`)}</tbody></table>`
      }
    </section>`,
    )}

    <h2>${t('docVoteHeading')}</h2>
    ${
      value.votes.length === 0
        ? html`<p class="muted">${t('docRecordNoVote')}</p>`
        : value.votes.map((vote) => {
            const item = vote.ballot?.result?.items[vote.itemIndex] as { counts?: { yes: number; no: number; abstain: number }; required?: number; base?: number } | undefined;
            return html`<p data-testid="record-vote"><strong>${vote.itemTitle}</strong> — ${vote.outcome ? documentStateLabel(vote.outcome) : t('docVotePending')}
            ${item?.counts ? ` · ${t('docRecordVoteCounts', { yes: item.counts.yes, no: item.counts.no, abstain: item.counts.abstain, base: item.base ?? 0, required: item.required ?? 0 })}` : ''}</p>`;
          })
    }
    <p class="record-sign">${t('docRecordSign')}</p>
  </article>`;
}
