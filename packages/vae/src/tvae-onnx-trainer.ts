import type { Rng } from '@synthkit/core';
import { fillNormalQuantized, type OrtModule, type TrainSession } from '@synthkit/neural';
import type { TvaeCheckpoint, TvaeNetwork } from './tvae-network.js';
import { tvaeTrainSession } from './tvae-train-graph.js';

// A type alias (not an interface) so it is assignable to trainLoop's Record<string, number>.
export type TvaeLosses = { loss: number; reconstruction: number; kl: number };

/**
 * Trains a TvaeNetwork one onnxruntime run per step (see tvae-train-graph.ts). The weights live in
 * the session while training; `sync` writes them (and Adam's state) back into the network, after
 * which saving and sampling work as after tfjs training. The latent noise is drawn exactly as
 * TvaeNetwork.step draws it, so both engines consume the run's Rng identically.
 */
export class TvaeOnnxTrainer {
  private stepCount: number;

  private constructor(
    private readonly net: TvaeNetwork,
    private readonly session: TrainSession,
  ) {
    this.stepCount = net.adam.step;
  }

  static async open(ort: OrtModule, net: TvaeNetwork): Promise<TvaeOnnxTrainer> {
    return new TvaeOnnxTrainer(net, await tvaeTrainSession(ort, net));
  }

  async step(batch: Float32Array, n: number, rng: Rng): Promise<TvaeLosses> {
    const { learningRate: lr, beta1, beta2 } = this.net.adam.options;
    const E = this.net.shape.embeddingDim;
    this.stepCount++;
    const scalar = (value: number) => ({ data: Float32Array.of(value), dims: [] });
    const out = await this.session.step({
      x: { data: batch, dims: [n, this.net.layout.dim] },
      eps: { data: fillNormalQuantized(rng, new Float32Array(n * E)), dims: [n, E] },
      scale: scalar(this.net.shape.lossFactor / n),
      invN: scalar(1 / n),
      count: scalar(n),
      lrt: scalar(lr / (1 - beta1 ** this.stepCount)),
      rbc2: scalar(1 / Math.sqrt(1 - beta2 ** this.stepCount)),
    });
    const l = out.losses!;
    return { loss: l[0]!, reconstruction: l[1]!, kl: l[2]! };
  }

  checkpoint(): TvaeCheckpoint {
    return {
      w: this.session.get('params'),
      a: { step: this.stepCount, m: this.session.get('m'), v: this.session.get('v') },
    };
  }

  restore(c: TvaeCheckpoint): void {
    this.session.set('params', c.w);
    this.session.set('m', c.a.m);
    this.session.set('v', c.a.v);
    this.stepCount = c.a.step;
  }

  /** Writes the session's weights and Adam state into the network. */
  sync(): void {
    this.net.restore(this.checkpoint());
  }

  release(): Promise<void> {
    return this.session.release();
  }
}
