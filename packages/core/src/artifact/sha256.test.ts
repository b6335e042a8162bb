import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Rng } from '../rng/rng.js';
import { sha256, toHex } from './sha256.js';

describe('sha256', () => {
  it('matches the FIPS 180-4 examples', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(toHex(sha256(enc('abc')))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(toHex(sha256(enc('')))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(toHex(sha256(enc('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('agrees with node:crypto on every length around the block boundaries', () => {
    const rng = new Rng(1);
    for (const n of [1, 55, 56, 63, 64, 65, 119, 120, 127, 128, 1000, 100_003]) {
      const data = Uint8Array.from({ length: n }, () => rng.int(256));
      expect(toHex(sha256(data))).toBe(createHash('sha256').update(data).digest('hex'));
    }
  });
});
