// Checks one voter's answer to one item before it is stored: anything at all may arrive here,
// so every path returns a verdict with a stable error code and none of them throws.
import {
  approvalAnswerSchema,
  choiceAnswerSchema,
  electionAnswerSchema,
  WRITE_IN_MAX_LENGTH,
  type AnswerByKind,
  type AnswerErrorCode,
  type BallotItem,
  type ChoiceAnswer,
  type ChoiceItem,
  type ElectionAnswer,
  type ElectionItem,
  type ItemAnswer,
  type RatingAnswer,
  type RatingItem,
} from './schemas.js';

export type AnswerCheck<Answer = ItemAnswer> = { ok: true; answer: Answer } | { ok: false; code: AnswerErrorCode };

/** Validates and normalises an answer (write-ins trimmed); an empty answer is a valid abstention. */
export function validateAnswer<Item extends BallotItem>(item: Item, answer: unknown): AnswerCheck<AnswerByKind[Item['kind']]> {
  try {
    return checkByKind(item, answer) as AnswerCheck<AnswerByKind[Item['kind']]>;
  } catch {
    // Only hostile objects get here (throwing getters, revoked proxies): refuse them like junk.
    return refuse('INVALID_ANSWER');
  }
}

function checkByKind(item: BallotItem, answer: unknown): AnswerCheck {
  switch (item.kind) {
    case 'approval': {
      const parsed = approvalAnswerSchema.safeParse(answer);
      return parsed.success ? accept(parsed.data) : refuse('INVALID_ANSWER');
    }
    case 'election':
      return checkElection(item, answer);
    case 'rating':
      return checkRating(item, answer);
    case 'choice':
      return checkChoice(item, answer);
  }
}

function accept<Answer>(answer: Answer): AnswerCheck<Answer> {
  return { ok: true, answer };
}

function refuse(code: AnswerErrorCode): { ok: false; code: AnswerErrorCode } {
  return { ok: false, code };
}

/**
 * Order of refusals, cheapest first so junk costs little: shape, write-ins allowed, too many,
 * names, unknown ids, duplicates, too many once write-ins naming candidates are resolved.
 */
function checkElection(item: ElectionItem, answer: unknown): AnswerCheck<ElectionAnswer> {
  const parsed = electionAnswerSchema.safeParse(answer);
  if (!parsed.success) return refuse('INVALID_ANSWER');
  if (parsed.data.writeIns.length > 0 && !item.allowWriteIn) return refuse('WRITE_IN_NOT_ALLOWED');
  // Each write-in fills a seat whether or not it names a candidate: past the seats, nothing to resolve.
  if (parsed.data.candidateIds.length + parsed.data.writeIns.length > item.seats) return refuse('TOO_MANY_CHOICES');
  const names = parsed.data.writeIns.map(normalizeWriteIn);
  if (!names.every(isAcceptableWriteIn)) return refuse('INVALID_ANSWER');
  const knownIds = new Set(item.candidates.map((candidate) => candidate.id));
  if (!parsed.data.candidateIds.every((id) => knownIds.has(id))) return refuse('UNKNOWN_OPTION');
  const resolved = resolveWriteIns(item, names);
  if (!resolved) return refuse('INVALID_ANSWER');
  const candidateIds = [...parsed.data.candidateIds, ...resolved.candidateIds];
  if (hasDuplicates(candidateIds) || hasDuplicates(resolved.writeIns)) return refuse('DUPLICATE_CHOICE');
  if (candidateIds.length + resolved.writeIns.length > item.seats) return refuse('TOO_MANY_CHOICES');
  return accept({ candidateIds, writeIns: resolved.writeIns });
}

export function normalizeWriteIn(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/gu, ' ');
}

function isAcceptableWriteIn(name: string): boolean {
  const length = [...name].length;
  return length >= 1 && length <= WRITE_IN_MAX_LENGTH && !/\p{Cc}/u.test(name);
}

/**
 * A write-in naming exactly one listed candidate counts for that candidate (the voter's intent is
 * plain); a name shared by several candidates is ambiguous, so the whole answer is refused.
 */
function resolveWriteIns(item: ElectionItem, names: string[]): ElectionAnswer | undefined {
  const byName = candidatesByName(item);
  const candidateIds: string[] = [];
  const writeIns: string[] = [];
  for (const name of names) {
    const matches = byName.get(name);
    if (matches && matches.length > 1) return undefined;
    if (matches) candidateIds.push(matches[0]!);
    else writeIns.push(name);
  }
  return { candidateIds, writeIns };
}

/** Candidate ids by normalised name, made once per item: a write-in is one lookup, not a pass over the list. */
const namesOfItems = new WeakMap<ElectionItem, Map<string, string[]>>();

function candidatesByName(item: ElectionItem): Map<string, string[]> {
  let byName = namesOfItems.get(item);
  if (!byName) {
    byName = new Map();
    for (const candidate of item.candidates) {
      const name = normalizeWriteIn(candidate.name);
      byName.set(name, [...(byName.get(name) ?? []), candidate.id]);
    }
    namesOfItems.set(item, byName);
  }
  return byName;
}

function hasDuplicates(values: readonly string[]): boolean {
  return new Set(values).size !== values.length;
}

/** Built by hand rather than z.record: zod would silently drop an own `__proto__` key. */
function checkRating(item: RatingItem, answer: unknown): AnswerCheck<RatingAnswer> {
  if (!isPlainObject(answer)) return refuse('INVALID_ANSWER');
  const entries = Object.entries(answer);
  if (!entries.every(([, grade]) => typeof grade === 'string')) return refuse('INVALID_ANSWER');
  const subjectIds = new Set(item.subjects.map((subject) => subject.id));
  const gradeIds = new Set(item.grades.map((grade) => grade.id));
  const known = entries.every(([subject, grade]) => subjectIds.has(subject) && gradeIds.has(grade as string));
  if (!known) return refuse('UNKNOWN_OPTION');
  return accept(Object.fromEntries(entries) as RatingAnswer);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function checkChoice(item: ChoiceItem, answer: unknown): AnswerCheck<ChoiceAnswer> {
  const parsed = choiceAnswerSchema.safeParse(answer);
  if (!parsed.success) return refuse('INVALID_ANSWER');
  const { optionIds } = parsed.data;
  const knownIds = new Set(item.options.map((option) => option.id));
  if (!optionIds.every((id) => knownIds.has(id))) return refuse('UNKNOWN_OPTION');
  if (hasDuplicates(optionIds)) return refuse('DUPLICATE_CHOICE');
  if (optionIds.length > item.maxChoices) return refuse('TOO_MANY_CHOICES');
  return accept({ optionIds: [...optionIds] });
}
