import { type ParamSet, tf } from '@synthkit/neural';

/**
 * AdamW (Loshchilov & Hutter, 2019, Algorithm 2) over a ParamSet: Adam with the weight decay applied
 * to the weights (θ ← θ·(1 − lr·λ)) instead of added to the gradient, ε after the bias-corrected
 * square root as in PyTorch, and the learning rate passed per step so it can be annealed (TabDDPM
 * decays it linearly to 0). @synthkit/neural's Adam is the coupled-L2, fixed-rate variant.
 */
export class AdamW {
  // one flat m and v over all parameters: a handful of kernels per step instead of ~15 per tensor
  private readonly m: tf.Variable;
  private readonly v: tf.Variable;
  step = 0;

  constructor(
    private readonly params: ParamSet,
    private readonly beta1 = 0.9,
    private readonly beta2 = 0.999,
    private readonly epsilon = 1e-8,
  ) {
    this.m = tf.tidy(() => tf.variable(tf.zeros([params.size]), false));
    this.v = tf.tidy(() => tf.variable(tf.zeros([params.size]), false));
  }

  /** One update from `grads` keyed by variable name (as tf.variableGrads returns them); all are needed. */
  apply(grads: tf.NamedTensorMap, lr: number, weightDecay: number): void {
    this.step++;
    const bc1 = 1 - this.beta1 ** this.step;
    const bc2 = 1 - this.beta2 ** this.step;
    tf.tidy(() => {
      const vars = this.params.variables;
      const g = tf.concat(
        vars.map((p) => {
          const grad = grads[p.name];
          if (!grad) throw new Error(`AdamW: no gradient for ${p.name}`);
          return tf.reshape(grad, [-1]);
        }),
      );
      const m = tf.add(tf.mul(this.m, this.beta1), tf.mul(g, 1 - this.beta1));
      const v = tf.add(tf.mul(this.v, this.beta2), tf.mul(tf.square(g), 1 - this.beta2));
      this.m.assign(m);
      this.v.assign(v);
      const denom = tf.add(tf.mul(tf.sqrt(v), 1 / Math.sqrt(bc2)), this.epsilon);
      const steps = tf.split(tf.mul(tf.div(m, denom), lr / bc1), [...this.params.sizes]);
      vars.forEach((param, i) => {
        const decayed = weightDecay > 0 ? tf.mul(param, 1 - lr * weightDecay) : param;
        param.assign(tf.sub(decayed, tf.reshape(steps[i]!, param.shape)));
      });
    });
  }

  dispose(): void {
    this.m.dispose();
    this.v.dispose();
  }
}
