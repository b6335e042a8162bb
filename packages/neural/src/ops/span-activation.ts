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

/**
 * Log-softmax of each span of the softmax part, padded positions ≈ −60 below: [rows, dim − tanhCount].
 * log p = l − log Σ exp(l), with logits clipped to ±LOGIT_LIMIT instead of subtracting each span's
 * max: tfjs's logSoftmax (max, sub, exp, sum, log, sub per bucket) took a third of a TVAE step on
 * wasm, and a softmax is saturated long before |l| = 30, so the clip changes no probability that matters.
 */
export function spanLogSoftmax(x: tf.Tensor2D, layout: NetworkLayout, mask: tf.Tensor2D): tf.Tensor2D {
  const n = x.shape[0];
  const T = layout.tanhCount;
  const logits = tf.clipByValue(
    tf.add(tf.slice(x, [0, T], [n, layout.dim - T]), mask),
    -LOGIT_LIMIT,
    LOGIT_LIMIT,
  );
  const exp = tf.exp(logits);
  const parts = layout.buckets.map((b) => {
    const shape: [number, number, number] = [n, b.count, b.width];
    const lse = tf.log(
      tf.sum(tf.reshape(tf.slice(exp, [0, b.start - T], [n, b.count * b.width]), shape), 2, true),
    );
    const l = tf.reshape(tf.slice(logits, [0, b.start - T], [n, b.count * b.width]), shape);
    return tf.reshape(tf.sub(l, lse), [n, b.count * b.width]) as tf.Tensor2D;
  });
  return parts.length === 1 ? parts[0]! : tf.concat(parts, 1);
}

const LOGIT_LIMIT = 30;
