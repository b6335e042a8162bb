import {
  configurePlugin,
  defineOptions,
  type FittedModel,
  type GeneratorPlugin,
  type JsonValue,
  type ModelState,
  type OptionsOf,
  type SampleContext,
  SynthkitError,
  type ViewColumn,
  type ViewTable,
} from '@synthkit/core';
import { BACKEND_NAMES, requireTrainingRows } from '@synthkit/neural';
import { onnxRuntimeOptions, onnxSamplingOptions } from './byo/onnx-model-options.js';
import { OnnxTabularModel } from './byo/onnx-tabular-model.js';
import type { DenoiserArchitecture } from './denoiser/architecture.js';
import { denoiserToOnnx } from './denoiser/onnx-denoiser.js';
import { decodeBatch } from './encoder/decode.js';
import { encodeView, fitSidecar } from './encoder/fit-sidecar.js';
import { type DiffusionSidecar, parseSidecar, sidecarLayout } from './encoder/sidecar.js';
import { scheduleFromSpec } from './schedule/noise-schedule.js';
import { trainDenoiser } from './training/train-denoiser.js';

export const ddpmOptions = defineOptions({
  iterations: {
    type: 'integer',
    default: 3000,
    min: 1,
    description: 'training steps (rounded up to whole passes over the rows)',
  },
  epochs: {
    type: 'integer',
    default: 0,
    min: 0,
    description: 'when > 0, train this many passes over the rows instead of `iterations`',
  },
  batchSize: { type: 'integer', default: 1024, min: 1, description: 'rows per training step' },
  learningRate: {
    type: 'number',
    default: 0.002,
    min: 0,
    description: 'AdamW learning rate, annealed linearly to 0',
  },
  weightDecay: { type: 'number', default: 1e-4, min: 0, description: 'AdamW decoupled weight decay' },
  emaDecay: {
    type: 'number',
    default: 0.999,
    min: 0,
    max: 1,
    description: 'EMA rate of the weights that are exported and sampled',
  },
  hidden: {
    type: 'integerList',
    default: [256, 256, 256, 256],
    min: 1,
    description: 'MLP hidden widths (TabDDPM tuned: 256,1024,1024,1024,1024,256)',
  },
  activation: { type: 'enum', values: ['relu', 'silu'], default: 'relu', description: 'MLP activation' },
  timesteps: {
    type: 'integer',
    default: 1000,
    min: 2,
    max: 100000,
    description: 'diffusion steps T of the cosine schedule',
  },
  steps: {
    type: 'integer',
    default: 0,
    min: 0,
    description: 'sampling steps (≤ T; fewer strides the schedule, DDIM-style); 0 = T',
  },
  eta: onnxSamplingOptions.eta,
  target: {
    type: 'string',
    default: '',
    description: 'categorical column to condition on (TabDDPM y); empty = unconditional',
  },
  backend: { type: 'enum', values: BACKEND_NAMES, default: 'auto', description: 'tfjs backend for training' },
  ...onnxRuntimeOptions,
  sampleBatchSize: {
    type: 'integer',
    default: 4096,
    min: 1,
    description: 'rows per denoiser call when sampling',
  },
});

export type DdpmOptions = OptionsOf<typeof ddpmOptions>;

const STATE_VERSION = 1;

const plugin: GeneratorPlugin<typeof ddpmOptions> = {
  kind: 'generator',
  name: 'ddpm',
  version: '0.1.0',
  description:
    'TabDDPM-style diffusion (Gaussian + multinomial), trained in tfjs, denoiser exported to ONNX and sampled in onnxruntime',
  options: ddpmOptions,
  supports: { conditions: 'none' },
  async fit(view, options, ctx) {
    const steps = checkFitInput(view, options);
    const schedule = { kind: 'cosine' as const, T: options.timesteps };
    const sidecar = fitSidecar(view, schedule, options.target || undefined);
    const layout = sidecarLayout(sidecar);
    const arch: DenoiserArchitecture = {
      width: layout.width,
      timeDim: 128,
      hidden: options.hidden,
      activation: options.activation,
      ...(layout.condition ? { numClasses: layout.condition.column.categories.length } : {}),
    };
    const batchSize = Math.min(options.batchSize, view.nRows);
    const iterations =
      options.epochs > 0
        ? options.epochs * Math.max(1, Math.round(view.nRows / batchSize))
        : options.iterations;
    const trained = await trainDenoiser(
      encodeView(view, layout),
      layout,
      scheduleFromSpec(schedule),
      arch,
      {
        iterations,
        batchSize,
        learningRate: options.learningRate,
        weightDecay: options.weightDecay,
        emaDecay: options.emaDecay,
        backend: options.backend,
      },
      ctx,
    );
    const onnx = denoiserToOnnx(trained.weights);
    const training = {
      iterations: trained.iterations,
      backend: trained.backend,
      seconds: trained.seconds,
      finalLoss: trained.history.at(-1) ?? {},
    };
    ctx.progress({
      stage: 'fit',
      done: 1,
      total: 1,
      message: `ddpm trained ${trained.iterations} steps on ${trained.backend}`,
    });
    return new DdpmModel(sidecar, onnx, options, steps, training as unknown as JsonValue);
  },
  load(state, options) {
    const json = state.json as { version?: number; sidecar?: unknown; training?: JsonValue };
    if (json?.version !== STATE_VERSION)
      throw new SynthkitError(
        'ARTIFACT_VERSION',
        `ddpm model state version ${json?.version} is not ${STATE_VERSION}`,
        {
          hint: 'Fit the model again with this version of synthkit',
        },
      );
    const onnx = state.arrays.onnx;
    if (!(onnx instanceof Uint8Array))
      throw new SynthkitError('BAD_ARTIFACT', 'ddpm model state has no ONNX denoiser', {
        hint: 'Fit the model again',
      });
    const sidecar = parseSidecar(json.sidecar, 'ddpm model state');
    const T = scheduleFromSpec(sidecar.schedule).T;
    return new DdpmModel(sidecar, onnx, options, resolveSteps(options.steps, T), json.training ?? null);
  },
};

