/**
 * Trains a generator directly on a ViewTable of Adult (no Synthesizer) and measures
 * generator-level sampling speed (medians of 3 runs of 100,000 rows) against the same-process
 * matMul baseline.
 *   npx tsx --conditions=@synthkit/source packages/neural/scripts/smoke.ts ctgan|tvae [rows] [epochs] [backend]
 */
import { parseOptions, Rng } from '@synthkit/core';
import { ctgan } from '@synthkit/gan';
import { tvae } from '@synthkit/vae';
import { csvView } from '../test/csv-view.js';
import { matmulBaselineMs, median } from './baseline.js';

const [generator = 'ctgan', rowsArg = '26049', epochsArg = '2', backend = 'wasm'] = process.argv.slice(2);
const view = csvView('adult', Number(rowsArg));
const options = { epochs: Number(epochsArg), backend };
const plugin = generator === 'tvae' ? tvae(options) : ctgan(options);
const t0 = performance.now();
const model = await plugin.fit(view, parseOptions(plugin.options) as never, {
  rng: new Rng(1),
  progress: (e) =>
    console.log(e.stage, e.done, e.total ?? '', e.message ?? '', JSON.stringify(e.metrics ?? {})),
});
console.log('fit s', ((performance.now() - t0) / 1000).toFixed(2));
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
