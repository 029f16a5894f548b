// Quorum (法定人数): how many representatives must be present before a session may open.
// Pure arithmetic over counts; attendees (列席代表) never reach here, the caller leaves them out.
import { z } from 'zod';

export const quorumFractionSchema = z
  .object({
    numerator: z.number().int().min(0),
    denominator: z.number().int().min(1),
  })
  .refine((fraction) => fraction.numerator <= fraction.denominator, {
    message: 'a quorum cannot exceed everyone',
  });

export type QuorumFraction = z.infer<typeof quorumFractionSchema>;

/** The national default: two thirds of all representatives (present ≥ ⌈2/3 × eligible⌉). */
export const DEFAULT_QUORUM_FRACTION: Readonly<QuorumFraction> = Object.freeze({ numerator: 2, denominator: 3 });

export interface QuorumStatus {
  required: number;
  present: number;
  eligible: number;
  reached: boolean;
}

/** ⌈numerator × eligible / denominator⌉, in integers so 2/3 of 180 is exactly 120. */
export function quorumRequired(eligible: number, fraction: QuorumFraction = DEFAULT_QUORUM_FRACTION): number {
  assertCount('eligible', eligible);
  assertFraction(fraction);
  const product = fraction.numerator * eligible;
  if (!Number.isSafeInteger(product)) throw new RangeError('quorum arithmetic out of range');
  const remainder = product % fraction.denominator;
  const quotient = (product - remainder) / fraction.denominator;
  return remainder === 0 ? quotient : quotient + 1;
}

/** A congress with nobody eligible never reaches quorum, whatever the fraction says. */
export function quorumStatus(present: number, eligible: number, fraction: QuorumFraction = DEFAULT_QUORUM_FRACTION): QuorumStatus {
  assertCount('present', present);
  const required = quorumRequired(eligible, fraction);
  return { required, present, eligible, reached: eligible > 0 && present >= required };
}

function assertCount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
  }
}

function assertFraction(fraction: QuorumFraction): void {
  if (!quorumFractionSchema.safeParse(fraction).success) {
    throw new RangeError(`invalid quorum fraction ${fraction.numerator}/${fraction.denominator}`);
  }
}
