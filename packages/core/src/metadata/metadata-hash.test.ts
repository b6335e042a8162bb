import { describe, expect, it } from 'vitest';
import { tableFingerprint } from '../io/table-fingerprint.js';
import { Table } from '../table/table.js';
import { metadataHash } from './metadata-hash.js';
import type { Metadata } from './types.js';
import { XxHash32 } from './xxhash32.js';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('xxHash32', () => {
  it('matches the reference test vectors', () => {
    expect(new XxHash32(0).update(bytes('')).digest()).toBe(0x02cc5d05);
    expect(new XxHash32(0).update(bytes('a')).digest()).toBe(0x550d7456);
    expect(new XxHash32(0).update(bytes('abc')).digest()).toBe(0x32d153ff);
    expect(new XxHash32(0).update(bytes('Nobody inspects the spammish repetition')).digest()).toBe(
      0xe2293b2f,
    );
  });

  it('gives the same digest however the input is split', () => {
    const all = bytes('The quick brown fox jumps over the lazy dog, twice over: the quick brown fox.');
    const whole = new XxHash32(7).update(all).digest();
    const h = new XxHash32(7);
    for (let i = 0; i < all.length; i += 5) h.update(all.subarray(i, i + 5));
    expect(h.digest()).toBe(whole);
  });
});

describe('metadataHash', () => {
  const a: Metadata = {
    version: 1,
    columns: {
      x: { sdtype: 'numerical', representation: 'float', decimals: 2 },
      y: { sdtype: 'categorical' },
    },
  };

  it('ignores key order inside objects but not column order', () => {
    const sameKeys: Metadata = {
      columns: {
        x: { decimals: 2, representation: 'float', sdtype: 'numerical' },
        y: { sdtype: 'categorical' },
      },
      version: 1,
    };
    const swapped: Metadata = { version: 1, columns: { y: a.columns.y!, x: a.columns.x! } };
    expect(metadataHash(sameKeys)).toBe(metadataHash(a));
    expect(metadataHash(swapped)).not.toBe(metadataHash(a));
    expect(metadataHash(a)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('changes when any detail changes', () => {
    const b: Metadata = {
      ...a,
      columns: { ...a.columns, x: { sdtype: 'numerical', representation: 'float', decimals: 3 } },
    };
    expect(metadataHash(b)).not.toBe(metadataHash(a));
  });
});

describe('tableFingerprint', () => {
  const t = (cats: string[], codes: number[], nums: number[]) =>
    new Table([
      ['c', { type: 'categorical', codes: Int32Array.from(codes), categories: cats }],
      ['n', { type: 'number', values: Float64Array.from(nums) }],
    ]);

  it('depends on values, not on dictionary order', () => {
    const one = t(['a', 'b'], [0, 1, -1], [1, Number.NaN, 3]);
    const two = t(['b', 'a'], [1, 0, -1], [1, Number.NaN, 3]);
    expect(tableFingerprint(one)).toBe(tableFingerprint(two));
    expect(tableFingerprint(t(['a', 'b'], [0, 1, -1], [1, Number.NaN, 4]))).not.toBe(tableFingerprint(one));
    expect(tableFingerprint(t(['a', 'b'], [1, 0, -1], [1, Number.NaN, 3]))).not.toBe(tableFingerprint(one));
  });
});
