// A term's rules (规则设置): every threshold a session is checked against, each with its Chinese
// wording and where the default comes from, editable by the secretary. Shares show as 2/3 or 20%.
import type { components } from '../generated/api.js';
import { api } from '../shared/api.js';
import { html, useEffect, useState } from '../shared/html.js';
import { t } from '../i18n/i18n.js';
import { TermHeader, useTerm } from './term-page.js';
import { ErrorNote, Loading, useAction, useResource } from './ui.js';
import './credentials.css';

type TermRules = components['schemas']['TermRules'];
type Fraction = TermRules['quorum'];
type Band = TermRules['presidium']['bands'][number];
type Sources = Record<string, { zh: string; source: string }>;

/** 1/5 → 20%, 1/2 → 50%, 2/3 → 2/3: a whole percentage when it is one. */
export function fractionDisplay(fraction: Fraction): string {
  const hundred = fraction.numerator * 100;
  return hundred % fraction.denominator === 0 ? `${hundred / fraction.denominator}%` : `${fraction.numerator}/${fraction.denominator}`;
}

const number = (event: Event) => Number((event.target as HTMLInputElement).value);
const optional = (event: Event) => ((event.target as HTMLInputElement).value === '' ? null : number(event));

function FractionInput({ label, value, onChange }: { label: string; value: Fraction; onChange: (next: Fraction) => void }) {
  return html`<span class="fraction-input">
    <input type="number" min="0" max="1000" required aria-label=${t('rulesNumerator', { rule: label })} value=${value.numerator}
      onInput=${(e: Event) => onChange({ ...value, numerator: number(e) })} />
    <span aria-hidden="true">/</span>
    <input type="number" min="1" max="1000" required aria-label=${t('rulesDenominator', { rule: label })} value=${value.denominator}
      onInput=${(e: Event) => onChange({ ...value, denominator: number(e) })} />
    <output data-testid="fraction-shown">${value.denominator > 0 ? `= ${fractionDisplay(value)}` : ''}</output>
  </span>`;
}

function BandsInput({ bands, onChange }: { bands: Band[]; onChange: (next: Band[]) => void }) {
  const change = (index: number, patch: Partial<Band>) => onChange(bands.map((band, at) => (at === index ? { ...band, ...patch } : band)));
  return html`<div class="bands">
    ${bands.map(
      (band, index) => html`<div class="band" role="group" aria-label=${t('rulesBand', { n: index + 1 })}>
        <label>${t('rulesBandFrom')} <input type="number" min="0" value=${band.fromRepresentatives} onInput=${(e: Event) => change(index, { fromRepresentatives: number(e) })} /></label>
        <label>${t('rulesBandTo')} <input type="number" min="0" value=${band.toRepresentatives ?? ''} onInput=${(e: Event) => change(index, { toRepresentatives: optional(e) })} /></label>
        <label>${t('rulesBandMin')} <input type="number" min="1" value=${band.minMembers} onInput=${(e: Event) => change(index, { minMembers: number(e) })} /></label>
        <label>${t('rulesBandMax')} <input type="number" min="1" value=${band.maxMembers ?? ''} onInput=${(e: Event) => change(index, { maxMembers: optional(e) })} /></label>
        <button type="button" onClick=${() => onChange(bands.filter((_, at) => at !== index))}>${t('rulesBandRemove')}</button>
      </div>`,
    )}
    <button type="button" onClick=${() => onChange([...bands, { fromRepresentatives: 0, toRepresentatives: null, minMembers: 3, maxMembers: null }])}>${t('rulesBandAdd')}</button>
  </div>`;
}

interface Row {
  key: string;
  label: string;
  editor: unknown;
}

