// Paper and phones in one ballot (纸电同步). The secretary issues numbered papers to named
// representatives before the close; after it, the tellers (监票人 accounts) say how many papers came
// out of the box, enter each in a batch, and a second teller confirms each paper (entering it again,
// without seeing the first entry) or the batch's totals counted by hand. The secretary sees figures.
import { api, request } from '../shared/api.js';
import { html, useEffect, useState } from '../shared/html.js';
import { type MessageKey, t } from '../i18n/i18n.js';
import { ItemInput } from '../voter/item-inputs.js';
import { type Draft, emptyDraft, toAnswer } from '../voter/answers.js';
import { fieldsOf, NumberField, toEntry } from './manual-result.js';
import { currentAccount, isSecretary } from './session.js';
import type { Ballot, Member } from './types.js';
import { ErrorNote, useAction, useResource } from './ui.js';
import type { components } from '../generated/api.js';

type PaperCount = components['schemas']['PaperCountStatus'];
type IssuedPapers = components['schemas']['IssuedPapers'];

const INVALID_REASONS = ['blank', 'too_many_marks', 'unreadable', 'extra_marks', 'not_genuine', 'other'] as const;
type InvalidReason = (typeof INVALID_REASONS)[number];

const serial = (number: number) => `No. ${String(number).padStart(3, '0')}`;

/** Who holds a paper, and issuing more: the secretary's, while the ballot is a draft or open. */
function PaperIssue({ ballot, termId }: { ballot: Ballot; termId: string }) {
  // Papers go out before the ballot opens; once open the list stands (a refused issue would say who has voted).
  const editable = ballot.state === 'draft';
  const issued = useResource(() => api.get<IssuedPapers>(`/api/ballots/${ballot.id}/papers`), [ballot.id]);
  const roster = useResource(() => api.get<{ members: Member[] }>(`/api/terms/${termId}/members`), [termId]);
  const [chosen, setChosen] = useState('');
  const [takingBack, setTakingBack] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const action = useAction();
  const holders = new Set((issued.value?.papers ?? []).map((paper) => paper.memberId));
  const candidates = (roster.value?.members ?? []).filter((member) => member.role === 'representative' && !holders.has(member.id));

  const [numbers, setNumbers] = useState('');
  const [unknown, setUnknown] = useState<string[]>([]);
  const issue = () =>
    action.run(async () => {
      issued.set(await api.post<IssuedPapers>(`/api/ballots/${ballot.id}/papers`, { memberIds: [chosen] }));
      setChosen('');
    });
  /** Many at once, by staff number (工号), separated by spaces, commas or new lines: all or none. */
  const issueMany = () =>
    action.run(async () => {
      const wanted = numbers.split(/[\s,，、;；]+/).filter(Boolean);
      const byNumber = new Map(candidates.map((member) => [member.staffNumber.toLowerCase(), member.id]));
      const missing = wanted.filter((number) => !byNumber.has(number.toLowerCase()));
      setUnknown(missing);
      if (missing.length > 0 || wanted.length === 0) return;
      issued.set(await api.post<IssuedPapers>(`/api/ballots/${ballot.id}/papers`, { memberIds: wanted.map((number) => byNumber.get(number.toLowerCase())!) }));
      setNumbers('');
    });
  const takeBack = (memberId: string) =>
    action.run(async () => {
      issued.set(await request<IssuedPapers>('DELETE', `/api/ballots/${ballot.id}/papers/${memberId}`, { reason: reason.trim() }));
      setTakingBack(null);
      setReason('');
    });

  return html`<section class="paper-issue" aria-labelledby="paper-issue-heading" data-testid="paper-issue">
    <h3 id="paper-issue-heading">${t('paperIssueHeading')}</h3>
    <p class="muted">${t(editable ? 'paperIssueHelp' : 'paperIssueClosedHelp')}</p>
    ${(issued.value?.papers.length ?? 0) > 0 && html`<p><a href=${`/admin/ballots/${ballot.id}/papers/print`} data-testid="paper-print-link">${t('paperPrintLink')}</a></p>`}
    ${
      (issued.value?.papers.length ?? 0) > 0 &&
      html`<table class="table compact">
        <thead><tr><th>${t('paperSerial')}</th><th>${t('adminName')}</th><th>${t('adminStaffNumber')}</th><th></th></tr></thead>
        <tbody>${issued.value!.papers.map(
          (paper) => html`<tr>
            <td>${serial(paper.serial)}</td><td>${paper.name}</td><td>${paper.staffNumber}</td>
            <td>${
              !editable
                ? null
                : takingBack === paper.memberId
                  ? html`<label class="visually-hidden" for="paper-back-reason">${t('paperTakeBackReason')}</label>
                  <input id="paper-back-reason" maxlength="500" placeholder=${t('paperTakeBackReason')} value=${reason} onInput=${(event: Event) => setReason((event.target as HTMLInputElement).value)} />
                  <button type="button" disabled=${action.busy || reason.trim() === ''} onClick=${() => takeBack(paper.memberId)}>${t('paperTakeBack')}</button>`
                  : html`<button type="button" class="link" onClick=${() => setTakingBack(paper.memberId)}>${t('paperTakeBack')}</button>`
            }</td>
          </tr>`,
        )}</tbody>
      </table>`
    }
    ${
      editable &&
      html`<div class="inline-form">
      <label for="paper-member">${t('paperIssueTo')}</label>
      <select id="paper-member" value=${chosen} onChange=${(event: Event) => setChosen((event.target as HTMLSelectElement).value)}>
        <option value="">${t('paperChoose')}</option>
        ${candidates.map((member) => html`<option value=${member.id}>${member.name}(${member.staffNumber})</option>`)}
      </select>
      <button type="button" class="primary" data-testid="paper-issue-button" disabled=${action.busy || chosen === ''} onClick=${issue}>${t('paperIssue')}</button>
    </div>
    <div class="inline-form">
      <label for="paper-numbers">${t('paperIssueByNumber')}</label>
      <input id="paper-numbers" value=${numbers} placeholder=${t('paperIssueByNumberHint')} onInput=${(event: Event) => setNumbers((event.target as HTMLInputElement).value)} />
      <button type="button" disabled=${action.busy || numbers.trim() === ''} onClick=${issueMany}>${t('paperIssue')}</button>
    </div>
    ${unknown.length > 0 && html`<p class="notice notice-error" role="alert">${t('paperIssueUnknown', { numbers: unknown.join('、') })}</p>`}`
    }
    <${ErrorNote} error=${action.error ?? issued.error} />
  </section>`;
}

