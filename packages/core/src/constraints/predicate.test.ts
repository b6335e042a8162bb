import { describe, expect, it } from 'vitest';
import { conformanceTable } from '../conformance/dataset.js';
import { independentMarginals } from '../generators/independent-marginals.js';
import { Synthesizer } from '../synthesizer/synthesizer.js';
import { predicate } from './predicate.js';

const { table, metadata } = conformanceTable(300);
const DAY = 86_400_000;
const atLeastOneNight = () =>
  predicate(
    'at least one night',
    ['checkin', 'checkout'],
    (r) => (r.checkout as number) - (r.checkin as number) >= DAY,
  );

describe('predicate', () => {
  it('is enforced by rejection, reading typed values through one reused row object', async () => {
    const synth = new Synthesizer({
      generator: independentMarginals(),
      metadata,
      constraints: [atLeastOneNight()],
    });
    await synth.fit(table);
    const out = await synth.sample(1000, { seed: 2 });
    expect(out.nRows).toBe(1000);
    const a = (out.column('checkin') as { values: Float64Array }).values;
    const b = (out.column('checkout') as { values: Float64Array }).values;
    expect(a.every((x, i) => b[i]! - x >= DAY)).toBe(true);
  });

  it('names itself and the first violating row when the data breaks it', async () => {
    const income = (table.column('income') as { values: Float64Array }).values;
    const first = income.findIndex((x) => x <= 25_000) + 1;
    const rich = predicate('rich', ['income'], (r) => (r.income as number) > 25_000);
    await expect(
      new Synthesizer({ generator: independentMarginals(), metadata, constraints: [rich] }).fit(table),
    ).rejects.toMatchObject({
      code: 'CONSTRAINT_VIOLATED_BY_DATA',
      row: first,
      column: 'income',
      message: expect.stringContaining('predicate(rich)'),
    });
  });

  it('gives up with CONSTRAINT_UNSATISFIABLE when almost no sampled row passes', async () => {
    const income = (table.column('income') as { values: Float64Array }).values;
    const age = (table.column('age') as { values: Float64Array }).values;
    const seen = new Set(Array.from(income, (x, i) => `${x}|${age[i]}`));
    const onlySeen = predicate('seen pairs', ['income', 'age'], (r) =>
      seen.has(`${r.income}|${r.age ?? Number.NaN}`),
    );
    const synth = new Synthesizer({ generator: independentMarginals(), metadata, constraints: [onlySeen] });
    await synth.fit(table);
    await expect(synth.sample(100, { seed: 1 })).rejects.toMatchObject({
      code: 'CONSTRAINT_UNSATISFIABLE',
      message: expect.stringContaining('predicate(seen pairs)'),
    });
  });

  it('must be passed again to load a model fitted with it', async () => {
    const synth = new Synthesizer({
      generator: independentMarginals(),
      metadata,
      constraints: [atLeastOneNight()],
    });
    await synth.fit(table);
    const bytes = synth.save();
    await expect(Synthesizer.load(bytes, { plugins: [independentMarginals()] })).rejects.toMatchObject({
      code: 'BAD_OPTION',
      message: expect.stringContaining('predicate(at least one night)'),
    });
    const loaded = await Synthesizer.load(bytes, {
      plugins: [independentMarginals()],
      constraints: [atLeastOneNight()],
    });
    const a = await synth.sample(200, { seed: 8 });
    const b = await loaded.sample(200, { seed: 8 });
    expect(b.column('checkout')).toEqual(a.column('checkout'));
  });
});
