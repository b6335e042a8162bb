/**
 * Where a TVAE training step's time goes on the onnx engine (Adult, batch 500, default widths): noise
 * draws, batch gathering, the onnxruntime run, against the same-process matMul baseline.
 *   npx tsx --conditions=@synthkit/source packages/neural/scripts/profile-train-tvae.ts
 */
import { fillNormalQuantized, loadOrt, selectBackend } from '@synthkit/neural';
import { TvaeOnnxTrainer } from '../../vae/src/tvae-onnx-trainer.js';
import { adultTvae } from './adult-tvae.js';
import { matmulBaselineMs, median } from './baseline.js';

await selectBackend('wasm');
const { view, encoder, layout, net, rng } = adultTvae();
const data = layout.gather(encoder.transform(view, rng), rng.permutation(view.nRows));
const trainer = await TvaeOnnxTrainer.open((await loadOrt())!, net);
const n = 500;
const D = layout.dim;
const t: Record<string, number[]> = { noise: [], step: [], 'step (cpu time)': [], baseline: [] };
for (let r = 0; r < 60; r++) {
  let s = performance.now();
  fillNormalQuantized(rng, new Float32Array(n * 128));
  t.noise!.push(performance.now() - s);
  s = performance.now();
  const cpu = process.cpuUsage();
  const lo = (r * n) % (view.nRows - n);
  await trainer.step(data.subarray(lo * D, (lo + n) * D), n, rng);
  t.step!.push(performance.now() - s);
  const c = process.cpuUsage(cpu);
  t['step (cpu time)']!.push((c.user + c.system) / 1000);
  if (r % 10 === 0) t.baseline!.push(matmulBaselineMs(5));
}
console.log(`params ${net.params.size}, network width ${D}`);
for (const [k, v] of Object.entries(t)) console.log(k, median(v).toFixed(2), 'ms');
console.log(
  'steps per Adult epoch',
  Math.ceil(26049 / n),
  '→ s/epoch ≈',
  ((median(t.step!) * Math.ceil(26049 / n)) / 1000).toFixed(2),
);