/** One returned paper as the teller reads it: an answer per item (nothing marked is allowed), or invalid with its reason. */
function PaperForm({ ballot, submitLabel, onSubmit, busy, testId }: { ballot: Ballot; submitLabel: string; onSubmit: (body: object) => Promise<boolean>; busy: boolean; testId: string }) {
  const fresh = () => ballot.items.map((item) => emptyDraft(item));
  const [drafts, setDrafts] = useState<Draft[]>(fresh);
  const [invalid, setInvalid] = useState<InvalidReason | ''>('');
  const send = async (event: Event) => {
    event.preventDefault();
    const body = invalid ? { invalid } : { answers: ballot.items.map((item, index) => toAnswer(item, drafts[index]!) ?? null) };
    if (await onSubmit(body)) {
      setDrafts(fresh());
      setInvalid('');
    }
  };
  return html`<form class="paper-form" data-testid=${testId} onSubmit=${send}>
    ${ballot.items.map(
      (item, index) => html`<${ItemInput} item=${item} draft=${drafts[index]!} name=${`${testId}-item-${index}`} heading=${`${index + 1}. ${item.title}`} quietHeading=${false} problem=${null}
        onChange=${(draft: Draft) => setDrafts(drafts.map((entry, position) => (position === index ? draft : entry)))} />`,
    )}
    <div class="inline-form">
      <label for=${`${testId}-invalid`}>${t('paperInvalid')}</label>
      <select id=${`${testId}-invalid`} value=${invalid} onChange=${(event: Event) => setInvalid((event.target as HTMLSelectElement).value as InvalidReason | '')}>
        <option value="">${t('paperValid')}</option>
        ${INVALID_REASONS.map((reason) => html`<option value=${reason}>${t(`paperInvalid_${reason}` as MessageKey)}</option>`)}
      </select>
      <button type="submit" class="primary" disabled=${busy}>${submitLabel}</button>
    </div>
  </form>`;
}

