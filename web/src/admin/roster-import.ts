// Importing a roster from CSV or XLSX: all or nothing; a refused file shows every problem by line.
import { ApiError } from '../shared/api.js';
import { html, useRef, useState } from '../shared/html.js';
import { uploadFile } from '../shared/upload.js';
import { localized, t, type MessageKey } from '../i18n/i18n.js';
import type { ImportProblem } from './types.js';
import { ErrorNote } from './ui.js';

const TEMPLATE_HEADERS = '姓名,工号,代表团,身份,标签';
const FIELD_KEYS: Record<ImportProblem['field'], MessageKey> = {
  name: 'adminName',
  staffNumber: 'adminStaffNumber',
  delegation: 'adminDelegation',
  role: 'adminMemberRole',
  tags: 'adminTags',
  file: 'adminFile',
};

/** A UTF-8 CSV with a byte-order mark, so that Excel opens the Chinese headers correctly. */
function downloadTemplate(): void {
  const blob = new Blob([`\uFEFF${TEMPLATE_HEADERS}\r\n`], { type: 'text/csv;charset=utf-8' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = t('adminTemplateFileName');
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

function ProblemTable({ problems }: { problems: ImportProblem[] }) {
  return html`<div class="import-problems" role="alert" aria-labelledby="problems-heading">
    <h3 id="problems-heading">${t('adminImportRefused', { count: problems.length })}</h3>
    <table class="data compact">
      <thead><tr><th scope="col">${t('adminLine')}</th><th scope="col">${t('adminField')}</th><th scope="col">${t('adminProblem')}</th></tr></thead>
      <tbody>${problems.map(
        (problem) => html`<tr>
        <td class="num">${problem.line}</td>
        <td>${t(FIELD_KEYS[problem.field] ?? 'adminFile')}</td>
        <td>${localized(problem)}</td>
      </tr>`,
      )}</tbody>
    </table>
  </div>`;
}

export function ImportPanel({ termId, onImported }: { termId: string; onImported: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<ImportProblem[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [imported, setImported] = useState<number | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setProblems(null);
    setError(null);
    setImported(null);
    try {
      const result = await uploadFile<{ imported: number }>(`/api/terms/${termId}/members/import`, 'file', file);
      setImported(result.imported);
      setFile(null);
      if (input.current) input.current.value = '';
      onImported();
    } catch (caught) {
      const details = caught instanceof ApiError ? (caught.details as { problems?: ImportProblem[] } | undefined) : undefined;
      if (details?.problems) setProblems(details.problems);
      else setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return html`<section class="card" aria-labelledby="import-heading">
    <h2 id="import-heading">${t('adminImport')}</h2>
    <p class="muted">${t('adminImportHelp')}</p>
    <form class="input-row" onSubmit=${submit}>
      <input id="roster-file" class="file-input" ref=${input} type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-describedby="roster-file-name" onChange=${(e: Event) => setFile((e.target as HTMLInputElement).files?.[0] ?? null)} />
      <label class="file-pick" for="roster-file">${t('adminChooseFile')}<span class="visually-hidden"> · ${t('adminImportFile')}</span></label>
      <span id="roster-file-name" class=${file ? 'file-name' : 'file-name muted'}>${file ? file.name : t('adminNoFileChosen')}</span>
      <span class="spacer"></span>
      <button type="submit" class="primary" disabled=${!file || busy}>${busy ? t('adminImporting') : t('adminImportButton')}</button>
      <button type="button" onClick=${downloadTemplate}>${t('adminDownloadTemplate')}</button>
    </form>
    ${imported !== null && html`<p class="notice notice-ok" role="status">${t('adminImported', { count: imported })}</p>`}
    <${ErrorNote} error=${error} />
    ${problems && html`<${ProblemTable} problems=${problems} />`}
  </section>`;
}
