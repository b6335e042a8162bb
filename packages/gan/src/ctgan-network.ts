import type { Rng } from '@synthkit/core';
import {
  Adam,
  activateSpans,
  type ConditionalSampler,
  type DecodeGraph,
  ForwardGraph,
  type ForwardSession,
  MICROSOFT_DOMAIN,
  type NetworkLayout,
  type OrtModule,
  type ParamSet,
  paddingMask,
  quantizeColumns,
  RunningStats,
  spanLogSoftmax,
  type TabularEncoder,
  tf,
} from '@synthkit/neural';
import type { StepInputs } from './ctgan-step-inputs.js';
import { createDiscriminator, discriminatorForward, gradientPenalty } from './discriminator.js';
import { createGenerator, generatorForward } from './generator.js';

/** For each conditional-vector position, the column of the softmax part (network layout) it names. */
export function conditionTargets(
  encoder: TabularEncoder,
  sampler: ConditionalSampler,
  layout: NetworkLayout,
): Int32Array {
  const targets = new Int32Array(sampler.dim);
  for (const c of sampler.columns) {
    const enc = encoder.columns[c.view]!;
    for (let k = 0; k < c.size; k++)
      targets[c.offset + k] = layout.fromEncoded[enc.offset + k]! - layout.tanhCount;
  }
  return targets;
}

type Optimiser = { step: number; m: Float32Array; v: Float32Array };

/** Weights, Adam states and running statistics, the same for both engines (flat, in spec order). */
export interface CtganCheckpoint {
  readonly g: Float32Array;
  readonly bn: Float32Array;
  readonly d: Float32Array;
  readonly ag: Optimiser;
  readonly ad: Optimiser;
}

// A type alias (not an interface) so it is assignable to trainLoop's Record<string, number>.
export type CtganLosses = { lossG: number; lossD: number; penalty: number; conditionLoss: number };

/**
 * Arithmetic of the generator's dense layers when sampling on onnxruntime: int8 weights with one
 * scale per output column and activations quantised per call (onnxruntime's DynamicQuantizeMatMul;
 * the trained float weights are the source, nothing is re-trained), or float32.
 */
export type SamplingPrecision = 'int8' | 'float32';

export interface CtganShape {
  readonly embeddingDim: number;
  readonly generatorDim: readonly number[];
  readonly discriminatorDim: readonly number[];
  readonly pac: number;
  readonly tau: number;
}

/** Generator, critic, their optimisers and one training step (Xu et al., 2019, Algorithm 1). */
export class CtganNetwork {
  readonly shape: CtganShape;
  readonly layout: NetworkLayout;
  readonly condDim: number;
  readonly generator: ParamSet;
  readonly discriminator: ParamSet;
  /** Running batch-norm statistics of the generator, used when sampling. */
  readonly stats: RunningStats;
  readonly adamG: Adam;
  readonly adamD: Adam;
  private readonly mask: tf.Tensor2D;

  constructor(
    shape: CtganShape,
    layout: NetworkLayout,
    condDim: number,
    /** For each conditional-vector position, the column of the softmax part (network layout) it names. */
    readonly condTargets: Int32Array,
    rng: Rng,
    adam: { lrG: number; lrD: number; decayG: number; decayD: number },
  ) {
    this.shape = shape;
    this.layout = layout;
    this.condDim = condDim;
    this.generator = createGenerator(
      shape.embeddingDim + condDim,
      shape.generatorDim,
      layout.dim,
      rng.fork('generator'),
    );
    this.stats = new RunningStats(shape.generatorDim);
    this.discriminator = createDiscriminator(
      shape.pac * (layout.dim + condDim),
      shape.discriminatorDim,
      rng.fork('discriminator'),
    );
    this.adamG = new Adam(this.generator, {
      learningRate: adam.lrG,
      beta1: 0.5,
      beta2: 0.9,
      weightDecay: adam.decayG,
    });
    this.adamD = new Adam(this.discriminator, {
      learningRate: adam.lrD,
      beta1: 0.5,
      beta2: 0.9,
      weightDecay: adam.decayD,
    });
    this.mask = paddingMask(layout);
  }

  /** Raw generator output (network layout) for noise+condition rows [n, embeddingDim + condDim]. */
  generate(input: Float32Array, n: number): Float32Array {
    // Read outside tidy: tidy walks whatever it returns, a typed array element by element.
    const out = tf.tidy(() => {
      const x = tf.tensor2d(input, [n, this.shape.embeddingDim + this.condDim]);
      return generatorForward(this.generator, this.stats, x, false);
    });
    const raw = out.dataSync() as Float32Array;
    out.dispose();
    return raw;
  }

