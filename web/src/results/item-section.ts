// One item of the notice: its counts as a table (drawn by the item's kind), the rule in words, the count in words, the verdict.
import { t } from '../i18n/i18n.js';
import { html } from '../shared/html.js';
import { resultPart } from '../kinds/result.js';
import type { Ballot, BallotItem, Meeting } from '../shared/live.js';
import { explanationOf, explanationText, itemTitle, ruleInWords, verdictOf } from '../shared/results.js';

interface ItemSectionProps {
  item: BallotItem;
  index: number;
  ballot: Ballot;
  kind: Meeting['kind'];
}

export function ItemSection({ item, index, ballot, kind }: ItemSectionProps) {
  const result = ballot.result?.items[index];
  if (!result) return null;
  const verdict = verdictOf(result);
  const explanation = explanationOf(result);
  const rule = ruleInWords(item, kind);
  return html`<section class="notice-item" data-testid="notice-item">
    <div class="notice-item-head">
      <h2>${itemTitle(item, index, ballot.items.length)}</h2>
      ${verdict ? html`<strong class=${`verdict ${verdict}`} data-testid="notice-verdict">${t(verdict)}</strong>` : null}
    </div>
    ${item.kind === result.kind ? html`<${resultPart(result.kind).NoticeCounts} item=${item} result=${result} />` : null}
    ${'blankBallots' in result && result.blankBallots > 0 ? html`<p class="notice-line">${t('noticeBlank', { count: result.blankBallots })}</p>` : null}
    ${rule ? html`<p class="notice-line"><span class="notice-label">${t('noticeRule')}</span>${rule}</p>` : null}
    ${explanation ? html`<p class="notice-line" data-testid="notice-explanation"><span class="notice-label">${t('noticeVerdictLine')}</span>${explanationText(explanation)}</p>` : null}
  </section>`;
}
