// The representative's documents for consultation (文件, 二上二下): the meeting's issued documents,
// and one of them to read and give opinions on. Kept fresh by `document:updated` on the socket; a
// reconnect re-reads what it may have missed. Its own chunk, loaded when the tab is first shown.
import { html, useEffect, useRef, useState } from '../shared/html.js';
import type { LiveMeeting, Snapshot } from '../shared/live.js';
import { useLanguage } from '../shared/use-language.js';
import { t } from '../i18n/i18n.js';
import { documentKindLabel, documentStateLabel } from '../admin/document-format.js';
import { type DocumentSummary, documentsApi } from './documents-api.js';
import { DocumentReader } from './documents-reader.js';
import { when } from './documents-stage.js';
import { refusalOf } from './motions-labels.js';

function DocumentRow({ document, onOpen }: { document: DocumentSummary; onOpen: (id: string) => void }) {
  return html`<li>
    <button type="button" class="motion-row doc-row" data-testid="document-row" data-state=${document.state} onClick=${() => onOpen(document.id)}>
      <span class="motion-row-top">
        <span class="badge">${documentKindLabel(document.kind)}</span>
        <span class=${`badge doc-state state-${document.state}`}>${documentStateLabel(document.state)}</span>
      </span>
      <span class="motion-subject">${document.title}</span>
      <span class="motion-meta">${document.draftingDepartment.name}${document.currentRound ? ` · ${t('docRoundOf', { round: document.currentRound, rounds: document.roundsPlanned })}` : ''}</span>
      ${document.state === 'collecting' && document.deadlineAt ? html`<span class="doc-deadline">${t('docVoterDeadline', { date: when(document.deadlineAt) })}</span>` : null}
    </button>
  </li>`;
}

interface PanelProps {
  live: LiveMeeting;
  snapshot: Snapshot;
  active: boolean;
}

export function DocumentsPanel({ live, snapshot, active }: PanelProps) {
  useLanguage();
  const meetingId = snapshot.meeting?.id ?? null;
  const [documents, setDocuments] = useState<DocumentSummary[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [revision, setRevision] = useState(0);
  const openNow = useRef(open);
  openNow.current = open;
  const reload = async () => {
    if (!meetingId) return setDocuments([]);
    try {
      setDocuments(await documentsApi.list(meetingId));
      setFailure(null);
    } catch (error) {
      setFailure(refusalOf(error));
    }
  };
  useEffect(() => {
    void reload();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onUpdated = ({ document }: { document: DocumentSummary }) => {
      if (openNow.current === document.id) setRevision((value) => value + 1);
      clearTimeout(timer);
      timer = setTimeout(() => void reload(), 250);
    };
    const onConnect = () => (void reload(), setRevision((value) => value + 1));
    live.socket.on('document:updated', onUpdated);
    live.socket.on('connect', onConnect);
    return () => {
      clearTimeout(timer);
      live.socket.off('document:updated', onUpdated);
      live.socket.off('connect', onConnect);
    };
  }, [live, meetingId]);
  useEffect(() => {
    if (active) void reload();
  }, [active]);
  const go = (id: string | null) => {
    setOpen(id);
    if (id === null) void reload();
    setTimeout(() => document.getElementById(id ? 'document-view-heading' : 'documents-heading')?.focus(), 0);
  };

  if (open) return html`<div class="documents" data-testid="documents"><${DocumentReader} key=${open} id=${open} you=${snapshot.you!} revision=${revision} onBack=${() => go(null)} /></div>`;
  return html`<div class="documents" data-testid="documents">
    <section class="card" aria-labelledby="documents-heading">
      <h2 id="documents-heading" tabindex="-1">${t('docVoterHeading')}</h2>
      <p class="muted small">${t('docVoterIntro')}</p>
      ${
        failure
          ? html`<div role="alert"><p class="error">${failure}</p><button type="button" onClick=${reload}>${t('vmRetry')}</button></div>`
          : !documents
            ? html`<p class="loading">${t('vmRefreshing')}</p>`
            : documents.length === 0
              ? html`<p class="quiet empty" data-testid="documents-empty">${t('docVoterNone')}</p>`
              : html`<ul class="motion-list" data-testid="documents-list">${documents.map((document) => html`<${DocumentRow} key=${document.id} document=${document} onOpen=${go} />`)}</ul>`
      }
    </section>
  </div>`;
}
