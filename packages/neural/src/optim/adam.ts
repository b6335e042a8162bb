import * as tf from '@tensorflow/tfjs';
import { concatFloat32 } from '../params/concat-float32.js';
import type { ParamSet } from '../params/param-set.js';

export interface AdamOptions {
  readonly learningRate: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon?: number;
  /** L2 penalty added to the gradient, as PyTorch's Adam(weight_decay) (not decoupled AdamW). */
  readonly weightDecay?: number;
}

/**
 * Adam (Kingma & Ba, 2015, Algorithm 1) over a ParamSet, with PyTorch's placement of
 * ε (after the bias-corrected square root) so hyper-parameters mean what they mean in torch.
 * Its moments and step count are plain state, saved with a checkpoint for resuming.
 */
export class Adam {
  readonly options: AdamOptions;
  private readonly params: ParamSet;
  private readonly m: tf.Variable[];
  private readonly v: tf.Variable[];
  step = 0;

  constructor(params: ParamSet, options: AdamOptions) {
    this.options = options;
    this.params = params;
    this.m = params.variables.map((p) => tf.variable(tf.zerosLike(p), false));
    this.v = params.variables.map((p) => tf.variable(tf.zerosLike(p), false));
  }

  /** One update from `grads` keyed by variable name (as tf.variableGrads returns them). */
  apply(grads: tf.NamedTensorMap): void {
    this.step++;
    const { learningRate: lr, beta1: b1, beta2: b2 } = this.options;
    const eps = this.options.epsilon ?? 1e-8;
    const wd = this.options.weightDecay ?? 0;
    const bc1 = 1 - b1 ** this.step;
    const bc2 = 1 - b2 ** this.step;
    tf.tidy(() => {
      this.params.variables.forEach((param, i) => {
        const grad = grads[param.name];
        if (!grad) return;
        const g = wd > 0 ? tf.add(grad, tf.mul(param, wd)) : grad;
        const m = tf.add(tf.mul(this.m[i]!, b1), tf.mul(g, 1 - b1));
        const v = tf.add(tf.mul(this.v[i]!, b2), tf.mul(tf.square(g), 1 - b2));
        this.m[i]!.assign(m);
        this.v[i]!.assign(v);
        const denom = tf.add(tf.mul(tf.sqrt(v), 1 / Math.sqrt(bc2)), eps);
        param.assign(tf.sub(param, tf.mul(tf.div(m, denom), lr / bc1)));
      });
    });
  }

  state(): { step: number; m: Float32Array; v: Float32Array } {
    return { step: this.step, m: flatten(this.m), v: flatten(this.v) };
  }

  load(state: { step: number; m: Float32Array; v: Float32Array }): void {
    this.step = state.step;
    tf.tidy(() => {
      let o = 0;
      this.m.forEach((m, i) => {
        const n = m.size;
        m.assign(tf.tensor(state.m.subarray(o, o + n), m.shape));
        this.v[i]!.assign(tf.tensor(state.v.subarray(o, o + n), m.shape));
        o += n;
      });
    });
  }

  dispose(): void {
    for (const t of [...this.m, ...this.v]) t.dispose();
  }
}

function flatten(vars: readonly tf.Variable[]): Float32Array {
  return concatFloat32(vars.map((v) => v.dataSync() as Float32Array));
}
