import { Rng, type ViewTable } from '@synthkit/core';
import { describe, expect, it } from 'vitest';
import { csvView } from '../../test/csv-view.js';
import { TabularEncoder } from './tabular-encoder.js';

const view = csvView('adult', 2000);

describe('TabularEncoder', () => {
  it('round-trips: inverse(transform(x)) gives x back (float32 precision, categories exact)', () => {
    const enc = TabularEncoder.fit(view);
    const encoded = enc.transform(view, new Rng(1));
    expect(encoded.length).toBe(view.nRows * enc.dim);
    // transform holds activated values; inverse expects raw outputs, so undo tanh on α first.
    const raw = encoded.slice();
    for (const s of enc.spans)
      if (s.kind === 'tanh')
        for (let i = 0; i < view.nRows; i++)
          raw[i * enc.dim + s.start] = Math.atanh(raw[i * enc.dim + s.start]!);
    const back = enc.inverse(raw, view.nRows, { categorical: 'argmax' });
    view.columns.forEach((col, j) => {
      const out = back.columns[j]!;
      expect(out.name).toBe(col.name);
      if (col.kind === 'discrete' && out.kind === 'discrete') expect([...out.codes]).toEqual([...col.codes]);
      if (col.kind === 'continuous' && out.kind === 'continuous') {
        const scale = Math.max(...col.values.map(Math.abs)) || 1;
        // Values beyond ±0.99·4σ of their mode are clipped by design (CTGAN does the same).
        let close = 0;
        for (let i = 0; i < view.nRows; i++)
          if (Math.abs(out.values[i]! - col.values[i]!) <= 1e-4 * scale) close++;
        expect(close / view.nRows).toBeGreaterThan(0.99);
      }
    });
  });

  it('lays out a tanh span then a mode span per continuous column and a one-hot per discrete column', () => {
    const enc = TabularEncoder.fit(view);
    const age = enc.columns.find((c) => c.name === 'age')!;
    expect(age.kind).toBe('continuous');
    const spans = enc.spans.filter((s) => s.column === 0);
    expect(spans.map((s) => s.kind)).toEqual(['tanh', 'softmax']);
    const encoded = enc.transform(view, new Rng(2));
    for (let i = 0; i < 50; i++) {
      let ones = 0;
      for (const s of enc.spans)
        if (s.kind === 'softmax')
          for (let c = 0; c < s.size; c++) ones += encoded[i * enc.dim + s.start + c]!;
      expect(ones).toBe(enc.spans.filter((s) => s.kind === 'softmax').length);
    }
  });

  it('draws modes deterministically from the seed', () => {
    const enc = TabularEncoder.fit(view);
    expect(enc.transform(view, new Rng(3))).toEqual(enc.transform(view, new Rng(3)));
  });

  it('saves to JSON and back exactly', () => {
    const enc = TabularEncoder.fit(view);
    const again = TabularEncoder.fromJSON(JSON.parse(JSON.stringify(enc.toJSON())));
    expect(again.transform(view, new Rng(4))).toEqual(enc.transform(view, new Rng(4)));
  });

  it('fits Adult with at most 10 modes per column', () => {
    const enc = TabularEncoder.fit(csvView('adult'), { maxModes: 10, weightThreshold: 0.005 });
    for (const c of enc.columns) if (c.kind === 'continuous') expect(c.means.length).toBeLessThanOrEqual(10);
  });

  it('rejects bad input with a SynthkitError', () => {
    const nan: ViewTable = {
      nRows: 2,
      columns: [{ kind: 'continuous', name: 'x', values: Float64Array.of(1, Number.NaN) }],
    };
    expect(() => TabularEncoder.fit(nan)).toThrow(
      expect.objectContaining({ code: 'BAD_VALUE', column: 'x', row: 2 }),
    );
    const code: ViewTable = {
      nRows: 1,
      columns: [{ kind: 'discrete', name: 'c', codes: Int32Array.of(3), labels: ['a'] }],
    };
    expect(() => TabularEncoder.fit(code)).toThrow(expect.objectContaining({ code: 'BAD_VALUE' }));
    expect(() => TabularEncoder.fit({ nRows: 3, columns: [] })).toThrow(
      expect.objectContaining({ code: 'EMPTY_INPUT' }),
    );
    expect(() => TabularEncoder.fit(view, { maxModes: 0 })).toThrow(
      expect.objectContaining({ code: 'BAD_OPTION' }),
    );
  });

  it('keeps a constant column constant', () => {
    const v: ViewTable = {
      nRows: 4,
      columns: [{ kind: 'continuous', name: 'k', values: new Float64Array(4).fill(3.25) }],
    };
    const enc = TabularEncoder.fit(v);
    const out = enc.inverse(new Float32Array(4 * enc.dim).fill(0.7), 4, { categorical: 'argmax' });
    expect([...(out.columns[0] as { values: Float64Array }).values]).toEqual([3.25, 3.25, 3.25, 3.25]);
  });
});
