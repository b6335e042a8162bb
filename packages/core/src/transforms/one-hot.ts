import type { ReversibleTransform } from './transform.js';

export type OneHotState = {
  /** Number of categories: the width of each encoded row. */
  readonly size: number;
};

export interface OneHotMatrix {
  readonly width: number;
  /** Row-major, `width` entries per row, exactly one 1 per row on the way forward. */
  readonly data: Float64Array;
}

/**
 * One-hot encoding of category codes (0..k-1) into a row-major 0/1 matrix. The reverse takes the
 * arg-max of each row, so it also decodes soft outputs such as a network's softmax.
 */
export const oneHot: ReversibleTransform<Int32Array, OneHotMatrix, OneHotState> = {
  name: 'oneHot',
  fit(input) {
    let max = -1;
    for (let i = 0; i < input.length; i++) if (input[i]! > max) max = input[i]!;
    return { size: max + 1 };
  },
  forward(state, input) {
    const width = state.size;
    const data = new Float64Array(input.length * width);
    for (let i = 0; i < input.length; i++) data[i * width + input[i]!] = 1;
    return { width, data };
  },
  reverse(_state, { width, data }) {
    const n = width > 0 ? data.length / width : 0;
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const o = i * width;
      let best = 0;
      for (let k = 1; k < width; k++) if (data[o + k]! > data[o + best]!) best = k;
      out[i] = best;
    }
    return out;
  },
};
