// The adoption report (意见采纳情况说明) of a round: the counts, per delegation and in all, and the
// text that goes down with the next version, generated from the drafters' responses. Pure.
import { roundNames } from './workflow.js';

export const RESPONSE_OUTCOMES = ['adopted', 'partly_adopted', 'not_adopted'] as const;
export type ResponseOutcome = (typeof RESPONSE_OUTCOMES)[number];
export const responseOutcomeNames: Record<ResponseOutcome, string> = { adopted: '采纳', partly_adopted: '部分采纳', not_adopted: '不采纳' };

export interface ReportEntry {
  consolidatedId: string;
  delegationId: string;
  delegationName: string;
  anchor: string;
  label: string;
  content: string;
  /** How many representatives' opinions it stands for. */
  sourceCount: number;
  response: { outcome: ResponseOutcome; reason: string | null; changedAnchors: string[] } | null;
}

export interface AdoptionCounts {
  consolidated: number;
  adopted: number;
  partlyAdopted: number;
  notAdopted: number;
  unanswered: number;
}

export interface AdoptionReport {
  roundNumber: number;
  counts: AdoptionCounts & { opinions: number; dropped: number };
  byDelegation: ({ delegationId: string; name: string } & AdoptionCounts)[];
  entries: ReportEntry[];
  markdown: string;
}

export function countResponses(entries: readonly Pick<ReportEntry, 'response'>[]): AdoptionCounts {
  const counts: AdoptionCounts = { consolidated: entries.length, adopted: 0, partlyAdopted: 0, notAdopted: 0, unanswered: 0 };
  for (const entry of entries) {
    const outcome = entry.response?.outcome;
    if (outcome === 'adopted') counts.adopted += 1;
    else if (outcome === 'partly_adopted') counts.partlyAdopted += 1;
    else if (outcome === 'not_adopted') counts.notAdopted += 1;
    else counts.unanswered += 1;
  }
  return counts;
}

const CHINESE_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function reportMarkdown(title: string, roundNumber: number, report: Omit<AdoptionReport, 'markdown'>): string {
  const { counts } = report;
  const names = roundNames(roundNumber);
  const ordinal = CHINESE_ORDINALS[roundNumber - 1] ?? String(roundNumber);
  const lines = [
    `# 关于《${title}》第${ordinal}轮征求意见采纳情况的说明`,
    '',
    `${names.down}以来,共收到代表意见 ${counts.opinions} 条,经各代表团汇总(${names.up})为 ${counts.consolidated} 条。` +
      `其中采纳 ${counts.adopted} 条,部分采纳 ${counts.partlyAdopted} 条,不采纳 ${counts.notAdopted} 条。`,
  ];
  for (const delegation of report.byDelegation) {
    lines.push('', `## ${delegation.name}(${delegation.consolidated} 条)`);
    const entries = report.entries.filter((entry) => entry.delegationId === delegation.delegationId);
    entries.forEach((entry, index) => {
      const outcome = entry.response ? responseOutcomeNames[entry.response.outcome] : '未答复';
      lines.push('', `${index + 1}. 【${entry.label}】${entry.content.replace(/\s*\n\s*/g, ' ')}`);
      lines.push(`   处理:${outcome}${entry.response?.reason ? `。${entry.response.reason.replace(/\s*\n\s*/g, ' ')}` : ''}`);
    });
  }
  return lines.join('\n');
}

export function buildAdoptionReport(input: { title: string; roundNumber: number; entries: readonly ReportEntry[]; opinions: number; dropped: number }): AdoptionReport {
  const delegations = new Map<string, string>();
  for (const entry of input.entries) delegations.set(entry.delegationId, entry.delegationName);
  const byDelegation = [...delegations].map(([delegationId, name]) => ({ delegationId, name, ...countResponses(input.entries.filter((entry) => entry.delegationId === delegationId)) }));
  const report = {
    roundNumber: input.roundNumber,
    counts: { ...countResponses(input.entries), opinions: input.opinions, dropped: input.dropped },
    byDelegation,
    entries: [...input.entries],
  };
  return { ...report, markdown: reportMarkdown(input.title, input.roundNumber, report) };
}
