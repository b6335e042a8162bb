import type { OrtModule, TrainSession } from '@synthkit/neural';
import type { CtganLosses, CtganNetwork } from './ctgan-network.js';
import type { StepInputs } from './ctgan-step-inputs.js';
import { ctganTrainSession } from './ctgan-train-graph.js';

type Optimiser = { step: number; m: Float32Array; v: Float32Array };

/** Weights, Adam states and running statistics at an epoch boundary, the same for both engines. */
export interface CtganCheckpoint {
  readonly g: Float32Array;
  readonly bn: Float32Array;
  readonly d: Float32Array;
  readonly ag: Optimiser;
  readonly ad: Optimiser;
}

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
  ): Promise<CtganOnnxTrainer> {
    return new CtganOnnxTrainer(net, await ctganTrainSession(ort, net, batch, criticSteps, lambda), batch);
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
        feeds[`${name}_${i}`] = { data: concatArrays(parts.map((p) => p[i]!)), dims: [parts.length * G, h] };
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
    const s = this.session;
    return {
      g: s.get('g'),
      bn: s.get('bn'),
      d: s.get('d'),
      ag: { step: this.stepsG, m: s.get('gm'), v: s.get('gv') },
      ad: { step: this.stepsD, m: s.get('dm'), v: s.get('dv') },
    };
  }

  restore(c: CtganCheckpoint): void {
    const s = this.session;
    s.set('g', c.g);
    s.set('bn', c.bn);
    s.set('d', c.d);
    s.set('gm', c.ag.m);
    s.set('gv', c.ag.v);
    s.set('dm', c.ad.m);
    s.set('dv', c.ad.v);
    this.stepsG = c.ag.step;
    this.stepsD = c.ad.step;
  }

  /** Writes the session's weights, Adam states and running statistics into the network. */
  sync(): void {
    const c = this.checkpoint();
    this.net.generator.write(c.g);
    this.net.stats.write(c.bn);
    this.net.discriminator.write(c.d);
    this.net.adamG.load(c.ag);
    this.net.adamD.load(c.ad);
  }

  release(): Promise<void> {
    return this.session.release();
  }
}

function concatArrays(parts: readonly Float32Array[]): Float32Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
