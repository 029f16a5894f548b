// Two-person control (双人确认): which steps of a ballot need both the secretary and a scrutineer
// (监票人), and what one officer's confirmation still waits for. Pure: the service reads the
// meeting's setting and the pending confirmations, and asks here.
//
// Only a secret electronic ballot is under control. A named (记名) ballot shows who voted what, so
// the secrecy the second pair of eyes protects is not there to protect; a manual result (举手表决,
// paper counts) is counted in the hall in front of the tellers, and the server only records it.
import type { TwoPersonControl } from '../meetings/workflow.js';
import type { BallotMethod, BallotSecrecy } from './workflow.js';

export const CONFIRMATION_STEPS = ['open', 'close', 'publish'] as const;
export type ConfirmationStep = (typeof CONFIRMATION_STEPS)[number];
export const CONFIRMING_ROLES = ['secretary', 'scrutineer'] as const;
export type ConfirmingRole = (typeof CONFIRMING_ROLES)[number];

/** The steps each setting puts under control. */
const CONTROLLED_STEPS: Record<TwoPersonControl, readonly ConfirmationStep[]> = {
  none: [],
  close_publish: ['close', 'publish'],
  all: ['open', 'close', 'publish'],
};

export function isConfirmingRole(role: string): role is ConfirmingRole {
  return (CONFIRMING_ROLES as readonly string[]).includes(role);
}

/** Whether `step` of this ballot needs both roles under the meeting's setting. */
export function needsBoth(control: TwoPersonControl, ballot: { secrecy: BallotSecrecy; method: BallotMethod }, step: ConfirmationStep): boolean {
  if (ballot.secrecy !== 'secret' || ballot.method !== 'electronic') return false;
  return CONTROLLED_STEPS[control].includes(step);
}

/** The roles whose confirmation is still missing once `confirmed` have confirmed. */
export function stillNeeded(confirmed: readonly ConfirmingRole[]): ConfirmingRole[] {
  return CONFIRMING_ROLES.filter((role) => !confirmed.includes(role));
}

/** Opening's options, as both halves must agree on them. */
export interface OpenOptions {
  overrideQuorum: boolean;
  reason?: string | undefined;
}

/**
 * The options the step is performed with, from the first confirmation's and the second caller's:
 * the quorum override must be the same; a reason left out takes the first's, a different one is a
 * disagreement. Null when they disagree.
 */
export function agreedOpenOptions(first: OpenOptions, second: OpenOptions): OpenOptions | null {
  if (first.overrideQuorum !== second.overrideQuorum) return null;
  if (second.reason !== undefined && first.reason !== undefined && second.reason !== first.reason) return null;
  const reason = second.reason ?? first.reason;
  return { overrideQuorum: first.overrideQuorum, ...(reason === undefined ? {} : { reason }) };
}
