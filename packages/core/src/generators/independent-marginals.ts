import { SynthkitError } from '../errors/synthkit-error.js';
import { configurePlugin, defineOptions } from '../plugin/options.js';
import type {
  FittedModel,
  GeneratorPlugin,
  JsonValue,
  ModelState,
  SampleContext,
  TypedArray,
  ViewColumn,
  ViewCondition,
  ViewTable,
} from '../plugin/types.js';
import { drawFromCumulative } from '../stats/sorted-search.js';

const options = defineOptions({
  quantiles: {
    type: 'integer',
    default: 256,
    min: 2,
    max: 100_000,
    description:
      'Points of each continuous column’s quantile function kept in the model (interpolated linearly)',
  },
});

type Marginal =
  | { kind: 'continuous'; name: string; quantiles: Float64Array }
  | { kind: 'discrete'; name: string; labels: readonly string[]; weights: Float64Array };

/**
 * A baseline generator: every column drawn independently from its own marginal, so it keeps each
 * column's distribution and none of the relationships between columns. Continuous columns keep a
 * quantile function on a grid (never the rows themselves), discrete columns their frequencies.
 * It honours equals and range conditions exactly by drawing from the conditioned marginal.
 */
export function independentMarginals(
  overrides: { quantiles?: number } = {},
): GeneratorPlugin<typeof options> {
  return configurePlugin(
    {
      kind: 'generator',
      name: 'independent',
      version: '0.1.0',
      description: 'Each column resampled from its own marginal, independently (a baseline; no correlations)',
      options,
      supports: { conditions: 'all' },
      async fit(view, opts, ctx) {
        const marginals = view.columns.map((c) => fitMarginal(c, opts.quantiles));
        ctx.progress({ stage: 'fit', done: 1, total: 1 });
        return new IndependentModel(marginals);
      },
      load(state) {
        return IndependentModel.fromState(state);
      },
    },
    overrides,
  );
}

function fitMarginal(c: ViewColumn, k: number): Marginal {
  if (c.kind === 'discrete') {
    const weights = new Float64Array(c.labels.length);
    for (let i = 0; i < c.codes.length; i++) weights[c.codes[i]!]!++;
    return { kind: 'discrete', name: c.name, labels: c.labels, weights };
  }
  const sorted = Float64Array.from(c.values).sort();
  const n = sorted.length;
  const m = Math.max(1, Math.min(k, n));
  const quantiles = new Float64Array(m);
  // Type-7 sample quantiles (Hyndman & Fan 1996): linear between order statistics.
  for (let j = 0; j < m; j++) {
    const h = m === 1 ? 0 : (j * (n - 1)) / (m - 1);
    const lo = Math.floor(h);
    quantiles[j] = sorted[lo]! + (h - lo) * ((sorted[Math.min(lo + 1, n - 1)] ?? 0) - sorted[lo]!);
  }
  return { kind: 'continuous', name: c.name, quantiles };
}

class IndependentModel implements FittedModel {
  constructor(private readonly marginals: readonly Marginal[]) {}

  async *sample(n: number, ctx: SampleContext): AsyncIterable<ViewTable> {
    const conditions = new Map<string, ViewCondition>(ctx.conditions.map((c) => [c.column, c]));
    const rng = ctx.rng;
    for (let done = 0; done < n; ) {
      if (ctx.signal?.aborted) throw new SynthkitError('ABORTED', 'Sampling was aborted');
      const size = Math.min(ctx.batchSize, n - done);
      const columns = this.marginals.map((m): ViewColumn => {
        const cond = conditions.get(m.name);
        if (m.kind === 'discrete') {
          const codes = new Int32Array(size);
          if (cond?.kind === 'equals') codes.fill(cond.code);
          else {
            const cum = cumulative(m.weights);
            const total = cum[cum.length - 1]!;
            for (let i = 0; i < size; i++) codes[i] = drawFromCumulative(cum, rng.next() * total);
          }
          return { kind: 'discrete', name: m.name, codes, labels: m.labels };
        }
        const q = m.quantiles;
        const [u0, u1] = cond?.kind === 'range' ? [cdf(q, cond.min), cdf(q, cond.max)] : [0, 1];
        const values = new Float64Array(size);
        for (let i = 0; i < size; i++) values[i] = quantile(q, u0 + (u1 - u0) * rng.next());
        return { kind: 'continuous', name: m.name, values };
      });
      done += size;
      ctx.progress({ stage: 'sample', done, total: n });
      yield { nRows: size, columns };
    }
  }

  save(): ModelState {
    const arrays: Record<string, TypedArray> = {};
    const json = this.marginals.map((m, j): JsonValue => {
      arrays[String(j)] = m.kind === 'continuous' ? m.quantiles : m.weights;
      return m.kind === 'continuous'
        ? { kind: m.kind, name: m.name }
        : { kind: m.kind, name: m.name, labels: [...m.labels] };
    });
    return { json, arrays };
  }

  static fromState(state: ModelState): IndependentModel {
    const cols = state.json as Array<{ kind: 'continuous' | 'discrete'; name: string; labels?: string[] }>;
    if (!Array.isArray(cols))
      throw new SynthkitError('BAD_ARTIFACT', 'independent: model state is not a column list');
    return new IndependentModel(
      cols.map((c, j): Marginal => {
        const a = state.arrays[String(j)];
        if (!(a instanceof Float64Array))
          throw new SynthkitError('BAD_ARTIFACT', `independent: no array for column "${c.name}"`);
        return c.kind === 'continuous'
          ? { kind: 'continuous', name: c.name, quantiles: a }
          : { kind: 'discrete', name: c.name, labels: c.labels ?? [], weights: a };
      }),
    );
  }
}

function cumulative(w: Float64Array): Float64Array {
  const out = new Float64Array(w.length);
  let s = 0;
  for (let k = 0; k < w.length; k++) out[k] = s += w[k]!;
  return out;
}

/** The piecewise-linear quantile function at u in [0, 1]. */
function quantile(q: Float64Array, u: number): number {
  if (q.length === 1) return q[0]!;
  const h = u * (q.length - 1);
  const lo = Math.min(Math.floor(h), q.length - 2);
  return q[lo]! + (h - lo) * (q[lo + 1]! - q[lo]!);
}

/** Its inverse: the probability below x (0 below the support, 1 above). */
function cdf(q: Float64Array, x: number): number {
  const m = q.length;
  if (x <= q[0]!) return 0;
  if (x >= q[m - 1]!) return 1;
  let lo = 0;
  let hi = m - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (q[mid]! <= x) lo = mid;
    else hi = mid;
  }
  const span = q[hi]! - q[lo]!;
  return (lo + (span > 0 ? (x - q[lo]!) / span : 0)) / (m - 1);
}
