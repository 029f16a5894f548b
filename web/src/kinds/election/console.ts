// An election (选举) in the console: seats, candidates (one per line, ids c1, c2 …), write-ins and the
// passing rule in the form; votes per candidate by hand; the result's bars with 当选 and any runoff.
import { t } from '../../i18n/i18n.js';
import { type RuleDraft, DEFAULT_RULE, entriesWithIds, ListField, lines, RuleFields, RuleSummary } from '../../admin/item-parts.js';
import { type Bar, BarChart } from '../../admin/result-bars.js';
import { html } from '../../shared/html.js';
import type { ConsolePart, EditorProps } from '../kind-module.js';

interface ElectionFields extends RuleDraft {
  seats: string;
  candidates: string;
  allowWriteIn: boolean;
  /** The draft's candidates before this edit: their ids are kept (entriesWithIds). */
  before: { id: string; text: string }[];
}

/** 差额 in the form, live: how many more candidates than seats, and a warning (never a refusal) below the term's rule. */
function Competition({ fields, minimumCompetition }: { fields: ElectionFields; minimumCompetition: EditorProps<ElectionFields>['minimumCompetition'] }) {
  const candidates = lines(fields.candidates).length;
  const seats = Number(fields.seats);
  if (!Number.isInteger(seats) || seats < 1 || candidates === 0) return null;
  const extra = candidates - seats;
  const words = extra > 0 ? t('adminCompetition', { candidates, seats, extra, percent: Math.floor((extra * 100) / seats) }) : extra === 0 ? t('adminCompetitionEqual', { candidates, seats }) : null;
  // The fewest candidates wanted: seats + ⌈share × seats⌉.
  const wanted = minimumCompetition ? seats + Math.ceil((minimumCompetition.numerator * seats) / minimumCompetition.denominator) : null;
  return html`${words && html`<p class="hint competition" data-testid="competition">${words}</p>`}
    ${
      wanted !== null &&
      candidates >= seats &&
      candidates < wanted &&
      html`<p class="notice notice-warn" data-testid="competition-warning">${t('adminCompetitionLow', { wanted, seats, share: `${minimumCompetition!.numerator}/${minimumCompetition!.denominator}` })}</p>`
    }`;
}

function Editor({ fields, id, meetingKind, minimumCompetition, onChange }: EditorProps<ElectionFields>) {
  const set = (patch: Partial<ElectionFields>) => onChange({ ...fields, ...patch });
  return html`<div class="form-grid">
      <div><label for=${`${id}-seats`}>${t('adminSeats')}</label>
        <input id=${`${id}-seats`} type="number" min="1" max="1000" value=${fields.seats} onInput=${(e: Event) => set({ seats: (e.target as HTMLInputElement).value })} /></div>
      <div class="checkbox"><input id=${`${id}-writein`} type="checkbox" checked=${fields.allowWriteIn} onChange=${(e: Event) => set({ allowWriteIn: (e.target as HTMLInputElement).checked })} />
        <label for=${`${id}-writein`}>${t('adminAllowWriteIn')}</label></div>
    </div>
    <${ListField} id=${`${id}-candidates`} label=${t('adminCandidates')} help=${t('adminOnePerLine')} value=${fields.candidates} onInput=${(candidates: string) => set({ candidates })} />
    <${Competition} fields=${fields} minimumCompetition=${minimumCompetition} />
    <${RuleFields} id=${id} rule=${fields} subject=${t('adminSubjectCandidate')} meetingKind=${meetingKind} onChange=${(rule: RuleDraft) => set(rule)} />`;
}

export const electionConsole: ConsolePart<'election', ElectionFields> = {
  label: () => t('adminItemElection'),
  newFields: () => ({ ...DEFAULT_RULE, seats: '1', candidates: '', allowWriteIn: false, before: [] }),
  fromItem: (item) => ({
    passingRule: item.passingRule,
    majorityWording: item.majorityWording,
    seats: String(item.seats),
    candidates: item.candidates.map((candidate) => candidate.name).join('\n'),
    allowWriteIn: item.allowWriteIn,
    before: item.candidates.map((candidate) => ({ id: candidate.id, text: candidate.name })),
  }),
  toItem: (fields, title) => ({
    kind: 'election',
    title,
    seats: Number(fields.seats),
    candidates: entriesWithIds(lines(fields.candidates), fields.before, 'c').map(({ id, text }) => ({ id, name: text })),
    allowWriteIn: fields.allowWriteIn,
    passingRule: fields.passingRule,
    majorityWording: fields.majorityWording,
  }),
  problem: (fields) => {
    const candidates = lines(fields.candidates).length;
    const seats = Number(fields.seats);
    if (!Number.isInteger(seats) || seats < 1) return t('adminProblemSeats');
    if (candidates === 0) return t('adminProblemNoCandidates');
    if (!fields.allowWriteIn && seats > candidates) return t('adminProblemFewCandidates', { seats, candidates });
    return null;
  },
  Editor,
  Summary: ({ item, meetingKind }) =>
    html`<p>${t('adminSeatsCandidates', { seats: item.seats, candidates: item.candidates.map((candidate) => candidate.name).join('、') })}${item.allowWriteIn ? ` · ${t('adminAllowWriteIn')}` : ''}</p>
    <${RuleSummary} rule=${item} subject=${t('adminSubjectCandidate')} meetingKind=${meetingKind} />`,
  manualFields: (item) => [...item.candidates.map((candidate) => ({ key: candidate.id, label: candidate.name })), { key: 'blank', label: t('adminBlankBallots') }],
  manualEntry: (item, count) => ({ kind: 'election', votes: Object.fromEntries(item.candidates.map((candidate) => [candidate.id, count(candidate.id)])), blankBallots: count('blank') }),
  ResultHead: ({ result }) => html`<span class="verdict verdict-neutral">${t('adminElectedCount', { count: result.elected.length })}</span>`,
  Result: ({ result, title }) => {
    const elected = new Set(result.elected);
    const bars: Bar[] = [
      ...result.candidates.map((candidate) => ({
        label: candidate.name,
        votes: candidate.votes,
        tone: elected.has(candidate.id) ? 'yes' : 'plain',
        note: elected.has(candidate.id) ? t('adminElected') : undefined,
      })),
      ...result.writeIns.map((entry) => ({
        label: `${entry.name}(${t('adminWriteIn')})`,
        votes: entry.votes,
        tone: elected.has(`write-in:${entry.name}`) ? 'yes' : 'plain',
        note: elected.has(`write-in:${entry.name}`) ? t('adminElected') : undefined,
      })),
      { label: t('adminBlankBallots'), votes: result.blankBallots, tone: 'abstain' },
    ];
    return html`<${BarChart} bars=${bars} scale=${result.base} required=${result.required} label=${title} />
      ${result.runoff && html`<p class="notice notice-warn">${t('adminRunoff', { seats: result.runoff.seats })}</p>`}
      ${result.unfilledSeats > 0 && html`<p class="notice notice-warn" data-testid="empty-seats">${t('adminEmptySeats', { seats: result.unfilledSeats })}</p>`}`;
  },
  passed: () => undefined,
};
