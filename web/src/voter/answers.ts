// A ballot paper being filled in: one draft answer per item, what is still missing, the answers the
// server expects (ItemAnswer in the API's types), and the words the confirmation step repeats back.
import { t } from '../i18n/i18n.js';
import type { ApprovalAnswer, ItemAnswer } from '../shared/api-types.js';
import type { BallotItem } from '../shared/live.js';

export type ApprovalChoice = ApprovalAnswer;
/** In a rating, a subject the voter explicitly abstains on is left out of the answer. */
export const RATING_ABSTAIN = '';

export type Draft =
  | { kind: 'approval'; choice: ApprovalChoice | null }
  | { kind: 'election'; candidateIds: string[]; writeIns: string[] }
  | { kind: 'choice'; optionIds: string[] }
  | { kind: 'rating'; grades: Record<string, string> };

export type DraftOf<Kind extends Draft['kind']> = Extract<Draft, { kind: Kind }>;

export function emptyDraft(item: BallotItem): Draft {
  switch (item.kind) {
    case 'approval':
      return { kind: 'approval', choice: null };
    case 'election':
      return { kind: 'election', candidateIds: [], writeIns: [] };
    case 'choice':
      return { kind: 'choice', optionIds: [] };
    case 'rating':
      return { kind: 'rating', grades: {} };
  }
}

/** Seats an election answer takes: ticked candidates plus write-in boxes. */
export function seatsTaken(draft: DraftOf<'election'>): number {
  return draft.candidateIds.length + draft.writeIns.length;
}

const clean = (name: string) => name.normalize('NFC').trim().replace(/\s+/g, ' ');

/** Why this item cannot be sent yet, or null. */
export function problemWith(item: BallotItem, draft: Draft): string | null {
  if (item.kind === 'approval' && draft.kind === 'approval') return draft.choice ? null : t('missingApproval');
  if (item.kind === 'rating' && draft.kind === 'rating') {
    const missing = item.subjects.filter((subject) => draft.grades[subject.id] === undefined);
    return missing.length > 0 ? t('missingRating', { names: missing.map((subject) => subject.name).join('、') }) : null;
  }
  if (item.kind === 'election' && draft.kind === 'election') {
    const names = draft.writeIns.map(clean).filter(Boolean);
    if (draft.writeIns.some((name) => [...clean(name)].length > 40)) return t('writeInTooLong');
    const chosen = item.candidates.filter((candidate) => draft.candidateIds.includes(candidate.id)).map((candidate) => clean(candidate.name));
    const all = [...chosen, ...names];
    if (new Set(all).size !== all.length) return t('writeInDuplicate');
  }
  return null;
}

/** The answer as the API takes it (ItemAnswer in the OpenAPI document). */
export function toAnswer(item: BallotItem, draft: Draft): ItemAnswer | null {
  if (item.kind === 'approval' && draft.kind === 'approval') return draft.choice;
  if (item.kind === 'election' && draft.kind === 'election') return { candidateIds: draft.candidateIds, writeIns: draft.writeIns.map(clean).filter(Boolean) };
  if (item.kind === 'choice' && draft.kind === 'choice') return { optionIds: draft.optionIds };
  if (item.kind === 'rating' && draft.kind === 'rating') {
    return Object.fromEntries(Object.entries(draft.grades).filter(([, grade]) => grade !== RATING_ABSTAIN));
  }
  return null;
}

const list = (names: string[]) => names.join(t('listSeparator'));

/** The choice in words, for the confirmation step: 赞成 / 张三、李四;另选:王五 / 未选择(弃权). */
export function describeAnswer(item: BallotItem, draft: Draft): string[] {
  if (item.kind === 'approval' && draft.kind === 'approval') return [draft.choice ? t(draft.choice) : '—'];
  if (item.kind === 'election' && draft.kind === 'election') {
    const chosen = item.candidates.filter((candidate) => draft.candidateIds.includes(candidate.id)).map((candidate) => candidate.name);
    const writeIns = draft.writeIns.map(clean).filter(Boolean);
    if (chosen.length + writeIns.length === 0) return [t('noneChosen')];
    return [...(chosen.length > 0 ? [list(chosen)] : []), ...(writeIns.length > 0 ? [t('writeInSummary', { names: list(writeIns) })] : [])];
  }
  if (item.kind === 'choice' && draft.kind === 'choice') {
    const chosen = item.options.filter((option) => draft.optionIds.includes(option.id)).map((option) => option.label);
    return [chosen.length > 0 ? list(chosen) : t('noneChosen')];
  }
  if (item.kind === 'rating' && draft.kind === 'rating') {
    return item.subjects.map((subject) => {
      const grade = item.grades.find((entry) => entry.id === draft.grades[subject.id]);
      return t('ratingLine', { subject: subject.name, grade: grade ? grade.label : t('abstain') });
    });
  }
  return [];
}
