/**
 * Where a CTGAN training iteration's time goes on the onnx engine (Adult, batch 500, default
 * widths): drawing the random inputs in JavaScript against the onnxruntime run.
 *   npx tsx --conditions=@synthkit/source packages/neural/scripts/profile-train-ctgan.ts
 */
import { Rng } from '@synthkit/core';
import { ConditionalSampler, loadOrt, NetworkLayout, selectBackend, TabularEncoder } from '@synthkit/neural';
import { CtganNetwork, conditionTargets } from '../../gan/src/ctgan-network.js';
import { CtganOnnxTrainer } from '../../gan/src/ctgan-onnx-trainer.js';
import { drawStepInputs, type StepSource } from '../../gan/src/ctgan-step-inputs.js';
import { csvView } from '../test/csv-view.js';
import { matmulBaselineMs, median } from './baseline.js';

await selectBackend('wasm');
const view = csvView('adult');
const encoder = TabularEncoder.fit(view);
const layout = new NetworkLayout(encoder);
const sampler = ConditionalSampler.fromView(view);
const shape = {
  embeddingDim: 128,
  generatorDim: [256, 256],
  discriminatorDim: [256, 256],
  pac: 10,
  tau: 0.2,
};
const rng = new Rng(1);
const net = new CtganNetwork(shape, layout, sampler.dim, conditionTargets(encoder, sampler, layout), rng, {
  lrG: 2e-4,
  lrD: 2e-4,
  decayG: 1e-6,
  decayD: 1e-6,
});
const source: StepSource = {
  shape,
  layout,
  condDim: sampler.dim,
  condTargets: net.condTargets,
  data: encoder.transform(view, rng),
  nRows: view.nRows,
  sampler,
};
// One and two intra-op threads, alternated step by step so both see the same load.
const ort = (await loadOrt())!;
const trainers = [
  await CtganOnnxTrainer.open(ort, net, 500, 1, 10, 1),
  await CtganOnnxTrainer.open(ort, net, 500, 1, 10, 2),
];
const t: Record<string, number[]> = { draw: [], 'step, 1 thread': [], 'step, 2 threads': [], baseline: [] };
for (let r = 0; r < 60; r++) {
  let s = performance.now();
  const inputs = drawStepInputs(source, 500, 1, rng);
  t.draw!.push(performance.now() - s);
  s = performance.now();
  await trainers[r % 2]!.step(inputs);
  t[r % 2 ? 'step, 2 threads' : 'step, 1 thread']!.push(performance.now() - s);
  if (r % 10 === 0) t.baseline!.push(matmulBaselineMs(5));
}
console.log(
  `network width ${layout.dim}, conditional ${sampler.dim}, critic input ${10 * (layout.dim + sampler.dim)}`,
);
for (const [k, v] of Object.entries(t)) console.log(k, median(v).toFixed(2), 'ms');
