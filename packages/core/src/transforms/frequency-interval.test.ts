import { describe, expect, it } from 'vitest';
import { SynthkitError } from '../errors/synthkit-error.js';
import { Rng } from '../rng/rng.js';
import {
  codeAt,
  fitFrequencyIntervals,
  forwardRandom,
  frequencyInterval,
  frequencyIntervalBounds,
} from './frequency-interval.js';

describe('frequencyInterval', () => {
  const codes = Int32Array.of(2, 0, 2, 2, 1, 2, 0, 2);

  it('gives each category a piece of [0, 1] as long as its share, most frequent first', () => {
    const s = frequencyInterval.fit(codes);
    expect(s.counts).toEqual([2, 1, 5]);
    const b = frequencyIntervalBounds(s);
    expect([...b.order]).toEqual([2, 0, 1]);
    expect([...b.lower]).toEqual([0.625, 0.875, 0]);
    expect([...b.upper]).toEqual([0.875, 1, 0.625]);
  });

  it('round-trips through the midpoints and through seeded random points', () => {
    const s = frequencyInterval.fit(codes);
    const u = frequencyInterval.forward(s, codes);
    expect([...frequencyInterval.reverse(s, u)]).toEqual([...codes]);
    const r = forwardRandom(s, codes, new Rng(1));
    expect([...frequencyInterval.reverse(s, r)]).toEqual([...codes]);
    expect([...forwardRandom(s, codes, new Rng(1))]).toEqual([...r]);
    for (const x of r) expect(x > 0 && x < 1).toBe(true);
  });

  it('reverse keeps category frequencies when fed uniform draws', () => {
    const s = fitFrequencyIntervals(codes, 4);
    const rng = new Rng(9);
    const u = Float64Array.from({ length: 40000 }, () => rng.next());
    const back = frequencyInterval.reverse(s, u);
    const freq = [0, 0, 0, 0];
    for (const c of back) freq[c]!++;
    expect(freq[3]).toBe(0); // never seen: empty piece, never produced
    expect(freq[2]! / 40000).toBeCloseTo(5 / 8, 2);
    expect(freq[0]! / 40000).toBeCloseTo(2 / 8, 2);
    expect(codeAt(frequencyIntervalBounds(s), 1)).toBe(1);
    expect(codeAt(frequencyIntervalBounds(s), -0.5)).toBe(2);
  });

  it('refuses codes it cannot place with a SynthkitError naming the row', () => {
    const s = fitFrequencyIntervals(codes, 4);
    const err = (() => {
      try {
        frequencyInterval.forward(s, Int32Array.of(0, 3));
      } catch (e) {
        return e as SynthkitError;
      }
    })();
    expect(err).toBeInstanceOf(SynthkitError);
    expect(err?.code).toBe('BAD_VALUE');
    expect(err?.row).toBe(2);
    expect(() => fitFrequencyIntervals(Int32Array.of(5), 2)).toThrow(SynthkitError);
  });
});
