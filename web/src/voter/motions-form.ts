// Drafting a motion or editing a draft or a returned one: 案由, 理由, 建议措施, 类别. Saving keeps it
// a draft; submitting is a separate, deliberate step on the motion's page.
import { html, useEffect, useRef, useState } from '../shared/html.js';
import { type MotionCategory, motionCategories, type MotionDetail, type MotionFields, motionsApi } from './motions-api.js';
import { categoryLabel, refusalOf } from './motions-labels.js';
import { type MessageKey, t } from '../i18n/i18n.js';

interface FormProps {
  meetingId: string;
  motion: MotionDetail | null;
  onSaved: (motion: MotionDetail) => void;
  onCancel: () => void;
}

type Draft = Omit<MotionFields, 'category'> & { category: MotionCategory | '' };

const fields: { name: 'subject' | 'reasons' | 'measures'; label: MessageKey; hint: MessageKey; rows: number }[] = [
  { name: 'subject', label: 'vmSubject', hint: 'vmSubjectHint', rows: 0 },
  { name: 'reasons', label: 'vmReasons', hint: 'vmReasonsHint', rows: 6 },
  { name: 'measures', label: 'vmMeasures', hint: 'vmMeasuresHint', rows: 6 },
];

export function MotionForm({ meetingId, motion, onSaved, onCancel }: FormProps) {
  const [draft, setDraft] = useState<Draft>(
    motion ? { subject: motion.subject, reasons: motion.reasons, measures: motion.measures, category: motion.category } : { subject: '', reasons: '', measures: '', category: '' },
  );
  const [missing, setMissing] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorBox = useRef<HTMLParagraphElement>(null);
  useEffect(() => document.getElementById('motion-view-heading')?.focus(), []);
  const set = (name: keyof Draft) => (event: Event) => setDraft({ ...draft, [name]: (event.target as HTMLInputElement).value });

  const save = async (event: Event) => {
    event.preventDefault();
    const empty = [...fields.map((field) => field.name), 'category' as const].filter((name) => !draft[name].trim());
    setMissing(empty);
    if (empty.length > 0) {
      document.getElementById(`motion-${empty[0]}`)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    const values: MotionFields = { subject: draft.subject.trim(), reasons: draft.reasons.trim(), measures: draft.measures.trim(), category: draft.category as MotionCategory };
    try {
      onSaved(motion ? await motionsApi.edit(motion.id, values) : await motionsApi.create(meetingId, values));
    } catch (refusal) {
      setError(t('vmRefused', { reason: refusalOf(refusal) }));
      setBusy(false);
      setTimeout(() => errorBox.current?.focus(), 0);
    }
  };

  const labelOf = (name: string) => t(name === 'category' ? 'vmCategory' : fields.find((field) => field.name === name)!.label);
  return html`<section class="card motion-form" aria-labelledby="motion-view-heading">
    <button type="button" class="link-back" onClick=${onCancel}>‹ ${t('vmCancel')}</button>
    <h2 id="motion-view-heading" tabindex="-1">${t(motion ? 'vmFormEditHeading' : 'vmFormNewHeading')}</h2>
    ${motion?.number ? html`<p class="muted">${t('vmDetailNumber', { number: motion.number })}</p>` : null}
    <p class="hint">${t('vmOneMatter')}</p>
    <form onSubmit=${save} novalidate data-testid="motion-form">
      ${fields.map(
        (field) => html`<div class="field">
          <label for=${`motion-${field.name}`}>${t(field.label)} <span class="required">${t('vmRequired')}</span></label>
          <p class="hint" id=${`motion-${field.name}-hint`}>${t(field.hint)}</p>
          ${
            field.rows === 0
              ? html`<input id=${`motion-${field.name}`} name=${field.name} maxlength="120" required value=${draft[field.name]} onInput=${set(field.name)}
                aria-describedby=${`motion-${field.name}-hint`} aria-invalid=${missing.includes(field.name) ? 'true' : 'false'} />`
              : html`<textarea id=${`motion-${field.name}`} name=${field.name} rows=${field.rows} maxlength="10000" required value=${draft[field.name]} onInput=${set(field.name)}
                aria-describedby=${`motion-${field.name}-hint`} aria-invalid=${missing.includes(field.name) ? 'true' : 'false'}></textarea>`
          }
        </div>`,
      )}
      <div class="field">
        <label for="motion-category">${t('vmCategory')} <span class="required">${t('vmRequired')}</span></label>
        <select id="motion-category" name="category" required value=${draft.category} onChange=${set('category')} aria-invalid=${missing.includes('category') ? 'true' : 'false'}>
          <option value="" disabled>${t('vmCategoryChoose')}</option>
          ${motionCategories.map((category) => html`<option value=${category}>${categoryLabel(category)}</option>`)}
        </select>
      </div>
      <p class="error" role="alert" data-testid="motion-form-error">${missing.length > 0 ? t('vmMissingFields', { fields: missing.map(labelOf).join(t('vmListJoin')) }) : ''}</p>
      <p class="error" role="alert" tabindex="-1" ref=${errorBox} data-testid="motion-save-error">${error ?? ''}</p>
      <div class="actions">
        <button type="submit" class="primary" disabled=${busy} data-testid="motion-save">${busy ? t('vmSaving') : t(motion ? 'vmSaveChanges' : 'vmSaveDraft')}</button>
        <button type="button" onClick=${onCancel}>${t('vmCancel')}</button>
      </div>
    </form>
  </section>`;
}
