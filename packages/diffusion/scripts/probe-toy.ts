import { parseOptions, Rng, type ViewTable } from '@synthkit/core';
import { ddpm } from '../src/ddpm-plugin.js';

function toyView(n: number, seed: number): ViewTable {
  const rng = new Rng(seed);
  const a = new Int32Array(n),
    b = new Int32Array(n),
    x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    a[i] = rng.next() < 0.7 ? 0 : 1;
    x[i] = rng.normal(a[i] === 0 ? 0 : 6, 1);
    b[i] = rng.next() < (a[i] === 0 ? 0.9 : 0.1) ? 0 : 1;
  }
  return {
    nRows: n,
    columns: [
      { kind: 'discrete', name: 'A', codes: a, labels: ['a', 'b'] },
      { kind: 'continuous', name: 'x', values: x },
      { kind: 'discrete', name: 'B', codes: b, labels: ['p', 'q'] },
    ],
  };
}
const iterations = Number(process.argv[2] ?? 500);
const plugin = ddpm({
  hidden: '64,64',
  iterations,
  batchSize: 256,
  timesteps: 100,
  backend: 'wasm',
  learningRate: Number(process.argv[3] ?? 0.004),
});
const t0 = performance.now();
const model = await plugin.fit(toyView(3000, 1), parseOptions(plugin.options, {}), {
  rng: new Rng(1),
  progress: (e) => {
    if (e.stage === 'epoch' && e.done % 50 === 0) console.log(e.done, JSON.stringify(e.metrics));
  },
});
console.log('fit s', (performance.now() - t0) / 1000);
let share = 0,
  n = 0,
  agree = 0;
for await (const v of model.sample(2000, {
  rng: new Rng(5),
  progress: () => {},
  conditions: [],
  batchSize: 2000,
} as never)) {
  const a = (v.columns[0] as { codes: Int32Array }).codes;
  const b = (v.columns[2] as { codes: Int32Array }).codes;
  for (let i = 0; i < a.length; i++) {
    share += a[i] === 0 ? 1 : 0;
    agree += a[i] === b[i] ? 1 : 0;
    n++;
  }
}
console.log('share a', share / n, 'agree', agree / n);