/** A second teller's hand count of a batch, in the shapes of a manual result. */
function TotalsForm({ ballot, batchId, onSubmit, busy }: { ballot: Ballot; batchId: string; onSubmit: (body: object) => Promise<boolean>; busy: boolean }) {
  const [papers, setPapers] = useState('');
  const [invalid, setInvalid] = useState('0');
  const [counts, setCounts] = useState<Record<string, string>[]>(ballot.items.map(() => ({})));
  const send = async (event: Event) => {
    event.preventDefault();
    await onSubmit({ papers: Number(papers), invalid: Number(invalid || 0), items: ballot.items.map((item, index) => toEntry(item, counts[index] ?? {})) });
  };
  return html`<form class="manual-form" data-testid="paper-totals" onSubmit=${send}>
    <div class="form-grid">
      <${NumberField} id=${`totals-${batchId}-papers`} label=${t('paperBatchPapers')} value=${papers} onInput=${setPapers} />
      <${NumberField} id=${`totals-${batchId}-invalid`} label=${t('paperInvalidCount')} value=${invalid} onInput=${setInvalid} />
    </div>
    ${ballot.items.map(
      (item, index) => html`<fieldset class="item-editor"><legend>${index + 1}. ${item.title}</legend><div class="form-grid">
        ${fieldsOf(item).map(
          ({ key, label }) => html`<${NumberField} id=${`totals-${batchId}-${index}-${key}`} label=${label} value=${counts[index]?.[key] ?? ''}
            onInput=${(value: string) => setCounts(counts.map((entry, position) => (position === index ? { ...entry, [key]: value } : entry)))} />`,
        )}</div></fieldset>`,
    )}
    <div class="actions"><button type="submit" class="primary" disabled=${busy}>${t('paperConfirmTotals')}</button></div>
  </form>`;
}

/** A paper as entered, in words: 赞成 / 张三、李四 / 方案一; the invalid reason for an invalid one. */
function paperWords(ballot: Ballot, entry: { answers: unknown[] } | { invalid: InvalidReason }): string {
  if ('invalid' in entry) return `${t('paperInvalid')}: ${t(`paperInvalid_${entry.invalid}` as MessageKey)}`;
  return ballot.items
    .map((item, index) => {
      const answer = entry.answers[index] as Record<string, unknown> | string | undefined;
      if (typeof answer === 'string') return t(answer as MessageKey);
      if (item.kind === 'election' && answer) {
        const names = ((answer.candidateIds as string[]) ?? []).map((id) => item.candidates.find((candidate) => candidate.id === id)?.name ?? id);
        return [...names, ...((answer.writeIns as string[]) ?? [])].join('、') || t('paperBlankItem');
      }
      if (item.kind === 'choice' && answer) return ((answer.optionIds as string[]) ?? []).map((id) => item.options.find((option) => option.id === id)?.label ?? id).join('、') || t('paperBlankItem');
      return Object.keys(answer ?? {}).length > 0 ? t('paperValid') : t('paperBlankItem');
    })
    .join(' / ');
}

type Mode = { batchId: string; kind: 'enter' | 'check' | 'totals' } | null;

