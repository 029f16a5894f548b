// Pieces the item kinds share in the console (web/src/kinds/*/console.ts): the list fields of the
// new-ballot form (one entry per line), the passing-rule fields with their sentence, and the rule
// line of an item's summary.
import { html } from '../shared/html.js';
import { t } from '../i18n/i18n.js';
import { PASSING_RULES, ruleLabel, ruleSentence, wordingLabel } from './format.js';
import type { MeetingView } from './types.js';

export const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

/**
 * Entries typed one per line (candidates, options, subjects, grades) with their ids. Editing a draft,
 * a line keeps the id of the entry it still names, or else of the entry that stood on its line (a
 * corrected typo), so ids made from the roster (a member's id as a candidate's) survive the edit; any
 * other line is numbered prefix1, prefix2 … past the ids in use. A new item has no entries before it:
 * c1, c2 … by position, as before.
 */
export function entriesWithIds(texts: readonly string[], before: readonly { id: string; text: string }[], prefix: string): { id: string; text: string }[] {
  const unclaimed = new Map(before.map((entry) => [entry.id, entry]));
  const ids: (string | undefined)[] = texts.map((text) => {
    const same = [...unclaimed.values()].find((entry) => entry.text === text);
    if (same) unclaimed.delete(same.id);
    return same?.id;
  });
  for (const [index, id] of ids.entries()) {
    const onItsLine = before[index];
    if (id === undefined && onItsLine && unclaimed.delete(onItsLine.id)) ids[index] = onItsLine.id;
  }
  const used = new Set(ids.filter((id): id is string => id !== undefined));
  let next = 1;
  return texts.map((text, index) => {
    let id = ids[index];
    while (id === undefined) {
      const candidate = `${prefix}${next++}`;
      if (!used.has(candidate)) {
        id = candidate;
        used.add(id);
      }
    }
    return { id, text };
  });
}

export function ListField({ id, label, help, value, onInput }: { id: string; label: string; help: string; value: string; onInput: (value: string) => void }) {
  return html`<div><label for=${id}>${label}</label>
    <textarea id=${id} rows="4" aria-describedby=${`${id}-help`} value=${value} onInput=${(e: Event) => onInput((e.target as HTMLTextAreaElement).value)}></textarea>
    <p id=${`${id}-help`} class="hint">${help}</p></div>`;
}

/** An item's passing rule as the form holds it (the API's names, as strings). */
export interface RuleDraft {
  passingRule: string;
  majorityWording: string;
}

export const DEFAULT_RULE: RuleDraft = { passingRule: 'all_majority', majorityWording: 'majorityStrict' };

interface RuleFieldsProps {
  id: string;
  rule: RuleDraft;
  /** What is counted, in the sentence: 赞成票 or 候选人得票. */
  subject: string;
  meetingKind: MeetingView['kind'];
  onChange: (rule: RuleDraft) => void;
}

export function RuleFields({ id, rule, subject, meetingKind, onChange }: RuleFieldsProps) {
  return html`<div class="form-grid">
      <div><label for=${`${id}-rule`}>${t('adminPassingRule')}</label>
        <select id=${`${id}-rule`} value=${rule.passingRule} onChange=${(e: Event) => onChange({ ...rule, passingRule: (e.target as HTMLSelectElement).value })}>
          ${PASSING_RULES.map((value) => html`<option value=${value}>${ruleLabel(value)}</option>`)}
        </select></div>
      <div><label for=${`${id}-wording`}>${t('adminMajorityWording')}</label>
        <select id=${`${id}-wording`} value=${rule.majorityWording} disabled=${rule.passingRule === 'all_two_thirds'} onChange=${(e: Event) => onChange({ ...rule, majorityWording: (e.target as HTMLSelectElement).value })}>
          ${['majorityStrict', 'majorityInclusive'].map((wording) => html`<option value=${wording}>${wordingLabel(wording)}</option>`)}
        </select></div>
    </div>
    <p class="rule-preview" aria-live="polite">${ruleSentence(rule.passingRule, rule.majorityWording, meetingKind, subject)}</p>`;
}

/** The rule line of an item's summary on the ballot page. */
export function RuleSummary({ rule, subject, meetingKind }: { rule: RuleDraft; subject: string; meetingKind: MeetingView['kind'] }) {
  return html`<p class="rule"><span class="rule-label">${t('adminRule')}</span>${ruleSentence(rule.passingRule, rule.majorityWording, meetingKind, subject)}</p>`;
}
