import type { Rng } from '@synthkit/core';
import {
  Adam,
  type DecodeGraph,
  dense,
  ForwardGraph,
  type ForwardSession,
  fillNormal,
  fillNormalQuantized,
  type NetworkLayout,
  type OrtModule,
  ParamSet,
  type ParamSpec,
  paddingMask,
  spanLogSoftmax,
  tf,
} from '@synthkit/neural';

/** Weights and optimiser state at an epoch boundary, the same for both engines. */
export interface TvaeCheckpoint {
  readonly w: Float32Array;
  readonly a: { step: number; m: Float32Array; v: Float32Array };
}

export interface TvaeShape {
  readonly embeddingDim: number;
  readonly compressDims: readonly number[];
  readonly decompressDims: readonly number[];
  readonly lossFactor: number;
}

function mlpSpecs(
  prefix: string,
  inputDim: number,
  hidden: readonly number[],
): { specs: ParamSpec[]; out: number } {
  const specs: ParamSpec[] = [];
  let d = inputDim;
  hidden.forEach((h, i) => {
    specs.push({ name: `${prefix}${i}.w`, shape: [d, h], init: { kind: 'uniform', fanIn: d } });
    specs.push({ name: `${prefix}${i}.b`, shape: [h], init: { kind: 'uniform', fanIn: d } });
    d = h;
  });
  return { specs, out: d };
}

function linear(name: string, nIn: number, nOut: number): ParamSpec[] {
  return [
    { name: `${name}.w`, shape: [nIn, nOut], init: { kind: 'uniform', fanIn: nIn } },
    { name: `${name}.b`, shape: [nOut], init: { kind: 'uniform', fanIn: nIn } },
  ];
}

/**
 * TVAE (Xu et al., 2019, §3 and Appendix): an MLP encoder to the mean and log-variance of a Gaussian
 * latent, an MLP decoder back to the network layout, and a learned per-column σ for the α values.
 * One ParamSet holds both halves since one optimiser trains them together.
 */
export class TvaeNetwork {
  readonly params: ParamSet;
  readonly adam: Adam;
  private readonly mask: tf.Tensor2D;

  constructor(
    readonly shape: TvaeShape,
    readonly layout: NetworkLayout,
    rng: Rng,
    adam: { learningRate: number; weightDecay: number },
  ) {
    const enc = mlpSpecs('enc', layout.dim, shape.compressDims);
    const dec = mlpSpecs('dec', shape.embeddingDim, shape.decompressDims);
    const specs = [
      ...enc.specs,
      ...linear('mu', enc.out, shape.embeddingDim),
      ...linear('logvar', enc.out, shape.embeddingDim),
      ...dec.specs,
      ...linear('out', dec.out, layout.dim),
      {
        name: 'sigma',
        shape: [Math.max(1, layout.tanhCount)],
        init: { kind: 'constant', value: 0.1 },
      } satisfies ParamSpec,
    ];
    this.params = new ParamSet(specs, rng);
    this.adam = new Adam(this.params, {
      learningRate: adam.learningRate,
      beta1: 0.9,
      beta2: 0.999,
      weightDecay: adam.weightDecay,
    });
    this.mask = paddingMask(layout);
  }

  decode(z: tf.Tensor2D): tf.Tensor2D {
    const p = this.params.views();
    let h = z;
    for (let i = 0; i < this.shape.decompressDims.length; i++)
      h = tf.relu(dense(h, p[`dec${i}.w`]!, p[`dec${i}.b`]!));
    return dense(h, p['out.w']!, p['out.b']!);
  }

  /** The loss of a batch (ELBO with the reconstruction term weighted by lossFactor) and its parts. */
  loss(x: tf.Tensor2D, eps: tf.Tensor2D): { total: tf.Scalar; reconstruction: tf.Scalar; kl: tf.Scalar } {
    const p = this.params.views();
    const n = x.shape[0];
    const T = this.layout.tanhCount;
    let h = x;
    for (let i = 0; i < this.shape.compressDims.length; i++)
      h = tf.relu(dense(h, p[`enc${i}.w`]!, p[`enc${i}.b`]!));
    const mu = dense(h, p['mu.w']!, p['mu.b']!);
    const logvar = dense(h, p['logvar.w']!, p['logvar.b']!);
    const z: tf.Tensor2D = tf.add(mu, tf.mul(eps, tf.exp(tf.mul(logvar, 0.5))));
    const rec = this.decode(z);
    let sum: tf.Tensor = tf.neg(
      tf.sum(
        tf.mul(tf.slice(x, [0, T], [n, this.layout.dim - T]), spanLogSoftmax(rec, this.layout, this.mask)),
      ),
    );
    if (T > 0) {
      const sigma = tf.slice(p.sigma!, [0], [T]);
      const diff = tf.sub(tf.slice(x, [0, 0], [n, T]), tf.tanh(tf.slice(rec, [0, 0], [n, T])));
      const gauss = tf.sum(tf.div(tf.square(diff), tf.mul(tf.square(sigma), 2)));
      sum = tf.add(sum, tf.add(gauss, tf.mul(tf.sum(tf.log(sigma)), n)));
    }
    const kl = tf.div(
      tf.mul(tf.sum(tf.sub(tf.sub(tf.add(logvar, 1), tf.square(mu)), tf.exp(logvar))), -0.5),
      n,
    ) as tf.Scalar;
    const reconstruction = tf.div(tf.mul(sum, this.shape.lossFactor), n) as tf.Scalar;
    return { total: tf.add(reconstruction, kl) as tf.Scalar, reconstruction, kl };
  }

