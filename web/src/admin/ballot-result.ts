// A ballot's result: the figures, a CSS bar chart per item with the passing line, and the verdict in words.
import { html } from '../shared/html.js';
import type { BallotResult, ItemResult } from '../shared/live.js';
import { localized, t } from '../i18n/i18n.js';
import { percent } from './format.js';
import type { Ballot, BallotItem } from './types.js';
import { Badge } from './ui.js';

interface Bar {
  label: string;
  votes: number;
  tone?: string;
  note?: string;
}

/** Bars share one scale (the base of the passing rule, or the largest count), so the passing line sits where it belongs. */
function BarChart({ bars, scale, required, label }: { bars: Bar[]; scale: number; required?: number; label: string }) {
  const max = Math.max(scale, ...bars.map((bar) => bar.votes), 1);
  const line = required !== undefined && required > 0 && required <= max ? percent(required, max) : null;
  return html`<div class="chart" role="group" aria-label=${label}>
    ${bars.map(
      (bar) => html`<div class="chart-row">
      <span class="chart-label">${bar.label}${bar.note && html` <${Badge} tone="live">${bar.note}<//>`}</span>
      <span class="chart-track" aria-hidden="true">
        <span class=${`chart-bar ${bar.tone ?? ''}`} style=${`width:${percent(bar.votes, max)}%`}></span>
        ${line !== null && html`<span class="chart-line" style=${`left:${line}%`}></span>`}
      </span>
      <span class="chart-value">${t('adminVotes', { count: bar.votes })}</span>
    </div>`,
    )}
    ${line !== null && html`<p class="chart-legend"><span class="legend-line" aria-hidden="true"></span>${t('adminPassingLine', { required: required ?? 0 })}</p>`}
  </div>`;
}

type Approval = { counts: { yes: number; no: number; abstain: number }; base: number; required: number; passed: boolean };
type Election = {
  candidates: { id: string; name: string; votes: number }[];
  writeIns: { name: string; votes: number }[];
  blankBallots: number;
  base: number;
  required: number;
  elected: string[];
  runoff: { seats: number } | null;
};
type Choice = { options: { id: string; label: string; votes: number }[]; blankBallots: number };
type Rating = { subjects: { id: string; name: string; counts: Record<string, number>; abstain: number }[] };

function Verdict({ passed }: { passed: boolean }) {
  return html`<span class=${`verdict ${passed ? 'verdict-passed' : 'verdict-failed'}`}>${t(passed ? 'passed' : 'failed')}</span>`;
}

function ItemChart({ item, result, title, notVoted }: { item: BallotItem | undefined; result: ItemResult; title: string; notVoted: number }) {
  if (result.kind === 'approval') {
    const approval = result as unknown as Approval;
    const bars = [
      { label: t('yes'), votes: approval.counts.yes, tone: 'yes' },
      { label: t('no'), votes: approval.counts.no, tone: 'no' },
      { label: t('abstain'), votes: approval.counts.abstain, tone: 'abstain' },
      { label: t('adminNotVoted'), votes: notVoted, tone: 'not-voted' },
    ];
    return html`<${BarChart} bars=${bars} scale=${approval.base} required=${approval.required} label=${title} />`;
  }
  if (result.kind === 'election') {
    const election = result as unknown as Election;
    const elected = new Set(election.elected);
    const bars: Bar[] = [
      ...election.candidates.map((candidate) => ({
        label: candidate.name,
        votes: candidate.votes,
        tone: elected.has(candidate.id) ? 'yes' : 'plain',
        note: elected.has(candidate.id) ? t('adminElected') : undefined,
      })),
      ...election.writeIns.map((entry) => ({
        label: `${entry.name}(${t('adminWriteIn')})`,
        votes: entry.votes,
        tone: elected.has(`write-in:${entry.name}`) ? 'yes' : 'plain',
        note: elected.has(`write-in:${entry.name}`) ? t('adminElected') : undefined,
      })),
      { label: t('adminBlankBallots'), votes: election.blankBallots, tone: 'abstain' },
    ];
    return html`<${BarChart} bars=${bars} scale=${election.base} required=${election.required} label=${title} />
      ${election.runoff && html`<p class="notice notice-warn">${t('adminRunoff', { seats: election.runoff.seats })}</p>`}`;
  }
  if (result.kind === 'choice') {
    const choice = result as unknown as Choice;
    const bars = [...choice.options.map((option) => ({ label: option.label, votes: option.votes, tone: 'plain' })), { label: t('adminBlankBallots'), votes: choice.blankBallots, tone: 'abstain' }];
    return html`<${BarChart} bars=${bars} scale=${0} label=${title} />`;
  }
  const rating = result as unknown as Rating;
  const grades = item?.kind === 'rating' ? item.grades : Object.keys(rating.subjects[0]?.counts ?? {}).map((id) => ({ id, label: id }));
  return html`<table class="data compact">
    <thead><tr><th scope="col">${t('adminSubjects')}</th>${grades.map((grade) => html`<th scope="col" class="num">${grade.label}</th>`)}<th scope="col" class="num">${t('abstain')}</th></tr></thead>
    <tbody>${rating.subjects.map((subject) => html`<tr><th scope="row">${subject.name}</th>${grades.map((grade) => html`<td class="num">${subject.counts[grade.id] ?? 0}</td>`)}<td class="num">${subject.abstain}</td></tr>`)}</tbody>
  </table>`;
}

export function BallotResultView({ ballot, result }: { ballot: Ballot; result: BallotResult }) {
  const figures: [string, number][] = [
    [t('eligible'), result.eligible],
    [t('present'), result.present],
    [t('adminCast'), result.cast],
  ];
  return html`<section class="result" aria-labelledby="result-heading">
    <h3 id="result-heading">${t('adminResult')} ${result.manual && html`<${Badge} tone="neutral">${t('manualResult')} · ${t(result.manualMethod === 'paper' ? 'adminPaper' : 'adminShowOfHands')}<//>`}</h3>
    <dl class="stats small">${figures.map(([label, value]) => html`<div class="stat"><dt>${label}</dt><dd>${value}</dd></div>`)}</dl>
    ${result.items.map((item, index) => {
      const definition = ballot.items[index];
      const title = definition?.title ?? '';
      const passed = item.kind === 'approval' && (item as unknown as Approval).passed;
      return html`<article class="result-item" data-item=${index}>
        <div class="result-head">
          <h4>${result.items.length > 1 ? `${t('adminItemNumber', { number: index + 1 })} · ` : ''}${title}</h4>
          ${item.kind === 'approval' && html`<${Verdict} passed=${passed} />`}
          ${item.kind === 'election' && html`<span class="verdict verdict-neutral">${t('adminElectedCount', { count: (item as unknown as Election).elected.length })}</span>`}
        </div>
        <${ItemChart} item=${definition} result=${item} title=${title} notVoted=${Math.max(0, result.eligible - result.cast)} />
        ${item.explanation && html`<p class="explanation">${localized(item.explanation)}</p>`}
      </article>`;
    })}
  </section>`;
}
