// The credentials report (代表资格审查报告) as an official paper: the same paragraphs, tables and rule
// checks as the console's print view, from the adopted figures once adopted (dated that day), else
// from the roster now. Pure.
import type { OfficialDocument, PaperBlock } from '../papers/official-document.js';
import type { CredentialsFigures, CredentialsReport } from './schemas.js';

const SIGNATURE = '代表资格审查委员会';

function requirement(check: CredentialsFigures['checks'][number]): string {
  const bound = check.bound === 'atLeast' ? '不少于' : '不超过';
  return check.shareText === null ? `${bound}${check.required}人` : `${bound}${check.shareText}（${check.required}人）`;
}

function tables(figures: CredentialsFigures): PaperBlock[] {
  const tags = figures.categories.map((row) => row.tag);
  return [
    { kind: 'heading', level: 1, text: '一、代表构成' },
    {
      kind: 'table',
      header: ['类别', '代表', '占代表比例', '列席代表'],
      rows: figures.categories.map((row) => [row.tag, String(row.representatives), row.percent, String(row.attendees)]),
      widths: [3, 2, 2, 2],
    },
    {
      kind: 'table',
      header: ['代表团（组）', '代表', '列席', ...tags],
      rows: [
        ...figures.delegations.map((row) => [row.name, String(row.representatives), String(row.attendees), ...tags.map((tag) => String(row.categories[tag]))]),
        ['合计', String(figures.representatives), String(figures.attendees), ...figures.categories.map((row) => String(row.representatives))],
      ],
      widths: [3, 1.2, 1.2, ...tags.map(() => 1.3)],
    },
    { kind: 'heading', level: 1, text: '二、对照本届规则' },
    {
      kind: 'table',
      header: ['规则', '要求', '实有', '结论'],
      rows: figures.checks.map((check) => [`${check.subject}\n${check.wording}（${check.source}）`, requirement(check), `${check.actual}人`, check.met ? '符合' : '不符合']),
      widths: [5, 3, 1.5, 1.5],
    },
  ];
}

export function credentialsPaper(report: CredentialsReport): OfficialDocument {
  const figures = report.adopted?.report ?? report.current;
  return {
    title: report.title,
    blocks: [...figures.paragraphs.map((text): PaperBlock => ({ kind: 'paragraph', text })), ...tables(figures)],
    signature: SIGNATURE,
    ...(report.adopted ? { date: report.adopted.at } : {}),
    fileName: report.title,
  };
}
