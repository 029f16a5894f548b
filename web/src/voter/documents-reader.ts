// One document on the phone: the issued version block by block, a button on each paragraph or
// clause to give an opinion on it, the representative's own opinions and what became of them, the
// adoption report a revision carries, and (for a delegation leader) the delegation's consolidation.
import { html, useEffect, useState } from '../shared/html.js';
import type { Snapshot } from '../shared/live.js';
import { t } from '../i18n/i18n.js';
import { blockText, documentKindLabel, outcomeLabel } from '../admin/document-format.js';
import { type Block, type DocumentDetail, documentsApi, type Opinion } from './documents-api.js';
import { Consolidation } from './documents-consolidate.js';
import { stageText, when } from './documents-stage.js';
import { refusalOf } from './motions-labels.js';

type You = NonNullable<Snapshot['you']>;

function OpinionForm({ block, onSend, onCancel }: { block: Block; onSend: (content: string) => Promise<string | null>; onCancel: () => void }) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const id = `opinion-${block.anchor}`;
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!text.trim()) return;
    setBusy(true);
    const refusal = await onSend(text.trim());
    setBusy(false);
    setProblem(refusal);
  };
  useEffect(() => document.getElementById(id)?.focus(), []);
  return html`<form class="opinion-form" onSubmit=${submit} data-testid="opinion-form">
    <label for=${id}>${t('docVoterOpinionOn', { label: block.label || block.anchor })}</label>
    <textarea id=${id} rows="4" maxlength="5000" required value=${text} onInput=${(event: Event) => setText((event.target as HTMLTextAreaElement).value)}></textarea>
    <p class="error" role="alert">${problem ?? ''}</p>
    <div class="actions">
      <button type="submit" class="primary" disabled=${busy} data-testid="opinion-send">${t(busy ? 'vmWorking' : 'docVoterSendOpinion')}</button>
      <button type="button" onClick=${onCancel}>${t('docVoterCancel')}</button>
    </div>
  </form>`;
}

function fateText(opinion: Opinion, document: DocumentDetail): string {
  const item = document.rounds.flatMap((round) => round.consolidated).find((entry) => entry.id === opinion.consolidatedId);
  if (item?.response) {
    const outcome = outcomeLabel(item.response.outcome);
    return item.response.reason ? t('docVoterFateAnsweredReason', { outcome, reason: item.response.reason }) : t('docVoterFateAnswered', { outcome });
  }
  if (opinion.fate === 'included') return t('docVoterFateIncluded');
  if (opinion.fate === 'dropped') return t('docVoterFateDropped');
  return t('docVoterFatePending');
}

function MyOpinions({ document, mine }: { document: DocumentDetail; mine: Opinion[] }) {
  return html`<section class="motion-part" aria-labelledby="my-opinions-heading" data-testid="my-opinions">
    <h3 id="my-opinions-heading">${t('docVoterMine', { count: mine.length })}</h3>
    ${
      mine.length === 0
        ? html`<p class="muted">${t('docVoterMineNone')}</p>`
        : html`<ul class="my-opinions">${mine.map(
            (opinion) => html`<li data-testid="my-opinion">
          <p class="muted small">${t('docRoundOf', { round: opinion.roundNumber, rounds: document.roundsPlanned })} · ${document.currentVersion?.blocks.find((block) => block.anchor === opinion.anchor)?.label ?? opinion.anchor} · ${when(opinion.createdAt)}</p>
          <p class="prose">${opinion.content}</p>
          <p class="small doc-fate">${fateText(opinion, document)}</p>
        </li>`,
          )}</ul>`
    }
  </section>`;
}

interface ReaderProps {
  id: string;
  you: You;
  revision: number;
  onBack: () => void;
}

