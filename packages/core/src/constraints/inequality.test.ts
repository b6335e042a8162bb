import { describe, expect, it } from 'vitest';
import { conformanceTable } from '../conformance/dataset.js';
import { independentMarginals } from '../generators/independent-marginals.js';
import type { GeneratorPlugin } from '../plugin/types.js';
import { Synthesizer } from '../synthesizer/synthesizer.js';
import { Table } from '../table/table.js';
import { inequality } from './inequality.js';

const { table, metadata } = conformanceTable(300);

/** The baseline generator, counting the rows it is asked for (to see whether rejection was needed). */
function counting() {
  const base = independentMarginals();
  const drawn = { rows: 0 };
  const generator: GeneratorPlugin<any> = {
    ...base,
    async fit(view, o, ctx) {
      const m = await base.fit(view, o, ctx);
      return {
        save: () => m.save(),
        sample: (n, c) => {
          drawn.rows += n;
          return m.sample(n, c);
        },
      };
    },
  };
  return { generator, drawn };
}

describe('inequality', () => {
  it('holds by construction: check-out never before check-in, with no rejection', async () => {
    const { generator, drawn } = counting();
    const synth = new Synthesizer({ generator, metadata, constraints: [inequality('checkin', 'checkout')] });
    await synth.fit(table);
    const out = await synth.sample(2000, { seed: 4 });
    const a = (out.column('checkin') as { values: Float64Array }).values;
    const b = (out.column('checkout') as { values: Float64Array }).values;
    expect(a.every((x, i) => x <= b[i]!)).toBe(true);
    expect(drawn.rows).toBe(2000);
    // independent marginals alone would break it often
    const free = new Synthesizer({ generator: independentMarginals(), metadata });
    await free.fit(table);
    const o2 = await free.sample(2000, { seed: 4 });
    const a2 = (o2.column('checkin') as { values: Float64Array }).values;
    const b2 = (o2.column('checkout') as { values: Float64Array }).values;
    expect(a2.filter((x, i) => x > b2[i]!).length).toBeGreaterThan(200);
  });

  it('comes from the metadata JSON too, and names the first violating row of the data', async () => {
    const synth = new Synthesizer({
      generator: independentMarginals(),
      metadata: { ...metadata, constraints: [{ type: 'inequality', low: 'checkout', high: 'checkin' }] },
    });
    await expect(synth.fit(table)).rejects.toMatchObject({
      code: 'CONSTRAINT_VIOLATED_BY_DATA',
      column: 'checkin',
      row: 1,
      message: expect.stringContaining('inequality(checkout <= checkin)'),
    });
  });

  it('is enforced by rejection when a column has missing values, and is strict when asked', async () => {
    const t = new Table([
      [
        'lo',
        {
          type: 'number',
          values: Float64Array.from({ length: 200 }, (_, i) => (i % 10 === 0 ? Number.NaN : i % 50)),
        },
      ],
      [
        'hi',
        { type: 'number', values: Float64Array.from({ length: 200 }, (_, i) => (i % 50) + 1 + (i % 7)) },
      ],
    ]);
    const md = {
      version: 1 as const,
      columns: {
        lo: { sdtype: 'numerical' as const, representation: 'integer' as const },
        hi: { sdtype: 'numerical' as const, representation: 'integer' as const },
      },
    };
    const synth = new Synthesizer({
      generator: independentMarginals(),
      metadata: md,
      constraints: [inequality('lo', 'hi', { strict: true })],
    });
    await synth.fit(t);
    const out = await synth.sample(1000, { seed: 1 });
    const lo = (out.column('lo') as { values: Float64Array }).values;
    const hi = (out.column('hi') as { values: Float64Array }).values;
    expect(lo.some(Number.isNaN)).toBe(true);
    expect(lo.every((x, i) => Number.isNaN(x) || x < hi[i]!)).toBe(true);
  });
});
