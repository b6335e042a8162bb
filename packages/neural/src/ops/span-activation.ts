import * as tf from '@tensorflow/tfjs';
import type { NetworkLayout } from '../layout/network-layout.js';

const MASKED = -1e9;

/** −1e9 at padding positions of the softmax part, as a [1, width] tensor (kept by the caller). */
export function paddingMask(layout: NetworkLayout): tf.Tensor2D {
  return tf.tensor2d(
    layout.padding.map((p) => (p ? MASKED : 0)),
    [1, layout.padding.length],
  );
}

/**
 * tanh on the tanh columns and a softmax over each span of the rest. With `gumbel` noise and a
 * temperature τ it is the Gumbel-softmax relaxation (Jang et al., 2017): softmax((l + g)/τ).
 */
export function activateSpans(
  x: tf.Tensor2D,
  layout: NetworkLayout,
  mask: tf.Tensor2D,
  gumbel?: { noise: tf.Tensor2D; tau: number },
): tf.Tensor2D {
  const n = x.shape[0];
  const T = layout.tanhCount;
  const parts: tf.Tensor2D[] = [];
  if (T > 0) parts.push(tf.tanh(tf.slice(x, [0, 0], [n, T])));
  let logits = tf.slice(x, [0, T], [n, layout.dim - T]);
  if (gumbel) logits = tf.div(tf.add(logits, gumbel.noise), gumbel.tau);
  logits = tf.add(logits, mask);
  for (const b of layout.buckets) {
    const part = tf.slice(logits, [0, b.start - T], [n, b.count * b.width]);
    parts.push(tf.reshape(tf.softmax(tf.reshape(part, [n, b.count, b.width])), [n, b.count * b.width]));
  }
  return parts.length === 1 ? parts[0]! : tf.concat(parts, 1);
}

/** Log-softmax of each span of the softmax part, padded positions ≈ −1e9: [rows, dim − tanhCount]. */
export function spanLogSoftmax(x: tf.Tensor2D, layout: NetworkLayout, mask: tf.Tensor2D): tf.Tensor2D {
  const n = x.shape[0];
  const T = layout.tanhCount;
  const logits = tf.add(tf.slice(x, [0, T], [n, layout.dim - T]), mask);
  const parts = layout.buckets.map((b) => {
    const part = tf.slice(logits, [0, b.start - T], [n, b.count * b.width]);
    return tf.reshape(tf.logSoftmax(tf.reshape(part, [n, b.count, b.width])), [
      n,
      b.count * b.width,
    ]) as tf.Tensor2D;
  });
  return parts.length === 1 ? parts[0]! : tf.concat(parts, 1);
}
