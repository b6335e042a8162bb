import {
  type DiscreteViewColumn,
  type FrequencyIntervalState,
  frequencyIntervalBounds,
  normalQuantile,
} from '@synthkit/core';

const CELLS = 1024;
const CELL_Z = 8;
const CELL_SCALE = CELLS / (2 * CELL_Z);

/**
 * A discrete view column of a fitted copula: frequency intervals of [0, 1] (core's
 * frequencyInterval), carried to the latent scale as cut points Φ⁻¹(cut), so a latent score maps to
 * its category with a binary search and no Φ.
 */
export class DiscreteColumn {
  readonly kind = 'discrete';
  readonly name: string;
  readonly labels: readonly string[];
  readonly state: FrequencyIntervalState;
  /** Codes in interval order (non-empty ones only). */
  private readonly order: Int32Array;
  /** zCuts[j] = Φ⁻¹(end of the j-th interval), for all but the last non-empty one. */
  private readonly zCuts: Float64Array;
  private readonly zLower: Float64Array;
  private readonly zUpper: Float64Array;
  /** Interval index at the left edge of each of CELLS equal cells of [−CELL_Z, CELL_Z]. */
  private readonly cellStart: Int32Array;

  constructor(name: string, labels: readonly string[], state: FrequencyIntervalState) {
    this.name = name;
    this.labels = labels;
    this.state = state;
    const b = frequencyIntervalBounds(state);
    this.order = b.order.slice(0, b.nonEmpty);
    this.zCuts = Float64Array.from(b.cuts.subarray(0, b.nonEmpty - 1), normalQuantile);
    this.zLower = Float64Array.from(b.lower, normalQuantile);
    this.zUpper = Float64Array.from(b.upper, normalQuantile);
    this.cellStart = new Int32Array(CELLS);
    let j = 0;
    for (let t = 0; t < CELLS; t++) {
      const edge = -CELL_Z + t / CELL_SCALE;
      while (j < this.zCuts.length && edge >= this.zCuts[j]!) j++;
      this.cellStart[t] = t === 0 ? 0 : j;
    }
  }

  /** Latent interval of a category, or undefined when it never occurred in the fitted data. */
  zInterval(code: number): [number, number] | undefined {
    if (!(code >= 0 && code < this.labels.length) || !(this.state.counts[code]! > 0)) return undefined;
    return [this.zLower[code]!, this.zUpper[code]!];
  }

  /** An empty output column of n rows, filled by `write`. */
  allocate(n: number): DiscreteViewColumn {
    return { kind: 'discrete', name: this.name, codes: new Int32Array(n), labels: this.labels };
  }

  /** Writes the categories of latent scores z[0..n) into out at rows offset.. */
  write(z: Float64Array, n: number, out: DiscreteViewColumn, offset: number): void {
    const codes = out.codes;
    const cuts = this.zCuts;
    const order = this.order;
    const start = this.cellStart;
    const m = cuts.length;
    for (let i = 0; i < n; i++) {
      const v = z[i]!;
      // Start from the interval at the left edge of v's grid cell; a cell rarely holds a cut.
      let t = ((v + CELL_Z) * CELL_SCALE) | 0;
      t = t < 0 ? 0 : Math.min(t, CELLS - 1);
      let j = start[t]!;
      while (j < m && v >= cuts[j]!) j++;
      codes[offset + i] = order[j]!;
    }
  }
}
