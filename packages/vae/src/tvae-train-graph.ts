import { type OrtModule, TrainGraph, type TrainSession } from '@synthkit/neural';
import type { TvaeNetwork } from './tvae-network.js';

const LOGIT_LIMIT = 30;
const SIGMA_MIN = 0.01;
const SIGMA_MAX = 1;

/**
 * One TVAE training step as a single ONNX graph (the loss of TvaeNetwork.loss, its gradient derived
 * by hand, Adam with L2 decay as Adam.apply, then σ clipped to [0.01, 1] as TvaeNetwork.step).
 *
 * Inputs: state `params`, `m`, `v` (flat, ParamSet order); per step `x` [n, dim] (network layout),
 * `eps` [n, embeddingDim] (the latent noise), scalars `scale` = lossFactor/n, `invN` = 1/n, `count` = n,
 * `lrt` = lr/(1−β₁ᵗ), `rbc2` = 1/√(1−β₂ᵗ). Outputs: the new state and `losses` [total, reconstruction, KL].
 *
 * Gradients (Xu et al. 2019's loss; z = μ + ε·σ_z with σ_z = exp(½ log σ²_z)):
 *  - span cross-entropy −Σ x·log softmax(l): ∂/∂l = softmax(l) − x per one-hot span (each span of a
 *    real row holds exactly one 1), zero where the ±30 clip is active (as tfjs's clip gradient);
 *  - Gaussian NLL Σ (x − tanh r)²/(2σ²) + n Σ log σ: ∂/∂r = −(x − tanh r)/σ² · (1 − tanh² r),
 *    ∂/∂σ = −Σ (x − tanh r)²/σ³ + n/σ;
 *  - KL −½ Σ (1 + log σ²_z − μ² − σ²_z)/n: ∂/∂μ = μ/n, ∂/∂log σ²_z = ½(σ²_z − 1)/n;
 *  - through the sampling: ∂z/∂μ = 1, ∂z/∂log σ²_z = ½ ε σ_z.
 */
