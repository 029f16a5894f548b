// A delegation leader's consolidation (意见汇总, 一上/二上) on the phone: the delegation's opinions,
// each a draft item to edit, merge with others or drop as a duplicate, a note, and one send. The
// originals stay visible under each item (and to the secretariat, whatever is dropped).
import { html, useState } from '../shared/html.js';
import { t } from '../i18n/i18n.js';
import { type DocumentDetail, documentsApi, type Opinion, type Round, type SubmissionItem } from './documents-api.js';
import { refusalOf } from './motions-labels.js';

interface Draft extends SubmissionItem {
  key: string;
}

/** The submission already sent (to send again), else one item per opinion as written. */
function startingItems(round: Round, delegationId: string, opinions: Opinion[]): Draft[] {
  const sent = round.consolidated.filter((item) => item.delegationId === delegationId);
  if (sent.length > 0) return sent.map((item) => ({ key: item.id, anchor: item.anchor, content: item.content, sourceOpinionIds: item.sourceOpinionIds }));
  return opinions.map((opinion) => ({ key: opinion.id, anchor: opinion.anchor, content: opinion.content, sourceOpinionIds: [opinion.id] }));
}

export function Consolidation({ document, leads, onDocument }: { document: DocumentDetail; leads: string[]; onDocument: (next: DocumentDetail) => void }) {
  const round = document.rounds.at(-1);
  if (!round) return null;
  const delegationId = leads.find((id) => round.opinionCounts.some((entry) => entry.delegationId === id)) ?? leads[0]!;
  const delegation = round.opinionCounts.find((entry) => entry.delegationId === delegationId);
  const opinions = round.opinions.filter((opinion) => opinion.delegationId === delegationId);
  const submission = round.submissions.find((entry) => entry.delegationId === delegationId);
  const consolidating = document.allowedEvents.includes('consolidate');
  return html`<section class="doc-leader" aria-labelledby="leader-heading" data-testid="leader-panel">
    <h3 id="leader-heading">${t('docLeaderHeading', { name: delegation?.name ?? '', up: round.names.up })}</h3>
    <p class="small">${t('docLeaderCount', { count: opinions.length })}${submission ? ` · ${t('docLeaderSent', { date: new Date(submission.submittedAt).toLocaleString() })}` : ''}</p>
    ${
      consolidating
        ? html`<${Editor} key=${round.id} document=${document} round=${round} delegationId=${delegationId} opinions=${opinions} resend=${Boolean(submission)} onDocument=${onDocument} />`
        : round.state === 'collecting'
          ? html`<p class="muted small">${t('docLeaderWait')}</p>
            <ul class="leader-originals">${opinions.map((opinion) => html`<li><span class="mono muted">${labelOf(document, opinion.anchor)}</span> ${opinion.content} <span class="muted small">— ${opinion.memberName ?? ''}</span></li>`)}</ul>`
          : null
    }
  </section>`;
}

function labelOf(document: DocumentDetail, anchor: string): string {
  return document.currentVersion?.blocks.find((block) => block.anchor === anchor)?.label || anchor;
}