/** Where the count stands, and for a teller the forms to count with. */
function PaperCountPanel({ ballot, onCounted }: { ballot: Ballot; onCounted: (ballot: Ballot) => void }) {
  const status = useResource(() => api.get<PaperCount>(`/api/ballots/${ballot.id}/paper-count`), [ballot.id, ballot.state, ballot.result === null]);
  const [mode, setMode] = useState<Mode>(null);
  const [collected, setCollected] = useState('');
  const [notice, setNotice] = useState('');
  const action = useAction();
  const teller = currentAccount()?.role === 'scrutineer';
  const count = status.value;
  // Two tellers count side by side: each one's screen follows the other's entries.
  useEffect(() => {
    if (count?.state !== 'counting') return;
    const timer = setInterval(() => void status.reload(), 3000);
    return () => clearInterval(timer);
  }, [count?.state]);
  if (!count || count.state === 'none') return null;
  const base = `/api/ballots/${ballot.id}/paper-count`;
  const run = (work: () => Promise<unknown>, done = '') =>
    action.run(async () => {
      await work();
      setNotice(done);
      await status.reload();
    });
  const ready = count.collected !== null && (count.collected > count.issued || (count.entered === count.collected && count.confirmed === count.collected));

  return html`<section class="paper-count" aria-labelledby="paper-count-heading" data-testid="paper-count">
    <h3 id="paper-count-heading">${t('paperCountHeading')}</h3>
    <dl class="facts">
      <div><dt>${t('paperIssued')}</dt><dd data-testid="paper-issued">${count.issued}</dd></div>
      <div><dt>${t('paperCollected')}</dt><dd data-testid="paper-collected">${count.collected ?? '—'}</dd></div>
      <div><dt>${t('paperEntered')}</dt><dd data-testid="paper-entered">${count.entered}</dd></div>
      <div><dt>${t('paperConfirmed')}</dt><dd data-testid="paper-confirmed">${count.confirmed}</dd></div>
      <div><dt>${t('paperInvalidCount')}</dt><dd>${count.invalid}</dd></div>
    </dl>
    ${count.state === 'voting' && html`<p class="muted">${t('paperCountAfterClose')}</p>`}
    ${count.collected !== null && count.collected > count.issued && html`<p class="notice notice-warn" role="alert">${t('paperVoidWarning', { collected: count.collected, issued: count.issued })}</p>`}
    ${
      count.state === 'counting' &&
      teller &&
      html`<form class="inline-form" onSubmit=${(event: Event) => {
        event.preventDefault();
        void run(() => api.put(`${base}/collected`, { collected: Number(collected) }));
      }}>
        <label for="paper-collected-input">${t('paperCollectedInput')}</label>
        <input id="paper-collected-input" type="number" min="0" inputmode="numeric" required value=${collected} onInput=${(event: Event) => setCollected((event.target as HTMLInputElement).value)} />
        <button type="submit" disabled=${action.busy}>${t('paperCollectedSave')}</button>
      </form>`
    }
    ${
      count.state === 'counting' &&
      count.batches.length > 0 &&
      html`<ol class="paper-batches">${count.batches.map(
        (batch) => html`<li data-testid=${`paper-batch-${batch.number}`}>
          <p><strong>${t('paperBatch', { number: batch.number })}</strong> · ${t('paperBatchLine', { papers: batch.papers, confirmed: batch.confirmed, by: batch.openedBy ?? '—' })}
            ${batch.totalsConfirmedBy && html` · ${t('paperTotalsBy', { by: batch.totalsConfirmedBy })}`}</p>
          ${
            count.state === 'counting' &&
            teller &&
            html`<div class="actions">
              ${!batch.totalsConfirmedBy && html`<button type="button" onClick=${() => setMode({ batchId: batch.id, kind: 'enter' })}>${t('paperEnter')}</button>`}
              <button type="button" onClick=${() => setMode({ batchId: batch.id, kind: 'check' })}>${t('paperCheck')}</button>
              ${!batch.totalsConfirmedBy && html`<button type="button" onClick=${() => setMode({ batchId: batch.id, kind: 'totals' })}>${t('paperTotals')}</button>`}
            </div>`
          }
          ${
            batch.mine.length > 0 &&
            html`<ul class="paper-mine">${batch.mine.map(
              (entry) => html`<li>${paperWords(ballot, entry)} · ${entry.confirmed ? t('paperEntryConfirmed') : t('paperEntryUnconfirmed')}
                ${!entry.confirmed && count.state === 'counting' && html` <button type="button" class="link" onClick=${() => run(() => api.delete(`${base}/papers/${entry.id}`))}>${t('paperRemove')}</button>`}</li>`,
            )}</ul>`
          }
          ${mode?.batchId === batch.id && mode.kind === 'enter' && html`<${PaperForm} ballot=${ballot} testId="paper-enter" submitLabel=${t('paperEnterSave')} busy=${action.busy} onSubmit=${(body: object) => run(() => api.post(`${base}/batches/${batch.id}/papers`, body), t('paperEntered1'))} />`}
          ${mode?.batchId === batch.id && mode.kind === 'check' && html`<${PaperForm} ballot=${ballot} testId="paper-check" submitLabel=${t('paperCheckSave')} busy=${action.busy} onSubmit=${(body: object) => run(() => api.post(`${base}/batches/${batch.id}/check`, body), t('paperChecked1'))} />`}
          ${mode?.batchId === batch.id && mode.kind === 'totals' && html`<${TotalsForm} ballot=${ballot} batchId=${batch.id} busy=${action.busy} onSubmit=${(body: object) => run(() => api.post(`${base}/batches/${batch.id}/totals`, body))} />`}
        </li>`,
      )}</ol>`
    }
    ${notice && !action.error && html`<p class="notice" role="status">${notice}</p>`}
    <${ErrorNote} error=${action.error ?? status.error} />
    ${
      count.state === 'counting' &&
      html`<div class="actions">
        ${teller && html`<button type="button" disabled=${action.busy} onClick=${() => run(() => api.post(`${base}/batches`))}>${t('paperOpenBatch')}</button>`}
        <button type="button" class="primary" data-testid="paper-finish" disabled=${action.busy || !ready} onClick=${() =>
          action.run(async () => {
            const { ballot: counted } = await api.post<{ ballot: Ballot }>(`${base}/finish`);
            onCounted(counted);
            await status.reload();
          })}>${t('paperFinish')}</button>
      </div>`
    }
  </section>`;
}

/** The paper side of a secret electronic ballot: issuing before the close, counting after it. */
export function PaperBallots({ ballot, termId, onCounted }: { ballot: Ballot; termId: string; onCounted: (ballot: Ballot) => void }) {
  if (ballot.secrecy !== 'secret' || ballot.method !== 'electronic') return null;
  return html`${isSecretary() && (ballot.state === 'draft' || ballot.state === 'open') && html`<${PaperIssue} ballot=${ballot} termId=${termId} />`}
    ${ballot.state !== 'draft' && html`<${PaperCountPanel} ballot=${ballot} onCounted=${onCounted} />`}`;
}
