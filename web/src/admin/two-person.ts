// Two-person control (双人确认) in the console: which step a ballot is at, whether the meeting's
// setting puts it under control, who has confirmed it and whom it awaits. The server decides (src/ballots/two-person.ts);
// this only mirrors its rule to label the buttons before anything is sent.
import { t, type MessageKey } from '../i18n/i18n.js';
import type { components } from '../generated/api.js';
import { dateTime } from './format.js';
import { roleKey } from './session.js';
import type { AccountRole, Ballot, MeetingView } from './types.js';

export type PendingConfirmation = components['schemas']['PendingConfirmation'];
export type ConfirmationStep = PendingConfirmation['step'];
export type TwoPersonControl = MeetingView['twoPersonControl'];

export const TWO_PERSON_LABELS: Record<TwoPersonControl, MessageKey> = { none: 'tpNone', close_publish: 'tpClosePublish', all: 'tpAll' };
const CONTROLLED: Record<TwoPersonControl, readonly ConfirmationStep[]> = { none: [], close_publish: ['close', 'publish'], all: ['open', 'close', 'publish'] };
const STEP_LABELS: Record<ConfirmationStep, MessageKey> = { open: 'tpStepOpen', close: 'tpStepClose', publish: 'tpStepPublish' };
const CONFIRM_LABELS: Record<ConfirmationStep, MessageKey> = { open: 'tpConfirmOpen', close: 'tpConfirmClose', publish: 'tpConfirmPublish' };

/** The step a ballot's state leads to next, if it is one two-person control can cover. */
export function nextStep(ballot: Ballot): ConfirmationStep | null {
  return ballot.state === 'draft' ? 'open' : ballot.state === 'open' ? 'close' : ballot.state === 'closed' ? 'publish' : null;
}

export interface StepStatus {
  step: ConfirmationStep;
  /** The meeting's setting puts this step of this ballot under control. */
  controlled: boolean;
  /** My role's half, when given (by me or another officer of my role). */
  mine: PendingConfirmation | undefined;
  /** The other role's half, when given: my call performs the step. */
  other: PendingConfirmation | undefined;
}

export function stepStatus(meeting: Pick<MeetingView, 'twoPersonControl'>, ballot: Ballot, role: AccountRole | undefined): StepStatus | null {
  const step = nextStep(ballot);
  if (!step) return null;
  const controlled = ballot.secrecy === 'secret' && ballot.method === 'electronic' && CONTROLLED[meeting.twoPersonControl].includes(step);
  const pending = controlled ? (ballot.pendingConfirmations ?? []).filter((entry) => entry.step === step) : [];
  return { step, controlled, mine: pending.find((entry) => entry.role === role), other: pending.find((entry) => entry.role !== role) };
}

export function confirmLabel(step: ConfirmationStep): string {
  return t(CONFIRM_LABELS[step]);
}

/** "等待监票人确认" when the secretariat has confirmed, "等待秘书处确认" the other way round. */
export function awaitingLabel(confirmedRole: PendingConfirmation['role']): string {
  return t(confirmedRole === 'secretary' ? 'tpAwaitingScrutineer' : 'tpAwaitingSecretary');
}

export function confirmedByLine(entry: PendingConfirmation): string {
  return t('tpConfirmedBy', { name: entry.name, role: t(roleKey(entry.role)), at: dateTime(entry.at), step: t(STEP_LABELS[entry.step]) });
}