function Editor({
  document,
  round,
  delegationId,
  opinions,
  resend,
  onDocument,
}: {
  document: DocumentDetail;
  round: Round;
  delegationId: string;
  opinions: Opinion[];
  resend: boolean;
  onDocument: (next: DocumentDetail) => void;
}) {
  const [items, setItems] = useState<Draft[]>(() => startingItems(round, delegationId, opinions));
  const [chosen, setChosen] = useState<string[]>([]);
  const [note, setNote] = useState(round.submissions.find((entry) => entry.delegationId === delegationId)?.note ?? '');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const byId = new Map(opinions.map((opinion) => [opinion.id, opinion]));
  const used = new Set(items.flatMap((item) => item.sourceOpinionIds));
  const dropped = opinions.filter((opinion) => !used.has(opinion.id));
  const edit = (key: string, content: string) => setItems(items.map((item) => (item.key === key ? { ...item, content } : item)));
  const toggle = (key: string) => setChosen(chosen.includes(key) ? chosen.filter((other) => other !== key) : [...chosen, key]);
  const merge = () => {
    const picked = items.filter((item) => chosen.includes(item.key));
    if (picked.length < 2) return;
    const merged: Draft = {
      key: picked.map((item) => item.key).join('+'),
      anchor: picked[0]!.anchor,
      content: picked.map((item) => item.content).join(';'),
      sourceOpinionIds: picked.flatMap((item) => item.sourceOpinionIds),
    };
    const at = items.indexOf(picked[0]!);
    const rest = items.filter((item) => !chosen.includes(item.key));
    setItems([...rest.slice(0, at), merged, ...rest.slice(at)]);
    setChosen([]);
  };
  const restore = (opinion: Opinion) => setItems([...items, { key: opinion.id, anchor: opinion.anchor, content: opinion.content, sourceOpinionIds: [opinion.id] }]);
  const send = async () => {
    setBusy(true);
    try {
      const next = await documentsApi.submit(document.id, {
        items: items.map(({ anchor, content, sourceOpinionIds }) => ({ anchor, content: content.trim(), sourceOpinionIds })),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      setOutcome({ ok: true, text: t('docLeaderDone', { up: round.names.up, count: items.length }) });
      onDocument(next);
    } catch (error) {
      setOutcome({ ok: false, text: t('vmRefused', { reason: refusalOf(error) }) });
    } finally {
      setBusy(false);
    }
  };
  return html`<div class="consolidation" data-testid="consolidation">
    <p class="muted small">${t('docLeaderHint')}</p>
    <ol class="consolidation-items">${items.map(
      (item, index) => html`<li class="consolidation-item" data-testid="consolidation-item">
      <div class="consolidation-head">
        <span class="checkbox-inline"><input type="checkbox" id=${`pick-${item.key}`} checked=${chosen.includes(item.key)} onChange=${() => toggle(item.key)} /><label for=${`pick-${item.key}`}>${t('docLeaderItem', { number: index + 1, label: labelOf(document, item.anchor) })}</label></span>
        <button type="button" class="small-button quiet-danger" data-testid="consolidation-drop" onClick=${() => setItems(items.filter((other) => other.key !== item.key))}>${t('docLeaderDrop')}</button>
      </div>
      <label class="visually-hidden" for=${`item-${item.key}`}>${t('docLeaderWording')}</label>
      <textarea id=${`item-${item.key}`} rows="3" maxlength="5000" value=${item.content} onInput=${(event: Event) => edit(item.key, (event.target as HTMLTextAreaElement).value)}></textarea>
      <ul class="leader-originals small">${item.sourceOpinionIds
        .map((id) => byId.get(id))
        .filter(Boolean)
        .map((opinion) => html`<li>${t('docLeaderOriginal')}${opinion!.content} <span class="muted">— ${opinion!.memberName ?? ''}</span></li>`)}</ul>
    </li>`,
    )}</ol>
    ${items.length === 0 ? html`<p class="muted small">${t('docLeaderEmpty')}</p>` : null}
    ${items.length > 1 ? html`<button type="button" class="wide" disabled=${chosen.length < 2} data-testid="consolidation-merge" onClick=${merge}>${t('docLeaderMerge', { count: chosen.length })}</button>` : null}
    ${
      dropped.length > 0
        ? html`<div class="leader-dropped"><p class="small"><strong>${t('docLeaderDropped', { count: dropped.length })}</strong></p>
          <ul class="leader-originals small">${dropped.map((opinion) => html`<li>${opinion.content} <button type="button" class="small-button" onClick=${() => restore(opinion)}>${t('docLeaderRestore')}</button></li>`)}</ul></div>`
        : null
    }
    <label for="leader-note">${t('docLeaderNote')}</label>
    <textarea id="leader-note" rows="2" maxlength="2000" placeholder=${t('docLeaderNotePlaceholder')} value=${note} onInput=${(event: Event) => setNote((event.target as HTMLTextAreaElement).value)}></textarea>
    <button type="button" class="primary wide" disabled=${busy || items.some((item) => !item.content.trim())} data-testid="consolidation-send" onClick=${send}>${t(resend ? 'docLeaderResend' : 'docLeaderSend', { up: round.names.up })}</button>
    ${outcome ? html`<p class=${`outcome ${outcome.ok ? 'done' : 'refused'}`} role="status" data-testid="consolidation-outcome">${outcome.text}</p>` : null}
  </div>`;
}
