// The presidium's composition against the term's rules (上海 §23 by default): its size by the number of
// representatives (bands), and the share of 一线职工 among its members. Pure: the numbers in, each rule
// met or not with its numbers and its wording out, so the console shows why.
import { atLeast, RULE_SOURCES, type TermRules } from '../roster/term-rules.js';
import type { PresidiumRuleCheck } from './schemas.js';

export const FRONT_LINE_TAG = '一线职工';

function verdict(met: boolean): string {
  return met ? '符合' : '不符合';
}

function sizeWanted(min: number, max: number | null): string {
  if (max === null) return `不少于${min}人`;
  return min === max ? `为${min}人` : `为${min}至${max}人`;
}

/** The checks for a presidium of `memberTags` (each member's tags) in a term of `representatives`. */
export function presidiumChecks(rules: TermRules['presidium'], representatives: number, memberTags: readonly (readonly string[])[]): PresidiumRuleCheck[] {
  const size = memberTags.length;
  const band = rules.bands.find((entry) => representatives >= entry.fromRepresentatives && (entry.toRepresentatives === null || representatives <= entry.toRepresentatives));
  const bandsSource = RULE_SOURCES['presidium.bands'];
  const sizeCheck: PresidiumRuleCheck = band
    ? {
        rule: 'presidium.bands',
        met: size >= band.minMembers && (band.maxMembers === null || size <= band.maxMembers),
        actual: size,
        min: band.minMembers,
        max: band.maxMembers,
        text: '',
        sourceZh: bandsSource.zh,
        source: bandsSource.source,
      }
    : { rule: 'presidium.bands', met: null, actual: size, min: null, max: null, text: '', sourceZh: bandsSource.zh, source: bandsSource.source };
  sizeCheck.text = band
    ? `代表${representatives}人：主席团应${sizeWanted(band.minMembers, band.maxMembers)}，现${size}人，${verdict(sizeCheck.met!)}`
    : `代表${representatives}人：规则未规定此人数的主席团人数，现${size}人`;

  const frontLine = memberTags.filter((tags) => tags.includes(FRONT_LINE_TAG)).length;
  const required = atLeast(rules.frontLineMin, size);
  const frontSource = RULE_SOURCES['presidium.frontLineMin'];
  const frontMet = size > 0 && frontLine >= required;
  const frontCheck: PresidiumRuleCheck = {
    rule: 'presidium.frontLineMin',
    met: frontMet,
    actual: frontLine,
    min: required,
    max: null,
    text: `主席团${size}人：一线职工应不少于${required}人（${rules.frontLineMin.numerator}/${rules.frontLineMin.denominator}），现${frontLine}人，${verdict(frontMet)}`,
    sourceZh: frontSource.zh,
    source: frontSource.source,
  };
  return [sizeCheck, frontCheck];
}
