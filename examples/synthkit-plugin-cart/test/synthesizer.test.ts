import { fileURLToPath } from 'node:url';
import { formatCsv, Synthesizer, type Table } from '@synthkit/core';
import { readCsvFile } from '@synthkit/core/node';
import { qualityReport } from '@synthkit/evaluate';
import { beforeAll, describe, expect, it } from 'vitest';
import { cart, cartGenerator } from '../src/index.js';
import { adultPath } from './helpers.js';

// The whole path a user takes: core's CSV reader, metadata detection, view and Synthesizer.
let adult: Table;
let synth: Synthesizer;

beforeAll(async () => {
  ({ table: adult } = await readCsvFile(fileURLToPath(adultPath)));
  // metadata detected at fit, as in the README's example
  synth = new Synthesizer({ generator: cart() });
  await synth.fit(adult, { seed: 0 });
});

function categories(t: Table, name: string): string[] {
  const c = t.column(name);
  if (c.type !== 'categorical') throw new Error(`${name} is ${c.type}`);
  return Array.from(c.codes, (k) => c.categories[k]!);
}

function numbers(t: Table, name: string): Float64Array {
  const c = t.column(name);
  if (c.type !== 'number') throw new Error(`${name} is ${c.type}`);
  return c.values;
}

describe('cart through the Synthesizer on Adult', () => {
  it('scores at least 0.90 on the SDMetrics Quality Report', async () => {
    const synthetic = await synth.sample(adult.nRows, { seed: 1 });
    const report = qualityReport({ real: adult, synthetic, metadata: synth.metadata! });
    expect(report.overall).toBeGreaterThanOrEqual(0.9);
    for (const s of report.columnShapes) expect(s.score, s.column).toBeGreaterThan(0.95);
  });

  it('writes the same CSV for the same seed, and again after save and load', async () => {
    const a = formatCsv(await synth.sample(3000, { seed: 7 }), synth.metadata!);
    expect(formatCsv(await synth.sample(3000, { seed: 7 }), synth.metadata!)).toBe(a);
    expect(formatCsv(await synth.sample(3000, { seed: 8 }), synth.metadata!)).not.toBe(a);
    const bytes = synth.save();
    const loaded = await Synthesizer.load(bytes, { plugins: [cartGenerator] });
    expect(loaded.generatorInfo.name).toBe('cart');
    expect(formatCsv(await loaded.sample(3000, { seed: 7 }), loaded.metadata!)).toBe(a);
  });

  it('honours user conditions on categories and numbers', async () => {
    const out = await synth.sample(2000, {
      seed: 2,
      conditions: { sex: 'Female', age: { min: 30, max: 40 } },
    });
    expect(out.nRows).toBe(2000);
    expect(new Set(categories(out, 'sex'))).toEqual(new Set([' Female']));
    expect(numbers(out, 'age').every((v) => v >= 30 && v <= 40 && Number.isInteger(v))).toBe(true);
    const husbands = categories(out, 'relationship').filter((r) => r === ' Husband').length;
    expect(husbands).toBeLessThan(10);
  });

  it('balances a column through conditional sampling', async () => {
    const out = await synth.sample(2000, { seed: 3, balance: { column: 'income' } });
    const rich = categories(out, 'income').filter((v) => v === ' >50K').length;
    expect(Math.abs(rich - 1000)).toBeLessThanOrEqual(1);
  });
});
