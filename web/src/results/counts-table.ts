// The notice's table of counts, one row per candidate or option, with 当选/另行选举 where it applies.
import { type MessageKey, t } from '../i18n/i18n.js';
import { html } from '../shared/html.js';
import type { ResultRow } from '../shared/result-bars.js';

function markText(row: ResultRow): string {
  if (row.mark === 'elected') return t('elected');
  if (row.mark === 'runoff') return t('runoff');
  return '';
}

/** `heading` names the first column (候选人 / 选项); `marks` adds the outcome column. */
export function CountsTable({ rows, heading, marks }: { rows: ResultRow[]; heading: MessageKey; marks: boolean }) {
  return html`<table class="counts">
    <thead><tr><th scope="col">${t(heading)}</th><th scope="col">${t('noticeVotes')}</th>${marks ? html`<th scope="col">${t('noticeOutcome')}</th>` : null}</tr></thead>
    <tbody>
      ${rows.map((row) => html`<tr><th scope="row">${row.label}</th><td>${t('votesCount', { count: row.votes })}</td>${marks ? html`<td>${markText(row)}</td>` : null}</tr>`)}
    </tbody>
  </table>`;
}