  /**
   * The generator as an onnxruntime session for sampling: inputs `z` (normal noise, rows ×
   * embeddingDim) and `c` (one value
   * per row: where its conditional vector's 1 sits, ConditionalSampler.indices; only when there are
   * discrete columns); weights and running statistics copied in. With a DecodeGraph the session
   * also decodes (its inputs added, its output instead of the raw rows).
   */
  async generatorSession(
    ort: OrtModule,
    decode?: DecodeGraph,
    options: { threads?: number; precision?: SamplingPrecision } = {},
  ): Promise<ForwardSession> {
    const { threads = 0, precision = 'int8' } = options;
    const p = this.generator.views();
    const data = (t: tf.Tensor) => t.dataSync() as Float32Array;
    const E = this.shape.embeddingDim;
    const C = this.condDim;
    const f = new ForwardGraph({ z: E, ...(C > 0 ? { c: 1 } : {}), ...decode?.inputs });
    const condIndex =
      C > 0
        ? f.g.op('Cast', [f.g.op('Reshape', ['c', f.g.int64Tensor('c_flat', [-1], [1])])], { to: 7 })
        : '';
    // A layer's input is [h_k, …, h_1, noise, condition] (residual concatenations). Instead of
    // concatenating, each part multiplies its own block of W's rows and the Gemms accumulate (ORT's
    // Gemm C input); the condition's part is one row of W per row (Gather), with the bias folded in;
    // the sampling batch norm (fixed running statistics) is folded into W and b as well.
    const layer = (
      parts: readonly { node: string; width: number }[],
      w: Float32Array,
      b: Float32Array,
      nOut: number,
      id: string,
      norm?: { scale: Float32Array; shift: Float32Array },
    ): string => {
      const at = (row: number, j: number) => w[row * nOut + j]! * (norm ? norm.scale[j]! : 1);
      const bias = Float64Array.from(b, (v, j) => (norm ? v * norm.scale[j]! + norm.shift[j]! : v));
      let row = 0;
      const blocks = parts.map((part) => {
        const block = new Float32Array(part.width * nOut);
        for (let r = 0; r < part.width; r++)
          for (let j = 0; j < nOut; j++) block[r * nOut + j] = at(row + r, j);
        row += part.width;
        return block;
      });
      let acc: string;
      if (C > 0) {
        const table = new Float32Array(C * nOut);
        for (let r = 0; r < C; r++)
          for (let j = 0; j < nOut; j++) table[r * nOut + j] = at(row + r, j) + bias[j]!;
        acc = f.g.op('Gather', [f.g.floatTensor(`cond_${id}`, table, [C, nOut]), condIndex], { axis: 0 });
      } else acc = f.g.floatTensor(`bias_${id}`, Float32Array.from(bias), [nOut]);
      for (let k = parts.length - 1; k >= 0; k--) {
        const width = parts[k]!.width;
        if (precision === 'float32') {
          acc = f.g.op('Gemm', [
            parts[k]!.node,
            f.g.floatTensor(`w_${id}_${k}`, blocks[k]!, [width, nOut]),
            acc,
          ]);
          continue;
        }
        // int8 weights (per-column scales), activations quantised per call by onnxruntime.
        const { q, scale } = quantizeColumns(blocks[k]!, width, nOut);
        const product = f.g.op(
          'DynamicQuantizeMatMul',
          [
            parts[k]!.node,
            f.g.int8Tensor(`q_${id}_${k}`, q, [width, nOut]),
            f.g.floatTensor(`s_${id}_${k}`, scale, [nOut]),
          ],
          {},
          undefined,
          MICROSOFT_DOMAIN,
        );
        acc = f.g.op('Add', [product, acc]);
      }
      return acc;
    };
    let parts = [{ node: 'z', width: E }];
    this.shape.generatorDim.forEach((h, i) => {
      const gamma = data(p[`res${i}.gamma`]!);
      const beta = data(p[`res${i}.beta`]!);
      const mean = data(this.stats.means[i]!);
      const variance = data(this.stats.variances[i]!);
      const scale = Float32Array.from(gamma, (g, j) => g / Math.sqrt(variance[j]! + 1e-5));
      const shift = Float32Array.from(beta, (be, j) => be - mean[j]! * scale[j]!);
      const y = layer(parts, data(p[`res${i}.w`]!), data(p[`res${i}.b`]!), h, `res${i}`, { scale, shift });
      parts = [{ node: f.relu(y), width: h }, ...parts];
    });
    const raw = layer(parts, data(p['out.w']!), data(p['out.b']!), this.layout.dim, 'out');
    return decode
      ? f.session(ort, decode.append(f, raw), decode.outputWidth, threads)
      : f.session(ort, raw, this.layout.dim, threads);
  }

