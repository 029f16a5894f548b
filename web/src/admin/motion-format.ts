// Motion words in the page language: states, categories, ratings, grades, numbers and rates.
import { hasMessage, type MessageKey, t } from '../i18n/i18n.js';
import type { Grade, MotionCategory, MotionState, Rate, Rating } from '../shared/motion-types.js';

/** Every state's console label is `moState_<state>` in the catalogues: this fails to compile when one is missing. */
type StateKey = `moState_${MotionState}`;
export type CataloguesNameEveryState = Assert<StateKey extends MessageKey ? true : false>;
type Assert<T extends true> = T;

const CATEGORY_KEYS: Record<MotionCategory, MessageKey> = {
  operations: 'moCatOperations',
  reform: 'moCatReform',
  welfare: 'moCatWelfare',
  safety: 'moCatSafety',
  culture: 'moCatCulture',
  other: 'moCatOther',
};

const RATING_KEYS: Record<Rating, MessageKey> = {
  satisfied: 'moRatingSatisfied',
  basically_satisfied: 'moRatingBasicallySatisfied',
  dissatisfied: 'moRatingDissatisfied',
};

const GRADE_KEYS: Record<Grade, MessageKey> = { A: 'moGradeA', B: 'moGradeB', C: 'moGradeC', D: 'moGradeD' };

/** 附议, 交办, 答复 …: the move that made a history entry (the voter page's words, shared). */
export const eventLabel = (event: string): string => {
  const key = `vmEvent_${event}`;
  return hasMessage(key) ? t(key) : event;
};
export const motionStateLabel = (state: MotionState | string): string => {
  const key = `moState_${state}`;
  return hasMessage(key) ? t(key) : state;
};
export const categoryLabel = (category: MotionCategory): string => t(CATEGORY_KEYS[category]);
export const ratingLabel = (rating: Rating): string => t(RATING_KEYS[rating]);
export const gradeLabel = (grade: Grade): string => t(GRADE_KEYS[grade]);

/** A tone for the state badge: work waiting on the office, on a department, or finished. */
export function stateTone(state: MotionState): string {
  if (state === 'resolved') return 'done';
  if (['withdrawn', 'not_accepted', 'merged'].includes(state)) return 'neutral';
  if (['review', 'accepted', 'rated', 'returned'].includes(state)) return 'warn';
  return 'live';
}

export function motionNumber(number: string | null): string {
  return number ?? t('moUnnumbered');
}

/** 66.7% (2 / 3), or — when there is nothing to divide by. */
export function rateText(rate: Rate): string {
  return rate.percent === null ? '—' : `${rate.percent}%`;
}