function rows(rules: TermRules, set: (next: TermRules) => void): Row[] {
  const composition = (patch: Partial<TermRules['composition']>) => set({ ...rules, composition: { ...rules.composition, ...patch } });
  const presidium = (patch: Partial<TermRules['presidium']>) => set({ ...rules, presidium: { ...rules.presidium, ...patch } });
  const joint = (patch: Partial<TermRules['joint']>) => set({ ...rules, joint: { ...rules.joint, ...patch } });
  const fraction = (label: string, value: Fraction, onChange: (next: Fraction) => void) => html`<${FractionInput} label=${label} value=${value} onChange=${onChange} />`;
  const women = rules.composition.workforceWomenShare;
  return [
    { key: 'quorum', label: t('rulesQuorum'), editor: fraction(t('rulesQuorum'), rules.quorum, (quorum) => set({ ...rules, quorum })) },
    {
      key: 'majorityWording',
      label: t('rulesMajority'),
      editor: html`<select aria-label=${t('rulesMajority')} value=${rules.majorityWording} onChange=${(e: Event) => set({ ...rules, majorityWording: (e.target as HTMLSelectElement).value as TermRules['majorityWording'] })}>
        <option value="majorityStrict">${t('rulesMajorityStrict')}</option><option value="majorityInclusive">${t('rulesMajorityInclusive')}</option></select>`,
    },
    { key: 'composition.managersMax', label: t('rulesManagersMax'), editor: fraction(t('rulesManagersMax'), rules.composition.managersMax, (managersMax) => composition({ managersMax })) },
    { key: 'composition.frontLineMin', label: t('rulesFrontLineMin'), editor: fraction(t('rulesFrontLineMin'), rules.composition.frontLineMin, (frontLineMin) => composition({ frontLineMin })) },
    {
      key: 'composition.workforceWomenShare',
      label: t('rulesWomen'),
      editor: html`<span class="checkbox inline"><input id="rules-women-entered" type="checkbox" checked=${women !== null}
          onChange=${(e: Event) => composition({ workforceWomenShare: (e.target as HTMLInputElement).checked ? { numerator: 1, denominator: 3 } : null })} />
        <label for="rules-women-entered">${t('rulesWomenEntered')}</label></span>
        ${women && fraction(t('rulesWomen'), women, (workforceWomenShare) => composition({ workforceWomenShare }))}`,
    },
    { key: 'composition.attendeesMax', label: t('rulesAttendeesMax'), editor: fraction(t('rulesAttendeesMax'), rules.composition.attendeesMax, (attendeesMax) => composition({ attendeesMax })) },
    {
      key: 'composition.minRepresentatives',
      label: t('rulesMinRepresentatives'),
      editor: html`<input type="number" min="0" aria-label=${t('rulesMinRepresentatives')} value=${rules.composition.minRepresentatives} onInput=${(e: Event) => composition({ minRepresentatives: number(e) })} />`,
    },
    { key: 'presidium.bands', label: t('rulesPresidiumBands'), editor: html`<${BandsInput} bands=${rules.presidium.bands} onChange=${(bands: Band[]) => presidium({ bands })} />` },
    { key: 'presidium.frontLineMin', label: t('rulesPresidiumFrontLine'), editor: fraction(t('rulesPresidiumFrontLine'), rules.presidium.frontLineMin, (frontLineMin) => presidium({ frontLineMin })) },
    { key: 'joint.quorum', label: t('rulesJointQuorum'), editor: fraction(t('rulesJointQuorum'), rules.joint.quorum, (quorum) => joint({ quorum })) },
    {
      key: 'joint.decision',
      label: t('rulesJointDecision'),
      editor: html`<select aria-label=${t('rulesJointDecision')} value=${rules.joint.decision} onChange=${(e: Event) => joint({ decision: (e.target as HTMLSelectElement).value as TermRules['joint']['decision'] })}>
        <option value="present_majority">${t('rulesJointPresentMajority')}</option><option value="all_majority">${t('rulesJointAllMajority')}</option></select>`,
    },
    {
      key: 'extraordinary.proposalShare',
      label: t('rulesProposalShare'),
      editor: fraction(t('rulesProposalShare'), rules.extraordinary.proposalShare, (proposalShare) => set({ ...rules, extraordinary: { proposalShare } })),
    },
    {
      key: 'elections.minimumCompetition',
      label: t('rulesMinimumCompetition'),
      editor: fraction(t('rulesMinimumCompetition'), rules.elections.minimumCompetition, (minimumCompetition) => set({ ...rules, elections: { ...rules.elections, minimumCompetition } })),
    },
  ];
}

export function TermRulesScreen({ termId }: { termId: string }) {
  const term = useTerm(termId);
  const loaded = useResource(() => api.get<{ rules: TermRules; sources: Sources }>(`/api/terms/${termId}/rules`), [termId]);
  const [draft, setDraft] = useState<TermRules | null>(null);
  const [saved, setSaved] = useState(false);
  const action = useAction();
  useEffect(() => setDraft(loaded.value ? structuredClone(loaded.value.rules) : null), [loaded.value]);
  const header = html`<${TermHeader} term=${term.value} termId=${termId} section="rules" title=${t('rulesTitle')} />`;
  if (loaded.error) return html`${header}<${ErrorNote} error=${loaded.error} />`;
  if (!loaded.value || !draft) return html`${header}<${Loading} />`;
  const sources = loaded.value.sources;
  const edit = (next: TermRules) => {
    setSaved(false);
    setDraft(next);
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    let answer: { rules: TermRules } | undefined;
    const ok = await action.run(async () => {
      answer = await api.patch<{ rules: TermRules }>(`/api/terms/${termId}/rules`, draft);
    });
    if (ok && answer) {
      loaded.set({ rules: answer.rules, sources });
      setSaved(true);
    }
  };
  return html`${header}
    <p class="muted">${t('rulesIntro')}</p>
    <form onSubmit=${submit} aria-label=${t('rulesTitle')}>
      <table class="data rules-table">
        <thead><tr><th scope="col">${t('rulesRule')}</th><th scope="col">${t('rulesSetting')}</th><th scope="col">${t('rulesWording')}</th></tr></thead>
        <tbody>${rows(draft, edit).map(
          (row) => html`<tr data-testid=${`rule-${row.key}`}>
            <th scope="row">${row.label}</th>
            <td>${row.editor}</td>
            <td><span class="rule-wording">${sources[row.key]?.zh ?? ''}</span><br /><span class="muted">${t('rulesSource')}: ${sources[row.key]?.source ?? ''}</span></td>
          </tr>`,
        )}</tbody>
      </table>
      <${ErrorNote} error=${action.error} />
      ${saved && html`<p class="notice" role="status">${t('rulesSaved')}</p>`}
      <div class="actions"><button type="submit" class="primary" disabled=${action.busy}>${t('rulesSave')}</button></div>
    </form>`;
}
