import type { ColumnPair } from '../prepare/prepared.js';
import { memo } from '../util/memo.js';
import { digitize, equalWidthEdges } from './histogram-bins.js';

/** A column as slot codes in [0, slots): categories plus one slot for missing, or histogram bins. */
export interface Slotted {
  readonly codes: Int32Array;
  readonly slots: number;
}

export const CONTINGENCY_BINS = 10;

function slotsOfValues(values: Float64Array, bins: number): Slotted {
  const edges = equalWidthEdges(values, bins);
  // all missing: everything in the "NaN" slot, as numpy would put it
  return edges
    ? { codes: digitize(values, edges), slots: bins + 2 }
    : { codes: new Int32Array(values.length).fill(bins + 1), slots: bins + 2 };
}

function slotsOfCodes(codes: Int32Array, nLabels: number): Slotted {
  const out = new Int32Array(codes.length);
  for (let i = 0; i < codes.length; i++) out[i] = codes[i]! < 0 ? nLabels : codes[i]!;
  return { codes: out, slots: nLabels + 1 };
}

const caches = new Map<number, WeakMap<ColumnPair, { real: Slotted; synthetic: Slotted }>>();

/** The real and synthetic slot codes of a column for contingency counting (computed once per column). */
export function slotted(c: ColumnPair, bins = CONTINGENCY_BINS): { real: Slotted; synthetic: Slotted } {
  const cache = memo(caches, bins, () => new WeakMap());
  return memo(cache, c, () =>
    c.kind === 'continuous'
      ? { real: slotsOfValues(c.real, bins), synthetic: slotsOfValues(c.synthetic, bins) }
      : {
          real: slotsOfCodes(c.real, c.labels.length),
          synthetic: slotsOfCodes(c.synthetic, c.labels.length),
        },
  );
}
