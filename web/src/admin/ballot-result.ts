// A ballot's result: the figures, then per item its kind's chart (web/src/kinds/<kind>/console.ts), the
// verdict and the rule in words.
import { html } from '../shared/html.js';
import type { BallotResult, ItemResult } from '../shared/live.js';
import { localized, t } from '../i18n/i18n.js';
import { consolePart } from '../kinds/console.js';
import type { Ballot, BallotItem } from './types.js';
import { Badge } from './ui.js';
import { paperFiguresText, voidText } from '../shared/results.js';

function ItemChart({ item, result, title, notVoted }: { item: BallotItem | undefined; result: ItemResult; title: string; notVoted: number }) {
  const { Result } = consolePart(result.kind);
  return html`<${Result} item=${item?.kind === result.kind ? item : undefined} result=${result} title=${title} notVoted=${notVoted} />`;
}

export function BallotResultView({ ballot, result }: { ballot: Ballot; result: BallotResult }) {
  const figures: [string, number][] = [
    [t('eligible'), result.eligible],
    [t('present'), result.present],
    [t('adminCast'), result.cast],
  ];
  return html`<section class="result" aria-labelledby="result-heading">
    <h3 id="result-heading">${t('adminResult')} ${result.manual && html`<${Badge} tone="neutral">${t('manualResult')} · ${t(result.manualMethod === 'paper' ? 'adminPaper' : 'adminShowOfHands')}<//>`}</h3>
    <dl class="stats small">${figures.map(([label, value]) => html`<div class="stat"><dt>${label}</dt><dd>${value}</dd></div>`)}</dl>
    ${paperFiguresText(result) && html`<p class="muted" data-testid="result-papers">${paperFiguresText(result)}</p>`}
    ${voidText(result) && html`<p class="notice notice-error" role="alert">${voidText(result)}</p>`}
    ${result.items.map((item, index) => {
      const definition = ballot.items[index];
      const title = definition?.title ?? '';
      return html`<article class="result-item" data-item=${index}>
        <div class="result-head">
          <h4>${result.items.length > 1 ? `${t('adminItemNumber', { number: index + 1 })} · ` : ''}${title}</h4>
          <${consolePart(item.kind).ResultHead} result=${item} />
        </div>
        <${ItemChart} item=${definition} result=${item} title=${title} notVoted=${Math.max(0, result.eligible - result.cast)} />
        ${'explanation' in item && html`<p class="explanation">${localized(item.explanation)}</p>`}
      </article>`;
    })}
  </section>`;
}
