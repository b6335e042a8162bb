import type { TrainGraph } from '@synthkit/neural';
import type { CtganNetwork } from './ctgan-network.js';

const BN_EPS = 1e-5;
const LOGIT_LIMIT = 30;
const MASKED = -1e9;

type Bucket = { readonly start: number; readonly count: number; readonly width: number };

/** One generator pass in training mode, with what its backward pass needs. */
export interface GeneratorPass {
  readonly raw: string;
  /** Inputs of the residual blocks and of the output layer: h₀ = [z, c], h_i = [r_i, h_{i−1}]. */
  readonly h: readonly string[];
  readonly blocks: readonly { readonly centred: string; readonly inv: string; readonly r: string }[];
  /** The running batch-norm statistics after this pass. */
  readonly bn: string;
}

/** The activated rows and what the activation's backward pass needs. */
export interface Activation {
  readonly act: string;
  readonly th: string;
  readonly probs: readonly string[];
}

/**
 * CTGAN's generator (residual blocks [ReLU(BN(FC(x))), x], a linear output, tanh and Gumbel-softmax
 * activations; weights named as `generatorSpecs`) in training mode as ONNX graph pieces, with
 * hand-derived backward passes.
 */
export class GeneratorGraph {
  private readonly B: number;
  private readonly T: number;
  private readonly D: number;
  private readonly hidden: readonly number[];
  private readonly mask: string;
  /** Length of the running statistics (means then variances of every block). */
  readonly bnSize: number;

  constructor(
    private readonly t: TrainGraph,
    private readonly net: CtganNetwork,
    batch: number,
    /** The generator's weights (node names by parameter name). */
    private readonly g: Readonly<Record<string, string>>,
  ) {
    const { layout } = net;
    this.B = batch;
    this.T = layout.tanhCount;
    this.D = layout.dim;
    this.hidden = net.shape.generatorDim;
    this.bnSize = 2 * this.hidden.reduce((a, b) => a + b, 0);
    this.mask =
      this.D > this.T
        ? t.constant(
            Float32Array.from(layout.padding, (p) => (p ? MASKED : 0)),
            [this.D - this.T],
          )
        : '';
  }

  /** Names of the weight matrices whose gradient (from `weightGrads`) holds the L2 decay. */
  decayed(): Set<string> {
    return new Set(this.decay() > 0 ? [...this.hidden.map((_, i) => `res${i}.w`), 'out.w'] : []);
  }

  /**
   * Residual blocks in training mode: batch statistics (biased variance), folded into the running
   * ones `bn` as RunningStats.update (momentum, unbiased variance).
   */
  pass(zc: string, bn: string): GeneratorPass {
    const { t, g, B } = this;
    const h = [zc];
    const blocks: { centred: string; inv: string; r: string }[] = [];
    const means: string[] = [];
    const vars: string[] = [];
    const m = this.net.stats.momentum;
    let o = 0;
    this.hidden.forEach((width, i) => {
      const a = t.gemm(h[i]!, g[`res${i}.w`]!, g[`res${i}.b`]);
      const mean = this.rowMean(a);
      const centred = t.sub(a, mean);
      const variance = this.rowMean(t.mul(centred, centred));
      const inv = t.op('Reciprocal', [t.op('Sqrt', [t.add(variance, t.scalar(BN_EPS))])]);
      const r = t.op('Relu', [t.add(t.mul(centred, t.mul(inv, g[`res${i}.gamma`]!)), g[`res${i}.beta`]!)]);
      blocks.push({ centred, inv, r });
      h.push(t.concat([r, h[i]!], 1));
      const old = (k: number) => t.reshape(t.slice(bn, k, k + width, 0), [1, width]);
      const unbiased = B > 1 ? B / (B - 1) : 1;
      means.push(t.add(t.mul(old(o), t.scalar(1 - m)), t.mul(mean, t.scalar(m))));
      vars.push(
        t.add(
          t.mul(old(this.bnSize / 2 + o), t.scalar(1 - m)),
          t.mul(t.mul(variance, t.scalar(unbiased)), t.scalar(m)),
        ),
      );
      o += width;
    });
    const raw = t.gemm(h.at(-1)!, g['out.w']!, g['out.b']);
    const bnOut = this.hidden.length > 0 ? t.reshape(t.concat([...means, ...vars], 1), [this.bnSize]) : bn;
    return { raw, h, blocks, bn: bnOut };
  }

  /** tanh on the tanh columns, Gumbel-softmax softmax((l + g)/τ) on each span (activateSpans). */
  activate(raw: string, gumbel: string): Activation {
    const { t, T, D } = this;
    const th = T > 0 ? t.op('Tanh', [t.slice(raw, 0, T)]) : '';
    const tau = this.net.shape.tau;
    const z = D > T ? t.add(t.div(t.add(t.slice(raw, T, D), gumbel), t.scalar(tau)), this.mask) : '';
    const buckets = this.net.layout.buckets;
    const probs = buckets.map((b) => t.op('Softmax', [this.bucketView(z, b)], { axis: 2 }));
    const parts = [...(T > 0 ? [th] : []), ...probs.map((p, k) => this.flat(p, buckets[k]!))];
    return { act: t.concat(parts, 1), th, probs };
  }

