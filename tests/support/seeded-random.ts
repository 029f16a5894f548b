// A deterministic stand-in for crypto.randomBytes, so the secrecy tests are exact run after run.
import { createHash } from 'node:crypto';

export function seededRandom(seed: string): (size: number) => Buffer {
  let counter = 0;
  return (size: number) => {
    const chunks: Buffer[] = [];
    let length = 0;
    while (length < size) {
      const block = createHash('sha256').update(`${seed}:${counter++}`).digest();
      chunks.push(block);
      length += block.length;
    }
    return Buffer.concat(chunks).subarray(0, size);
  };
}
