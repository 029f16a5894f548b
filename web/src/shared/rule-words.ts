// A passing rule in words, without numbers (赞成票须超过全体代表的半数), for the kinds that have one.
import { type MessageKey, t } from '../i18n/i18n.js';
import type { BallotItem, Meeting } from './live.js';

type RuleOf = Pick<Extract<BallotItem, { kind: 'approval' }>, 'passingRule' | 'majorityWording'>;

/** `subject` names what is counted: 赞成票 for an approval, 得票 for a candidate. */
export function thresholdRuleInWords(item: RuleOf, meetingKind: Meeting['kind'], subject: MessageKey): string {
  const body = t(meetingKind === 'general_assembly' ? 'bodyStaff' : 'bodyRepresentatives');
  const base = item.passingRule === 'present_majority' ? t('basePresent', { body }) : item.passingRule === 'cast_majority' ? t('baseCast') : t('baseAll', { body });
  const words = t(subject);
  if (item.passingRule === 'all_two_thirds') return t('ruleTwoThirds', { subject: words, base });
  return t(item.majorityWording === 'majorityInclusive' ? 'ruleMajorityInclusive' : 'ruleMajority', { subject: words, base });
}
