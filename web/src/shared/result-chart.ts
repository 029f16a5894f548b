// A published result: one block per item with its counts (bars with the threshold marked, or a
// grid, as the item's kind draws them), the verdict and the rule in words. Sized by the page's font size.
import './result-chart.css';
import { t } from '../i18n/i18n.js';
import { resultPart } from '../kinds/result.js';
import { html } from './html.js';
import type { Ballot, BallotItem, BallotResult } from './live.js';
import { explanationOf, explanationText, itemTitle, verdictOf } from './results.js';

interface ItemResultProps {
  item: BallotItem;
  index: number;
  count: number;
  ballot: BallotResult;
  /** A sheet of one item named like the ballot: the heading above already says it. */
  untitled: boolean;
  /** The page shows this item's verdict beside the ballot's heading. */
  verdictElsewhere: boolean;
}

export function ItemResultView({ item, index, count, ballot, untitled, verdictElsewhere }: ItemResultProps) {
  const result = ballot.items[index];
  if (!result) return null;
  const verdict = verdictElsewhere ? null : verdictOf(result);
  const explanation = explanationOf(result);
  return html`<section class="result-item">
    ${
      untitled && !verdict
        ? null
        : html`<div class="result-head">
          ${untitled ? html`<span></span>` : html`<h3>${itemTitle(item, index, count)}</h3>`}
          ${verdict ? html`<strong class=${`verdict ${verdict}`}>${t(verdict)}</strong>` : null}
        </div>`
    }
    ${item.kind === result.kind ? html`<${resultPart(result.kind).Chart} item=${item} result=${result} ballot=${ballot} />` : null}
    ${explanation ? html`<p class="explanation">${explanationText(explanation)}</p>` : null}
  </section>`;
}

/** The verdict of a one-item sheet, for a page that shows it beside the ballot's heading. */
export function soleVerdict(ballot: Ballot): 'passed' | 'failed' | null {
  const only = ballot.items.length === 1 ? ballot.result?.items[0] : undefined;
  return only ? verdictOf(only) : null;
}

/** Every item of a published ballot; nothing when the result is not visible. */
export function ResultChart({ ballot, verdictAbove = false }: { ballot: Ballot; verdictAbove?: boolean }) {
  const result = ballot.result;
  if (!result) return null;
  return html`<div class="result-chart">
    ${ballot.items.map(
      (item, index) =>
        html`<${ItemResultView} item=${item} index=${index} count=${ballot.items.length} ballot=${result} untitled=${ballot.items.length === 1 && item.title === ballot.title} verdictElsewhere=${verdictAbove} />`,
    )}
  </div>`;
}
