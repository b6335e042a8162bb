import { type ParamSet, tf } from '@synthkit/neural';

/**
 * AdamW (Loshchilov & Hutter, 2019, Algorithm 2) over a ParamSet: Adam with the weight decay applied
 * to the weights (θ ← θ·(1 − lr·λ)) instead of added to the gradient, ε after the bias-corrected
 * square root as in PyTorch, and the learning rate passed per step so it can be annealed (TabDDPM
 * decays it linearly to 0). @synthkit/neural's Adam is the coupled-L2, fixed-rate variant.
 */
export class AdamW {
  private readonly m: tf.Variable[];
  private readonly v: tf.Variable[];
  step = 0;

  constructor(
    private readonly params: ParamSet,
    private readonly beta1 = 0.9,
    private readonly beta2 = 0.999,
    private readonly epsilon = 1e-8,
  ) {
    this.m = params.variables.map((p) => tf.variable(tf.zerosLike(p), false));
    this.v = params.variables.map((p) => tf.variable(tf.zerosLike(p), false));
  }

  /** One update from `grads` keyed by variable name (as tf.variableGrads returns them). */
  apply(grads: tf.NamedTensorMap, lr: number, weightDecay: number): void {
    this.step++;
    const bc1 = 1 - this.beta1 ** this.step;
    const bc2 = 1 - this.beta2 ** this.step;
    tf.tidy(() => {
      this.params.variables.forEach((param, i) => {
        const grad = grads[param.name];
        if (!grad) return;
        const m = tf.add(tf.mul(this.m[i]!, this.beta1), tf.mul(grad, 1 - this.beta1));
        const v = tf.add(tf.mul(this.v[i]!, this.beta2), tf.mul(tf.square(grad), 1 - this.beta2));
        this.m[i]!.assign(m);
        this.v[i]!.assign(v);
        const denom = tf.add(tf.mul(tf.sqrt(v), 1 / Math.sqrt(bc2)), this.epsilon);
        const decayed = weightDecay > 0 ? tf.mul(param, 1 - lr * weightDecay) : param;
        param.assign(tf.sub(decayed, tf.mul(tf.div(m, denom), lr / bc1)));
      });
    });
  }

  dispose(): void {
    for (const t of [...this.m, ...this.v]) t.dispose();
  }
}
