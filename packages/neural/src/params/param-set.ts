import type { Rng } from '@synthkit/core';
import { SynthkitError } from '@synthkit/core';
import * as tf from '@tensorflow/tfjs';
import { concatFloat32 } from './concat-float32.js';

export interface ParamSpec {
  readonly name: string;
  readonly shape: readonly number[];
  /** 'uniform': U(−1/√fanIn, 1/√fanIn), PyTorch's nn.Linear default; 'ones'/'zeros'/constant otherwise. */
  readonly init: { kind: 'uniform'; fanIn: number } | { kind: 'constant'; value: number };
}

/**
 * The trainable parameters of one network: one variable per tensor, addressed by name, with a flat
 * Float32Array view for saving and checkpoints. (A single flat variable split into views was tried:
 * tfjs-wasm's split/slice of a 300k-value vector costs ~13 ms, more than the per-tensor optimiser
 * launches it saves at ~27 µs each.)
 */
export class ParamSet {
  readonly specs: readonly ParamSpec[];
  readonly sizes: readonly number[];
  readonly size: number;
  readonly variables: readonly tf.Variable[];
  private readonly byName: Record<string, tf.Variable>;

  constructor(specs: readonly ParamSpec[], rng: Rng) {
    this.specs = specs;
    this.sizes = specs.map((s) => s.shape.reduce((a, b) => a * b, 1));
    this.size = this.sizes.reduce((a, b) => a + b, 0);
    this.byName = {};
    this.variables = specs.map((s, i) => {
      const n = this.sizes[i]!;
      const init = new Float32Array(n);
      if (s.init.kind === 'uniform') {
        const bound = 1 / Math.sqrt(s.init.fanIn);
        for (let j = 0; j < n; j++) init[j] = (2 * rng.next() - 1) * bound;
      } else init.fill(s.init.value);
      const v = tf.variable(tf.tensor(init, s.shape as number[]), true);
      this.byName[s.name] = v;
      return v;
    });
  }

  /** The parameter tensors by name. */
  views(): Record<string, tf.Tensor> {
    return this.byName;
  }

  /** All values, in spec order, as one array. */
  read(): Float32Array {
    return concatFloat32(this.variables.map((v) => v.dataSync() as Float32Array));
  }

  write(values: Float32Array, what = 'parameters'): void {
    if (values.length !== this.size)
      throw new SynthkitError(
        'BAD_ARTIFACT',
        `Saved ${what} have ${values.length} values, the network needs ${this.size}`,
        {
          hint: 'The artifact was saved with other network options (layer sizes) or a different table',
        },
      );
    let o = 0;
    tf.tidy(() =>
      this.variables.forEach((v, i) => {
        v.assign(tf.tensor(values.subarray(o, o + this.sizes[i]!), v.shape));
        o += this.sizes[i]!;
      }),
    );
  }

  dispose(): void {
    for (const v of this.variables) v.dispose();
  }
}
