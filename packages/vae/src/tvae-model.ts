import {
  type FittedModel,
  type JsonValue,
  type ModelState,
  Rng,
  type RunContext,
  type SampleContext,
  type ViewTable,
} from '@synthkit/core';
import {
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
import type { TvaeOptions } from './options.js';
import { TvaeNetwork, type TvaeShape } from './tvae-network.js';
import { TvaeOnnxTrainer } from './tvae-onnx-trainer.js';

const FORMAT = 'synthkit-tvae';
const VERSION = 1;
/** Decoder rows per call when sampling: no batch statistics, so bigger is just faster. */
const SAMPLE_CHUNK = 4096;

interface OrtSampler {
  readonly session: ForwardSession;
  readonly decoder: DecodeGraph;
}

/** A trained TVAE: encoder and networks; samples and saves itself. */
export class TvaeModel implements FittedModel {
  private constructor(
    readonly encoder: TabularEncoder,
    readonly network: TvaeNetwork,
    private trained: TrainedInfo,
    private readonly resumable: boolean,
  ) {}

  /** How one-hots are decoded when sampling (an option, not part of the trained state). */
  categorical: TvaeOptions['categorical'] = 'sample';

  private sampler:
    | { categorical: TvaeOptions['categorical']; ready: Promise<OrtSampler | undefined> }
    | undefined;

  static async train(
    view: ViewTable,
    options: TvaeOptions,
    ctx: RunContext,
    resumeFrom?: ModelState,
  ): Promise<TvaeModel> {
    requireTrainingRows(view, 'tvae');
    const backend = await selectBackend(options.backend);
    const engine = await selectEngine(options.engine, backend);
    ctx.progress({
      stage: 'fit',
      done: 0,
      message: `tvae: fitting the encoder (training on ${engine.description})`,
    });
    let model: TvaeModel;
    if (resumeFrom) {
      model = await TvaeModel.load(resumeFrom, options);
      requireResumable({ resumable: model.resumable, epochs: model.trained.epochs }, options.epochs, 'tvae');
    } else {
      const encoder = TabularEncoder.fit(view, { maxModes: options.maxModes });
      model = TvaeModel.create(encoder, options, ctx.rng, engine.description, options.resumable);
    }
    model.categorical = options.categorical;
    const net = model.network;
    const D = net.layout.dim;
    const order = ctx.rng.fork('holdout').permutation(view.nRows);
    const nHold = options.earlyStoppingPatience > 0 ? Math.max(1, Math.floor(view.nRows * 0.1)) : 0;
    const data = net.layout.gather(model.encoder.transform(view, ctx.rng.fork('encode')), order);
    const nTrain = view.nRows - nHold;
    const held = data.subarray(nTrain * D);
    const batch = Math.min(options.batchSize, nTrain);
    const stepsPerEpoch = Math.ceil(nTrain / batch);
    const rows = new Float32Array(batch * D);
    let perm: Int32Array = new Int32Array(0);
    let epochRng = ctx.rng;
    const onnx = engine.name === 'onnx' ? await TvaeOnnxTrainer.open(engine.ort, net) : undefined;
    model.trained = await runTraining(
      {
        epochs: options.epochs,
        startEpoch: model.trained.epochs,
        stepsPerEpoch,
        ctx,
        label: `tvae on ${engine.description}`,
        step: (epoch, s) => {
          if (s === 0) {
            epochRng = ctx.rng.fork(`epoch-${epoch}`);
            perm = epochRng.permutation(nTrain);
          }
          const lo = s * batch;
          const n = Math.min(batch, nTrain - lo);
          for (let i = 0; i < n; i++)
            rows.set(data.subarray(perm[lo + i]! * D, (perm[lo + i]! + 1) * D), i * D);
          const x = rows.subarray(0, n * D);
          return onnx ? onnx.step(x, n, epochRng) : net.step(x, n, epochRng);
        },
        validate:
          nHold > 0
            ? () => {
                onnx?.sync();
                return net.evaluate(held, nHold, ctx.rng.fork('validation'));
              }
            : undefined,
        patience: options.earlyStoppingPatience,
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
    options: Pick<
      TvaeOptions,
      'embeddingDim' | 'compressDims' | 'decompressDims' | 'lossFactor' | 'learningRate' | 'l2scale'
    >,
    rng: Rng,
    backend: string,
    resumable: boolean,
  ): TvaeModel {
    const shape: TvaeShape = {
      embeddingDim: options.embeddingDim,
      compressDims: [...options.compressDims],
      decompressDims: [...options.decompressDims],
      lossFactor: options.lossFactor,
    };
    const network = new TvaeNetwork(shape, new NetworkLayout(encoder), rng.fork('init'), {
      learningRate: options.learningRate,
      weightDecay: options.l2scale,
    });
    return new TvaeModel(encoder, network, { epochs: 0, losses: null, backend }, resumable);
  }

  /**
   * Streams n rows: latent noise through the decoder, categories and modes drawn from the decoder's
   * softmax (or by argmax, as the reference TVAE), α with the learned σ as noise. Conditions are left to the Synthesizer (rejection).
   */
  sample(n: number, ctx: SampleContext): AsyncIterable<ViewTable> {
    const noiseRng = ctx.rng.fork('noise');
    const decodeRng = ctx.rng.fork('decode');
    const chunk = Math.min(SAMPLE_CHUNK, Math.max(1, n));
    const E = this.network.shape.embeddingDim;
    const generate = async (): Promise<ViewTable> => {
      const fast = await this.ortSampler();
      if (fast) {
        // The graph runs the decoder and draws the categories.
        const z = fillNormalQuantized(noiseRng, new Float32Array(chunk * E));
        const out = await fast.session.run({ z, ...fast.decoder.feeds(chunk, decodeRng) }, chunk);
        return fast.decoder.toView(out, chunk);
      }
      const raw = this.network.generate(fillNormal(noiseRng, new Float32Array(chunk * E)), chunk).raw;
      return this.encoder.inverse(raw, chunk, {
        layout: this.network.layout,
        categorical: this.categorical,
        rng: decodeRng,
        valueNoise: this.network.sigmas(),
      });
    };
    return streamRows(n, ctx, { generate, chunk });
  }

  /**
   * Decoder and decoding on onnxruntime when it loads and the backend is not the bit-reproducible
   * cpu one (else undefined: TensorFlow.js and TabularEncoder.inverse). Rebuilt if `categorical` changed.
   */
  private ortSampler(): Promise<OrtSampler | undefined> {
    if (tf.getBackend() === 'cpu') return Promise.resolve(undefined);
    if (this.sampler?.categorical !== this.categorical) {
      void this.sampler?.ready.then((s) => s?.session.release());
      const categorical = this.categorical;
      const decoder = new DecodeGraph(this.encoder, this.network.layout, {
        categorical,
        valueNoise: this.network.sigmas(),
      });
      const ready = loadOrt().then(async (ort) =>
        ort ? { session: await this.network.decoderSession(ort, decoder), decoder } : undefined,
      );
      this.sampler = { categorical, ready };
    }
    return this.sampler.ready;
  }

  save(): ModelState {
    const arrays: Record<string, Float32Array> = saveWeights({ network: this.network.params });
    const json: Record<string, JsonValue> = {
      ...modelHeader(FORMAT, VERSION, this.trained, this.resumable),
      shape: {
        ...this.network.shape,
        compressDims: [...this.network.shape.compressDims],
        decompressDims: [...this.network.shape.decompressDims],
      },
      encoder: this.encoder.toJSON(),
    };
    if (this.resumable) {
      const o = saveOptimizer('network', this.network.adam);
      Object.assign(arrays, o.arrays);
      json.optimizer = {
        step: o.step,
        lr: this.network.adam.options.learningRate,
        decay: this.network.adam.options.weightDecay ?? 0,
      };
    }
    return { json, arrays };
  }

  static async load(
    state: ModelState,
    options: Pick<TvaeOptions, 'backend'> & Partial<Pick<TvaeOptions, 'categorical'>>,
  ): Promise<TvaeModel> {
    const { json, trained, resumable } = readModelHeader(state, FORMAT, VERSION, 'tvae');
    const backend = await selectBackend(options.backend);
    const shape = json.shape as unknown as TvaeShape;
    const opt = (json.optimizer ?? null) as { step: number; lr: number; decay: number } | null;
    const model = TvaeModel.create(
      TabularEncoder.fromJSON(json.encoder!),
      { ...shape, learningRate: opt?.lr ?? 1e-3, l2scale: opt?.decay ?? 0 },
      new Rng(0), // initial weights are overwritten below
      backend.description,
      resumable,
    );
    loadWeights(state.arrays, { network: model.network.params });
    if (resumable && opt) loadOptimizer('network', model.network.adam, opt.step, state.arrays);
    model.trained = trained;
    return model;
  }

  dispose(): void {
    this.network.dispose();
    void this.sampler?.ready.then((s) => s?.session.release());
  }
}
