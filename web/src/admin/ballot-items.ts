// Editing the items (分项) of a new ballot sheet: approval, election, choice or rating, each with its own rule.
import { html } from '../shared/html.js';
import { t } from '../i18n/i18n.js';
import { itemKindLabel, PASSING_RULES, ruleLabel, ruleSentence, wordingLabel } from './format.js';
import type { BallotItem, MeetingView } from './types.js';

export interface ItemDraft {
  kind: BallotItem['kind'];
  title: string;
  passingRule: string;
  majorityWording: string;
  seats: string;
  candidates: string;
  allowWriteIn: boolean;
  options: string;
  maxChoices: string;
  subjects: string;
  grades: string;
}

export const DEFAULT_GRADES = ['优秀', '称职', '基本称职', '不称职'];
const DEFAULT_GRADE_IDS = ['excellent', 'competent', 'basically_competent', 'incompetent'];

export function newItem(kind: BallotItem['kind']): ItemDraft {
  return {
    kind,
    title: '',
    passingRule: 'all_majority',
    majorityWording: 'majorityStrict',
    seats: '1',
    candidates: '',
    allowWriteIn: false,
    options: '',
    maxChoices: '1',
    subjects: '',
    grades: DEFAULT_GRADES.join('\n'),
  };
}

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

/** The API's item: ids are made from positions (c1, c2 …), default grades keep the server's own ids. */
export function toItem(draft: ItemDraft, fallbackTitle: string): Record<string, unknown> {
  const title = draft.title.trim() || fallbackTitle.trim();
  const rule = { passingRule: draft.passingRule, majorityWording: draft.majorityWording };
  switch (draft.kind) {
    case 'approval':
      return { kind: 'approval', title, ...rule };
    case 'election':
      return {
        kind: 'election',
        title,
        seats: Number(draft.seats),
        candidates: lines(draft.candidates).map((name, index) => ({ id: `c${index + 1}`, name })),
        allowWriteIn: draft.allowWriteIn,
        ...rule,
      };
    case 'choice':
      return { kind: 'choice', title, options: lines(draft.options).map((label, index) => ({ id: `o${index + 1}`, label })), maxChoices: Number(draft.maxChoices) };
    case 'rating': {
      const grades = lines(draft.grades);
      const isDefault = grades.join('|') === DEFAULT_GRADES.join('|');
      return {
        kind: 'rating',
        title,
        subjects: lines(draft.subjects).map((name, index) => ({ id: `s${index + 1}`, name })),
        grades: grades.map((label, index) => ({ id: isDefault ? DEFAULT_GRADE_IDS[index] : `g${index + 1}`, label })),
      };
    }
  }
}

/** What the form can tell before the server does. */
export function itemProblem(draft: ItemDraft): string | null {
  if (draft.kind === 'election') {
    const candidates = lines(draft.candidates).length;
    const seats = Number(draft.seats);
    if (!Number.isInteger(seats) || seats < 1) return t('adminProblemSeats');
    if (candidates === 0) return t('adminProblemNoCandidates');
    if (!draft.allowWriteIn && seats > candidates) return t('adminProblemFewCandidates', { seats, candidates });
  }
  if (draft.kind === 'choice') {
    const options = lines(draft.options).length;
    if (options === 0) return t('adminProblemNoOptions');
    if (Number(draft.maxChoices) > options) return t('adminProblemMaxChoices');
  }
  if (draft.kind === 'rating' && (lines(draft.subjects).length === 0 || lines(draft.grades).length < 2)) return t('adminProblemRating');
  return null;
}

interface EditorProps {
  draft: ItemDraft;
  index: number;
  count: number;
  meetingKind: MeetingView['kind'];
  onChange: (draft: ItemDraft) => void;
  onRemove: () => void;
}

