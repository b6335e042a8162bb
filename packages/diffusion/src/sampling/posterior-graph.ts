import { GraphBuilder, ONNX_FLOAT, ONNX_INT64 } from '@synthkit/neural';
import type { SidecarLayout } from '../encoder/sidecar.js';
import { QUANTILE_Z_BOUND } from '../transform/quantile-normal.js';

/** Inputs of a sampling step besides the model's own x_t (and y): fed fresh for every step. */
export const STEP_IO = {
  /** Model timestep, int64 [1]; expanded to the model's t input in the graph. */
  t: 'step/t',
  /** Standard normals [numerical count, N] (zeros when σ = 0). */
  z: 'step/z',
  /** Uniforms in [0, 1) [categorical count, N]: one inverse-CDF draw per categorical column. */
  u: 'step/u',
  /** float [1] each: the Gaussian step's coefficients (see gaussianStepCoefficients). */
  x0FromXt: 'step/x0_from_xt',
  x0FromEps: 'step/x0_from_eps',
  prevFromX0: 'step/prev_from_x0',
  prevFromEps: 'step/prev_from_eps',
  sigma: 'step/sigma',
  /** float [1] each: α = ᾱ_t/ᾱ_prev and ᾱ_prev of the multinomial posterior. */
  alpha: 'step/alpha',
  alphaBarPrev: 'step/alpha_bar_prev',
  /** Output: x_{t−1} [N, D] in the model's input layout (one-hot categorical spans). */
  next: 'step/x_prev',
} as const;

/**
 * The reverse step after the denoiser, as ONNX: reads the model input x_t (name `layout.io.x`) and
 * output (`layout.io.out`), and writes x_{t−1} in the same layout, so one session call is one
 * sampling step and the posterior runs in onnxruntime's vectorised kernels instead of JavaScript.
 *  - numerical dims: the DDPM/DDIM update of gaussian.ts (x̂₀ clipped, then √ᾱ_prev·x̂₀ +
 *    √(1−ᾱ_prev−σ²)·ε̂ + σ·z);
 *  - categorical spans: Hoogeboom et al.'s posterior θ ∝ [α·x_t + (1−α)/K] ⊙ [ᾱ_prev·softmax(logits)
 *    + (1−ᾱ_prev)/K] (multinomial.ts), a class drawn by inverse CDF with one uniform — the first k
 *    whose cumulative θ exceeds u·Σθ, the same rule as the JavaScript step, so equal noise gives
 *    equal draws — and written back one-hot.
 * The work runs on the transposed rows ([D, N]), so a span is a contiguous block of rows and each op
 * one long vector loop. (A first version on [N, K] column slices took about as long in total —
 * 10.4 against 9.6 ms per 4096 rows on one thread — its time going to per-row copies in Split and
 * OneHot where this one spends it in three Transposes.)
 * Also produces the model's t input ([N], int64 or float32) from the scalar step/t. `opset` is the
 * model's (≥ 13): ReduceMax takes its axes as an attribute before 18 and as an input from 18 on.
 * The noise inputs are transposed too: z is [numerical count, N], u [categorical count, N].
 */
