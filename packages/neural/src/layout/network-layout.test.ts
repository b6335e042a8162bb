import { Rng } from '@synthkit/core';
import { describe, expect, it } from 'vitest';
import { csvView } from '../../test/csv-view.js';
import { TabularEncoder } from '../encoder/tabular-encoder.js';
import { NetworkLayout } from './network-layout.js';

describe('NetworkLayout', () => {
  const view = csvView('adult', 500);
  const enc = TabularEncoder.fit(view);
  const layout = new NetworkLayout(enc);
  const encoded = enc.transform(view, new Rng(1));

  it('puts tanh columns first and pads every softmax span to its bucket width', () => {
    expect(layout.tanhCount).toBe(enc.spans.filter((s) => s.kind === 'tanh').length);
    const soft = layout.buckets.reduce((s, b) => s + b.count * b.width, 0);
    expect(layout.dim).toBe(layout.tanhCount + soft);
    expect(layout.padding.length).toBe(soft);
    for (const b of layout.buckets) expect(b.width).toBeGreaterThan(0);
  });

  it('round-trips rows through the network layout, with zeros at padding', () => {
    const rows = Int32Array.from({ length: view.nRows }, (_, i) => i);
    const net = layout.gather(encoded, rows);
    const T = layout.tanhCount;
    for (let i = 0; i < view.nRows; i++)
      for (let j = 0; j < layout.padding.length; j++)
        if (layout.padding[j]) expect(net[i * layout.dim + T + j]).toBe(0);
    expect(layout.toEncoded(net, view.nRows)).toEqual(encoded);
  });
});

describe('TabularEncoder.inverse with a network layout', () => {
  it('decodes network-layout rows exactly as the same rows in the encoder layout', () => {
    const view = csvView('adult', 200);
    const enc = TabularEncoder.fit(view);
    const layout = new NetworkLayout(enc);
    const rng = new Rng(5);
    const net = Float32Array.from({ length: 200 * layout.dim }, () => rng.normal());
    const a = enc.inverse(net, 200, { categorical: 'sample', rng: new Rng(6), layout });
    const b = enc.inverse(layout.toEncoded(net, 200), 200, { categorical: 'sample', rng: new Rng(6) });
    expect(a).toEqual(b);
  });
});