/** The ddpm generator plugin, with `options` as its defaults (validated). */
export function ddpm(
  options: Partial<Record<keyof DdpmOptions, unknown>> = {},
): GeneratorPlugin<typeof ddpmOptions> {
  return configurePlugin(plugin, options);
}

class DdpmModel implements FittedModel {
  private model: Promise<OnnxTabularModel> | undefined;

  constructor(
    private readonly sidecar: DiffusionSidecar,
    private readonly onnx: Uint8Array,
    private readonly options: DdpmOptions,
    private readonly steps: number,
    private readonly training: JsonValue,
  ) {}

  async *sample(n: number, ctx: SampleContext): AsyncGenerator<ViewTable> {
    if (n <= 0) return;
    this.model ??= OnnxTabularModel.load(this.onnx, this.sidecar, {
      device: this.options.device,
      threads: this.options.threads,
      sessions: this.options.sessions,
      precision: this.options.precision,
    });
    const model = await this.model;
    const batches = model.sampleRaw(n, {
      seed: ctx.rng.seed,
      steps: this.steps,
      eta: this.options.eta,
      batchSize: this.options.sampleBatchSize,
      ...(ctx.signal ? { signal: ctx.signal } : {}),
      progress: ctx.progress,
    });
    const chunk = Math.max(1, ctx.batchSize || n);
    for await (const raw of batches) {
      const cols = decodeBatch(this.sidecar, model.layout, raw);
      for (let start = 0; start < raw.rows; start += chunk) {
        const end = Math.min(raw.rows, start + chunk);
        yield {
          nRows: end - start,
          columns: cols.map(
            (c): ViewColumn =>
              c.kind === 'numerical'
                ? { kind: 'continuous', name: c.name, values: c.values.subarray(start, end) }
                : {
                    kind: 'discrete',
                    name: c.name,
                    codes: c.codes.subarray(start, end),
                    labels: c.categories,
                  },
          ),
        };
      }
    }
  }

  save(): ModelState {
    return {
      json: {
        version: STATE_VERSION,
        sidecar: this.sidecar as unknown as JsonValue,
        training: this.training,
      },
      arrays: { onnx: this.onnx },
    };
  }

  /** The exported denoiser and its sidecar, ready for `sampleOnnxModel` or another runtime. */
  exportOnnx(): { model: Uint8Array; sidecar: DiffusionSidecar } {
    return { model: this.onnx, sidecar: this.sidecar };
  }
}

function checkFitInput(view: ViewTable, options: DdpmOptions): number {
  requireTrainingRows(view, 'ddpm');
  if (view.columns.length === 0)
    throw new SynthkitError('EMPTY_INPUT', 'ddpm needs at least one column to learn', {
      hint: 'Check the metadata: every column may be an id or PII',
    });
  if (options.target && view.columns.length === 1)
    throw new SynthkitError('BAD_OPTION', 'ddpm needs a column besides the target', {
      hint: 'Leave target empty',
    });
  return resolveSteps(options.steps, options.timesteps);
}

function resolveSteps(steps: number, T: number): number {
  if (steps > T)
    throw new SynthkitError(
      'BAD_OPTION',
      `ddpm option steps (${steps}) exceeds the diffusion's timesteps T = ${T}`,
      {
        hint: `Use --steps ${Math.min(100, T)} (or any value up to ${T}); 0 means all ${T}`,
      },
    );
  return steps === 0 ? T : steps;
}
