import { Rng } from '@synthkit/core';
import { ddpm } from '../src/ddpm-plugin.js';
import { loadAdultView } from '../test/adult-view.js';

const iterations = Number(process.argv[2] ?? 40);
const hidden = process.argv[3] ?? '256,256,256,256';
const view = await loadAdultView();
const plugin = ddpm({ iterations, hidden, backend: process.argv[4] ?? 'wasm' });
const t0 = performance.now();
const model = await plugin.fit(
  view,
  plugin.options
    ? (Object.fromEntries(Object.entries(plugin.options).map(([k, v]) => [k, v.default])) as never)
    : ({} as never),
  {
    rng: new Rng(1),
    progress: (e) => {
      if (e.stage === 'epoch') console.log(e.done, e.total, JSON.stringify(e.metrics));
    },
  },
);
const secs = (performance.now() - t0) / 1000;
console.log(`fit ${secs.toFixed(1)} s, ${((secs * 1000) / iterations).toFixed(1)} ms/step`);
const t1 = performance.now();
let rows = 0;
for await (const b of model.sample(2000, {
  rng: new Rng(2),
  progress: () => {},
  conditions: [],
  batchSize: 2000,
}))
  rows += b.nRows;
console.log(`sampled ${rows} rows in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
