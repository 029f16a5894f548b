// The credentials report's arithmetic (代表资格审查): the roster counted by delegation and category
// tag, each composition rule of the term checked in exact integers, and the fractions and shares
// written as a credentials committee writes them. Pure: plain data in, plain data out.
import type { MemberRole } from '../actors.js';
import { canonicalTag } from '../roster/tags.js';
import { atLeast, atMost, CATEGORY_TAGS, type CategoryTag, type Fraction, type TermRules } from '../roster/term-rules.js';

export interface RosterPerson {
  role: MemberRole;
  delegationId: string | null;
  tags: readonly string[];
}

export type CategoryCounts = Record<CategoryTag, number>;

export interface DelegationFigures {
  delegationId: string | null;
  name: string;
  representatives: number;
  attendees: number;
  /** Representatives of the delegation in each category. */
  categories: CategoryCounts;
}

export interface Composition {
  representatives: number;
  attendees: number;
  /** Representatives in each category (管理人员 includes 中层以上). */
  categories: CategoryCounts;
  /** Attendees in each category (劳务派遣 staff may attend as 列席). */
  attendeeCategories: CategoryCounts;
  delegations: DelegationFigures[];
}

export type CompositionRule = 'composition.minRepresentatives' | 'composition.frontLineMin' | 'composition.managersMax' | 'composition.workforceWomenShare' | 'composition.attendeesMax';

export interface RuleCheck {
  rule: CompositionRule;
  /** What is counted, in Chinese: 中层以上管理人员, 列席代表, … */
  subject: string;
  bound: 'atLeast' | 'atMost';
  /** The share of the representatives the rule names; null for a plain number (the fewest representatives). */
  share: Fraction | null;
  /** The number of representatives the share is of. */
  base: number;
  required: number;
  actual: number;
  met: boolean;
}

/** The delegation name shown for representatives in none. */
export const NO_DELEGATION = '未分团';

const zeroCounts = (): CategoryCounts => Object.fromEntries(CATEGORY_TAGS.map((tag) => [tag, 0])) as CategoryCounts;

/** A person's categories: tags read as category tags, and 中层以上 counted among 管理人员 too. */
export function categoriesOf(tags: readonly string[]): Set<CategoryTag> {
  const found = new Set<CategoryTag>();
  for (const tag of tags.map(canonicalTag)) if ((CATEGORY_TAGS as readonly string[]).includes(tag)) found.add(tag as CategoryTag);
  if (found.has('中层以上')) found.add('管理人员');
  return found;
}

/** The roster counted: totals, each category, and each delegation (in the order given; 未分团 last, when anyone is in none). */
export function countComposition(people: readonly RosterPerson[], delegations: readonly { id: string; name: string }[]): Composition {
  const rows = new Map<string | null, DelegationFigures>(
    delegations.map((delegation) => [delegation.id, { delegationId: delegation.id, name: delegation.name, representatives: 0, attendees: 0, categories: zeroCounts() }]),
  );
  const composition: Composition = { representatives: 0, attendees: 0, categories: zeroCounts(), attendeeCategories: zeroCounts(), delegations: [] };
  for (const person of people) {
    const key = person.delegationId !== null && rows.has(person.delegationId) ? person.delegationId : null;
    if (!rows.has(key)) rows.set(key, { delegationId: null, name: NO_DELEGATION, representatives: 0, attendees: 0, categories: zeroCounts() });
    const row = rows.get(key)!;
    const categories = categoriesOf(person.tags);
    if (person.role === 'representative') {
      composition.representatives++;
      row.representatives++;
      for (const tag of categories) {
        composition.categories[tag]++;
        row.categories[tag]++;
      }
    } else {
      composition.attendees++;
      row.attendees++;
      for (const tag of categories) composition.attendeeCategories[tag]++;
    }
  }
  composition.delegations = [...rows.values()];
  return composition;
}

function shareCheck(rule: CompositionRule, subject: string, bound: RuleCheck['bound'], share: Fraction, base: number, actual: number): RuleCheck {
  const required = bound === 'atLeast' ? atLeast(share, base) : atMost(share, base);
  return { rule, subject, bound, share, base, required, actual, met: bound === 'atLeast' ? actual >= required : actual <= required };
}

/** Every composition rule of the term, checked; the women's rule only when the workforce share is entered. */
export function checkComposition(composition: Composition, rules: TermRules['composition']): RuleCheck[] {
  const n = composition.representatives;
  const checks: RuleCheck[] = [
    {
      rule: 'composition.minRepresentatives',
      subject: '代表总数',
      bound: 'atLeast',
      share: null,
      base: n,
      required: rules.minRepresentatives,
      actual: n,
      met: n >= rules.minRepresentatives,
    },
    shareCheck('composition.frontLineMin', '一线职工代表', 'atLeast', rules.frontLineMin, n, composition.categories.一线职工),
    shareCheck('composition.managersMax', '中层以上管理人员', 'atMost', rules.managersMax, n, composition.categories.中层以上),
  ];
  if (rules.workforceWomenShare) checks.push(shareCheck('composition.workforceWomenShare', '女职工代表', 'atLeast', rules.workforceWomenShare, n, composition.categories.女职工));
  checks.push(shareCheck('composition.attendeesMax', '列席代表', 'atMost', rules.attendeesMax, n, composition.attendees));
  return checks;
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 12 → 十二, 25 → 二十五, 100 → 一百 (enough for a denominator). */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return `十${n % 10 === 0 ? '' : DIGITS[n % 10]}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 === 0 ? '' : DIGITS[n % 10]}`;
  return String(n);
}

/** A share as people read it: a whole percentage when it is one (1/5 → 20%), else 三分之二. */
export function fractionText(fraction: Fraction): string {
  if ((fraction.numerator * 100) % fraction.denominator === 0) return `${(fraction.numerator * 100) / fraction.denominator}%`;
  return `${chineseNumber(fraction.denominator)}分之${chineseNumber(fraction.numerator)}`;
}

/** count of base as a percentage with one decimal, rounded half up in integers: 12 of 73 → 16.4%. */
export function percentText(count: number, base: number): string {
  if (base === 0) return '0%';
  const tenths = Math.floor((count * 2000 + base) / (2 * base));
  return tenths % 10 === 0 ? `${tenths / 10}%` : `${Math.floor(tenths / 10)}.${tenths % 10}%`;
}
