import { describe, expect, it } from 'vitest';
import { conformanceTable } from '../conformance/dataset.js';
import { independentMarginals } from '../generators/independent-marginals.js';
import type { Metadata } from '../metadata/types.js';
import { Synthesizer } from '../synthesizer/synthesizer.js';
import { fitViewPlan, toView } from '../synthesizer/view.js';
import { valueAt } from '../table/column.js';
import { Table } from '../table/table.js';
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

  it('handles missing values and numeric categories as members', async () => {
    const n = 400;
    const t = new Table([
      [
        'city',
        {
          type: 'categorical',
          codes: Int32Array.from({ length: n }, (_, i) => (i % 5 === 4 ? -1 : i % 5)),
          categories: ['a', 'b', 'c', 'd'],
        },
      ],
      [
        'zone',
        { type: 'number', values: Float64Array.from({ length: n }, (_, i) => [10, 20, 30, 10, 99][i % 5]!) },
      ],
      ['x', { type: 'number', values: Float64Array.from({ length: n }, (_, i) => i) }],
    ]);
    const md: Metadata = {
      version: 1,
      columns: {
        city: { sdtype: 'categorical' },
        zone: { sdtype: 'categorical' },
        x: { sdtype: 'numerical', representation: 'integer' },
      },
      constraints: [{ type: 'fixedCombinations', columns: ['city', 'zone'] }],
    };
    const synth = new Synthesizer({ generator: independentMarginals(), metadata: md });
    await synth.fit(t);
    const out = await synth.sample(1000, { seed: 2 });
    const seen = new Set(['a/10', 'b/20', 'c/30', 'd/10', 'null/99']);
    for (let i = 0; i < out.nRows; i++) expect(seen.has(`${out.row(i).city}/${out.row(i).zone}`)).toBe(true);
    const missing = await synth.sample(50, { seed: 2, conditions: { zone: 99 } });
    expect(missing.row(0).city).toBe(null);
  });
});
