// An approval (赞成/反对/弃权) on the phone: three big radios; the answer is the choice itself.
import { t } from '../../i18n/i18n.js';
import type { ApprovalAnswer } from '../../shared/api-types.js';
import { html } from '../../shared/html.js';
import { Problem, Radio } from '../../voter/item-controls.js';
import type { ItemInputProps, VoterPart } from '../kind-module.js';

export type ApprovalDraft = { kind: 'approval'; choice: ApprovalAnswer | null };

const APPROVAL: ApprovalAnswer[] = ['yes', 'no', 'abstain'];

function ApprovalInput({ draft, name, heading, quietHeading, problem, onChange }: ItemInputProps<'approval', ApprovalDraft>) {
  return html`<fieldset class="item" id=${name} aria-describedby=${problem ? `${name}-problem` : undefined}>
    <legend class=${quietHeading ? 'visually-hidden' : undefined}>${heading}</legend>
    <${Problem} id=${`${name}-problem`} text=${problem} />
    <div class="options approval">
      ${APPROVAL.map((value) => html`<${Radio} name=${name} value=${value} checked=${draft.choice === value} label=${t(value)} onPick=${() => onChange({ ...draft, choice: value })} />`)}
    </div>
  </fieldset>`;
}

export const approvalVoter: VoterPart<'approval', ApprovalDraft> = {
  emptyDraft: () => ({ kind: 'approval', choice: null }),
  problem: (_item, draft) => (draft.choice ? null : t('missingApproval')),
  toAnswer: (_item, draft) => draft.choice,
  describe: (_item, draft) => [draft.choice ? t(draft.choice) : '—'],
  Input: ApprovalInput,
};
