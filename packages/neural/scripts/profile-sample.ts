/**
 * Where CTGAN sampling time goes for 4,096 rows (CPU time, steadier than wall time on a loaded
 * machine): noise and conditions, one onnxruntime call (generator with the condition rows gathered,
 * decoding with the category draws), building the view.
 *   npx tsx --conditions=@synthkit/source packages/neural/scripts/profile-sample.ts
 */
import { Rng } from '@synthkit/core';
import {
  ConditionalSampler,
  DecodeGraph,
  fillNormalQuantized,
  loadOrt,
  NetworkLayout,
  selectBackend,
  TabularEncoder,
} from '@synthkit/neural';
import { CtganNetwork } from '../../gan/src/ctgan-network.js';
import { csvView } from '../test/csv-view.js';
import { matmulBaselineMs, median } from './baseline.js';

await selectBackend('wasm');
const view = csvView('adult', 26049);
const encoder = TabularEncoder.fit(view);
const layout = new NetworkLayout(encoder);
const sampler = ConditionalSampler.fromView(view);
const rng = new Rng(1);
const net = new CtganNetwork(
  { embeddingDim: 128, generatorDim: [256, 256], discriminatorDim: [256, 256], pac: 10, tau: 0.2 },
  layout,
  sampler.dim,
  new Int32Array(sampler.dim),
  rng,
  {
    lrG: 2e-4,
    lrD: 2e-4,
    decayG: 0,
    decayD: 0,
  },
);
const decoder = new DecodeGraph(encoder, layout, { categorical: 'sample' });
const ort = (await loadOrt())!;
const sessions = [
  await net.generatorSession(ort, decoder, { threads: 1, precision: 'float32' }),
  await net.generatorSession(ort, decoder, { threads: 1, precision: 'int8' }),
  await net.generatorSession(ort, decoder, { threads: 0, precision: 'float32' }),
  await net.generatorSession(ort, decoder, { threads: 0, precision: 'int8' }),
];
const names = ['1 thread, float32', '1 thread, int8', 'one per core, float32', 'one per core, int8'];
const E = 128;
const rows = 4096;
const t: Record<string, number[]> = {
  'noise and conditions': [],
  ...Object.fromEntries(names.map((n) => [`onnx run, ${n}`, []])),
  'to view': [],
  baseline: [],
};
const cpu = () => {
  const c = process.cpuUsage();
  return () => {
    const d = process.cpuUsage(c);
    return (d.user + d.system) / 1000;
  };
};
// Threads and precision alternated, so every variant sees the same load; wall time for the runs.
for (let r = 0; r < 40; r++) {
  let done = cpu();
  const z = fillNormalQuantized(rng, new Float32Array(rows * E));
  const { column, category } = sampler.sampleOriginal(rows, rng);
  const feeds = { z, c: sampler.indices(column, category), ...decoder.feeds(rows, rng) };
  t['noise and conditions']!.push(done());
  const s = performance.now();
  const out = await sessions[r % 4]!.run(feeds, rows);
  t[`onnx run, ${names[r % 4]}`]!.push(performance.now() - s);
  done = cpu();
  decoder.toView(out, rows);
  t['to view']!.push(done());
  if (r % 8 === 0) t.baseline!.push(matmulBaselineMs(5));
}
for (const [k, v] of Object.entries(t))
  console.log(k, median(v).toFixed(1), 'ms', k === 'baseline' || k.startsWith('onnx') ? '(wall)' : '(cpu)');
