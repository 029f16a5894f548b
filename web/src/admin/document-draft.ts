// The unissued draft: the Markdown editor or a .docx upload, and a preview of what issuing it would
// send down (its blocks, the diff against the last issued version and the adoption report).
import { api } from '../shared/api.js';
import { html, useState } from '../shared/html.js';
import { uploadFile } from '../shared/upload.js';
import { t } from '../i18n/i18n.js';
import { AdoptionReportView, BlockText, DiffView, VersionMeta } from './document-version.js';
import type { DocumentDetail, VersionDetail } from './document-types.js';
import { ErrorNote, Loading, useAction, useResource } from './ui.js';

function Preview({ document }: { document: DocumentDetail }) {
  const preview = useResource(() => api.get<{ version: VersionDetail }>(`/api/documents/${document.id}/draft/preview`).then((body) => body.version), [document.id, document.draft?.updatedAt]);
  const consolidated = document.rounds.flatMap((round) => round.consolidated);
  if (preview.error) return html`<${ErrorNote} error=${preview.error} />`;
  if (!preview.value) return html`<${Loading} />`;
  return html`<div data-testid="draft-preview">
    <${BlockText} version=${preview.value} />
    ${preview.value.adoptionReport && html`<${AdoptionReportView} report=${preview.value.adoptionReport} />`}
    <${DiffView} version=${preview.value} consolidated=${consolidated} />
  </div>`;
}

export function DraftEditor({ document, onChanged }: { document: DocumentDetail; onChanged: (next: DocumentDetail) => void }) {
  const draft = document.draft;
  const [text, setText] = useState(draft?.text ?? document.currentVersion?.text ?? '');
  const [editing, setEditing] = useState(!draft);
  const [file, setFile] = useState<File | null>(null);
  const action = useAction();
  const save = (event: Event) => {
    event.preventDefault();
    void action.run(async () => {
      const { document: next } = await api.put<{ document: DocumentDetail }>(`/api/documents/${document.id}/draft`, { text });
      setEditing(false);
      onChanged(next);
    });
  };
  const upload = (event: Event) => {
    event.preventDefault();
    if (!file) return;
    void action.run(async () => {
      const { document: next } = await uploadFile<{ document: DocumentDetail }>(`/api/documents/${document.id}/draft/docx`, 'file', file);
      setText(next.draft?.text ?? '');
      setFile(null);
      setEditing(false);
      onChanged(next);
    });
  };
  const heading = document.currentVersion ? t('docDraftRevision', { number: (document.currentVersion.number ?? 0) + 1 }) : t('docDraftFirst');
  return html`<section class="card" aria-labelledby="draft-title" data-testid="draft-editor">
    <div class="section-head"><h2 id="draft-title">${heading}</h2>
      ${draft && !editing && html`<button type="button" class="small" onClick=${() => (setText(draft.text), setEditing(true))}>${t('docEditDraft')}</button>`}</div>
    ${draft && html`<${VersionMeta} documentId=${document.id} version=${draft} />`}
    <${ErrorNote} error=${action.error} />
    ${
      editing
        ? html`<form onSubmit=${save}>
          <label for="draft-text">${t('docDraftText')}</label>
          <textarea id="draft-text" class="mono-text" rows="14" required maxlength="200000" value=${text} onInput=${(event: Event) => setText((event.target as HTMLTextAreaElement).value)}></textarea>
          <p class="hint">${t('docMarkdownHint')}</p>
          <div class="actions">
            <button type="submit" class="primary" disabled=${action.busy}>${t('docSaveDraft')}</button>
            ${draft && html`<button type="button" onClick=${() => setEditing(false)}>${t('adminCancel')}</button>`}
          </div>
        </form>
        <form class="input-row" onSubmit=${upload}>
          <input id="draft-docx" class="file-input" type="file" accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document" onChange=${(event: Event) => setFile((event.target as HTMLInputElement).files?.[0] ?? null)} />
          <label for="draft-docx" class="file-pick">${t('docChooseDocx')}</label>
          <span class="file-name muted">${file?.name ?? t('docNoFile')}</span>
          <button type="submit" disabled=${!file || action.busy}>${t('docUploadDocx')}</button>
        </form>
        <p class="hint">${t('docDocxHint')}</p>`
        : draft && html`<${Preview} document=${document} />`
    }
  </section>`;
}
