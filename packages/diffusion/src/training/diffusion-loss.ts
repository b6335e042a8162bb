import { tf } from '@synthkit/neural';
import type { SidecarLayout } from '../encoder/sidecar.js';

/** The batch constants of `TrainingBatch` as tensors. */
export interface LossInputs {
  readonly eps: tf.Tensor2D;
  readonly logA: tf.Tensor2D;
  readonly logAlphaBarPrev: tf.Tensor2D; // [rows, 1]
  readonly logC: tf.Tensor2D;
  readonly theta: tf.Tensor2D;
  readonly negEntropy: number;
}

/**
 * TabDDPM's mixed loss (Kotelnikov et al., 2023, eq. 5): the ε-prediction MSE of the numerical part
 * plus, per categorical column, KL(q(x_{t−1} | x_t, x₀) ‖ p_θ(x_{t−1} | x_t)) averaged over columns,
 * with p_θ the multinomial posterior at the predicted x̂₀ (Hoogeboom et al., 2021), all in log space:
 *   log θ̂ = logsoftmax_span(log A + logaddexp(log ᾱ_{t−1} + logsoftmax_span(logits), log c)).
 * At t = 0 (ᾱ_{t−1} = 1) this KL is the decoder's negative log-likelihood of x₀. With t drawn
 * uniformly the KL is divided by p(t) = 1/T (Hoogeboom et al.'s L_t/p_t, kept by TabDDPM), which
 * makes it an estimate of the whole variational bound and weighs it against the MSE as there.
 */
export function diffusionLoss(
  out: tf.Tensor2D,
  b: LossInputs,
  layout: SidecarLayout,
  T: number,
): { loss: tf.Scalar; gaussian: tf.Scalar; multinomial: tf.Scalar } {
  const rows = out.shape[0];
  const nNum = layout.numerical.length;
  const nCat = layout.categorical.length;
  const zero = tf.scalar(0);
  const gaussian =
    nNum > 0 ? tf.mean(tf.squaredDifference(tf.slice(out, [0, 0], [rows, nNum]), b.eps)) : zero;
  if (nCat === 0) return { loss: gaussian as tf.Scalar, gaussian: gaussian as tf.Scalar, multinomial: zero };
  const logits = tf.slice(out, [0, nNum], [rows, layout.width - nNum]);
  const logP0 = spanLogSoftmax(logits, layout);
  const u = tf.add(logAddExp(tf.add(logP0, b.logAlphaBarPrev), b.logC), b.logA) as tf.Tensor2D;
  const logTheta = spanLogSoftmax(u, layout);
  const cross = tf.div(tf.sum(tf.mul(b.theta, logTheta)), rows);
  const multinomial = tf.mul(tf.sub(b.negEntropy, cross), T / nCat) as tf.Scalar;
  return { loss: tf.add(gaussian, multinomial) as tf.Scalar, gaussian: gaussian as tf.Scalar, multinomial };
}

/** log-softmax over each categorical column's span of a [rows, Σ K] tensor. */
function spanLogSoftmax(x: tf.Tensor2D, layout: SidecarLayout): tf.Tensor2D {
  const rows = x.shape[0];
  const nNum = layout.numerical.length;
  const parts = Array.from(layout.spanSize, (K, c) =>
    tf.logSoftmax(tf.slice(x, [0, layout.spanStart[c]! - nNum], [rows, K])),
  );
  return parts.length === 1 ? (parts[0] as tf.Tensor2D) : tf.concat(parts, 1);
}

/** log(eᵃ + eᵇ) = max(a, b) + log(1 + e^−|a−b|), finite for finite inputs. */
function logAddExp(a: tf.Tensor, b: tf.Tensor): tf.Tensor {
  return tf.add(tf.maximum(a, b), tf.log(tf.add(1, tf.exp(tf.neg(tf.abs(tf.sub(a, b)))))));
}
