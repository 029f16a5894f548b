// The signatures an extraordinary session's proposal needs: at least the term's share of its representatives.
import { describe, expect, it } from 'vitest';
import { proposalReached, signatureThreshold } from '../../src/extraordinary/service.js';

const third = { numerator: 1, denominator: 3 };

describe('signatureThreshold', () => {
  it.each([
    [73, 25],
    [72, 24],
    [7, 3],
    [6, 2],
    [3, 1],
    [1, 1],
    [0, 1],
  ])('a third of %i representatives, rounded up, is %i (never fewer than one)', (representatives, threshold) => {
    expect(signatureThreshold(third, representatives)).toBe(threshold);
  });

  it('is reached at the threshold for representatives, and at once for the unit and the union', () => {
    expect(proposalReached('representatives', 24, 25)).toBe(false);
    expect(proposalReached('representatives', 25, 25)).toBe(true);
    expect(proposalReached('unit', 0, 25)).toBe(true);
    expect(proposalReached('union', 0, 25)).toBe(true);
  });
});
