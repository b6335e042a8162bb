/** A dense layer y = x·kernel + bias; `kernel` is row-major [inDim][outDim] (the tfjs layout). */
export interface Dense {
  readonly inDim: number;
  readonly outDim: number;
  readonly kernel: Float32Array;
  readonly bias: Float32Array;
}

/**
 * The weights of TabDDPM's MLP denoiser (Kotelnikov et al., 2023, "MLPDiffusion"):
 * emb = timeMlp2(SiLU(timeMlp1(sinusoid(t)))) [+ SiLU(labelEmbedding[y])];
 * h = proj(x_t) + emb; h = act(hidden_i(h)) for each i; out = head(h).
 */
export interface DenoiserWeights {
  /** Width of the sinusoidal timestep embedding and of the time MLP (128 in TabDDPM). */
  readonly timeDim: number;
  readonly activation: 'relu' | 'silu';
  readonly timeMlp1: Dense;
  readonly timeMlp2: Dense;
  readonly proj: Dense;
  readonly hidden: readonly Dense[];
  readonly head: Dense;
  /** Present when the model is conditioned on a class label: [numClasses][timeDim]. */
  readonly labelEmbedding?: { readonly numClasses: number; readonly table: Float32Array };
}

/** Frequencies of the sinusoidal embedding, exp(-ln(10000)·i/half) (Vaswani et al., 2017; as in TabDDPM). */
export function sinusoidFrequencies(timeDim: number): Float32Array {
  const half = timeDim / 2;
  const f = new Float32Array(half);
  for (let i = 0; i < half; i++) f[i] = Math.exp((-Math.log(10000) * i) / half);
  return f;
}

export function denoiserInputDim(w: DenoiserWeights): number {
  return w.proj.inDim;
}

export function denoiserOutputDim(w: DenoiserWeights): number {
  return w.head.outDim;
}

/** Every tensor of the weights, in a fixed order, for saving and for building layers. */
export function denseLayers(w: DenoiserWeights): Array<[string, Dense]> {
  return [
    ['timeMlp1', w.timeMlp1],
    ['timeMlp2', w.timeMlp2],
    ['proj', w.proj],
    ...w.hidden.map((d, i): [string, Dense] => [`hidden${i}`, d]),
    ['head', w.head],
  ];
}
