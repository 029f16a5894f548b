// Editing the items (分项) of a ballot sheet, new or a draft: a title, and the fields of the item's kind
// with their own rule (web/src/kinds/<kind>/console.ts).
import { html } from '../shared/html.js';
import { t } from '../i18n/i18n.js';
import { consolePart, type FieldsOf } from '../kinds/console.js';
import type { ItemKind, ItemOf } from '../kinds/kind-module.js';
import type { BallotItem, MeetingView } from './types.js';

/** An item in the form; `id` is the draft's own item being edited (an item added in the form has none). */
export type ItemDraft = { [Kind in ItemKind]: { kind: Kind; id?: string; title: string; fields: FieldsOf<Kind> } }[ItemKind];

export function newItem(kind: ItemKind): ItemDraft {
  return { kind, title: '', fields: consolePart(kind).newFields() } as ItemDraft;
}

/** A draft's item, filled in for editing: sent back with its id, it keeps it (and what links to it). */
export function itemOf(item: BallotItem): ItemDraft {
  return { kind: item.kind, id: item.id, title: item.title, fields: consolePart(item.kind).fromItem(item as ItemOf<ItemKind>) } as ItemDraft;
}

/** The API's item: entries numbered by position (c1, c2 …) or kept from the draft, default grades keep the server's own ids. */
export function toItem(draft: ItemDraft, fallbackTitle: string): Record<string, unknown> {
  const item = consolePart(draft.kind).toItem(draft.fields, draft.title.trim() || fallbackTitle.trim());
  return draft.id ? { id: draft.id, ...item } : item;
}

/** What the form can tell before the server does. */
export function itemProblem(draft: ItemDraft): string | null {
  return consolePart(draft.kind).problem(draft.fields);
}

interface EditorProps {
  draft: ItemDraft;
  index: number;
  count: number;
  meetingKind: MeetingView['kind'];
  minimumCompetition?: { numerator: number; denominator: number } | undefined;
  onChange: (draft: ItemDraft) => void;
  onRemove: () => void;
}

export function ItemEditor({ draft, index, count, meetingKind, minimumCompetition, onChange, onRemove }: EditorProps) {
  const id = `item-${index}`;
  const part = consolePart(draft.kind);
  const problem = itemProblem(draft);
  return html`<fieldset class="item-editor">
    <legend>${t('adminItemNumber', { number: index + 1 })} · ${part.label()}</legend>
    <label for=${`${id}-title`}>${t('adminItemTitle')}</label>
    <input id=${`${id}-title`} class="wide" maxlength="500" placeholder=${count === 1 ? t('adminItemTitleSame') : ''} value=${draft.title} onInput=${(e: Event) => onChange({ ...draft, title: (e.target as HTMLInputElement).value })} />
    <${part.Editor} fields=${draft.fields} id=${id} meetingKind=${meetingKind} minimumCompetition=${minimumCompetition} onChange=${(fields: FieldsOf<ItemKind>) => onChange({ ...draft, fields } as ItemDraft)} />
    ${problem && html`<p class="field-problem" role="alert">${problem}</p>`}
    ${count > 1 && html`<div class="actions"><button type="button" class="small danger" onClick=${onRemove}>${t('adminRemoveItem', { number: index + 1 })}</button></div>`}
  </fieldset>`;
}
