import { tf } from '@synthkit/neural';
import type { SidecarLayout } from '../encoder/sidecar.js';

/** Added to padding positions so they carry no probability (exp underflows to exactly 0). */
const PAD = -1e9;

/**
 * Log-softmax over each categorical span of a [rows, Σ K] tensor in one logSoftmax kernel: the
 * spans are scattered into a [rows, nCat, maxK] block by a 0/1 matrix product (exact: each output
 * is one input times 1), padding gets −1e9, and the result is gathered back by the transposed
 * matrix. Same values and gradients as a slice + logSoftmax + concat per span, in ~6 kernels
 * instead of ~3 per column (tfjs-wasm's per-kernel overhead dominated the loss). A matrix product
 * is used rather than gather because tfjs-wasm has no gradient for gather (UnsortedSegmentSum).
 */
export function spanLogSoftmax(x: tf.Tensor2D, layout: SidecarLayout): tf.Tensor2D {
  const rows = x.shape[0];
  const nCat = layout.spanSize.length;
  if (nCat === 1) return tf.logSoftmax(x);
  const { scatter, gather, pad, maxK } = spanScatter(layout);
  const padded = tf.reshape(tf.add(tf.matMul(x, scatter), pad), [rows, nCat, maxK]);
  return tf.matMul(tf.reshape(tf.logSoftmax(padded), [rows, nCat * maxK]), gather);
}

/** The constant matrices of `spanLogSoftmax`, [Σ K, nCat·maxK] and its transpose, and the pad row. */
function spanScatter(layout: SidecarLayout): {
  scatter: tf.Tensor2D;
  gather: tf.Tensor2D;
  pad: tf.Tensor2D;
  maxK: number;
} {
  const nNum = layout.numerical.length;
  const nCat = layout.spanSize.length;
  const catWidth = layout.width - nNum;
  let maxK = 0;
  for (const K of layout.spanSize) maxK = Math.max(maxK, K);
  const wide = nCat * maxK;
  const s = new Float32Array(catWidth * wide);
  const g = new Float32Array(wide * catWidth);
  const pad = new Float32Array(wide).fill(PAD);
  for (let c = 0; c < nCat; c++)
    for (let k = 0; k < layout.spanSize[c]!; k++) {
      const from = layout.spanStart[c]! - nNum + k;
      const to = c * maxK + k;
      s[from * wide + to] = 1;
      g[to * catWidth + from] = 1;
      pad[to] = 0;
    }
  return {
    scatter: tf.tensor2d(s, [catWidth, wide]),
    gather: tf.tensor2d(g, [wide, catWidth]),
    pad: tf.tensor2d(pad, [1, wide]),
    maxK,
  };
}
