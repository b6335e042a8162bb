import {
  configurePlugin,
  type FittedModel,
  type GeneratorPlugin,
  type ModelState,
  type OptionsOf,
  type SampleContext,
  SynthkitError,
  type ViewTable,
} from '@synthkit/core';
import { aborted } from './model/aborted.js';
import { fitCart } from './model/fit.js';
import { blockToView, drawBlock, requirements } from './model/sample.js';
import { loadState, saveState } from './model/state.js';
import type { CartModelData } from './model/types.js';
import { cartOptions } from './options.js';

export type CartOptions = OptionsOf<typeof cartOptions>;

/** Candidate rows drawn per batch before a rare condition is declared unsatisfiable. */
const MAX_CANDIDATES = 2_000_000;

/**
 * Sequential CART synthesis as in R's synthpop (Nowok, Raab & Dibben 2016; Reiter 2005), as a
 * synthkit generator plugin. Written only against `@synthkit/core`'s public plugin API.
 */
export const cartGenerator: GeneratorPlugin<typeof cartOptions> = {
  kind: 'generator',
  name: 'cart',
  version: '0.1.0',
  description:
    'Sequential CART synthesis (synthpop-style): each column drawn from a tree leaf fitted on the columns before it',
  options: cartOptions,
  supports: { conditions: 'all' },
  async fit(view, options, ctx) {
    const model = fitCart(view, { ...options, minSplit: 3 * options.minLeaf }, ctx);
    return fittedCart(model);
  },
  load(state) {
    return fittedCart(loadState(state));
  },
};

/** The plugin with other option defaults, e.g. `cart({ minLeaf: 10 })`. */
export function cart(
  options: Partial<Record<keyof CartOptions, unknown>> = {},
): GeneratorPlugin<typeof cartOptions> {
  return configurePlugin(cartGenerator, options);
}

function fittedCart(model: CartModelData): FittedModel {
  return {
    sample: (n, ctx) => sampleCart(model, n, ctx),
    save: (): ModelState => saveState(model),
  };
}

/**
 * Streams `n` rows in batches of `ctx.batchSize`. Batch b draws from its own stream
 * `ctx.rng.fork('cart:batch:b')`, so a batch never depends on how many draws an earlier one used.
 */
async function* sampleCart(model: CartModelData, n: number, ctx: SampleContext): AsyncGenerator<ViewTable> {
  if (!(Number.isInteger(n) && n >= 0))
    throw new SynthkitError('BAD_VALUE', `Cannot sample ${n} rows`, {
      hint: 'Ask for a whole number of rows, 0 or more',
    });
  const required = requirements(model, ctx.conditions);
  const batchSize = Math.max(1, Math.floor(ctx.batchSize) || 10_000);
  let done = 0;
  for (let b = 0; done < n; b++) {
    if (ctx.signal?.aborted) throw aborted('sampling');
    const rng = ctx.rng.fork(`cart:batch:${b}`);
    const want = Math.min(batchSize, n - done);
    const parts = [];
    let got = 0;
    let tried = 0;
    while (got < want) {
      // Ask for enough candidates to fill the batch at the acceptance rate seen so far.
      const rate = tried === 0 ? 1 : Math.max(got / tried, 1e-3);
      const m = Math.min(MAX_CANDIDATES, Math.ceil(((want - got) / rate) * 1.1) + 16);
      const block = drawBlock(model, m, required, rng);
      tried += m;
      got += block.n;
      parts.push(block);
      if (got < want && (tried >= MAX_CANDIDATES || (got === 0 && tried >= 100_000)))
        throw unsatisfiable(model, ctx, got, tried);
      if (ctx.signal?.aborted) throw aborted('sampling');
    }
    done += want;
    ctx.progress({ stage: 'sample', done, total: n });
    yield blockToView(model, parts, want);
  }
}

function unsatisfiable(model: CartModelData, ctx: SampleContext, got: number, tried: number): SynthkitError {
  const named = ctx.conditions.map((c) => {
    const col = model.visit.find((m) => m.name === c.column);
    if (c.kind === 'range') return `${c.column} in [${c.min}, ${c.max}]`;
    return `${c.column} = ${JSON.stringify(col?.kind === 'discrete' ? col.labels[c.code] : c.code)}`;
  });
  return new SynthkitError(
    'CONDITION_UNSATISFIABLE',
    `Only ${got} of ${tried} candidate rows met ${named.join(' and ')}: the fitted model almost never produces it`,
    {
      column: ctx.conditions[0]?.column,
      hint: 'Put the conditioned columns first with the visitSequence option, or relax the condition',
    },
  );
}
