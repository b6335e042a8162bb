/**
 * Where CTGAN sampling time goes for 4,000 rows (one onnxruntime call): uniforms and conditions,
 * generator (with the Box–Muller noise in the graph), decoding.
 *   npx tsx --conditions=@synthkit/source packages/neural/scripts/profile-sample.ts
 */
import { Rng } from '@synthkit/core';
import {
  ConditionalSampler,
  fillUniformOpen,
  loadOrt,
  NetworkLayout,
  selectBackend,
  TabularEncoder,
} from '@synthkit/neural';
import { CtganNetwork } from '../../gan/src/ctgan-network.js';
import { csvView } from '../test/csv-view.js';
import { matmulBaselineMs } from './baseline.js';

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
const session = await net.generatorSession((await loadOrt())!);
const E = 128;
const rows = 4000;
const t: Record<string, number[]> = { noise: [], generator: [], inverse: [], baseline: [] };
for (let r = 0; r < 5; r++) {
  let s = performance.now();
  const u = fillUniformOpen(rng, new Float32Array(rows * E));
  const { column, category } = sampler.sampleOriginal(rows, rng);
  const cond = sampler.encode(column, category);
  t.noise!.push(performance.now() - s);
  s = performance.now();
  const raw = await session.run({ u, c: cond }, rows);
  t.generator!.push(performance.now() - s);
  s = performance.now();
  encoder.inverse(raw, rows, { categorical: 'sample', rng, layout });
  t.inverse!.push(performance.now() - s);
  t.baseline!.push(matmulBaselineMs(5));
}
for (const [k, v] of Object.entries(t)) console.log(k, (v.sort((a, b) => a - b)[2] ?? 0).toFixed(1), 'ms');
