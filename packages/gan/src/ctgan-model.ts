import {
  type FittedModel,
  type JsonValue,
  type ModelState,
  Rng,
  type RunContext,
  type SampleContext,
  SynthkitError,
  type ViewTable,
} from '@synthkit/core';
import {
  ConditionalSampler,
  conditionFilter,
  DecodeGraph,
  type ForwardSession,
  fillNormal,
  fillNormalQuantized,
  loadOptimizer,
  loadOrt,
  loadWeights,
  modelHeader,
  NetworkLayout,
  readModelHeader,
  requireFloat32,
  requireResumable,
  requireTrainingRows,
  runTraining,
  saveOptimizer,
  saveWeights,
  selectBackend,
  selectEngine,
  streamRows,
  TabularEncoder,
  type TrainedInfo,
  tf,
} from '@synthkit/neural';
import { CtganNetwork, type CtganShape, conditionTargets, type SamplingPrecision } from './ctgan-network.js';
import { CtganOnnxTrainer } from './ctgan-onnx-trainer.js';
import { drawStepInputs, type StepSource } from './ctgan-step-inputs.js';
import type { CtganOptions } from './options.js';

const FORMAT = 'synthkit-ctgan';
/** Rows per generator call when sampling. */
const SAMPLE_ROWS = 4096;
const VERSION = 1;

/** A trained CTGAN: encoder, conditional sampler and networks; samples and saves itself. */
export class CtganModel implements FittedModel {
  private constructor(
    readonly encoder: TabularEncoder,
    readonly sampler: ConditionalSampler,
    readonly network: CtganNetwork,
    readonly batchSize: number,
    private trained: TrainedInfo,
    private readonly resumable: boolean,
  ) {}

  private session: Promise<{ session: ForwardSession; decoder: DecodeGraph } | undefined> | undefined;

  /** Arithmetic of the sampling graph (an option, not part of the trained state). */
  precision: SamplingPrecision = 'int8';

  /** Fits the encoder and trains; with `resumeFrom` (a resumable save) continues up to `options.epochs`. */
  static async train(
    view: ViewTable,
    options: CtganOptions,
    ctx: RunContext,
    resumeFrom?: ModelState,
  ): Promise<CtganModel> {
    checkTrainingInput(view, options);
    const backend = await selectBackend(options.backend);
    const engine = await selectEngine(options.engine, backend);
    ctx.progress({
      stage: 'fit',
      done: 0,
      message: `ctgan: fitting the encoder (training on ${engine.description})`,
    });
    let model: CtganModel;
    if (resumeFrom) {
      model = await CtganModel.load(resumeFrom, options);
      requireResumable({ resumable: model.resumable, epochs: model.trained.epochs }, options.epochs, 'ctgan');
    } else {
      const encoder = TabularEncoder.fit(view, { maxModes: options.maxModes });
      model = CtganModel.create(
        encoder,
        ConditionalSampler.fromView(view),
        options,
        ctx.rng,
        engine.description,
        options.resumable,
      );
    }
    model.precision = options.precision;
    const net = model.network;
    const source: StepSource = {
      shape: net.shape,
      layout: net.layout,
      condDim: net.condDim,
      condTargets: net.condTargets,
      // Kept in the encoder's layout: each step gathers its rows into the network layout.
      data: model.encoder.transform(view, ctx.rng.fork('encode')),
      nRows: view.nRows,
      sampler: ConditionalSampler.fromView(view),
    };
    const batch = options.batchSize;
    const { discriminatorSteps, gradientPenalty: lambda } = options;
    const stepsPerEpoch = Math.max(1, Math.floor(view.nRows / batch));
    let epochRng = ctx.rng.fork('epoch-0');
    const onnx =
      engine.name === 'onnx'
        ? await CtganOnnxTrainer.open(engine.ort, net, batch, discriminatorSteps, lambda)
        : undefined;
    model.trained = await runTraining(
      {
        epochs: options.epochs,
        startEpoch: model.trained.epochs,
        stepsPerEpoch,
        ctx,
        label: `ctgan on ${engine.description}`,
        step: (epoch, s) => {
          // A stream per epoch: resuming at epoch k draws what an uninterrupted run would have drawn.
          if (s === 0) epochRng = ctx.rng.fork(`epoch-${epoch}`);
          const inputs = drawStepInputs(source, batch, discriminatorSteps, epochRng);
          return onnx ? onnx.step(inputs) : net.step(inputs, lambda);
        },
      },
      onnx ?? net,
      model.trained,
      engine.description,
      (epochs) => {
        model.trained = { ...model.trained, epochs };
        return model.save();
      },
    );
    return model;
  }