  /**
   * One iteration on TensorFlow.js: a critic update per entry of `inputs.critic`, then one generator
   * update (Xu et al., 2019, Algorithm 1), with the random inputs drawn by drawStepInputs.
   * Returns the losses as numbers (reading them is a sync, cheap on wasm/cpu).
   */
  step(inputs: StepInputs, lambda: number): CtganLosses {
    const { embeddingDim: E, pac, discriminatorDim } = this.shape;
    const D = this.layout.dim;
    const C = this.condDim;
    const W = D - this.layout.tanhCount;
    const batch = inputs.generator.zc.length / (E + C);
    const groups = batch / pac;
    const nHiddenD = discriminatorDim.length;
    const masksOf = (masks: readonly Float32Array[]) =>
      masks.map((m, i) => tf.tensor2d(m, [groups, discriminatorDim[i]!]));
    let lossD = 0;
    let penalty = 0;
    for (const c of inputs.critic) {
      const r = tf.tidy(() => {
        const zc = tf.tensor2d(c.zc, [batch, E + C]);
        const fake = generatorForward(this.generator, this.stats, zc, true);
        const noise = tf.tensor2d(c.gumbel, [batch, W]);
        const fakeAct = activateSpans(fake, this.layout, this.mask, { noise, tau: this.shape.tau });
        const fakeCat = (C > 0 ? tf.concat([fakeAct, tf.slice(zc, [0, E], [batch, C])], 1) : fakeAct).reshape(
          [groups, pac * (D + C)],
        ) as tf.Tensor2D;
        const realCat = tf.tensor2d(c.real, [groups, pac * (D + C)]);
        const alpha = tf.tensor2d(c.alpha, [groups, 1]);
        const masks = c.masks.map(masksOf);
        let pen = 0;
        let wass = 0;
        const { grads } = tf.variableGrads(() => {
          const v = this.discriminator.views();
          const yReal = tf.mean(discriminatorForward(v, nHiddenD, realCat, masks[0]!));
          const yFake = tf.mean(discriminatorForward(v, nHiddenD, fakeCat, masks[1]!));
          const gp = gradientPenalty(v, nHiddenD, realCat, fakeCat, alpha, masks[2]!, lambda);
          const w = tf.neg(tf.sub(yReal, yFake));
          pen = gp.dataSync()[0]!;
          wass = w.dataSync()[0]!;
          return tf.add(w, gp) as tf.Scalar;
        }, this.discriminator.variables as tf.Variable[]);
        this.adamD.apply(grads);
        return { wass, pen };
      });
      lossD = r.wass;
      penalty = r.pen;
    }
    let conditionLoss = 0;
    const g = inputs.generator;
    const lossG = tf.tidy(() => {
      const zc = tf.tensor2d(g.zc, [batch, E + C]);
      const noise = tf.tensor2d(g.gumbel, [batch, W]);
      const masks = masksOf(g.masks);
      const targetT = g.target ? tf.tensor2d(g.target, [batch, W]) : undefined;
      let value = 0;
      const { grads } = tf.variableGrads(() => {
        const fake = generatorForward(this.generator, this.stats, zc, true);
        const fakeAct = activateSpans(fake, this.layout, this.mask, { noise, tau: this.shape.tau });
        const fakeCat = (C > 0 ? tf.concat([fakeAct, tf.slice(zc, [0, E], [batch, C])], 1) : fakeAct).reshape(
          [groups, pac * (D + C)],
        ) as tf.Tensor2D;
        const v = this.discriminator.views();
        let loss = tf.neg(tf.mean(discriminatorForward(v, nHiddenD, fakeCat, masks)));
        if (targetT) {
          // Cross-entropy of the generator's raw logits against the requested category (§4.3).
          const ce = tf.div(
            tf.neg(tf.sum(tf.mul(targetT, spanLogSoftmax(fake, this.layout, this.mask)))),
            batch,
          );
          conditionLoss = ce.dataSync()[0]!;
          loss = tf.add(loss, ce);
        }
        value = loss.dataSync()[0]!;
        return loss as tf.Scalar;
      }, this.generator.variables as tf.Variable[]);
      this.adamG.apply(grads);
      return value;
    });
    return { lossG, lossD, penalty, conditionLoss };
  }

  checkpoint(): CtganCheckpoint {
    return {
      g: this.generator.read(),
      bn: this.stats.read(),
      d: this.discriminator.read(),
      ag: this.adamG.state(),
      ad: this.adamD.state(),
    };
  }

  restore(c: CtganCheckpoint): void {
    this.generator.write(c.g);
    this.stats.write(c.bn);
    this.discriminator.write(c.d);
    this.adamG.load(c.ag);
    this.adamD.load(c.ad);
  }

  dispose(): void {
    this.generator.dispose();
    this.discriminator.dispose();
    this.adamG.dispose();
    this.adamD.dispose();
    this.mask.dispose();
    this.stats.dispose();
  }
}
