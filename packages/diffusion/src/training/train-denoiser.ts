import type { RunContext } from '@synthkit/core';
import { type BackendName, ParamSet, selectBackend, tf, trainLoop } from '@synthkit/neural';
import { type DenoiserArchitecture, denoiserParamSpecs, weightsFromFlat } from '../denoiser/architecture.js';
import type { DenoiserWeights } from '../denoiser/weights.js';
import type { EncodedRows } from '../encoder/fit-sidecar.js';
import type { SidecarLayout } from '../encoder/sidecar.js';
import type { NoiseSchedule } from '../schedule/noise-schedule.js';
import { AdamW } from './adamw.js';
import { diffusionLoss, type LossInputs } from './diffusion-loss.js';
import { tfDenoiser } from './tf-denoiser.js';
import { drawTrainingBatch } from './training-batch.js';

export interface TrainDenoiserOptions {
  /** Optimisation steps; rounded up to whole passes of ⌈rows / batchSize⌉ steps. */
  readonly iterations: number;
  readonly batchSize: number;
  readonly learningRate: number;
  readonly weightDecay: number;
  readonly emaDecay: number;
  readonly backend: BackendName;
}

export interface TrainedDenoiser {
  /** The exponential moving average of the weights (what is exported and sampled). */
  readonly weights: DenoiserWeights;
  readonly iterations: number;
  readonly history: ReadonlyArray<Readonly<Record<string, number>>>;
  readonly backend: string;
  readonly seconds: number;
}

/**
 * Trains the denoiser with TabDDPM's recipe: AdamW, learning rate annealed linearly to 0, EMA of
 * the weights, uniform timesteps. Random draws come from ctx.rng forks, so a seed fixes the run on
 * a given backend.
 */
export async function trainDenoiser(
  data: EncodedRows,
  layout: SidecarLayout,
  schedule: NoiseSchedule,
  arch: DenoiserArchitecture,
  o: TrainDenoiserOptions,
  ctx: RunContext,
): Promise<TrainedDenoiser> {
  const started = performance.now();
  const backend = await selectBackend(o.backend);
  const rows = Math.min(o.batchSize, data.n);
  const stepsPerEpoch = Math.max(1, Math.min(o.iterations, Math.round(data.n / rows)));
  const epochs = Math.ceil(o.iterations / stepsPerEpoch);
  const total = epochs * stepsPerEpoch;
  const params = new ParamSet(denoiserParamSpecs(arch), ctx.rng.fork('ddpm-init'));
  // EMA of the weights (TabDDPM: rate 0.999 every step), one shadow variable per parameter tensor
  const ema = params.variables.map((v) => tf.variable(v.clone(), false));
  const optimizer = new AdamW(params);
  const readEma = (): Float32Array => {
    const out = new Float32Array(params.size);
    let at = 0;
    for (const v of ema) {
      out.set(v.dataSync() as Float32Array, at);
      at += v.size;
    }
    return out;
  };
  const rng = ctx.rng.fork('ddpm-batches');
  let done = 0;
  try {
    const result = await trainLoop({
      epochs,
      stepsPerEpoch,
      ctx,
      label: `ddpm on ${backend.description}`,
      checkpoint: () => ({ params: params.read(), ema: readEma(), done }),
      restore: (c) => {
        params.write(c.params);
        let at = 0;
        tf.tidy(() =>
          ema.forEach((v) => {
            v.assign(tf.tensor(c.ema.subarray(at, at + v.size), v.shape));
            at += v.size;
          }),
        );
        done = c.done;
      },
      step: () => {
        const b = drawTrainingBatch(data, layout, schedule, rows, rng);
        const lr = o.learningRate * (1 - done / total);
        done++;
        return tf.tidy(() => {
          const x = tf.tensor2d(b.x, [rows, layout.width]);
          const t = tf.tensor1d(b.t);
          const y =
            b.labels && arch.numClasses
              ? (tf.oneHot(tf.tensor1d(b.labels, 'int32'), arch.numClasses).toFloat() as tf.Tensor2D)
              : undefined;
          const catWidth = layout.width - layout.numerical.length;
          const inputs: LossInputs = {
            eps: tf.tensor2d(b.eps, [rows, layout.numerical.length]),
            logA: tf.tensor2d(b.logA, [rows, catWidth]),
            logAlphaBarPrev: tf.tensor2d(b.logAlphaBarPrev, [rows, 1]),
            logC: tf.tensor2d(b.logC, [rows, catWidth]),
            theta: tf.tensor2d(b.theta, [rows, catWidth]),
            negEntropy: b.negEntropy,
          };
          let parts: [tf.Scalar, tf.Scalar] | undefined;
          const { value, grads } = tf.variableGrads(() => {
            const r = diffusionLoss(tfDenoiser(arch, params.views(), x, t, y), inputs, layout, schedule.T);
            parts = [tf.keep(r.gaussian), tf.keep(r.multinomial)];
            return r.loss;
          }, params.variables as tf.Variable[]);
          optimizer.apply(grads, lr, o.weightDecay);
          // warm-up of the rate (TensorFlow's ExponentialMovingAverage num_updates rule): with a
          // fixed 0.999 a run of a few hundred steps would still be mostly its random init
          const decay = Math.min(o.emaDecay, done / (done + 9));
          for (const [i, p] of params.variables.entries())
            ema[i]!.assign(tf.add(tf.mul(ema[i]!, decay), tf.mul(p, 1 - decay)));
          const out = {
            loss: value.dataSync()[0]!,
            gaussian: parts![0].dataSync()[0]!,
            multinomial: parts![1].dataSync()[0]!,
          };
          parts![0].dispose();
          parts![1].dispose();
          return out;
        });
      },
    });
    return {
      weights: weightsFromFlat(arch, readEma()),
      iterations: result.epochs * stepsPerEpoch,
      history: result.history,
      backend: backend.description,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    params.dispose();
    for (const v of ema) v.dispose();
    optimizer.dispose();
  }
}