  private static create(
    encoder: TabularEncoder,
    sampler: ConditionalSampler,
    options: Pick<
      CtganOptions,
      | 'embeddingDim'
      | 'generatorDim'
      | 'discriminatorDim'
      | 'pac'
      | 'tau'
      | 'generatorLr'
      | 'discriminatorLr'
      | 'generatorDecay'
      | 'discriminatorDecay'
      | 'batchSize'
    >,
    rng: RunContext['rng'],
    backend: string,
    resumable: boolean,
  ): CtganModel {
    const layout = new NetworkLayout(encoder);
    const condTargets = conditionTargets(encoder, sampler, layout);
    requireCriticFits(sampler, layout.dim, options.pac);
    const shape: CtganShape = {
      embeddingDim: options.embeddingDim,
      generatorDim: [...options.generatorDim],
      discriminatorDim: [...options.discriminatorDim],
      pac: options.pac,
      tau: options.tau,
    };
    const network = new CtganNetwork(shape, layout, sampler.dim, condTargets, rng.fork('init'), {
      lrG: options.generatorLr,
      lrD: options.discriminatorLr,
      decayG: options.generatorDecay,
      decayD: options.discriminatorDecay,
    });
    return new CtganModel(
      encoder,
      sampler,
      network,
      options.batchSize,
      { epochs: 0, losses: null, backend },
      resumable,
    );
  }

  /**
   * Streams n rows. An equals-condition on a discrete column goes into the conditional vector
   * (the generator was trained to honour it); every condition is then checked on the decoded rows
   * and unmatched rows are dropped, with CONDITION_UNSATISFIABLE when too few ever match.
   */
  sample(n: number, ctx: SampleContext): AsyncIterable<ViewTable> {
    const chunk = SAMPLE_ROWS;
    const accept = conditionFilter(this.encoder.columns, ctx.conditions);
    const fixed = ctx.conditions.find(
      (c) => c.kind === 'equals' && this.sampler.columns.some((s) => s.name === c.column),
    );
    const fixedColumn = fixed ? this.sampler.columnIndex(fixed.column) : -1;
    const noiseRng = ctx.rng.fork('noise');
    const condRng = ctx.rng.fork('condition');
    const decodeRng = ctx.rng.fork('decode');
    const generate = async (): Promise<ViewTable> => {
      let column: Int32Array;
      let category: Int32Array;
      if (fixed?.kind === 'equals') {
        column = new Int32Array(chunk).fill(fixedColumn);
        category = new Int32Array(chunk).fill(fixed.code);
      } else ({ column, category } = this.sampler.sampleOriginal(chunk, condRng));
      const fast = await this.ortSampler();
      if (fast) {
        // The graph runs the generator and draws the categories.
        const z = fillNormalQuantized(noiseRng, new Float32Array(chunk * this.network.shape.embeddingDim));
        const c = this.sampler.indices(column, category);
        const out = await fast.session.run({ z, c, ...fast.decoder.feeds(chunk, decodeRng) }, chunk);
        return fast.decoder.toView(out, chunk);
      }
      const cond = this.sampler.encode(column, category);
      return this.encoder.inverse(this.generateRaw(cond, chunk, noiseRng), chunk, {
        categorical: 'sample',
        rng: decodeRng,
        layout: this.network.layout,
      });
    };
    return streamRows(n, ctx, { generate, accept, chunk });
  }

  /**
   * Generator and decoding on onnxruntime (running batch-norm statistics, so rows do not depend on
   * their batch) when it loads and the backend is not the bit-reproducible cpu one; else undefined.
   */
  private ortSampler(): Promise<{ session: ForwardSession; decoder: DecodeGraph } | undefined> {
    if (tf.getBackend() === 'cpu') return Promise.resolve(undefined);
    this.session ??= loadOrt().then(async (ort) => {
      if (!ort) return undefined;
      const decoder = new DecodeGraph(this.encoder, this.network.layout, { categorical: 'sample' });
      const session = await this.network.generatorSession(ort, decoder, { precision: this.precision });
      return { session, decoder };
    });
    return this.session;
  }

  /** Raw generator output on TensorFlow.js (running batch-norm statistics). */
  private generateRaw(cond: Float32Array, rows: number, noiseRng: Rng): Float32Array {
    const E = this.network.shape.embeddingDim;
    const C = this.sampler.dim;
    const noise = fillNormal(noiseRng, new Float32Array(rows * E));
    const input = new Float32Array(rows * (E + C));
    for (let i = 0; i < rows; i++) {
      input.set(noise.subarray(i * E, (i + 1) * E), i * (E + C));
      if (C > 0) input.set(cond.subarray(i * C, (i + 1) * C), i * (E + C) + E);
    }
    return this.network.generate(input, rows);
  }

