import { Rng, type ViewTable } from '@synthkit/core';
import { describe, expect, it } from 'vitest';
import { csvView } from '../../test/csv-view.js';
import { TabularEncoder } from '../encoder/tabular-encoder.js';
import { NetworkLayout } from '../layout/network-layout.js';
import { fillNormal } from '../random/noise.js';
import { DecodeGraph, type DecodeGraphOptions } from './decode-graph.js';
import { ForwardGraph } from './forward-graph.js';
import { loadOrt } from './ort-runtime.js';

const view = csvView('adult', 400, ['age', 'workclass', 'education', 'sex', 'hours-per-week', 'income']);
const encoder = TabularEncoder.fit(view);
const layout = new NetworkLayout(encoder);

/** Decodes raw network rows on onnxruntime (input `raw` straight into the DecodeGraph). */
async function decodeOnOrt(raw: Float32Array, rows: number, options: DecodeGraphOptions): Promise<ViewTable> {
  const decoder = new DecodeGraph(encoder, layout, options);
  const f = new ForwardGraph({ raw: layout.dim, ...decoder.inputs });
  const session = await f.session((await loadOrt())!, decoder.append(f, 'raw'), decoder.outputWidth);
  const out = await session.run({ raw, ...decoder.feeds(rows, new Rng(5)) }, rows);
  await session.release();
  return decoder.toView(out, rows);
}

function col(t: ViewTable, name: string): Float64Array | Int32Array {
  const c = t.columns.find((x) => x.name === name)!;
  return c.kind === 'continuous' ? c.values : c.codes;
}

describe('DecodeGraph', () => {
  it('decodes by argmax as TabularEncoder.inverse does', async () => {
    const rows = 300;
    const raw = fillNormal(new Rng(1), new Float32Array(rows * layout.dim)).map((x) => 3 * x);
    const viaOrt = await decodeOnOrt(raw, rows, { categorical: 'argmax' });
    const viaJs = encoder.inverse(raw, rows, { categorical: 'argmax', layout });
    for (const c of viaJs.columns) {
      const a = col(viaOrt, c.name);
      const b = col(viaJs, c.name);
      if (c.kind === 'discrete') expect([...a]).toEqual([...b]);
      else for (let i = 0; i < rows; i++) expect(a[i]!).toBeCloseTo(b[i]!, 3);
    }
  });

  it('draws categories with softmax probabilities and adds σ noise to α', async () => {
    // One raw row repeated: the draws of each span should follow its softmax.
    const rows = 20000;
    const one = fillNormal(new Rng(2), new Float32Array(layout.dim));
    const raw = new Float32Array(rows * layout.dim);
    for (let i = 0; i < rows; i++) raw.set(one, i * layout.dim);
    const sigma = new Float32Array(layout.tanhCount).fill(0.05);
    const drawn = await decodeOnOrt(raw, rows, { categorical: 'sample', valueNoise: sigma });
    encoder.columns.forEach((enc, j) => {
      if (enc.kind !== 'discrete') return;
      const start = layout.fromEncoded[enc.offset]!;
      const logits = [...one.subarray(start, start + enc.labels.length)];
      const z = logits.reduce((a, l) => a + Math.exp(l), 0);
      const codes = col(drawn, enc.name);
      logits.forEach((l, c) => {
        const freq = codes.filter((x) => x === c).length / rows;
        // 20,000 draws: a frequency's standard error is at most 0.0035.
        expect(Math.abs(freq - Math.exp(l) / z), `${enc.name} category ${c} (column ${j})`).toBeLessThan(
          0.015,
        );
      });
    });
    // α = tanh(raw) + N(0, 0.05²): an age value spreads by 4·σ_mode·0.05 around its mode's centre.
    const ages = col(drawn, 'age');
    expect(new Set(ages).size).toBeGreaterThan(1000);
  });
});
