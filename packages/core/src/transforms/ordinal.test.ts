import { describe, expect, it } from 'vitest';
import { SynthkitError } from '../errors/synthkit-error.js';
import { type CategoricalColumn, valueAt } from '../table/column.js';
import { MISSING_LABEL, ordinal } from './ordinal.js';

const col = (codes: number[], categories: string[]): CategoricalColumn => ({
  type: 'categorical',
  codes: Int32Array.from(codes),
  categories,
});
const values = (c: CategoricalColumn) => Array.from(c.codes, (_, i) => valueAt(c, i));

describe('ordinal', () => {
  it('encodes used categories in order, missing last, and round-trips', () => {
    const x = col([2, 0, -1, 2, 0], [' Male', ' unused', ' Female']);
    const s = ordinal.fit(x);
    expect(s).toEqual({ labels: [' Male', ' Female', MISSING_LABEL], missingCode: 2 });
    const codes = ordinal.forward(s, x);
    expect([...codes]).toEqual([1, 0, 2, 1, 0]);
    expect(values(ordinal.reverse(s, codes))).toEqual(values(x));
    // Batches reversed from one state share one category list (concat then copies codes).
    expect(ordinal.reverse(s, codes).categories).toBe(ordinal.reverse(s, codes.slice(1)).categories);
  });

  it('refuses an unknown category with the known ones in the hint', () => {
    const s = ordinal.fit(col([0, 1], ['a', 'b']));
    const err = (() => {
      try {
        ordinal.forward(s, col([0], ['zzz']));
      } catch (e) {
        return e as SynthkitError;
      }
    })();
    expect(err).toBeInstanceOf(SynthkitError);
    expect(err?.code).toBe('BAD_VALUE');
    expect(err?.hint).toContain('a, b');
  });
});
