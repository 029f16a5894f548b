// Motion words in the page language (states, categories, grades, ratings, history events) and
// the colour family each state's badge wears, and a refusal in the server's own words.
import { ApiError } from '../shared/api.js';
import type { Grade, MotionCategory, MotionState, Rating } from './motions-api.js';
import { localized, type MessageKey, t } from '../i18n/i18n.js';

export const stateLabel = (state: MotionState) => t(`vmState_${state}`);
export const categoryLabel = (category: MotionCategory) => t(`vmCategory_${category}`);
export const gradeLabel = (grade: Grade) => t(`vmGrade_${grade}`);
export const ratingLabel = (rating: Rating) => t(`vmRating_${rating}`);
export const eventLabel = (event: string) => t(`vmEvent_${event}` as MessageKey);

/** Waiting for the proposer, moving, done, or stopped. */
const tones: Record<MotionState, 'action' | 'moving' | 'done' | 'stopped'> = {
  draft: 'action',
  returned: 'action',
  replied: 'action',
  seconding: 'moving',
  review: 'moving',
  accepted: 'moving',
  assigned: 'moving',
  rehandling: 'moving',
  rated: 'moving',
  resolution: 'done',
  resolved: 'done',
  withdrawn: 'stopped',
  not_accepted: 'stopped',
  merged: 'stopped',
};

export function stateBadgeClass(state: MotionState): string {
  return `badge motion-state tone-${tones[state]}`;
}

/** The server's refusal (MOTION_COLLECTION_CLOSED, CANNOT_SECOND_OWN …) in the page language. */
export function refusalOf(error: unknown): string {
  if (error instanceof ApiError) return localized({ zh: error.messageZh, en: error.messageEn });
  return error instanceof Error ? error.message : String(error);
}