  /**
   * One Adam step on rows `batch` (network layout, row-major); σ is then kept in [0.01, 1]. The
   * latent noise is drawn as on the onnx engine, so both engines see the same ε from the same Rng.
   */
  step(batch: Float32Array, n: number, rng: Rng): { loss: number; reconstruction: number; kl: number } {
    const E = this.shape.embeddingDim;
    const noise = fillNormalQuantized(rng, new Float32Array(n * E));
    return tf.tidy(() => {
      const x = tf.tensor2d(batch, [n, this.layout.dim]);
      const eps = tf.tensor2d(noise, [n, E]);
      let parts = { loss: 0, reconstruction: 0, kl: 0 };
      const { grads } = tf.variableGrads(() => {
        const l = this.loss(x, eps);
        parts = {
          loss: l.total.dataSync()[0]!,
          reconstruction: l.reconstruction.dataSync()[0]!,
          kl: l.kl.dataSync()[0]!,
        };
        return l.total;
      }, this.params.variables as tf.Variable[]);
      this.adam.apply(grads);
      const sigma = this.params.views().sigma as tf.Variable;
      sigma.assign(tf.clipByValue(sigma, 0.01, 1));
      return parts;
    });
  }

  /** Held-out loss with fixed noise (for early stopping). */
  evaluate(rows: Float32Array, n: number, rng: Rng): number {
    return tf.tidy(() => {
      const x = tf.tensor2d(rows, [n, this.layout.dim]);
      const eps = tf.tensor2d(fillNormal(rng, new Float32Array(n * this.shape.embeddingDim)), [
        n,
        this.shape.embeddingDim,
      ]);
      return this.loss(x, eps).total.dataSync()[0]!;
    });
  }

  /** Raw decoder output for latent noise (row-major chunk × embeddingDim), and σ per tanh column. */
  generate(noise: Float32Array, n: number): { raw: Float32Array; sigma: Float32Array } {
    // Typed arrays are read outside tidy: tidy walks whatever it returns, element by element.
    const out = tf.tidy(() => this.decode(tf.tensor2d(noise, [n, this.shape.embeddingDim])));
    const raw = out.dataSync() as Float32Array;
    out.dispose();
    const sigma = (this.params.views().sigma!.dataSync() as Float32Array).slice(0, this.layout.tanhCount);
    return { raw, sigma };
  }

  /**
   * The decoder as an onnxruntime session for sampling: input `z` (latent normals, rows ×
   * embeddingDim); weights copied in. With a
   * DecodeGraph the session also decodes (its inputs added, its output instead of the raw rows).
   */
  async decoderSession(ort: OrtModule, decode?: DecodeGraph): Promise<ForwardSession> {
    const p = this.params.views();
    const data = (name: string) => p[name]!.dataSync() as Float32Array;
    const E = this.shape.embeddingDim;
    const f = new ForwardGraph({ z: E, ...decode?.inputs });
    let x = 'z';
    let width = E;
    this.shape.decompressDims.forEach((h, i) => {
      x = f.relu(f.dense(x, data(`dec${i}.w`), data(`dec${i}.b`), width, h));
      width = h;
    });
    const raw = f.dense(x, data('out.w'), data('out.b'), width, this.layout.dim);
    return decode
      ? f.session(ort, decode.append(f, raw), decode.outputWidth)
      : f.session(ort, raw, this.layout.dim);
  }

  /** σ of each tanh column. */
  sigmas(): Float32Array {
    return (this.params.views().sigma!.dataSync() as Float32Array).slice(0, this.layout.tanhCount);
  }

  checkpoint(): TvaeCheckpoint {
    return { w: this.params.read(), a: this.adam.state() };
  }

  restore(c: TvaeCheckpoint): void {
    this.params.write(c.w);
    this.adam.load(c.a);
  }

  dispose(): void {
    this.params.dispose();
    this.adam.dispose();
    this.mask.dispose();
  }
}