export function buildTvaeTrainGraph(net: TvaeNetwork): TrainGraph {
  const { layout, shape, params } = net;
  const adam = net.adam.options;
  const D = layout.dim;
  const T = layout.tanhCount;
  const S = D - T;
  const E = shape.embeddingDim;
  const P = params.size;
  const sigmaOffset = P - params.sizes.at(-1)!;

  const t = new TrainGraph();
  const flat = t.stateInput('params', P);
  const m = t.stateInput('m', P);
  const v = t.stateInput('v', P);
  const x = t.input('x', ['N', D]);
  const eps = t.input('eps', ['N', E]);
  const [scale, invN, count, lrt, rbc2] = ['scale', 'invN', 'count', 'lrt', 'rbc2'].map((n) =>
    t.input(n, []),
  ) as [string, string, string, string, string];
  const w = t.views(flat, params.specs);

  // Forward.
  const enc: string[] = [x];
  for (let i = 0; i < shape.compressDims.length; i++)
    enc.push(t.op('Relu', [t.gemm(enc[i]!, w[`enc${i}.w`]!, w[`enc${i}.b`])]));
  const hEnc = enc.at(-1)!;
  // Two Gemms: one on the concatenated [μ | log σ²] weights ran at a third of the speed.
  const mu = t.gemm(hEnc, w['mu.w']!, w['mu.b']);
  const logvar = t.gemm(hEnc, w['logvar.w']!, w['logvar.b']);
  const std = t.op('Exp', [t.mul(logvar, t.scalar(0.5))]);
  const z = t.add(mu, t.mul(eps, std));
  const dec: string[] = [z];
  for (let i = 0; i < shape.decompressDims.length; i++)
    dec.push(t.op('Relu', [t.gemm(dec[i]!, w[`dec${i}.w`]!, w[`dec${i}.b`])]));
  const hDec = dec.at(-1)!;
  const rec = t.gemm(hDec, w['out.w']!, w['out.b']);

  // Reconstruction loss and its gradient with respect to the decoder output, times lossFactor/n.
  const recSum: string[] = [];
  const dRec: string[] = [];
  let dSigma: string | undefined;
  if (T > 0) {
    const sigma = t.slice(w.sigma!, 0, T, 0);
    const th = t.op('Tanh', [t.slice(rec, 0, T)]);
    const diff = t.sub(t.slice(x, 0, T), th);
    const diff2 = t.mul(diff, diff);
    const s2 = t.mul(sigma, sigma);
    recSum.push(
      t.add(t.sumAll(t.div(diff2, t.mul(s2, t.scalar(2)))), t.mul(t.sumAll(t.op('Log', [sigma])), count)),
    );
    const dTanh = t.mul(t.op('Neg', [t.div(diff, s2)]), t.sub(t.scalar(1), t.mul(th, th)));
    dRec.push(t.mul(dTanh, scale));
    dSigma = t.mul(
      t.add(t.op('Neg', [t.div(t.sumRows(diff2), t.mul(s2, sigma))]), t.div(count, sigma)),
      scale,
    );
  }
  if (S > 0) {
    const xs = t.slice(x, T, D);
    const pre = t.add(t.slice(rec, T, D), t.constant(maskValues(layout.padding), [S]));
    const logits = t.op('Clip', [pre, t.scalar(-LOGIT_LIMIT), t.scalar(LOGIT_LIMIT)]);
    // log p = l − log Σ exp(l) per span (no max subtracted: |l| ≤ 30), p = exp(l)/Σ exp(l), as
    // spanLogSoftmax; ORT's ReduceLogSumExp took 4× longer than these plain ops.
    const exp = t.op('Exp', [logits]);
    const logp: string[] = [];
    const prob: string[] = [];
    for (const b of layout.buckets) {
      const bucket = (y: string) =>
        t.reshape(t.slice(y, b.start - T, b.start - T + b.count * b.width), [-1, b.count, b.width]);
      const e3 = bucket(exp);
      const sum = t.op('ReduceSum', [e3, t.ints([2])], { keepdims: 1 });
      const flat = (y: string) => t.reshape(y, [-1, b.count * b.width]);
      logp.push(flat(t.sub(bucket(logits), t.op('Log', [sum]))));
      prob.push(flat(t.div(e3, sum)));
    }
    recSum.push(t.op('Neg', [t.sumAll(t.mul(xs, t.concat(logp, 1)))]));
    const inRange = t.op('Cast', [t.op('Equal', [logits, pre])], { to: 1 });
    dRec.push(t.mul(t.mul(t.sub(t.concat(prob, 1), xs), inRange), scale));
  }
  const reconstruction = t.mul(recSum.length === 1 ? recSum[0]! : t.add(recSum[0]!, recSum[1]!), scale);
  const expLv = t.op('Exp', [logvar]);
  const kl = t.mul(
    t.mul(t.sumAll(t.sub(t.sub(t.add(logvar, t.scalar(1)), t.mul(mu, mu)), expLv)), t.scalar(-0.5)),
    invN,
  );
  t.output(
    'losses',
    t.concat(
      [t.add(reconstruction, kl), reconstruction, kl].map((s) => t.reshape(s, [1])),
      0,
    ),
    [3],
  );

  // Backward through the decoder.
  const grads: Record<string, string> = {};
  let dy = t.concat(dRec, 1);
  const out = t.denseGrad(hDec, w['out.w']!, dy);
  grads['out.w'] = out.dw;
  grads['out.b'] = out.db;
  dy = out.dx!;
  for (let i = shape.decompressDims.length - 1; i >= 0; i--) {
    const g = t.denseGrad(dec[i]!, w[`dec${i}.w`]!, t.reluGrad(dy, dec[i + 1]!));
    grads[`dec${i}.w`] = g.dw;
    grads[`dec${i}.b`] = g.db;
    dy = g.dx!;
  }
  // Through z = μ + ε·σ_z, plus the KL term.
  const dMu = t.add(dy, t.mul(mu, invN));
  const dLogvar = t.add(
    t.mul(t.mul(dy, eps), t.mul(std, t.scalar(0.5))),
    t.mul(t.sub(expLv, t.scalar(1)), t.mul(invN, t.scalar(0.5))),
  );
  const muG = t.denseGrad(hEnc, w['mu.w']!, dMu, false);
  const lvG = t.denseGrad(hEnc, w['logvar.w']!, dLogvar, false);
  grads['mu.w'] = muG.dw;
  grads['mu.b'] = muG.db;
  grads['logvar.w'] = lvG.dw;
  grads['logvar.b'] = lvG.db;
  dy = t.add(
    t.gemm(dMu, w['mu.w']!, undefined, { transB: true }),
    t.gemm(dLogvar, w['logvar.w']!, undefined, { transB: true }),
  );
  for (let i = shape.compressDims.length - 1; i >= 0; i--) {
    const g = t.denseGrad(enc[i]!, w[`enc${i}.w`]!, t.reluGrad(dy, enc[i + 1]!), i > 0);
    grads[`enc${i}.w`] = g.dw;
    grads[`enc${i}.b`] = g.db;
    dy = g.dx!;
  }

  // Adam. Without tanh columns σ is not in the loss: tfjs then has no gradient for it and leaves it
  // (and its moments) untouched, so only the other parameters are updated.
  const names = params.specs.map((s) => s.name).filter((n) => n !== 'sigma');
  const body = (s: string) => t.slice(s, 0, sigmaOffset, 0);
  const tail = (s: string) => t.slice(s, sigmaOffset, P, 0);
  const settings = {
    beta1: adam.beta1,
    beta2: adam.beta2,
    epsilon: adam.epsilon,
    weightDecay: adam.weightDecay,
  };
  let next: { p: string; m: string; v: string };
  if (dSigma) {
    const g = t.flatten([...names.map((n) => grads[n]!), dSigma], params.specs);
    const u = t.adam(flat, m, v, g, settings, lrt, rbc2);
    const sigma = t.op('Clip', [tail(u.p), t.scalar(SIGMA_MIN), t.scalar(SIGMA_MAX)]);
    next = { ...u, p: t.concat([body(u.p), sigma], 0) };
  } else {
    const g = t.flatten(
      names.map((n) => grads[n]!),
      params.specs,
    );
    const u = t.adam(body(flat), body(m), body(v), g, settings, lrt, rbc2);
    next = {
      p: t.concat([u.p, tail(flat)], 0),
      m: t.concat([u.m, tail(m)], 0),
      v: t.concat([u.v, tail(v)], 0),
    };
  }
  t.stateOutput('params', next.p, P);
  t.stateOutput('m', next.m, P);
  t.stateOutput('v', next.v, P);
  return t;
}

/** The padding mask of the softmax part as constants (−1e9 at padding, as paddingMask). */
function maskValues(padding: Float32Array): Float32Array {
  return Float32Array.from(padding, (p) => (p ? -1e9 : 0));
}

/** Opens the TVAE training step on onnxruntime with the network's current weights and moments. */
export async function tvaeTrainSession(ort: OrtModule, net: TvaeNetwork): Promise<TrainSession> {
  const session = await buildTvaeTrainGraph(net).session(ort);
  const a = net.adam.state();
  session.set('params', net.params.read());
  session.set('m', a.m);
  session.set('v', a.v);
  return session;
}
