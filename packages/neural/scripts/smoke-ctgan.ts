import { parseOptions, Rng } from '@synthkit/core';
import { ctgan } from '@synthkit/gan';
import { csvView } from '../test/csv-view.js';
import { matmulBaselineMs, median } from './baseline.js';

const rows = Number(process.argv[2] ?? 26049);
const epochs = Number(process.argv[3] ?? 2);
const backend = process.argv[4] ?? 'wasm';
const view = csvView('adult', rows);
const plugin = ctgan({ epochs, backend });
const t0 = performance.now();
const model = await plugin.fit(view, parseOptions(plugin.options), {
  rng: new Rng(1),
  progress: (e) =>
    console.log(e.stage, e.done, e.total ?? '', e.message ?? '', JSON.stringify(e.metrics ?? {})),
});
console.log('fit s', ((performance.now() - t0) / 1000).toFixed(2));
// Generator-level sampling speed (no Synthesizer transforms), medians of 3 runs of 100,000 rows.
const rates: number[] = [];
for (let r = 0; r < 3; r++) {
  const t1 = performance.now();
  let n = 0;
  for await (const b of model.sample(100000, {
    rng: new Rng(2 + r),
    progress: () => {},
    conditions: [],
    batchSize: 5000,
  }))
    n += b.nRows;
  rates.push(n / ((performance.now() - t1) / 1000));
}
console.log('sample rows/s', Math.round(median(rates)), 'baseline matmul ms', matmulBaselineMs().toFixed(2));