  /**
   * dL/d(raw output) from dL/d(activations), plus, with a `target` (the requested category of each
   * row, one-hot in the softmax part), the conditional cross-entropy −Σ t·log softmax(l)/B (§4.3,
   * on logits clipped to ±30 as spanLogSoftmax) and its gradient (p·Σt − t)/B per span, zero where
   * the clip is active.
   */
  activationGrad(
    dAct: string,
    a: Activation,
    raw: string,
    target: string | undefined,
  ): { dRaw: string; conditionLoss: string } {
    const { t, T, D, B } = this;
    const buckets = this.net.layout.buckets;
    const dRaw: string[] = [];
    if (T > 0) dRaw.push(t.mul(t.slice(dAct, 0, T), t.sub(t.scalar(1), t.mul(a.th, a.th))));
    let conditionLoss = t.scalar(0);
    if (D > T) {
      // Softmax backward per span: dz = p ⊙ (dy − Σ dy·p), then ÷τ for z = (l + g)/τ.
      const dSoft = buckets.map((b, k) => {
        const p = a.probs[k]!;
        const dy = this.bucketView(t.slice(dAct, T, D), b);
        const dot = t.op('ReduceSum', [t.mul(dy, p), t.ints([2])], { keepdims: 1 });
        return this.flat(t.mul(t.mul(p, t.sub(dy, dot)), t.scalar(1 / this.net.shape.tau)), b);
      });
      let dLogits = t.concat(dSoft, 1);
      if (target) {
        const pre = t.add(t.slice(raw, T, D), this.mask);
        const logits = t.op('Clip', [pre, t.scalar(-LOGIT_LIMIT), t.scalar(LOGIT_LIMIT)]);
        const exp = t.op('Exp', [logits]);
        const logp: string[] = [];
        const dCe: string[] = [];
        for (const b of buckets) {
          const sum = t.op('ReduceSum', [this.bucketView(exp, b), t.ints([2])], { keepdims: 1 });
          const tb = this.bucketView(target, b);
          logp.push(this.flat(t.sub(this.bucketView(logits, b), t.op('Log', [sum])), b));
          const picked = t.op('ReduceSum', [tb, t.ints([2])], { keepdims: 1 });
          dCe.push(this.flat(t.sub(t.mul(t.div(this.bucketView(exp, b), sum), picked), tb), b));
        }
        conditionLoss = t.mul(t.sumAll(t.mul(target, t.concat(logp, 1))), t.scalar(-1 / B));
        const inRange = t.op('Cast', [t.op('Equal', [logits, pre])], { to: 1 });
        dLogits = t.add(dLogits, t.mul(t.mul(t.concat(dCe, 1), inRange), t.scalar(1 / B)));
      }
      dRaw.push(dLogits);
    }
    return { dRaw: t.concat(dRaw, 1), conditionLoss };
  }

  /**
   * Weight gradients from dL/d(raw output): the output layer, then each residual block (ReLU, batch
   * norm, linear), with the L2 decay inside the weight GEMMs. Only the block outputs' gradients are
   * needed, not the input's: each GEMM towards a layer input uses just the rows of W that multiply
   * r_{i−1}, …, r₀.
   */
  weightGrads(pass: GeneratorPass, dy: string): Record<string, string> {
    const { t, g } = this;
    const H = this.hidden;
    const L = H.length;
    const grads: Record<string, string> = {};
    const hiddenWidth = (i: number) => H.slice(0, i).reduce((a, b) => a + b, 0);
    const toBlocks = (dz: string, w: string, i: number) =>
      t.gemm(dz, t.slice(w, 0, hiddenWidth(i), 0), undefined, { transB: true });
    grads['out.w'] = this.decayedGrad(pass.h[L]!, dy, g['out.w']!);
    grads['out.b'] = t.sumRows(dy);
    // dh: the gradient of [r_i, …, r₀] inside the input of layer i + 1.
    let dh = L > 0 ? toBlocks(dy, g['out.w']!, L) : '';
    for (let i = L - 1; i >= 0; i--) {
      const block = pass.blocks[i]!;
      const xhat = t.mul(block.centred, block.inv);
      const dr = t.reluGrad(t.slice(dh, 0, H[i]!), block.r);
      grads[`res${i}.gamma`] = t.sumRows(t.mul(dr, xhat));
      grads[`res${i}.beta`] = t.sumRows(dr);
      // Batch-norm backward (Ioffe & Szegedy, 2015): da = inv·(dx̂ − mean dx̂ − x̂·mean(dx̂·x̂)).
      const dxhat = t.mul(dr, g[`res${i}.gamma`]!);
      const da = t.mul(
        t.sub(t.sub(dxhat, this.rowMean(dxhat)), t.mul(xhat, this.rowMean(t.mul(dxhat, xhat)))),
        block.inv,
      );
      grads[`res${i}.w`] = this.decayedGrad(pass.h[i]!, da, g[`res${i}.w`]!);
      grads[`res${i}.b`] = t.sumRows(da);
      if (i > 0) dh = t.add(t.slice(dh, H[i]!, hiddenWidth(i + 1)), toBlocks(da, g[`res${i}.w`]!, i));
    }
    return grads;
  }

  private decay(): number {
    return this.net.adamG.options.weightDecay ?? 0;
  }

  /** xᵀ·dy + λ·W: a weight's gradient with its L2 decay. */
  private decayedGrad(x: string, dy: string, w: string): string {
    const decay = this.decay();
    return this.t.gemm(x, dy, decay > 0 ? w : undefined, { transA: true, beta: decay });
  }

  private rowMean(x: string): string {
    return this.t.op('ReduceMean', [x], { axes: [0], keepdims: 1 });
  }

  /** Columns of bucket b of a softmax-part tensor as [B, count, width]. */
  private bucketView(x: string, b: Bucket): string {
    const T = this.T;
    return this.t.reshape(this.t.slice(x, b.start - T, b.start - T + b.count * b.width), [
      this.B,
      b.count,
      b.width,
    ]);
  }

  private flat(x: string, b: Bucket): string {
    return this.t.reshape(x, [this.B, b.count * b.width]);
  }
}
