// The attempt limiter on its own: attempts count when they start, only right ones are taken back, the
// window slides, and a flood of made-up keys cannot wipe the count of the key under attack.
import { describe, expect, it } from 'vitest';
import { AttemptLimiter } from '../../src/access/attempt-limiter.js';
import { AppError } from '../../src/errors.js';

function refused(run: () => void): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof AppError ? error.code : 'THREW';
  }
}

describe('the attempt limiter', () => {
  it('counts an attempt when it is reserved, against every key, before anything is checked', () => {
    const limiter = new AttemptLimiter(3, 60_000, () => 0);
    for (let attempt = 0; attempt < 3; attempt++) expect(refused(() => limiter.reserve(['address:a', 'account:x']))).toBeNull();
    expect(refused(() => limiter.reserve(['address:a', 'account:y']))).toBe('TOO_MANY_ATTEMPTS');
    expect(refused(() => limiter.reserve(['address:b', 'account:x']))).toBe('TOO_MANY_ATTEMPTS');
    // A refused attempt is not counted against the key that still had room.
    expect(refused(() => limiter.reserve(['address:b', 'account:z']))).toBeNull();
  });

  it('takes back only what is forgiven, and lets the window slide', () => {
    let now = 0;
    const limiter = new AttemptLimiter(2, 1_000, () => now);
    limiter.reserve(['k']);
    limiter.forgive(['k']);
    limiter.reserve(['k']);
    limiter.reserve(['k']);
    expect(refused(() => limiter.reserve(['k']))).toBe('TOO_MANY_ATTEMPTS');
    now = 1_001;
    expect(refused(() => limiter.reserve(['k']))).toBeNull();
  });

  it('keeps the count of a key under attack when made-up keys overflow its capacity', () => {
    const limiter = new AttemptLimiter(5, 60_000, () => 0, 100);
    for (let attempt = 0; attempt < 5; attempt++) limiter.reserve(['account:secretary']);
    for (let index = 0; index < 1_000; index++) limiter.reserve([`account:made-up-${index}`]);
    expect(refused(() => limiter.reserve(['account:secretary']))).toBe('TOO_MANY_ATTEMPTS');
  });
});
