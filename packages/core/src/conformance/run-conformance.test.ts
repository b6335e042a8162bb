import { describe, expect, it } from 'vitest';
import { independentMarginals } from '../generators/independent-marginals.js';
import type { FittedModel, GeneratorPlugin, JsonValue, ViewTable } from '../plugin/types.js';
import { valueAt } from '../table/column.js';
import { conformanceTable } from './dataset.js';
import { runGeneratorConformance } from './run-conformance.js';

const ALL = [
  'sampled batches have the shape of the view',
  'claimed conditions ("all") are honoured by the generator itself',
  'same seed, same output',
  'different seeds differ',
  'save/load gives identical samples',
  'the model never stores id or PII values',
  'conditions are honoured (by the generator or by rejection)',
  'one row: works or refuses clearly',
  'constant columns: kept constant or refused clearly',
];

/** Wraps the baseline's fitted model. */
function variant(
  name: string,
  change: (m: FittedModel, view: ViewTable) => FittedModel,
  extra: Partial<GeneratorPlugin<any>> = {},
): GeneratorPlugin<any> {
  const base = independentMarginals();
  return {
    ...base,
    name,
    async fit(view, o, ctx) {
      return change(await base.fit(view, o, ctx), view);
    },
    ...extra,
  };
}

describe('runGeneratorConformance', () => {
  it('passes the built-in baseline generator, also with conditions off', async () => {
    expect(await runGeneratorConformance(independentMarginals())).toEqual(ALL);
    const none = { ...independentMarginals(), supports: { conditions: 'none' as const } };
    expect(await runGeneratorConformance(none, { options: { quantiles: 16 } })).toEqual(
      ALL.filter((c) => !c.startsWith('claimed')),
    );
  });

  it('catches a generator that ignores the seed', async () => {
    let calls = 0;
    const unseeded = variant('unseeded', (m) => ({
      save: () => m.save(),
      sample: (n, ctx) => m.sample(n, { ...ctx, rng: ctx.rng.fork(String(calls++)) }),
    }));
    await expect(runGeneratorConformance(unseeded)).rejects.toThrow(
      /"unseeded" fails conformance check "same seed, same output"/,
    );
  });

  it('catches a model whose saved state does not restore it', async () => {
    const forgetful = variant('forgetful', (m) => m, {
      load: () => independentMarginals().load({ json: [], arrays: {} }, { quantiles: 256 }),
    });
    await expect(runGeneratorConformance(forgetful)).rejects.toThrow(
      /check "(save\/load gives identical samples|sampled batches have the shape of the view)"/,
    );
  });

  it('catches a model that stores id or PII values', async () => {
    // A plugin never sees ids or PII; this one cheats to prove the scan would notice a leak.
    const email = valueAt(conformanceTable().table.column('email'), 17) as string;
    const base = independentMarginals();
    const leaky = variant(
      'leaky',
      (m) => ({
        sample: (n, ctx) => m.sample(n, ctx),
        save: () => ({ ...m.save(), json: { inner: m.save().json, note: email } }),
      }),
      { load: (state, o) => base.load({ ...state, json: (state.json as { inner: JsonValue }).inner }, o) },
    );
    await expect(runGeneratorConformance(leaky)).rejects.toThrow(
      `"the model never stores id or PII values": the saved model contains "${email}"`,
    );
  });

  it('catches a generator that claims conditions it does not honour', async () => {
    const liar = variant('liar', (m) => ({
      save: () => m.save(),
      sample: (n, ctx) => m.sample(n, { ...ctx, conditions: [] }),
    }));
    await expect(runGeneratorConformance(liar)).rejects.toThrow(
      /"liar" fails conformance check "claimed conditions \("all"\) are honoured by the generator itself": (equals|range) condition on "\w+(#missing)?".* broken/,
    );
  });

  it('catches a generator that returns the wrong shape', async () => {
    const wrong = variant('wrong', (m) => ({
      save: () => m.save(),
      async *sample(n, ctx) {
        for await (const b of m.sample(n, ctx)) yield { nRows: b.nRows, columns: b.columns.slice(1) };
      },
    }));
    await expect(runGeneratorConformance(wrong)).rejects.toThrow(/BAD_PLUGIN/);
  });
});