export function posteriorGraph(layout: SidecarLayout, timeType: 'int64' | 'float32', opset = 17): Uint8Array {
  const g = new GraphBuilder();
  const io = layout.io;
  const nNum = layout.numerical.length;
  const nCat = layout.spanSize.length;
  const D = layout.width;
  const x = g.input(io.x, ONNX_FLOAT, ['N', D]);
  const out = g.input(io.out, ONNX_FLOAT, ['N', D]);
  const scalar = (name: string) => g.input(name, ONNX_FLOAT, [1]);
  // constants are made once per name
  const made = new Set<string>();
  const once = (name: string, make: () => string): string => {
    if (!made.has(name)) {
      made.add(name);
      make();
    }
    return name;
  };
  const ints = (name: string, v: number[], dims = [v.length]) =>
    once(name, () => g.int64Tensor(name, v, dims));
  const floats = (name: string, v: number[], dims = [v.length]) =>
    once(name, () => g.floatTensor(name, Float32Array.from(v), dims));
  const axis0 = ints('axis0', [0]);
  const rowsOf = (from: string, a: number, b: number) =>
    g.op('Slice', [from, ints(`s${a}`, [a]), ints(`e${b}`, [b]), axis0]);
  const reduceMax0 = (v: string) =>
    opset >= 18
      ? g.op('ReduceMax', [v, axis0], { keepdims: 1 })
      : g.op('ReduceMax', [v], { axes: [0], keepdims: 1 });
  const reduceSum0 = (v: string) => g.op('ReduceSum', [v, axis0], { keepdims: 1 });

  // the model's t: the step's timestep for every row
  const tStep = g.input(STEP_IO.t, ONNX_INT64, [1]);
  const rows = g.op('Slice', [g.op('Shape', [x]), ints('s0', [0]), ints('e1', [1])]);
  const tRows = g.op('Expand', [tStep, rows]);
  g.op(
    timeType === 'int64' ? 'Identity' : 'Cast',
    [tRows],
    timeType === 'int64' ? {} : { to: ONNX_FLOAT },
    io.t,
  );

  const xT = g.op('Transpose', [x], { perm: [1, 0] });
  const outT = g.op('Transpose', [out], { perm: [1, 0] });
  const parts: string[] = [];
  if (nNum > 0) {
    const z = g.input(STEP_IO.z, ONNX_FLOAT, [nNum, 'N']);
    const xt = rowsOf(xT, 0, nNum);
    const eps = rowsOf(outT, 0, nNum);
    const bound = layout.numerical.map((c) =>
      c.transform.kind === 'quantile' ? QUANTILE_Z_BOUND : Number.POSITIVE_INFINITY,
    );
    const raw = g.op('Add', [
      g.op('Mul', [xt, scalar(STEP_IO.x0FromXt)]),
      g.op('Mul', [eps, scalar(STEP_IO.x0FromEps)]),
    ]);
    const x0 = g.op('Min', [
      g.op('Max', [
        raw,
        floats(
          'clip_lo',
          bound.map((b) => -b),
          [nNum, 1],
        ),
      ]),
      floats('clip_hi', bound, [nNum, 1]),
    ]);
    parts.push(
      g.op('Add', [
        g.op('Add', [
          g.op('Mul', [x0, scalar(STEP_IO.prevFromX0)]),
          g.op('Mul', [eps, scalar(STEP_IO.prevFromEps)]),
        ]),
        g.op('Mul', [z, scalar(STEP_IO.sigma)]),
      ]),
    );
  }
  if (nCat > 0) {
    const u = g.input(STEP_IO.u, ONNX_FLOAT, [nCat, 'N']);
    const alpha = scalar(STEP_IO.alpha);
    const abPrev = scalar(STEP_IO.alphaBarPrev);
    const one = floats('one', [1]);
    const oneMinusAlpha = g.op('Sub', [one, alpha]);
    const oneMinusAbPrev = g.op('Sub', [one, abPrev]);
    for (let c = 0; c < nCat; c++) {
      const K = layout.spanSize[c]!;
      const s = layout.spanStart[c]!;
      const invK = floats(`inv_k${K}`, [1 / K]);
      const logits = rowsOf(outT, s, s + K);
      const e = g.op('Exp', [g.op('Sub', [logits, reduceMax0(logits)])]);
      // ᾱ_prev·softmax + (1−ᾱ_prev)/K, with the division done once per row
      const fromX0 = g.op('Add', [
        g.op('Mul', [e, g.op('Div', [abPrev, reduceSum0(e)])]),
        g.op('Mul', [oneMinusAbPrev, invK]),
      ]);
      const fromXt = g.op('Add', [
        g.op('Mul', [rowsOf(xT, s, s + K), alpha]),
        g.op('Mul', [oneMinusAlpha, invK]),
      ]);
      const cdf = g.op('CumSum', [g.op('Mul', [fromXt, fromX0]), ints('cum_axis', [0], [])]);
      const threshold = g.op('Mul', [rowsOf(u, c, c + 1), rowsOf(cdf, K - 1, K)]);
      // the class is the number of k with cdf_k ≤ threshold (cdf rises with k): the first k with
      // cdf_k > threshold; the last class when rounding leaves none
      const below = reduceSum0(g.op('Cast', [g.op('LessOrEqual', [cdf, threshold])], { to: ONNX_FLOAT }));
      const pick = g.op('Min', [below, floats(`last_k${K}`, [K - 1])]);
      const classes = floats(
        `classes_k${K}`,
        Array.from({ length: K }, (_, k) => k),
        [K, 1],
      );
      parts.push(g.op('Cast', [g.op('Equal', [pick, classes])], { to: ONNX_FLOAT }));
    }
  }
  const nextT = parts.length === 1 ? parts[0]! : g.op('Concat', parts, { axis: 0 });
  const next = g.op('Transpose', [nextT], { perm: [1, 0] }, STEP_IO.next);
  g.output(next, ONNX_FLOAT, ['N', D]);
  return g.build('tabddpm_posterior', '@synthkit/diffusion');
}
