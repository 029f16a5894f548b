// 差额 (issue 14, part 3): the term's rule for how many more candidates than seats, and the words a
// result uses for it.
import { describe, expect, it } from 'vitest';
import { competitionOf } from '../../src/ballots/election.js';
import { applyTermRulesPatch, candidatesWanted, DEFAULT_TERM_RULES, parseTermRules, RULE_SOURCES } from '../../src/roster/term-rules.js';

describe('the term’s 差额 rule', () => {
  it('defaults to a fifth more candidates than seats, from practice', () => {
    expect(DEFAULT_TERM_RULES.elections.minimumCompetition).toEqual({ numerator: 1, denominator: 5 });
    expect(parseTermRules('{}').elections.minimumCompetition).toEqual({ numerator: 1, denominator: 5 });
    expect(RULE_SOURCES['elections.minimumCompetition'].source).toContain('[practice]');
  });

  it('wants seats + ⌈share × seats⌉ candidates', () => {
    const fifth = DEFAULT_TERM_RULES.elections.minimumCompetition;
    expect(candidatesWanted(fifth, 5)).toBe(6);
    expect(candidatesWanted(fifth, 7)).toBe(9);
    expect(candidatesWanted(fifth, 1)).toBe(2);
    expect(candidatesWanted({ numerator: 0, denominator: 1 }, 3)).toBe(3);
  });

  it('is changed by a patch like any other part, the rest kept', () => {
    const changed = applyTermRulesPatch(DEFAULT_TERM_RULES, { elections: { minimumCompetition: { numerator: 0, denominator: 1 } } });
    expect(changed.elections.minimumCompetition).toEqual({ numerator: 0, denominator: 1 });
    expect(changed.quorum).toEqual(DEFAULT_TERM_RULES.quorum);
  });
});

describe('the 差额 of a list', () => {
  it('counts the candidates over the seats as a whole percentage, rounded down', () => {
    expect(competitionOf(6, 5)).toEqual({ extra: 1, percent: 20 });
    expect(competitionOf(8, 7)).toEqual({ extra: 1, percent: 14 });
    expect(competitionOf(3, 3)).toEqual({ extra: 0, percent: 0 });
    expect(competitionOf(2, 3)).toEqual({ extra: -1, percent: 0 });
  });
});
