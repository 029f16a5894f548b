// Where a document stands, in a few words for a representative: the list and the reader both say it.
import { formatDate, formatTime } from '../shared/dates.js';
import { t } from '../i18n/i18n.js';
import { documentStateLabel } from '../admin/document-format.js';
import type { DocumentSummary } from './documents-api.js';

export const when = (iso: string) => `${formatDate(iso)} ${formatTime(iso)}`;

/** What the representative can do now, in a few words. */
export function stageText(document: DocumentSummary): string {
  if (document.state === 'collecting' && document.deadlineAt) return t('docVoterCollectingUntil', { date: when(document.deadlineAt) });
  return documentStateLabel(document.state);
}
