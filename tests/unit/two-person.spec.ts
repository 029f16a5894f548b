// Two-person control's rule (双人确认): which steps of which ballots need the secretary and a
// scrutineer both, what a half waits for, and when the two halves agree on how to open.
import { describe, expect, it } from 'vitest';
import { agreedOpenOptions, needsBoth, stillNeeded } from '../../src/ballots/two-person.js';

const secret = { secrecy: 'secret', method: 'electronic' } as const;

describe('which steps need both officers', () => {
  it.each([
    ['none', 'open', false],
    ['none', 'close', false],
    ['none', 'publish', false],
    ['close_publish', 'open', false],
    ['close_publish', 'close', true],
    ['close_publish', 'publish', true],
    ['all', 'open', true],
    ['all', 'close', true],
    ['all', 'publish', true],
  ] as const)('under %s, %s of a secret ballot needs both: %s', (control, step, expected) => {
    expect(needsBoth(control, secret, step)).toBe(expected);
  });

  it('never puts a named (记名) ballot under control', () => {
    for (const step of ['open', 'close', 'publish'] as const) expect(needsBoth('all', { secrecy: 'named', method: 'electronic' }, step)).toBe(false);
  });

  it('never puts a manual result (举手表决, paper counts) under control', () => {
    expect(needsBoth('all', { secrecy: 'secret', method: 'manual' }, 'publish')).toBe(false);
  });
});

describe('what a half waits for', () => {
  it('names the other role', () => {
    expect(stillNeeded(['secretary'])).toEqual(['scrutineer']);
    expect(stillNeeded(['scrutineer'])).toEqual(['secretary']);
    expect(stillNeeded([])).toEqual(['secretary', 'scrutineer']);
    expect(stillNeeded(['secretary', 'scrutineer'])).toEqual([]);
  });
});

describe('opening with both halves', () => {
  it('takes the first half’s reason when the second gives none', () => {
    expect(agreedOpenOptions({ overrideQuorum: true, reason: '主席团决定' }, { overrideQuorum: true })).toEqual({ overrideQuorum: true, reason: '主席团决定' });
  });

  it('agrees when both say the same', () => {
    expect(agreedOpenOptions({ overrideQuorum: false }, { overrideQuorum: false })).toEqual({ overrideQuorum: false });
  });

  it('disagrees on a different quorum override or a different reason', () => {
    expect(agreedOpenOptions({ overrideQuorum: true, reason: '甲' }, { overrideQuorum: false })).toBeNull();
    expect(agreedOpenOptions({ overrideQuorum: false }, { overrideQuorum: true })).toBeNull();
    expect(agreedOpenOptions({ overrideQuorum: true, reason: '甲' }, { overrideQuorum: true, reason: '乙' })).toBeNull();
  });
});