  save(): ModelState {
    const arrays: Record<string, Float32Array> = saveWeights({ generator: this.network.generator });
    arrays['generator.batchNorm'] = this.network.stats.read();
    const json: Record<string, JsonValue> = {
      ...modelHeader(FORMAT, VERSION, this.trained, this.resumable),
      shape: {
        ...this.network.shape,
        generatorDim: [...this.network.shape.generatorDim],
        discriminatorDim: [...this.network.shape.discriminatorDim],
      },
      batchSize: this.batchSize,
      encoder: this.encoder.toJSON(),
      sampler: this.sampler.toJSON(),
    };
    if (this.resumable) {
      Object.assign(arrays, saveWeights({ discriminator: this.network.discriminator }));
      const g = saveOptimizer('generator', this.network.adamG);
      const d = saveOptimizer('discriminator', this.network.adamD);
      Object.assign(arrays, g.arrays, d.arrays);
      json.optimizer = {
        generator: {
          step: g.step,
          lr: this.network.adamG.options.learningRate,
          decay: this.network.adamG.options.weightDecay ?? 0,
        },
        discriminator: {
          step: d.step,
          lr: this.network.adamD.options.learningRate,
          decay: this.network.adamD.options.weightDecay ?? 0,
        },
      };
    }
    return { json, arrays };
  }

  static async load(
    state: ModelState,
    options: Pick<CtganOptions, 'backend'> & Partial<Pick<CtganOptions, 'precision'>>,
  ): Promise<CtganModel> {
    const { json, trained, resumable } = readModelHeader(state, FORMAT, VERSION, 'ctgan');
    const backend = await selectBackend(options.backend);
    const shape = json.shape as unknown as CtganShape;
    const opt = (json.optimizer ?? null) as Record<
      string,
      { step: number; lr: number; decay: number }
    > | null;
    const model = CtganModel.create(
      TabularEncoder.fromJSON(json.encoder!),
      ConditionalSampler.fromJSON(json.sampler!),
      {
        ...shape,
        batchSize: Number(json.batchSize),
        generatorLr: opt?.generator?.lr ?? 2e-4,
        discriminatorLr: opt?.discriminator?.lr ?? 2e-4,
        generatorDecay: opt?.generator?.decay ?? 0,
        discriminatorDecay: opt?.discriminator?.decay ?? 0,
      },
      // Initial weights are overwritten below; the seed only has to be valid.
      new Rng(0),
      backend.description,
      resumable,
    );
    loadWeights(state.arrays, { generator: model.network.generator });
    model.network.stats.write(requireFloat32(state.arrays, 'generator.batchNorm'));
    if (resumable && opt) {
      loadWeights(state.arrays, { discriminator: model.network.discriminator });
      loadOptimizer('generator', model.network.adamG, opt.generator!.step, state.arrays);
      loadOptimizer('discriminator', model.network.adamD, opt.discriminator!.step, state.arrays);
    }
    model.trained = trained;
    if (options.precision) model.precision = options.precision;
    return model;
  }

  /** Frees the tensors of the networks and the onnxruntime session. */
  dispose(): void {
    this.network.dispose();
    void this.session?.then((s) => s?.session.release());
  }
}

function checkTrainingInput(view: ViewTable, options: CtganOptions): void {
  requireTrainingRows(view, 'ctgan');
  if (options.batchSize % options.pac !== 0)
    throw new SynthkitError(
      'BAD_OPTION',
      `batchSize (${options.batchSize}) must be a multiple of pac (${options.pac})`,
      {
        hint: `Use batchSize ${Math.max(options.pac, Math.round(options.batchSize / options.pac) * options.pac)}`,
      },
    );
}

/**
 * PacGAN's critic sees `pac` rows of (network output + conditional vector) at once, so a column with
 * thousands of categories makes its first layer and the gradient penalty's activations outgrow
 * tfjs-wasm's 32-bit heap (a 10,000-category column crashed deep in wasm after minutes). Refuse such
 * a table up front, naming the widest column.
 */
const MAX_CRITIC_INPUTS = 60_000;

function requireCriticFits(sampler: ConditionalSampler, outputWidth: number, pac: number): void {
  const inputs = pac * (outputWidth + sampler.dim);
  if (inputs <= MAX_CRITIC_INPUTS) return;
  const widest = [...sampler.columns].sort((a, b) => b.size - a.size)[0];
  throw new SynthkitError(
    'UNSUPPORTED',
    `CTGAN's critic would take ${inputs.toLocaleString('en-US')} inputs (pac ${pac} × (${outputWidth} outputs + ${sampler.dim} conditional)), more than fits in memory (${MAX_CRITIC_INPUTS.toLocaleString('en-US')})`,
    {
      ...(widest ? { column: widest.name } : {}),
      hint: `${widest ? `"${widest.name}" has ${widest.size} categories: ` : ''}group rare categories, mark an identifier column as id or pii in the metadata, lower -O pac, or use the copula or tvae generator`,
    },
  );
}
