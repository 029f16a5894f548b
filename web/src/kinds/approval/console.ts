// An approval (赞成/反对/弃权) in the console: its passing rule in the form and the summary, three
// counts by hand, and the result's bars with the passing line and the verdict.
import { t } from '../../i18n/i18n.js';
import { type RuleDraft, DEFAULT_RULE, RuleFields, RuleSummary } from '../../admin/item-parts.js';
import { BarChart, Verdict } from '../../admin/result-bars.js';
import { html } from '../../shared/html.js';
import type { ConsolePart } from '../kind-module.js';

export const approvalConsole: ConsolePart<'approval', RuleDraft> = {
  label: () => t('adminItemApproval'),
  newFields: () => ({ ...DEFAULT_RULE }),
  fromItem: (item) => ({ passingRule: item.passingRule, majorityWording: item.majorityWording }),
  toItem: (fields, title) => ({ kind: 'approval', title, passingRule: fields.passingRule, majorityWording: fields.majorityWording }),
  problem: () => null,
  Editor: ({ fields, id, meetingKind, onChange }) => html`<${RuleFields} id=${id} rule=${fields} subject=${t('adminSubjectYes')} meetingKind=${meetingKind} onChange=${onChange} />`,
  Summary: ({ item, meetingKind }) => html`<${RuleSummary} rule=${item} subject=${t('adminSubjectYes')} meetingKind=${meetingKind} />`,
  manualFields: () => [
    { key: 'yes', label: t('yes') },
    { key: 'no', label: t('no') },
    { key: 'abstain', label: t('abstain') },
  ],
  manualEntry: (_item, count) => ({ kind: 'approval', yes: count('yes'), no: count('no'), abstain: count('abstain') }),
  ResultHead: ({ result }) => html`<${Verdict} passed=${result.passed} />`,
  Result: ({ result, title, notVoted }) => {
    const bars = [
      { label: t('yes'), votes: result.counts.yes, tone: 'yes' },
      { label: t('no'), votes: result.counts.no, tone: 'no' },
      { label: t('abstain'), votes: result.counts.abstain, tone: 'abstain' },
      { label: t('adminNotVoted'), votes: notVoted, tone: 'not-voted', unit: 'people' as const },
    ];
    return html`<${BarChart} bars=${bars} scale=${result.base} required=${result.required} label=${title} />`;
  },
  passed: (result) => result.passed,
};
