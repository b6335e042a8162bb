import { describe, expect, it } from 'vitest';
import { conformanceTable } from '../conformance/dataset.js';
import { independentMarginals } from '../generators/independent-marginals.js';
import type { GeneratorPlugin, ProgressEvent } from '../plugin/types.js';
import { type Column, valueAt } from '../table/column.js';
import type { Table } from '../table/table.js';
import { Synthesizer } from './synthesizer.js';

const { table, metadata } = conformanceTable(400);
const values = (c: Column) =>
  c.type === 'categorical' ? Array.from(c.codes, (_, i) => valueAt(c, i)) : [...c.values];
const sameTables = (a: Table, b: Table) => {
  expect(a.names).toEqual(b.names);
  for (const n of a.names) expect(values(a.column(n))).toEqual(values(b.column(n)));
};
/** The baseline with conditions switched off, so the Synthesizer must fill them by rejection. */
const rejecting = (): GeneratorPlugin<any> => ({
  ...independentMarginals(),
  name: 'no-conditions',
  supports: { conditions: 'none' },
});

async function fitted(generator: GeneratorPlugin<any> = independentMarginals()) {
  const synth = new Synthesizer({ generator, metadata });
  await synth.fit(table, { seed: 3 });
  return synth;
}

describe('Synthesizer', () => {
  it('fits and samples a table shaped like the input, deterministically', async () => {
    const synth = await fitted();
    const a = await synth.sample(500, { seed: 1 });
    expect(a.nRows).toBe(500);
    expect(a.names).toEqual(table.names);
    expect(a.names.map((n) => a.column(n).type)).toEqual(
      table.names.map((n) => (n === 'booking_id' || n === 'email' ? 'categorical' : table.column(n).type)),
    );
    sameTables(a, await synth.sample(500, { seed: 1 }));
    const again = await fitted();
    sameTables(a, await again.sample(500, { seed: 1 }));
    const b = await synth.sample(500, { seed: 2 });
    expect(values(b.column('income'))).not.toEqual(values(a.column('income')));
    // integers stay integers within bounds; floats keep 2 decimals; some missing values come back
    const age = a.column('age') as { values: Float64Array };
    expect(age.values.every((v) => Number.isNaN(v) || (Number.isInteger(v) && v >= 17 && v <= 90))).toBe(
      true,
    );
    expect(age.values.some(Number.isNaN)).toBe(true);
    const income = a.column('income') as { values: Float64Array };
    expect(income.values.every((v) => Math.round(v * 100) / 100 === v)).toBe(true);
    // regenerated ids are unique and never training values
    const ids = new Set(values(a.column('booking_id')));
    expect(ids.size).toBe(500);
    const trainIds = new Set(values(table.column('booking_id')));
    expect([...ids].some((x) => trainIds.has(x))).toBe(false);
    expect(synth.generatorInfo).toEqual({
      name: 'independent',
      version: '0.1.0',
      options: { quantiles: 256 },
    });
  });

  it('streams batches that concatenate to sample()', async () => {
    const synth = await fitted();
    const parts: Table[] = [];
    for await (const b of synth.sampleBatches(1000, { seed: 5, batchSize: 300 })) parts.push(b);
    expect(parts.map((p) => p.nRows)).toEqual([300, 300, 300, 100]);
    const whole = await synth.sample(1000, { seed: 5, batchSize: 300 });
    expect(new Set(parts.flatMap((p) => values(p.column('booking_id')))).size).toBe(1000);
    for (const n of ['age', 'sex', 'checkin'])
      expect(parts.flatMap((p) => values(p.column(n)))).toEqual(values(whole.column(n)));
    expect((await synth.sample(0)).names).toEqual(table.names);
    // rejection leaves slivers; they are joined back into batches of about batchSize rows
    const sizes: number[] = [];
    const rejector = await fitted(rejecting());
    for await (const b of rejector.sampleBatches(2000, {
      seed: 5,
      batchSize: 500,
      conditions: { city: 'Munich' },
    }))
      sizes.push(b.nRows);
    expect(sizes.length).toBeGreaterThan(1);
    expect(sizes.reduce((s, x) => s + x, 0)).toBe(2000);
    expect(sizes.slice(0, -1).every((x) => x >= 500)).toBe(true);
  });

  it('honours conditions, passed to the generator or by rejection', async () => {
    for (const generator of [independentMarginals(), rejecting()]) {
      const synth = await fitted(generator);
      const out = await synth.sample(300, {
        seed: 1,
        conditions: { sex: 'Female', age: { min: 30, max: 40 }, vip: 'yes' },
      });
      expect(out.nRows).toBe(300);
      for (let i = 0; i < out.nRows; i++) {
        const r = out.row(i);
        expect(r.sex).toBe(' Female');
        expect(r.age).toBeGreaterThanOrEqual(30);
        expect(r.age).toBeLessThanOrEqual(40);
        expect(r.vip).toBe(true);
      }
      const dated = await synth.sample(50, {
        seed: 1,
        conditions: { guests: 2, checkin: { min: '2023-06-01', max: '2023-06-30' } },
      });
      for (let i = 0; i < dated.nRows; i++) {
        expect(dated.row(i).guests).toBe(2);
        expect((dated.row(i).checkin as Date).toISOString() >= '2023-06-01').toBe(true);
        expect((dated.row(i).checkin as Date).toISOString() < '2023-07-01').toBe(true);
      }
    }
  });

  it('explains bad and unsatisfiable conditions', async () => {
    const synth = await fitted(rejecting());
    await expect(synth.sample(10, { conditions: { nope: 'x' } })).rejects.toMatchObject({
      code: 'BAD_CONDITION',
      column: 'nope',
    });
    await expect(synth.sample(10, { conditions: { sex: 'Other' } })).rejects.toMatchObject({
      code: 'BAD_CONDITION',
      column: 'sex',
      hint: expect.stringContaining('" Female"'),
    });
    await expect(synth.sample(10, { conditions: { email: 'a@b.c' } })).rejects.toMatchObject({
      code: 'BAD_CONDITION',
    });
    await expect(synth.sample(10, { conditions: { age: { min: 50, max: 40 } } })).rejects.toMatchObject({
      code: 'BAD_CONDITION',
    });
    await expect(synth.sample(10, { conditions: { age: { min: 200, max: 300 } } })).rejects.toMatchObject({
      code: 'CONDITION_UNSATISFIABLE',
      column: 'age',
      message: expect.stringContaining('age in [200, 300]'),
    });
  });

  it('balances a categorical column through conditional sampling', async () => {
    const synth = await fitted();
    const out = await synth.sample(999, { seed: 2, balance: { column: 'city' }, batchSize: 250 });
    const counts = new Map<unknown, number>();
    for (const v of values(out.column('city'))) counts.set(v, (counts.get(v) ?? 0) + 1);
    expect([...counts.values()].sort()).toEqual([199, 200, 200, 200, 200]);
    const shares = await synth.sample(100, {
      seed: 2,
      balance: { column: 'sex', shares: { ' Female': 3, ' Male': 1 } },
    });
    expect(values(shares.column('sex')).filter((v) => v === ' Female').length).toBe(75);
    await expect(synth.sample(10, { balance: { column: 'income' } })).rejects.toMatchObject({
      code: 'BAD_CONDITION',
    });
  });

  it('reports progress and stops promptly on abort', async () => {
    const events: ProgressEvent[] = [];
    const synth = new Synthesizer({ generator: independentMarginals(), metadata });
    await synth.fit(table, { onProgress: (e) => events.push(e) });
    expect(events.at(-1)).toMatchObject({ stage: 'fit', done: 1, total: 1 });
    events.length = 0;
    await synth.sample(1000, { batchSize: 400, onProgress: (e) => events.push(e) });
    expect(events.filter((e) => e.stage === 'sample').map((e) => e.done)).toEqual([0, 400, 800, 1000]);

    const controller = new AbortController();
    controller.abort();
    await expect(
      new Synthesizer({ generator: independentMarginals(), metadata }).fit(table, {
        signal: controller.signal,
      }),
    ).rejects.toMatchObject({ code: 'ABORTED' });
    const mid = new AbortController();
    let seen = 0;
    const run = async () => {
      for await (const _ of synth.sampleBatches(100_000, { batchSize: 100, signal: mid.signal }))
        if (++seen === 3) mid.abort();
    };
    await expect(run()).rejects.toMatchObject({ code: 'ABORTED' });
    expect(seen).toBe(3);
    // a plugin that never looks at the signal still gives way at once
    const slow: GeneratorPlugin<any> = { ...independentMarginals(), fit: () => new Promise(() => {}) };
    const c2 = new AbortController();
    const pending = new Synthesizer({ generator: slow, metadata }).fit(table, { signal: c2.signal });
    setTimeout(() => c2.abort(), 10);
    await expect(pending).rejects.toMatchObject({ code: 'ABORTED' });
  });

  it('refuses to sample before fit and rejects bad options', async () => {
    await expect(
      new Synthesizer({ generator: independentMarginals(), metadata }).sample(5),
    ).rejects.toMatchObject({ code: 'NOT_FITTED' });
    expect(() => new Synthesizer({ generator: independentMarginals(), options: { quantile: 3 } })).toThrow(
      /no option "quantile"/,
    );
    const synth = await fitted();
    await expect(synth.sample(-1)).rejects.toMatchObject({ code: 'BAD_OPTION' });
  });
});
