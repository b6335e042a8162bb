import type { TrainGraph } from '@synthkit/neural';

const LEAK = 0.2;

type Weights = Readonly<Record<string, string>>;

/** One critic pass: each layer's input and its slopes times dropout (Q). */
export interface CriticPass {
  /** Scores [rows, 1] ('' when the pass was built without them). */
  readonly out: string;
  /** Inputs of the hidden layers and of the score layer: h₀ = x, …, h_L. */
  readonly h: readonly string[];
  /** Q_i = LeakyReLU slope (1 or 0.2) ⊙ dropout mask of hidden layer i: h_i = a_i ⊙ Q_i. */
  readonly q: readonly string[];
}

/**
 * CTGAN's critic (FC, LeakyReLU 0.2, inverted dropout per hidden width, then a linear score; weights
 * named as `discriminatorSpecs`) as ONNX graph pieces with hand-derived backward passes, including
 * the gradient penalty's second-order term.
 */
export class CriticGraph {
  constructor(
    private readonly t: TrainGraph,
    private readonly hidden: readonly number[],
    /** PacGAN groups per batch and the width of one group's input. */
    private readonly groups: number,
    private readonly inputWidth: number,
    /** L2 decay of the weight matrices, added inside the penalty's weight GEMMs. */
    private readonly decay: number,
  ) {}

  /** Names of the weight matrices whose gradient (from `penalty`) already holds the decay. */
  decayed(): Set<string> {
    return new Set(this.decay > 0 ? this.hidden.map((_, i) => `fc${i}.w`) : []);
  }

  /** A pass over x with the given dropout masks; without `score` only Q (all the penalty needs). */
  pass(d: Weights, x: string, masks: readonly string[], score = true): CriticPass {
    const t = this.t;
    const h = [x];
    const q: string[] = [];
    this.hidden.forEach((_, i) => {
      const a = t.gemm(h[i]!, d[`fc${i}.w`]!, d[`fc${i}.b`]);
      const slope = t.op('Where', [t.op('Greater', [a, t.scalar(0)]), t.scalar(1), t.scalar(LEAK)]);
      q.push(t.mul(slope, masks[i]!));
      if (score || i < this.hidden.length - 1) h.push(t.mul(a, q[i]!));
    });
    return { out: score ? t.gemm(h.at(-1)!, d['out.w']!, d['out.b']) : '', h, q };
  }

  /**
   * Gradients of the weights from dL/dscore (backward through a pass), plus the matching entries of
   * `extra` (other loss terms), added inside the weight GEMMs.
   */
  weightGrads(d: Weights, pass: CriticPass, dy: string, extra: Weights): Record<string, string> {
    const t = this.t;
    const grads: Record<string, string> = {};
    const L = this.hidden.length;
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

  /** dL/dx from dL/dscore through a pass, the critic held fixed. */
  inputGrad(d: Weights, pass: CriticPass, dy: string): string {
    const t = this.t;
    let dh = t.gemm(dy, d['out.w']!, undefined, { transB: true });
    for (let i = this.hidden.length - 1; i >= 0; i--)
      dh = t.gemm(t.mul(dh, pass.q[i]!), d[`fc${i}.w`]!, undefined, { transB: true });
    return dh;
  }

  /**
   * λ·mean((‖∇ₓD(x̂)‖ − 1)²) over the groups (Gulrajani et al., 2017, eq. 3) from a pass over x̂, and
   * its gradient with respect to the weights. LeakyReLU and dropout are piecewise linear, so with the
   * slopes and masks fixed ∇ₓD is the chain g = (…((w_outᵀ ⊙ Q_L)·W_Lᵀ ⊙ Q_{L−1})…·W₂ᵀ ⊙ Q₁)·W₁ᵀ and
   * its gradient a backward pass through that chain; biases only move Q and get none.
   */
  penalty(
    d: Weights,
    q: readonly string[],
    lambda: number,
  ): { value: string; grads: Record<string, string> } {
    const t = this.t;
    const L = this.hidden.length;
    const G = this.groups;
    // Forward chain: da_L = w_outᵀ ⊙ Q_L, da_{i−1} = (da_i·W_iᵀ) ⊙ Q_{i−1}, g = da₁·W₁ᵀ.
    const da: string[] = new Array(L);
    let r = t.reshape(d['out.w']!, [1, -1]);
    for (let i = L - 1; i >= 0; i--) {
      da[i] = t.mul(r, q[i]!);
      r = t.gemm(da[i]!, d[`fc${i}.w`]!, undefined, { transB: true });
    }
    const gx = L > 0 ? r : t.op('Expand', [r, t.ints([G, this.inputWidth])]);
    const norm = t.op('Sqrt', [t.op('ReduceSum', [t.mul(gx, gx), t.ints([1])], { keepdims: 1 })]);
    const dev = t.sub(norm, t.scalar(1));
    const value = t.mul(t.op('ReduceMean', [t.mul(dev, dev)], { keepdims: 0 }), t.scalar(lambda));
    // dP/dg = (2λ/G)·(‖g‖ − 1)/‖g‖ · g per group, then back through the chain.
    const dg = t.mul(gx, t.mul(t.div(dev, norm), t.scalar((2 * lambda) / G)));
    const grads: Record<string, string> = {};
    let dr = dg;
    for (let i = 0; i < L; i++) {
      const rowsIn = i === 0 ? dg : t.mul(dr, q[i - 1]!);
      // The L2 decay λ·W rides along in this GEMM (see decayed()).
      grads[`fc${i}.w`] = t.gemm(rowsIn, da[i]!, this.decay > 0 ? d[`fc${i}.w`] : undefined, {
        transA: true,
        beta: this.decay,
      });
      dr = t.gemm(rowsIn, d[`fc${i}.w`]!);
    }
    const last = L > 0 ? t.mul(dr, q[L - 1]!) : dg;
    grads['out.w'] = t.reshape(t.sumRows(last), [-1, 1]);
    return { value, grads };
  }
}
