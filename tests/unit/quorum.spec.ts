import { describe, it, expect } from 'vitest';
import { DEFAULT_QUORUM_FRACTION, quorumRequired, quorumStatus } from '../../src/meetings/rules.js';

const twoThirds = { numerator: 2, denominator: 3 };

describe('quorum (法定人数)', () => {
  it('needs 120 of 180 representatives present, and 130 present is enough', () => {
    expect(quorumRequired(180, twoThirds)).toBe(120);
    expect(quorumStatus(130, 180, twoThirds)).toEqual({ required: 120, present: 130, eligible: 180, reached: true });
  });

  it('opens with exactly two thirds present and not with one fewer', () => {
    expect(quorumStatus(120, 180).reached).toBe(true);
    expect(quorumStatus(119, 180).reached).toBe(false);
  });

  it('rounds two thirds of 73 representatives up to 49', () => {
    expect(quorumRequired(73, twoThirds)).toBe(49);
    expect(quorumStatus(49, 73).reached).toBe(true);
    expect(quorumStatus(48, 73).reached).toBe(false);
  });

  it('needs 20 of 30 and 21 of 31', () => {
    expect(quorumRequired(30, twoThirds)).toBe(20);
    expect(quorumRequired(31, twoThirds)).toBe(21);
    expect(quorumRequired(32, twoThirds)).toBe(22);
    expect(quorumRequired(33, twoThirds)).toBe(22);
  });

  it('defaults to two thirds when the unit sets no fraction of its own', () => {
    expect(DEFAULT_QUORUM_FRACTION).toEqual({ numerator: 2, denominator: 3 });
    expect(quorumRequired(180)).toBe(120);
    expect(quorumStatus(100, 150)).toEqual({ required: 100, present: 100, eligible: 150, reached: true });
  });

  it('follows a unit that sets its own fraction', () => {
    expect(quorumRequired(101, { numerator: 1, denominator: 2 })).toBe(51);
    expect(quorumRequired(100, { numerator: 3, denominator: 4 })).toBe(75);
    expect(quorumRequired(7, { numerator: 1, denominator: 1 })).toBe(7);
    expect(quorumStatus(6, 7, { numerator: 1, denominator: 1 }).reached).toBe(false);
  });

  it('never opens a session of a congress with nobody eligible', () => {
    expect(quorumRequired(0, twoThirds)).toBe(0);
    expect(quorumStatus(0, 0).reached).toBe(false);
  });

  it('counts only the representatives the caller passes: attendees do not lift a short room', () => {
    const representativesPresent = 119;
    const attendeesPresent = 15;
    expect(representativesPresent + attendeesPresent).toBeGreaterThan(120);
    expect(quorumStatus(representativesPresent, 180).reached).toBe(false);
  });

  it('computes the threshold exactly for every congress size up to 600 and several fractions', () => {
    const fractions = [twoThirds, { numerator: 1, denominator: 2 }, { numerator: 3, denominator: 4 }, { numerator: 4, denominator: 7 }];
    for (const fraction of fractions) {
      for (let eligible = 0; eligible <= 600; eligible += 1) {
        const required = quorumRequired(eligible, fraction);
        // the smallest head count that is at least the fraction of the congress
        expect(required * fraction.denominator).toBeGreaterThanOrEqual(fraction.numerator * eligible);
        expect((required - 1) * fraction.denominator).toBeLessThan(fraction.numerator * eligible);
      }
    }
  });

  it('stays exact for very large bodies where floating point would drift', () => {
    expect(quorumRequired(3_000_000_000, twoThirds)).toBe(2_000_000_000);
    expect(quorumRequired(3_000_000_001, twoThirds)).toBe(2_000_000_001);
  });

  it('refuses counts and fractions that cannot describe a meeting', () => {
    expect(() => quorumRequired(-1, twoThirds)).toThrow(RangeError);
    expect(() => quorumRequired(10.5, twoThirds)).toThrow(RangeError);
    expect(() => quorumRequired(Number.NaN, twoThirds)).toThrow(RangeError);
    expect(() => quorumRequired(10, { numerator: 2, denominator: 0 })).toThrow(RangeError);
    expect(() => quorumRequired(10, { numerator: 4, denominator: 3 })).toThrow(RangeError);
    expect(() => quorumRequired(10, { numerator: -1, denominator: 3 })).toThrow(RangeError);
    expect(() => quorumStatus(-3, 10)).toThrow(RangeError);
  });
});
