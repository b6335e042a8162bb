import type { ParamSpec } from '@synthkit/neural';
import type { DenoiserWeights, Dense } from './weights.js';

/** The shape of a TabDDPM MLP denoiser; the weights follow from it. */
export interface DenoiserArchitecture {
  /** Width of x_t (numerical columns + one-hot categories); also the output width. */
  readonly width: number;
  readonly timeDim: number;
  readonly hidden: readonly number[];
  readonly activation: 'relu' | 'silu';
  /** Class count of the conditioning column, when class-conditional. */
  readonly numClasses?: number;
}

/** The dense layers in forward order with their sizes. */
function layerShapes(a: DenoiserArchitecture): Array<[string, number, number]> {
  const shapes: Array<[string, number, number]> = [
    ['timeMlp1', a.timeDim, a.timeDim],
    ['timeMlp2', a.timeDim, a.timeDim],
    ['proj', a.width, a.timeDim],
  ];
  let prev = a.timeDim;
  a.hidden.forEach((h, i) => {
    shapes.push([`hidden${i}`, prev, h]);
    prev = h;
  });
  shapes.push(['head', prev, a.width]);
  return shapes;
}

/** Parameters with PyTorch nn.Linear's default init U(±1/√fanIn) for kernels and biases alike. */
export function denoiserParamSpecs(a: DenoiserArchitecture): ParamSpec[] {
  const specs: ParamSpec[] = [];
  for (const [name, i, o] of layerShapes(a)) {
    specs.push({ name: `${name}.kernel`, shape: [i, o], init: { kind: 'uniform', fanIn: i } });
    specs.push({ name: `${name}.bias`, shape: [o], init: { kind: 'uniform', fanIn: i } });
  }
  // nn.Embedding starts from N(0, 1); U(−1, 1) has the same role and ParamSet draws uniforms
  if (a.numClasses)
    specs.push({
      name: 'labelEmbedding',
      shape: [a.numClasses, a.timeDim],
      init: { kind: 'uniform', fanIn: 1 },
    });
  return specs;
}

/** Splits a flat parameter vector (in `denoiserParamSpecs` order) into named weights. */
export function weightsFromFlat(a: DenoiserArchitecture, flat: Float32Array): DenoiserWeights {
  let at = 0;
  const take = (n: number): Float32Array => {
    const v = flat.slice(at, at + n);
    at += n;
    return v;
  };
  const layers = new Map<string, Dense>();
  for (const [name, i, o] of layerShapes(a)) {
    const kernel = take(i * o);
    layers.set(name, { inDim: i, outDim: o, kernel, bias: take(o) });
  }
  const labelEmbedding = a.numClasses
    ? { numClasses: a.numClasses, table: take(a.numClasses * a.timeDim) }
    : undefined;
  if (at !== flat.length) throw new RangeError(`weightsFromFlat: ${flat.length} values for ${at} parameters`);
  return {
    timeDim: a.timeDim,
    activation: a.activation,
    timeMlp1: layers.get('timeMlp1')!,
    timeMlp2: layers.get('timeMlp2')!,
    proj: layers.get('proj')!,
    hidden: a.hidden.map((_, i) => layers.get(`hidden${i}`)!),
    head: layers.get('head')!,
    ...(labelEmbedding ? { labelEmbedding } : {}),
  };
}
