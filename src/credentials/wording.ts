// The credentials report's paragraphs, as a credentials committee (代表资格审查委员会) writes them:
// the seats, the composition with its shares, each rule of the term and whether it is met, and the
// finding. Pure: the same figures always give the same words.
import { type Composition, fractionText, percentText, type RuleCheck } from './rules.js';

const CATEGORY_WORDS: [keyof Composition['categories'], string][] = [
  ['一线职工', '一线职工'],
  ['工程技术人员', '工程技术人员'],
  ['管理人员', '管理人员'],
  ['女职工', '女职工'],
  ['青年', '青年职工'],
  ['劳务派遣', '劳务派遣人员'],
];

function seats(composition: Composition): string {
  const named = composition.delegations.filter((row) => row.representatives + row.attendees > 0).length;
  const groups = named > 0 ? `，分为${named}个代表团（组）` : '';
  const attendees = composition.attendees > 0 ? `；另有列席代表${composition.attendees}人，列席会议，不计入法定人数，不参加表决` : '';
  return `本届职工代表大会应有代表${composition.representatives}人${groups}${attendees}。`;
}

function categories(composition: Composition): string {
  const n = composition.representatives;
  const parts = CATEGORY_WORDS.map(([tag, words]) => {
    const count = composition.categories[tag];
    const within = tag === '管理人员' ? `（其中中层以上管理人员${composition.categories.中层以上}人，占${percentText(composition.categories.中层以上, n)}）` : '';
    return `${words}${count}人，占${percentText(count, n)}${within}`;
  });
  return `在代表中，${parts.join('；')}。`;
}

function checkSentence(check: RuleCheck): string {
  const verdict = check.met ? '符合' : '不符合';
  const bound = check.bound === 'atLeast' ? '不少于' : '不超过';
  if (check.share === null) return `代表总数${check.actual}人，${verdict}“${bound}${check.required}人”的规定`;
  return `${check.subject}${check.actual}人，占代表总数的${percentText(check.actual, check.base)}，${verdict}“${bound}代表总数的${fractionText(check.share)}（${check.required}人）”的规定`;
}

function finding(composition: Composition, checks: RuleCheck[]): string {
  const unmet = checks.filter((check) => !check.met);
  const valid = `${composition.representatives}名代表的代表资格有效`;
  if (unmet.length === 0) return `经审查，代表的产生符合规定程序，代表构成符合本届规则，${valid}。`;
  return `经审查，代表的产生符合规定程序，${valid}；代表构成中${unmet.map((check) => check.subject).join('、')}未达到本届规则的要求，提请大会予以说明。`;
}

/** The report's text, one string per paragraph. */
export function reportParagraphs(composition: Composition, checks: RuleCheck[]): string[] {
  return [seats(composition), categories(composition), `对照本届规则：${checks.map(checkSentence).join('；')}。`, finding(composition, checks)];
}
