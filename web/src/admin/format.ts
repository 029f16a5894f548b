// Words and numbers as the congress writes them: 第三届, states, roles, passing rules, dates.
import { language, t, type MessageKey } from '../i18n/i18n.js';
import type { Ballot, MeetingView, MemberRole } from './types.js';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 3 → 三, 12 → 十二, 25 → 二十五; larger numbers stay in digits. */
export function chineseNumber(value: number): string {
  if (!Number.isInteger(value) || value < 0 || value > 99) return String(value);
  if (value < 10) return DIGITS[value]!;
  const tens = Math.floor(value / 10);
  const ones = value % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

export function dateTime(iso: string | null | undefined, seconds = false): string {
  if (!iso) return '—';
  const locale = language() === 'zh' ? 'zh-CN' : 'en-GB';
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', ...(seconds ? { second: '2-digit' } : {}) }).format(new Date(iso));
}

export function meetingStateLabel(state: MeetingView['state']): string {
  return t(({ draft: 'stateDraft', in_session: 'stateInSession', closed: 'stateClosed' } as const)[state]);
}

export function ballotStateLabel(state: Ballot['state']): string {
  return t(({ draft: 'ballotDraft', open: 'ballotOpen', closed: 'ballotClosed', published: 'ballotPublished' } as const)[state]);
}

export function kindLabel(kind: MeetingView['kind']): string {
  return t(kind === 'congress' ? 'kindCongress' : 'kindGeneralAssembly');
}

export function roleLabel(role: MemberRole): string {
  return t(role === 'representative' ? 'adminRoleRepresentative' : 'adminRoleAttendee');
}

export const PASSING_RULES = ['all_majority', 'all_two_thirds', 'present_majority', 'cast_majority'] as const;
export type PassingRule = (typeof PASSING_RULES)[number];
export type MajorityWording = 'majorityStrict' | 'majorityInclusive';

const RULE_KEYS: Record<PassingRule, MessageKey> = {
  all_majority: 'adminRuleAllMajority',
  all_two_thirds: 'adminRuleAllTwoThirds',
  present_majority: 'adminRulePresentMajority',
  cast_majority: 'adminRuleCastMajority',
};

export function ruleLabel(rule: string): string {
  return t(RULE_KEYS[rule as PassingRule] ?? 'adminRuleAllMajority');
}

export function wordingLabel(wording: string): string {
  return t(wording === 'majorityInclusive' ? 'adminWordingInclusive' : 'adminWordingStrict');
}

/** The rule as one sentence: "赞成票须超过全体代表的半数(过半数)". */
export function ruleSentence(rule: string, wording: string, kind: MeetingView['kind'], subject: string): string {
  const body = t(kind === 'general_assembly' ? 'adminBodyStaff' : 'adminBodyRepresentatives');
  const base = { all_majority: body, all_two_thirds: body, present_majority: t('adminBasePresent'), cast_majority: t('adminBaseCast') }[rule as PassingRule] ?? body;
  if (rule === 'all_two_thirds') return t('adminRuleSentenceTwoThirds', { base, subject });
  return t(wording === 'majorityInclusive' ? 'adminRuleSentenceInclusive' : 'adminRuleSentenceStrict', { base, subject });
}

export function percent(part: number, whole: number): number {
  return whole > 0 ? Math.min(100, Math.round((part / whole) * 1000) / 10) : 0;
}
