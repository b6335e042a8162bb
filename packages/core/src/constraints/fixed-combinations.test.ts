import { describe, expect, it } from 'vitest';
import { conformanceTable } from '../conformance/dataset.js';
import { independentMarginals } from '../generators/independent-marginals.js';
import { Synthesizer } from '../synthesizer/synthesizer.js';
import { fitViewPlan, toView } from '../synthesizer/view.js';
import { valueAt } from '../table/column.js';
import { fixedCombinations } from './fixed-combinations.js';

const { table, metadata } = conformanceTable(300);
const pairs = (t: import('../table/table.js').Table) => {
  const city = t.column('city');
  const country = t.column('country');
  return new Set(Array.from({ length: t.nRows }, (_, i) => `${valueAt(city, i)}/${valueAt(country, i)}`));
};

describe('fixedCombinations', () => {
  it('merges the columns in the view and splits them back', () => {
    const plan = fitViewPlan(table, metadata);
    const view = toView(plan, table);
    const r = fixedCombinations(['city', 'country']).fit(table, plan).reparam!(view);
    const merged = r.forward(view);
    expect(merged.columns.map((c) => c.name)).toContain('city+country');
    expect(merged.columns.map((c) => c.name)).not.toContain('country');
    const m = merged.columns.find((c) => c.name === 'city+country') as { labels: string[] };
    expect(m.labels).toContain('Paris | France');
    expect(r.reverse(merged)).toEqual(view);
  });

  it('samples only the combinations seen together, and conditions on a member pass through', async () => {
    const synth = new Synthesizer({
      generator: independentMarginals(),
      metadata,
      constraints: [fixedCombinations(['city', 'country'])],
    });
    await synth.fit(table);
    const out = await synth.sample(2000, { seed: 3 });
    const seen = pairs(table);
    for (const p of pairs(out)) expect(seen.has(p)).toBe(true);
    const paris = await synth.sample(100, { seed: 3, conditions: { city: 'Paris' } });
    expect([...pairs(paris)]).toEqual(['Paris/France']);
    const italy = await synth.sample(100, { seed: 3, conditions: { country: 'Italy' } });
    expect([...pairs(italy)]).toEqual(['Rome/Italy']);
  });

  it('refuses numerical members', async () => {
    await expect(
      new Synthesizer({
        generator: independentMarginals(),
        metadata,
        constraints: [fixedCombinations(['city', 'age'])],
      }).fit(table),
    ).rejects.toMatchObject({ code: 'TYPE_MISMATCH', column: 'age' });
  });
});
