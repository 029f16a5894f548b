// The ballot paper (fill in every item) and the confirmation step that repeats the choices back.
import { t } from '../i18n/i18n.js';
import { html, useEffect, useRef, useState } from '../shared/html.js';
import type { Ballot } from '../shared/live.js';
import { itemTitle } from '../shared/results.js';
import { type Draft, describeAnswer, problemWith } from './answers.js';
import { ItemInput } from './item-inputs.js';

interface PaperProps {
  ballot: Ballot;
  drafts: Draft[];
  note: string | null;
  onChange: (drafts: Draft[]) => void;
  onNext: () => void;
}

export function Paper({ ballot, drafts, note, onChange, onNext }: PaperProps) {
  const [problems, setProblems] = useState<(string | null)[]>([]);
  const count = ballot.items.length;
  const submit = (event: Event) => {
    event.preventDefault();
    const found = ballot.items.map((item, index) => problemWith(item, drafts[index]!));
    setProblems(found);
    const first = found.findIndex((problem) => problem !== null);
    if (first === -1) return onNext();
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`#b-${ballot.id}-${first} input`)?.focus());
  };
  const change = (index: number, draft: Draft) => {
    onChange(drafts.map((old, at) => (at === index ? draft : old)));
    if (problems[index]) setProblems(problems.map((problem, at) => (at === index ? null : problem)));
  };
  return html`<form class="paper" onSubmit=${submit} novalidate>
    ${note ? html`<p class="note" role="status">${note}</p>` : null}
    ${count > 1 ? html`<p class="hint">${t('itemByItem', { count })}</p>` : null}
    ${ballot.items.map(
      (item, index) => html`<${ItemInput}
        item=${item}
        draft=${drafts[index]}
        name=${`b-${ballot.id}-${index}`}
        heading=${itemTitle(item, index, count)}
        quietHeading=${count === 1 && item.title === ballot.title}
        problem=${problems[index] ?? null}
        onChange=${(draft: Draft) => change(index, draft)}
      />`,
    )}
    <button type="submit" class="primary wide">${t('nextStep')}</button>
  </form>`;
}

interface ConfirmProps {
  ballot: Ballot;
  drafts: Draft[];
  onConfirm: () => void;
  onBack: () => void;
  connected: boolean;
}

export function Confirm({ ballot, drafts, onConfirm, onBack, connected }: ConfirmProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const count = ballot.items.length;
  return html`<div class="confirm">
    <h3 tabindex="-1" ref=${heading}>${t('confirmHeading')}</h3>
    <p>${t('confirmIntro')}</p>
    <dl class="summary">
      ${ballot.items.map(
        (item, index) => html`<div class="summary-row">
          <dt>${itemTitle(item, index, count)}</dt>
          ${describeAnswer(item, drafts[index]!).map((line) => html`<dd>${line}</dd>`)}
        </div>`,
      )}
    </dl>
    ${connected ? null : html`<p class="note" role="status">${t('confirmOffline')}</p>`}
    <div class="actions stacked">
      <button type="button" class="primary wide" onClick=${onConfirm}>${t('confirmVote')}</button>
      <button type="button" class="wide" onClick=${onBack}>${t('backToEdit')}</button>
    </div>
  </div>`;
}
