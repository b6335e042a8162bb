import { describe, expect, it } from 'vitest';
import { conformanceTable } from '../conformance/dataset.js';
import { independentMarginals } from '../generators/independent-marginals.js';
import type { ViewTable } from '../plugin/types.js';
import { Synthesizer } from '../synthesizer/synthesizer.js';
import { fitViewPlan, toView } from '../synthesizer/view.js';
import { range } from './range.js';
import { negative, positive } from './sign.js';

const { table, metadata } = conformanceTable(300);
const income = (v: ViewTable) =>
  (v.columns.find((c) => c.name === 'income') as { values: Float64Array }).values;

describe('range, positive, negative', () => {
  const plan = fitViewPlan(table, metadata);
  const view = toView(plan, table);

  it('reparametrise reversibly (logit of the scaled value; log distance to one bound)', () => {
    const cases = [
      [range('income', { min: 0, max: 1e6 }), 0, 1e6],
      [range('income', { min: 1 }), 1, Number.POSITIVE_INFINITY],
      [range('income', { max: 1e6 }), Number.NEGATIVE_INFINITY, 1e6],
      [positive('income'), 0, Number.POSITIVE_INFINITY],
    ] as const;
    for (const [c, lo, hi] of cases) {
      const r = c.fit(table, plan).reparam!(view);
      const z = r.forward(view);
      expect(income(z)).not.toEqual(income(view));
      const back = income(r.reverse(z));
      for (const [i, x] of income(view).entries()) expect(back[i]).toBeCloseTo(x, 6);
      // any real number maps back inside the range
      const wild = Float64Array.from([-1e3, -50, 0, 50, 700]);
      const z5 = {
        nRows: 5,
        columns: z.columns.map((col) =>
          col.name === 'income'
            ? { ...col, values: wild }
            : {
                ...col,
                ...(col.kind === 'continuous'
                  ? { values: new Float64Array(5) }
                  : { codes: new Int32Array(5) }),
              },
        ),
      };
      const out = income(r.reverse(z5));
      expect(out.every((x) => x >= lo && x <= hi)).toBe(true);
    }
  });

  it('keeps every sampled value in range and refuses data outside it', async () => {
    const synth = new Synthesizer({
      generator: independentMarginals(),
      metadata,
      constraints: [range('age', { min: 20, max: 80 })],
    });
    await expect(synth.fit(table)).rejects.toMatchObject({
      code: 'CONSTRAINT_VIOLATED_BY_DATA',
      column: 'age',
    });
    const ok = new Synthesizer({
      generator: independentMarginals(),
      metadata: {
        ...metadata,
        constraints: [
          { type: 'range', column: 'income', min: 1000, max: 200_000 },
          { type: 'positive', column: 'age', strict: true },
        ],
      },
    });
    await ok.fit(table);
    const out = await ok.sample(1000, { seed: 9 });
    const v = (out.column('income') as { values: Float64Array }).values;
    expect(v.every((x) => x >= 1000 && x <= 200_000)).toBe(true);
    await expect(
      new Synthesizer({ generator: independentMarginals(), metadata, constraints: [negative('income')] }).fit(
        table,
      ),
    ).rejects.toMatchObject({
      code: 'CONSTRAINT_VIOLATED_BY_DATA',
      row: 1,
      message: expect.stringContaining('negative(income)'),
    });
  });

  it('rejects bad specs clearly', () => {
    return expect(
      new Synthesizer({
        generator: independentMarginals(),
        metadata,
        constraints: [{ type: 'range', column: 'age' }],
      }).fit(table),
    ).rejects.toMatchObject({
      code: 'BAD_METADATA',
    });
  });

  it('passes a condition on a constrained column to the generator in its own units', async () => {
    const seen: unknown[] = [];
    const base = independentMarginals();
    const spy = {
      ...base,
      async fit(...args: Parameters<typeof base.fit>) {
        const m = await base.fit(...args);
        return {
          save: () => m.save(),
          sample: (n: number, c: Parameters<typeof m.sample>[1]) => {
            seen.push(...c.conditions);
            return m.sample(n, c);
          },
        };
      },
    };
    const synth = new Synthesizer({ generator: spy, metadata, constraints: [positive('income')] });
    await synth.fit(table);
    const out = await synth.sample(500, { seed: 1, conditions: { income: { min: 20_000, max: 30_000 } } });
    const v = (out.column('income') as { values: Float64Array }).values;
    expect(v.every((x) => x >= 20_000 && x <= 30_000)).toBe(true);
    const passed = seen.find((c) => (c as { column: string }).column === 'income') as {
      min: number;
      max: number;
    };
    expect(passed.min).toBeCloseTo(Math.log1p(20_000), 6);
    expect(passed.max).toBeCloseTo(Math.log1p(30_000), 6);
  });
});