function RuleFields({ draft, index, meetingKind, onChange }: Omit<EditorProps, 'count' | 'onRemove'>) {
  const id = `item-${index}`;
  const subject = draft.kind === 'election' ? t('adminSubjectCandidate') : t('adminSubjectYes');
  return html`<div class="form-grid">
      <div><label for=${`${id}-rule`}>${t('adminPassingRule')}</label>
        <select id=${`${id}-rule`} value=${draft.passingRule} onChange=${(e: Event) => onChange({ ...draft, passingRule: (e.target as HTMLSelectElement).value })}>
          ${PASSING_RULES.map((rule) => html`<option value=${rule}>${ruleLabel(rule)}</option>`)}
        </select></div>
      <div><label for=${`${id}-wording`}>${t('adminMajorityWording')}</label>
        <select id=${`${id}-wording`} value=${draft.majorityWording} disabled=${draft.passingRule === 'all_two_thirds'} onChange=${(e: Event) => onChange({ ...draft, majorityWording: (e.target as HTMLSelectElement).value })}>
          ${['majorityStrict', 'majorityInclusive'].map((wording) => html`<option value=${wording}>${wordingLabel(wording)}</option>`)}
        </select></div>
    </div>
    <p class="rule-preview" aria-live="polite">${ruleSentence(draft.passingRule, draft.majorityWording, meetingKind, subject)}</p>`;
}

function ListField({ id, label, help, value, onInput }: { id: string; label: string; help: string; value: string; onInput: (value: string) => void }) {
  return html`<div><label for=${id}>${label}</label>
    <textarea id=${id} rows="4" aria-describedby=${`${id}-help`} value=${value} onInput=${(e: Event) => onInput((e.target as HTMLTextAreaElement).value)}></textarea>
    <p id=${`${id}-help`} class="hint">${help}</p></div>`;
}

export function ItemEditor(props: EditorProps) {
  const { draft, index, count, onChange, onRemove } = props;
  const id = `item-${index}`;
  const set = (patch: Partial<ItemDraft>) => onChange({ ...draft, ...patch });
  const input = (e: Event) => (e.target as HTMLInputElement).value;
  const problem = itemProblem(draft);
  return html`<fieldset class="item-editor">
    <legend>${t('adminItemNumber', { number: index + 1 })} · ${itemKindLabel(draft.kind)}</legend>
    <label for=${`${id}-title`}>${t('adminItemTitle')}</label>
    <input id=${`${id}-title`} class="wide" maxlength="500" placeholder=${count === 1 ? t('adminItemTitleSame') : ''} value=${draft.title} onInput=${(e: Event) => set({ title: input(e) })} />
    ${
      draft.kind === 'election' &&
      html`<div class="form-grid">
      <div><label for=${`${id}-seats`}>${t('adminSeats')}</label>
        <input id=${`${id}-seats`} type="number" min="1" max="1000" value=${draft.seats} onInput=${(e: Event) => set({ seats: input(e) })} /></div>
      <div class="checkbox"><input id=${`${id}-writein`} type="checkbox" checked=${draft.allowWriteIn} onChange=${(e: Event) => set({ allowWriteIn: (e.target as HTMLInputElement).checked })} />
        <label for=${`${id}-writein`}>${t('adminAllowWriteIn')}</label></div>
    </div>
    <${ListField} id=${`${id}-candidates`} label=${t('adminCandidates')} help=${t('adminOnePerLine')} value=${draft.candidates} onInput=${(candidates: string) => set({ candidates })} />`
    }
    ${
      draft.kind === 'choice' &&
      html`<${ListField} id=${`${id}-options`} label=${t('adminOptions')} help=${t('adminOnePerLine')} value=${draft.options} onInput=${(options: string) => set({ options })} />
      <label for=${`${id}-max`}>${t('adminMaxChoices')}</label>
      <input id=${`${id}-max`} class="narrow" type="number" min="1" value=${draft.maxChoices} onInput=${(e: Event) => set({ maxChoices: input(e) })} />`
    }
    ${
      draft.kind === 'rating' &&
      html`<div class="form-grid">
      <${ListField} id=${`${id}-subjects`} label=${t('adminSubjects')} help=${t('adminOnePerLine')} value=${draft.subjects} onInput=${(subjects: string) => set({ subjects })} />
      <${ListField} id=${`${id}-grades`} label=${t('adminGrades')} help=${t('adminGradesHelp')} value=${draft.grades} onInput=${(grades: string) => set({ grades })} />
    </div>`
    }
    ${(draft.kind === 'approval' || draft.kind === 'election') && html`<${RuleFields} ...${props} />`}
    ${problem && html`<p class="field-problem" role="alert">${problem}</p>`}
    ${count > 1 && html`<div class="actions"><button type="button" class="small danger" onClick=${onRemove}>${t('adminRemoveItem', { number: index + 1 })}</button></div>`}
  </fieldset>`;
}
