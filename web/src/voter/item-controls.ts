// The controls the item kinds' inputs on the phone are built from (web/src/kinds/*/voter.ts): native
// radios and checkboxes inside big labels, so touch, keyboard and screen readers all work; a choice
// past the limit is refused and explained.
import { html, useState } from '../shared/html.js';

export function Problem({ id, text }: { id: string; text: string | null }) {
  return text ? html`<p class="error item-problem" id=${id}>${text}</p>` : null;
}

export function Radio({ name, value, checked, label, onPick }: { name: string; value: string; checked: boolean; label: string; onPick: () => void }) {
  return html`<label class=${`option ${checked ? 'checked' : ''}`} data-value=${value}>
    <input type="radio" name=${name} value=${value} checked=${checked} onChange=${onPick} />
    <span>${label}</span>
  </label>`;
}

interface ChecklistProps {
  name: string;
  entries: { id: string; label: string }[];
  selected: string[];
  taken: number;
  max: number;
  fullMessage: string;
  onToggle: (id: string, on: boolean) => void;
  /** Lets a sibling (the write-in button) report a refusal in the same place. */
  refusal: string | null;
}

/** Checkboxes that refuse the (max+1)-th tick: the click is cancelled and the reason announced. */
export function LimitedChecklist({ name, entries, selected, taken, max, fullMessage, onToggle, refusal }: ChecklistProps) {
  const [refused, setRefused] = useState<string | null>(null);
  // Once a choice is taken back there is room again, and the refusal no longer applies.
  const message = taken >= max ? (refusal ?? refused) : null;
  return html`
    <div class="options checklist">
      ${entries.map((entry) => {
        const checked = selected.includes(entry.id);
        const click = (event: Event) => {
          if (!checked && taken >= max) {
            event.preventDefault();
            setRefused(fullMessage);
            return;
          }
          setRefused(null);
          onToggle(entry.id, !checked);
        };
        return html`<label class=${`option check ${checked ? 'checked' : ''}`}>
          <input type="checkbox" name=${name} value=${entry.id} checked=${checked} onClick=${click} />
          <span>${entry.label}</span>
        </label>`;
      })}
    </div>
    <p class="limit-message" aria-live="assertive">${message}</p>
  `;
}
