import { type OrtModule, type ParamSpec, TrainGraph, type TrainSession } from '@synthkit/neural';
import type { CtganNetwork } from './ctgan-network.js';

const LEAK = 0.2;
const BN_EPS = 1e-5;
const LOGIT_LIMIT = 30;
const MASKED = -1e9;

/** One critic pass: pre-activations' slopes times dropout (Q), and each layer's input. */
interface CriticPass {
  readonly out: string;
  /** Inputs of the hidden layers and of the score layer: h₀ = x, …, h_L. */
  readonly h: readonly string[];
  /** Q_i = LeakyReLU slope (1 or 0.2) ⊙ dropout mask of hidden layer i: h_i = a_i ⊙ Q_i. */
  readonly q: readonly string[];
}

/** One generator pass in training mode, with what its backward pass needs. */
interface GeneratorPass {
  readonly raw: string;
  /** Inputs of the residual blocks and of the output layer: h₀ = [z, c], h_i = [r_i, h_{i−1}]. */
  readonly h: readonly string[];
  readonly blocks: readonly { centred: string; inv: string; r: string }[];
  readonly bn: string;
}

/**
 * One CTGAN iteration (Xu et al., 2019, Algorithm 1) as a single ONNX graph: `criticSteps` critic
 * updates (WGAN-GP, Gulrajani et al., 2017), then one generator update, each with Adam and L2 decay
 * as `Adam.apply`, and the generator's running batch-norm statistics folded in after each
 * training-mode pass as RunningStats.update. Every random number comes in as an input
 * (drawStepInputs), so the graph computes exactly what CtganNetwork.step computes on TensorFlow.js.
 *
 * The backward passes are derived by hand. The gradient penalty needs the derivative of ∇ₓD with
 * respect to the critic's weights: LeakyReLU and dropout are piecewise linear, so with the slopes
 * and masks fixed (Q_i) ∇ₓD is the chain g = (…((w_outᵀ ⊙ Q_L)·W_Lᵀ ⊙ Q_{L−1})…·W₂ᵀ ⊙ Q₁)·W₁ᵀ and
 * its gradient is a backward pass through that chain: biases only move Q and get none.
 */
