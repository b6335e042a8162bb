import { GraphBuilder, ONNX_FLOAT, ONNX_INT64 } from '@synthkit/neural';

/**
 * A denoiser written by hand from known weights, with no trainer involved: out = x_t ⊙ A[t] + B[t]
 * (+ G[t] ⊙ M[y] when class-conditional), tables indexed by the timestep. With the right tables
 * this is the exact optimal denoiser for independent columns of known distribution, so sampling
 * it must reproduce that distribution.
 */
export interface HandBuiltTables {
  readonly T: number;
  readonly width: number;
  /** [T × width] each */
  readonly A: Float32Array;
  readonly B: Float32Array;
  /** Conditional part: G [T × width] times M [classes × width]. */
  readonly conditional?: { readonly G: Float32Array; readonly M: Float32Array; readonly classes: number };
  readonly timeInput?: 'int64' | 'float32';
  readonly names?: { x?: string; t?: string; y?: string; out?: string };
}

export function handBuiltModel(m: HandBuiltTables): Uint8Array {
  const g = new GraphBuilder();
  const n = { x: 'x_t', t: 't', y: 'y', out: 'out', ...m.names };
  const x = g.input(n.x, ONNX_FLOAT, ['N', m.width]);
  const floatTime = m.timeInput === 'float32';
  const t = g.input(n.t, floatTime ? ONNX_FLOAT : ONNX_INT64, ['N']);
  const tIndex = floatTime ? g.op('Cast', [t], { to: ONNX_INT64 }) : t;
  const a = g.op('Gather', [g.floatTensor('A', m.A, [m.T, m.width]), tIndex], { axis: 0 });
  const b = g.op('Gather', [g.floatTensor('B', m.B, [m.T, m.width]), tIndex], { axis: 0 });
  let out = g.op('Add', [g.op('Mul', [x, a]), b]);
  if (m.conditional) {
    const y = g.input(n.y, ONNX_INT64, ['N']);
    const gt = g.op('Gather', [g.floatTensor('G', m.conditional.G, [m.T, m.width]), tIndex], { axis: 0 });
    const my = g.op('Gather', [g.floatTensor('M', m.conditional.M, [m.conditional.classes, m.width]), y], {
      axis: 0,
    });
    out = g.op('Add', [out, g.op('Mul', [gt, my])]);
  }
  g.op('Identity', [out], {}, n.out);
  g.output(n.out, ONNX_FLOAT, ['N', m.width]);
  return g.build('hand_built_denoiser', 'synthkit-test');
}

/**
 * Tables of the optimal denoiser for: numerical model-space dims i ~ N(mu[i], sd[i]²) (ε-prediction:
 * E[ε | x_t] = √(1−ᾱ)(x_t − √ᾱ μ)/(ᾱ s² + 1 − ᾱ)), then categorical spans with class probabilities p.
 * For a span the logits must make the plug-in posterior A ⊙ (ᾱ_prev·x̂₀ + (1−ᾱ_prev)/K) equal the true
 * reverse step Σ_x₀ p(x₀ | x_t)·q(x_prev | x_t, x₀); that holds for x̂₀ ∝ p(x₀ | x_t)/Z(x₀) with Z the
 * normaliser of q(x_prev | x_t, x₀). Both log p(x₀ | x_t) and log Z are linear in one-hot x_t, so the
 * logits are log p_k + x_t,k·(log(1 + Kᾱ/(1−ᾱ)) − log Z_here + log Z_other). `alphaBarPrev[t]` is ᾱ of
 * the step the sampler goes to from t (ᾱ_{t−1} for the full schedule, 1 at t = 0).
 */
export function optimalTables(
  alphaBar: Float64Array,
  numerical: ReadonlyArray<{ mu: number; sd: number }>,
  categorical: ReadonlyArray<readonly number[]>,
  alphaBarPrev: Float64Array = Float64Array.from(alphaBar, (_, t) => (t === 0 ? 1 : alphaBar[t - 1]!)),
): { A: Float32Array; B: Float32Array; width: number } {
  const T = alphaBar.length;
  const width = numerical.length + categorical.reduce((s, p) => s + p.length, 0);
  const A = new Float32Array(T * width);
  const B = new Float32Array(T * width);
  for (let t = 0; t < T; t++) {
    const ab = alphaBar[t]!;
    const abPrev = alphaBarPrev[t]!;
    const alpha = ab / abPrev;
    let j = 0;
    for (const { mu, sd } of numerical) {
      const a = Math.sqrt(1 - ab) / (ab * sd * sd + 1 - ab);
      A[t * width + j] = a;
      B[t * width + j] = -a * Math.sqrt(ab) * mu;
      j++;
    }
    for (const p of categorical) {
      const K = p.length;
      const zHere = abPrev * (alpha + (1 - alpha) / K) + (1 - abPrev) / K;
      const zOther = (abPrev * (1 - alpha)) / K + (1 - abPrev) / K;
      for (const pk of p) {
        A[t * width + j] = Math.log(1 + (K * ab) / (1 - ab)) - Math.log(zHere) + Math.log(zOther);
        B[t * width + j] = Math.log(pk);
        j++;
      }
    }
  }
  return { A, B, width };
}
