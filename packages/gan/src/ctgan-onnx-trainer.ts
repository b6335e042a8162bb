import { concatFloat32, type OrtModule, type ParamSpec, type TrainSession } from '@synthkit/neural';
import type { CtganCheckpoint, CtganLosses, CtganNetwork } from './ctgan-network.js';
import type { StepInputs } from './ctgan-step-inputs.js';
import { buildCtganTrainGraph } from './ctgan-train-graph.js';

type Feed = { data: Float32Array; dims: readonly number[] };

/**
 * Trains a CtganNetwork one onnxruntime run per iteration (see ctgan-train-graph.ts). The weights
 * live in the session while training; `sync` writes them back into the network, after which saving
 * and sampling work as after tfjs training.
 */
export class CtganOnnxTrainer {
  private stepsG: number;
  private stepsD: number;

  private constructor(
    private readonly net: CtganNetwork,
    private readonly session: TrainSession,
    private readonly batch: number,
  ) {
    this.stepsG = net.adamG.step;
    this.stepsD = net.adamD.step;
  }

  static async open(
    ort: OrtModule,
    net: CtganNetwork,
    batch: number,
    criticSteps: number,
    lambda: number,
    threads = 1,
  ): Promise<CtganOnnxTrainer> {
    const session = await buildCtganTrainGraph(net, batch, criticSteps, lambda).session(ort, threads);
    writeState(session, net.generator.specs, net.discriminator.specs, {
      g: net.generator.read(),
      bn: net.stats.read(),
      d: net.discriminator.read(),
      ag: net.adamG.state(),
      ad: net.adamD.state(),
    });
    return new CtganOnnxTrainer(net, session, batch);
  }

  async step(inputs: StepInputs): Promise<CtganLosses> {
    const { shape, layout, condDim: C } = this.net;
    const B = this.batch;
    const G = B / shape.pac;
    const E = shape.embeddingDim;
    const W = layout.dim - layout.tanhCount;
    const feeds: Record<string, Feed> = {};
    const adam = (options: { learningRate: number; beta1: number; beta2: number }, k: number) => ({
      lrt: { data: Float32Array.of(options.learningRate / (1 - options.beta1 ** k)), dims: [] },
      rbc2: { data: Float32Array.of(1 / Math.sqrt(1 - options.beta2 ** k)), dims: [] },
    });
    const masks = (name: string, parts: readonly (readonly Float32Array[])[]) => {
      shape.discriminatorDim.forEach((h, i) => {
        feeds[`${name}_${i}`] = { data: concatFloat32(parts.map((p) => p[i]!)), dims: [parts.length * G, h] };
      });
    };
    inputs.critic.forEach((c, s) => {
      feeds[`zc${s}`] = { data: c.zc, dims: [B, E + C] };
      feeds[`real${s}`] = { data: c.real, dims: [G, shape.pac * (layout.dim + C)] };
      if (W > 0) feeds[`gumbel${s}`] = { data: c.gumbel, dims: [B, W] };
      feeds[`alpha${s}`] = { data: c.alpha, dims: [G, 1] };
      masks(`maskRF${s}`, [c.masks[0]!, c.masks[1]!]);
      masks(`maskGP${s}`, [c.masks[2]!]);
      const a = adam(this.net.adamD.options, ++this.stepsD);
      feeds[`lrtD${s}`] = a.lrt;
      feeds[`rbc2D${s}`] = a.rbc2;
    });
    const g = inputs.generator;
    feeds.zcG = { data: g.zc, dims: [B, E + C] };
    if (W > 0) feeds.gumbelG = { data: g.gumbel, dims: [B, W] };
    if (g.target) feeds.target = { data: g.target, dims: [B, W] };
    masks('maskG', [g.masks]);
    const a = adam(this.net.adamG.options, ++this.stepsG);
    feeds.lrtG = a.lrt;
    feeds.rbc2G = a.rbc2;
    const l = (await this.session.step(feeds)).losses!;
    return { lossG: l[0]!, lossD: l[1]!, penalty: l[2]!, conditionLoss: l[3]! };
  }

  checkpoint(): CtganCheckpoint {
    const { generator, discriminator } = this.net;
    return readState(this.session, generator.specs, discriminator.specs, { g: this.stepsG, d: this.stepsD });
  }

  restore(c: CtganCheckpoint): void {
    writeState(this.session, this.net.generator.specs, this.net.discriminator.specs, c);
    this.stepsG = c.ag.step;
    this.stepsD = c.ad.step;
  }

  /** Writes the session's weights, Adam states and running statistics into the network. */
  sync(): void {
    this.net.restore(this.checkpoint());
  }

  release(): Promise<void> {
    return this.session.release();
  }
}

/** Puts a checkpoint into the session's state tensors. */
export function writeState(
  session: TrainSession,
  gSpecs: readonly ParamSpec[],
  dSpecs: readonly ParamSpec[],
  c: CtganCheckpoint,
): void {
  session.setParams('g', '', gSpecs, c.g);
  session.setParams('g', '.m', gSpecs, c.ag.m);
  session.setParams('g', '.v', gSpecs, c.ag.v);
  session.setParams('d', '', dSpecs, c.d);
  session.setParams('d', '.m', dSpecs, c.ad.m);
  session.setParams('d', '.v', dSpecs, c.ad.v);
  session.set('bn', c.bn);
}

/** The session's state tensors as a checkpoint. */
function readState(
  session: TrainSession,
  gSpecs: readonly ParamSpec[],
  dSpecs: readonly ParamSpec[],
  steps: { g: number; d: number },
): CtganCheckpoint {
  return {
    g: session.getParams('g', '', gSpecs),
    bn: session.get('bn'),
    d: session.getParams('d', '', dSpecs),
    ag: { step: steps.g, m: session.getParams('g', '.m', gSpecs), v: session.getParams('g', '.v', gSpecs) },
    ad: { step: steps.d, m: session.getParams('d', '.m', dSpecs), v: session.getParams('d', '.v', dSpecs) },
  };
}