export function DocumentReader({ id, you, revision, onBack }: ReaderProps) {
  const [document, setDocument] = useState<DocumentDetail | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [writing, setWriting] = useState<string | null>(null);
  const [sent, setSent] = useState('');
  useEffect(() => {
    documentsApi.get(id).then(
      (loaded) => (setDocument(loaded), setFailure(null)),
      (error: unknown) => setFailure(refusalOf(error)),
    );
  }, [id, revision]);
  useEffect(() => {
    if (document) window.document.getElementById('document-view-heading')?.focus();
  }, [document === null]);
  const version = document?.currentVersion ?? null;
  const canOpine = Boolean(document?.allowedEvents.includes('submitOpinion'));
  const mine = document ? document.rounds.flatMap((round) => round.opinions).filter((opinion) => opinion.memberId === you.memberId) : [];
  const send = (block: Block) => async (content: string) => {
    try {
      const next = await documentsApi.opinion(id, { anchor: block.anchor, content, versionId: version!.id });
      setDocument(next);
      setWriting(null);
      setSent(t('docVoterOpinionSent', { label: block.label || block.anchor }));
      return null;
    } catch (error) {
      return refusalOf(error);
    }
  };
  const leads = document?.you?.delegationIds ?? [];
  return html`<section class="card doc-reader" aria-labelledby="document-view-heading" data-testid="document-detail" data-state=${document?.state ?? ''}>
    <button type="button" class="link-back" data-testid="document-back" onClick=${onBack}>‹ ${t('docVoterBack')}</button>
    <p class="visually-hidden" role="status" aria-live="polite">${sent}</p>
    ${
      !document
        ? failure
          ? html`<p class="error" role="alert">${failure}</p>`
          : html`<h2 id="document-view-heading" tabindex="-1" class="loading">${t('vmRefreshing')}</h2>`
        : html`
          <p class="badges"><span class="badge">${documentKindLabel(document.kind)}</span> <span class=${`badge doc-state state-${document.state}`} data-testid="document-state">${stageText(document)}</span></p>
          <h2 id="document-view-heading" tabindex="-1">${document.title}</h2>
          <p class="muted small">${document.draftingDepartment.name}${version ? ` · ${t('docVersionNumber', { number: version.number })}` : ''}${document.currentRound ? ` · ${t('docRoundOf', { round: document.currentRound, rounds: document.roundsPlanned })}` : ''}</p>
          ${canOpine ? html`<p class="notice">${t('docVoterHowTo')}</p>` : null}
          ${sent ? html`<p class="notice done" data-testid="opinion-sent">✓ ${sent}</p>` : null}
          ${leads.length > 0 ? html`<${Consolidation} document=${document} leads=${leads} onDocument=${setDocument} />` : null}
          ${
            version?.adoptionReport
              ? html`<details class="doc-report-phone"><summary>${t('docReportHeading')}(${t('docVoterReportCounts', { adopted: version.adoptionReport.counts.adopted, partly: version.adoptionReport.counts.partlyAdopted, not: version.adoptionReport.counts.notAdopted })})</summary>
                <p class="prose small">${version.adoptionReport.markdown}</p></details>`
              : null
          }
          ${
            version
              ? html`<ol class="doc-text" data-testid="document-text">${version.blocks.map((block) => {
                  const own = mine.filter((opinion) => opinion.anchor === block.anchor && opinion.versionId === version.id);
                  return html`<li class=${`doc-para doc-${block.kind}`} data-anchor=${block.anchor} data-testid="document-block">
                  ${block.kind === 'heading' ? html`<p class="doc-heading">${blockText(block.text)}</p>` : html`<p class=${`doc-para-text${block.kind === 'list_item' ? ' doc-list-item' : ''}`}>${blockText(block.text)}</p>`}
                  ${own.length > 0 ? html`<p class="doc-own small" data-testid="own-opinion-mark">${t('docVoterYouSaid', { count: own.length })}</p>` : null}
                  ${
                    writing === block.anchor
                      ? html`<${OpinionForm} block=${block} onSend=${send(block)} onCancel=${() => setWriting(null)} />`
                      : canOpine && block.kind !== 'heading'
                        ? html`<button type="button" class="opinion-button" data-testid="opinion-button" aria-label=${t('docVoterOpinionOn', { label: block.label || block.anchor })} onClick=${() => (setWriting(block.anchor), setSent(''))}>✎ ${t('docVoterGiveOpinion')}</button>`
                        : null
                  }
                </li>`;
                })}</ol>`
              : null
          }
          <${MyOpinions} document=${document} mine=${mine} />
        `
    }
  </section>`;
}