export function buildCtganTrainGraph(net: CtganNetwork, batch: number, criticSteps: number, lambda: number) {
  const { shape, layout, condDim: C } = net;
  const { embeddingDim: E, pac, tau } = shape;
  const D = layout.dim;
  const T = layout.tanhCount;
  const W = D - T;
  const B = batch;
  const G = batch / pac;
  const PIN = pac * (D + C);
  const HD = shape.discriminatorDim;
  const HG = shape.generatorDim;
  const t = new TrainGraph();
  const gState = t.paramState('g', net.generator.specs);
  let dState = t.paramState('d', net.discriminator.specs);
  const bnSize = 2 * HG.reduce((a, b) => a + b, 0);
  let bn = t.stateInput('bn', bnSize);
  const g = gState.w;
  const adamD = net.adamD.options;
  const adamG = net.adamG.options;
  const decayD = adamD.weightDecay ?? 0;
  const decayG = adamG.weightDecay ?? 0;
  // Weight matrices whose gradient GEMM adds the decay itself.
  const decayedD = new Set(decayD > 0 ? HD.map((_, i) => `fc${i}.w`) : []);
  const decayedG = new Set(decayG > 0 ? [...HG.map((_, i) => `res${i}.w`), 'out.w'] : []);
  /** xᵀ·dy + λ·W: a generator weight's gradient with its L2 decay. */
  const decayedGrad = (x: string, dy: string, w: string) =>
    t.gemm(x, dy, decayG > 0 ? w : undefined, { transA: true, beta: decayG });
  const mask =
    W > 0
      ? t.constant(
          Float32Array.from(layout.padding, (p) => (p ? MASKED : 0)),
          [W],
        )
      : '';
  const scalar = (name: string) => t.input(name, []);
  const rowSum = (x: string) => t.op('ReduceSum', [x, t.ints([0])], { keepdims: 1 });
  const rowMean = (x: string) => t.op('ReduceMean', [x], { axes: [0], keepdims: 1 });
  const bucketView = (x: string, b: { start: number; count: number; width: number }) =>
    t.reshape(t.slice(x, b.start - T, b.start - T + b.count * b.width), [B, b.count, b.width]);
  const flatBucket = (x: string, b: { count: number; width: number }) => t.reshape(x, [B, b.count * b.width]);

  /** Residual blocks in training mode: batch statistics, folded into the running ones. */
  function generatorPass(zc: string, bnIn: string): GeneratorPass {
    const h = [zc];
    const blocks: { centred: string; inv: string; r: string }[] = [];
    const means: string[] = [];
    const vars: string[] = [];
    let o = 0;
    const m = net.stats.momentum;
    HG.forEach((width, i) => {
      const a = t.gemm(h[i]!, g[`res${i}.w`]!, g[`res${i}.b`]);
      const mean = rowMean(a);
      const centred = t.sub(a, mean);
      const variance = rowMean(t.mul(centred, centred));
      const inv = t.op('Reciprocal', [t.op('Sqrt', [t.add(variance, t.scalar(BN_EPS))])]);
      const y = t.add(t.mul(centred, t.mul(inv, g[`res${i}.gamma`]!)), g[`res${i}.beta`]!);
      const r = t.op('Relu', [y]);
      blocks.push({ centred, inv, r });
      h.push(t.concat([r, h[i]!], 1));
      const unbiased = B > 1 ? B / (B - 1) : 1;
      const old = (k: number) => t.reshape(t.slice(bnIn, k, k + width, 0), [1, width]);
      means.push(t.add(t.mul(old(o), t.scalar(1 - m)), t.mul(mean, t.scalar(m))));
      vars.push(
        t.add(
          t.mul(old(bnSize / 2 + o), t.scalar(1 - m)),
          t.mul(t.mul(variance, t.scalar(unbiased)), t.scalar(m)),
        ),
      );
      o += width;
    });
    const raw = t.gemm(h.at(-1)!, g['out.w']!, g['out.b']);
    const bnOut = HG.length > 0 ? t.reshape(t.concat([...means, ...vars], 1), [bnSize]) : bnIn;
    return { raw, h, blocks, bn: bnOut };
  }

  /** tanh on the tanh columns, Gumbel-softmax softmax((l + g)/τ) on each span (activateSpans). */
  function activate(raw: string, gumbel: string) {
    const th = T > 0 ? t.op('Tanh', [t.slice(raw, 0, T)]) : '';
    const parts = T > 0 ? [th] : [];
    const z = W > 0 ? t.add(t.div(t.add(t.slice(raw, T, D), gumbel), t.scalar(tau)), mask) : '';
    const probs = layout.buckets.map((b) => t.op('Softmax', [bucketView(z, b)], { axis: 2 }));
    parts.push(...probs.map((p, k) => flatBucket(p, layout.buckets[k]!)));
    return { act: t.concat(parts, 1), th, probs };
  }

  /** [B, D] activations and the condition columns of `zc` as PacGAN groups [G, pac·(D + C)]. */
  const packed = (act: string, zc: string) =>
    t.reshape(C > 0 ? t.concat([act, t.slice(zc, E, E + C)], 1) : act, [G, PIN]);

  /** A critic pass; without `score` only the slopes and masks Q (all the penalty needs). */
  function criticPass(
    d: Readonly<Record<string, string>>,
    x: string,
    masks: readonly string[],
    score = true,
  ): CriticPass {
    const h = [x];
    const q: string[] = [];
    HD.forEach((_, i) => {
      const a = t.gemm(h[i]!, d[`fc${i}.w`]!, d[`fc${i}.b`]);
      const slope = t.op('Where', [t.op('Greater', [a, t.scalar(0)]), t.scalar(1), t.scalar(LEAK)]);
      q.push(t.mul(slope, masks[i]!));
      if (score || i < HD.length - 1) h.push(t.mul(a, q[i]!));
    });
    return { out: score ? t.gemm(h.at(-1)!, d['out.w']!, d['out.b']) : '', h, q };
  }

  /**
   * Gradients of the critic's weights from dL/dscore (backward through a critic pass), plus the
   * matching entries of `extra` (other loss terms), added inside the weight GEMMs.
   */
  function criticWeightGrads(
    d: Readonly<Record<string, string>>,
    pass: CriticPass,
    dy: string,
    extra: Readonly<Record<string, string>>,
  ) {
    const grads: Record<string, string> = {};
    const L = HD.length;
    grads['out.w'] = t.gemm(pass.h[L]!, dy, extra['out.w'], { transA: true });
    grads['out.b'] = t.sumRows(dy);
    let dh = t.gemm(dy, d['out.w']!, undefined, { transB: true });
    for (let i = L - 1; i >= 0; i--) {
      const da = t.mul(dh, pass.q[i]!);
      grads[`fc${i}.w`] = t.gemm(pass.h[i]!, da, extra[`fc${i}.w`], { transA: true });
      grads[`fc${i}.b`] = t.sumRows(da);
      if (i > 0) dh = t.gemm(da, d[`fc${i}.w`]!, undefined, { transB: true });
    }
    return grads;
  }

  /** dL/dx from dL/dscore through a critic pass, the critic held fixed. */
  function criticInputGrad(d: Readonly<Record<string, string>>, pass: CriticPass, dy: string): string {
    let dh = t.gemm(dy, d['out.w']!, undefined, { transB: true });
    for (let i = HD.length - 1; i >= 0; i--)
      dh = t.gemm(t.mul(dh, pass.q[i]!), d[`fc${i}.w`]!, undefined, { transB: true });
    return dh;
  }

  /**
   * λ·mean((‖∇ₓD(x̂)‖ − 1)²) over the groups and its gradient with respect to the critic's weights
   * (Gulrajani et al., 2017, eq. 3), through the linear chain described above.
   */
  function penalty(d: Readonly<Record<string, string>>, q: readonly string[]) {
    const L = HD.length;
    // Forward chain: da_L = w_outᵀ ⊙ Q_L, da_{i−1} = (da_i·W_iᵀ) ⊙ Q_{i−1}, g = da₁·W₁ᵀ.
    const da: string[] = new Array(L);
    let r = t.reshape(d['out.w']!, [1, -1]);
    for (let i = L - 1; i >= 0; i--) {
      da[i] = t.mul(r, q[i]!);
      r = t.gemm(da[i]!, d[`fc${i}.w`]!, undefined, { transB: true });
    }
    const gx = L > 0 ? r : t.op('Expand', [r, t.ints([G, PIN])]);
    const norm = t.op('Sqrt', [t.op('ReduceSum', [t.mul(gx, gx), t.ints([1])], { keepdims: 1 })]);
    const dev = t.sub(norm, t.scalar(1));
    const value = t.mul(t.op('ReduceMean', [t.mul(dev, dev)], { keepdims: 0 }), t.scalar(lambda));
    // dP/dg = (2λ/G)·(‖g‖ − 1)/‖g‖ · g per group, then back through the chain.
    const dg = t.mul(gx, t.mul(t.div(dev, norm), t.scalar((2 * lambda) / G)));
    const grads: Record<string, string> = {};
    let dr = dg;
    for (let i = 0; i < L; i++) {
      const rowsIn = i === 0 ? dg : t.mul(dr, q[i - 1]!);
      // The critic's L2 decay λ·W rides along in this GEMM (Adam then adds none for W).
      grads[`fc${i}.w`] = t.gemm(rowsIn, da[i]!, decayD > 0 ? d[`fc${i}.w`] : undefined, {
        transA: true,
        beta: decayD,
      });
      dr = t.gemm(rowsIn, d[`fc${i}.w`]!);
    }
    const last = L > 0 ? t.mul(dr, q[L - 1]!) : dg;
    grads['out.w'] = t.reshape(t.sumRows(last), [-1, 1]);
    return { value, grads };
  }

  const maskInputs = (prefix: string, rows: number) => HD.map((h, i) => t.input(`${prefix}_${i}`, [rows, h]));
  // dL/dscore of −(mean D(real) − mean D(fake)) for the stacked [real; fake] rows.
  const wassDy = t.constant(
    Float32Array.from({ length: 2 * G }, (_, i) => (i < G ? -1 / G : 1 / G)),
    [2 * G, 1],
  );
  let lossD = t.scalar(0);
  let pen = t.scalar(0);
  for (let s = 0; s < criticSteps; s++) {
    const d = dState.w;
    const zc = t.input(`zc${s}`, [B, E + C]);
    const real = t.input(`real${s}`, [G, PIN]);
    const gumbel = W > 0 ? t.input(`gumbel${s}`, [B, W]) : '';
    const alpha = t.input(`alpha${s}`, [G, 1]);
    const fakePass = generatorPass(zc, bn);
    bn = fakePass.bn;
    const fake = packed(activate(fakePass.raw, gumbel).act, zc);
    const both = criticPass(d, t.concat([real, fake], 0), maskInputs(`maskRF${s}`, 2 * G));
    const scores = both.out;
    lossD = t.op('ReduceSum', [t.mul(scores, wassDy)], { keepdims: 0 });
    // The Wasserstein term's weight gradients, with the penalty's (and the decay) added in the GEMMs.
    const mixed = t.add(t.mul(alpha, real), t.mul(t.sub(t.scalar(1), alpha), fake));
    const gp = penalty(d, criticPass(d, mixed, maskInputs(`maskGP${s}`, G), false).q);
    pen = gp.value;
    const grads = criticWeightGrads(d, both, wassDy, gp.grads);
    const last = s === criticSteps - 1;
    dState = t.adamParams(dState, grads, adamD, scalar(`lrtD${s}`), scalar(`rbc2D${s}`), last, decayedD);
  }

  // Generator update against the updated critic.
  const d = dState.w;
  const zc = t.input('zcG', [B, E + C]);
  const gumbel = W > 0 ? t.input('gumbelG', [B, W]) : '';
  const pass = generatorPass(zc, bn);
  bn = pass.bn;
  const { act, th, probs } = activate(pass.raw, gumbel);
  const critic = criticPass(d, packed(act, zc), maskInputs('maskG', G));
  const minusMean = t.constant(new Float32Array(G).fill(-1 / G), [G, 1]);
  let lossG = t.op('ReduceSum', [t.mul(critic.out, minusMean)], { keepdims: 0 });
  const dPacked = criticInputGrad(d, critic, minusMean);
  const dRows = t.reshape(dPacked, [B, D + C]);
  const dAct = C > 0 ? t.slice(dRows, 0, D) : dRows;
  const dRaw: string[] = [];
  if (T > 0) dRaw.push(t.mul(t.slice(dAct, 0, T), t.sub(t.scalar(1), t.mul(th, th))));
  let conditionLoss = t.scalar(0);
  if (W > 0) {
    // Softmax backward per span: dz = p ⊙ (dy − Σ dy·p), then ÷τ for z = (l + g)/τ.
    const dSoft = layout.buckets.map((b, k) => {
      const p = probs[k]!;
      const dy = bucketView(t.slice(dAct, T, D), b);
      const dot = t.op('ReduceSum', [t.mul(dy, p), t.ints([2])], { keepdims: 1 });
      return flatBucket(t.mul(t.mul(p, t.sub(dy, dot)), t.scalar(1 / tau)), b);
    });
    let dLogits = t.concat(dSoft, 1);
    if (C > 0) {
      // Cross-entropy −Σ t·log softmax(l)/B on clipped logits (spanLogSoftmax): ∂/∂l = (p·Σt − t)/B
      // per span, zero where the clip is active.
      const target = t.input('target', [B, W]);
      const pre = t.add(t.slice(pass.raw, T, D), mask);
      const logits = t.op('Clip', [pre, t.scalar(-LOGIT_LIMIT), t.scalar(LOGIT_LIMIT)]);
      const exp = t.op('Exp', [logits]);
      const logp: string[] = [];
      const dCe: string[] = [];
      for (const b of layout.buckets) {
        const sum = t.op('ReduceSum', [bucketView(exp, b), t.ints([2])], { keepdims: 1 });
        const tb = bucketView(target, b);
        logp.push(flatBucket(t.sub(bucketView(logits, b), t.op('Log', [sum])), b));
        const picked = t.op('ReduceSum', [tb, t.ints([2])], { keepdims: 1 });
        dCe.push(flatBucket(t.sub(t.mul(t.div(bucketView(exp, b), sum), picked), tb), b));
      }
      conditionLoss = t.mul(t.sumAll(t.mul(target, t.concat(logp, 1))), t.scalar(-1 / B));
      const inRange = t.op('Cast', [t.op('Equal', [logits, pre])], { to: 1 });
      dLogits = t.add(dLogits, t.mul(t.mul(t.concat(dCe, 1), inRange), t.scalar(1 / B)));
      lossG = t.add(lossG, conditionLoss);
    }
    dRaw.push(dLogits);
  }

  // Generator backward: output layer, then each residual block (ReLU, batch norm, linear). Only the
  // block outputs' gradients are needed, not the input's: each GEMM to a layer input uses the rows
  // of W that multiply r_{i−1}, …, r₀.
  const grads: Record<string, string> = {};
  const dy = t.concat(dRaw, 1);
  const L = HG.length;
  const hidden = (i: number) => HG.slice(0, i).reduce((a, b) => a + b, 0);
  const toBlocks = (dz: string, w: string, i: number) =>
    t.gemm(dz, t.slice(w, 0, hidden(i), 0), undefined, { transB: true });
  grads['out.w'] = decayedGrad(pass.h[L]!, dy, g['out.w']!);
  grads['out.b'] = t.sumRows(dy);
  // dh: gradient of [r_{i}, …, r₀] (the block outputs inside the input of layer i + 1).
  let dh = L > 0 ? toBlocks(dy, g['out.w']!, L) : '';
  for (let i = L - 1; i >= 0; i--) {
    const block = pass.blocks[i]!;
    const xhat = t.mul(block.centred, block.inv);
    const dr = t.reluGrad(t.slice(dh, 0, HG[i]!), block.r);
    grads[`res${i}.gamma`] = t.sumRows(t.mul(dr, xhat));
    grads[`res${i}.beta`] = t.sumRows(dr);
    // Batch-norm backward (Ioffe & Szegedy, 2015): da = inv·(dx̂ − mean dx̂ − x̂·mean(dx̂·x̂)).
    const dxhat = t.mul(dr, g[`res${i}.gamma`]!);
    const da = t.mul(
      t.sub(t.sub(dxhat, rowMean(dxhat)), t.mul(xhat, rowMean(t.mul(dxhat, xhat)))),
      block.inv,
    );
    grads[`res${i}.w`] = decayedGrad(pass.h[i]!, da, g[`res${i}.w`]!);
    grads[`res${i}.b`] = t.sumRows(da);
    if (i > 0) dh = t.add(t.slice(dh, HG[i]!, hidden(i + 1)), toBlocks(da, g[`res${i}.w`]!, i));
  }
  t.adamParams(gState, grads, adamG, scalar('lrtG'), scalar('rbc2G'), true, decayedG);
  t.stateOutput('bn', bn, bnSize);
  const one = (x: string) => t.reshape(x, [1]);
  t.output('losses', t.concat([one(lossG), one(lossD), one(pen), one(conditionLoss)], 0), [4]);
  return t;
}

/** Opens the CTGAN iteration on onnxruntime with the network's current weights, moments and statistics. */
export async function ctganTrainSession(
  ort: OrtModule,
  net: CtganNetwork,
  batch: number,
  criticSteps: number,
  lambda: number,
  threads = 1,
): Promise<TrainSession> {
  const session = await buildCtganTrainGraph(net, batch, criticSteps, lambda).session(ort, threads);
  writeState(session, net.generator.specs, net.discriminator.specs, {
    g: net.generator.read(),
    bn: net.stats.read(),
    d: net.discriminator.read(),
    ag: net.adamG.state(),
    ad: net.adamD.state(),
  });
  return session;
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
export function readState(
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
